r"""The text holds U+FFFD REPLACEMENT CHARACTER (``�``).

A ``�`` is what a program writes when it could not decode some bytes: the
original character was lost in an earlier conversion and the transcript now
shows a question mark in a diamond where a word had a letter.  Nothing can
restore it mechanically; look the word up in the audio or an older version.
When this file itself is not valid UTF-8 (``invalid-utf8``), the ``�`` seen
while reading it are not in the file and are not reported here.

.. rubric:: Options

None.

.. rubric:: Fix

None: the lost character must be put back by hand.

.. rubric:: Examples

Failing (``example.txt``)::

    00:00:01 Welcome, Jos\ufffd!

Passing (``example.txt``)::

    00:00:01 Welcome, José!
"""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Context, Finding, Option

ID = "replacement-character"
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "txt", "json", "md", "whisper", "sbv", "ttml", "html"})
OPTIONS: dict[str, Option] = {}
FIX = None

_MARK = "\ufffd"


def check(ctx: Context) -> Iterator[Finding]:
    if _MARK not in ctx.text:
        return
    if any(d.rule == "invalid-utf8" for d in ctx.diagnostics):
        return  # the decoder put them there; invalid-utf8 says so
    for number, line in enumerate(ctx.lines, 1):
        column = line.find(_MARK)
        while column >= 0:
            yield Finding(
                number, column + 1,
                "U+FFFD replacement character: a character was lost in an earlier "
                "conversion; put the right one back",
            )
            column = line.find(_MARK, column + 1)
