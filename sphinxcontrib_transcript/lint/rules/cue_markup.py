r"""WebVTT cue text markup is malformed: unclosed or unknown tags, bad character references.

Browsers never fail on cue text: they drop unknown tags, ignore end tags
that close nothing and close what is left open at the end of the cue.  The
text then shows differently from what was written: italics run on, a
``<v Name>`` without a name loses the speaker, ``AT&T`` may turn into a
character, an unclosed ``<`` swallows the rest of the line.  The message
says what the browser does and what to write instead.

.. rubric:: Options

None.

.. rubric:: Fix

None.

.. rubric:: Examples

Failing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:02.000
    <v>Welcome</v> to <i>the show.

Passing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:02.000
    <v Michael>Welcome</v> to <i>the show.</i>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Context, Finding, Option
from ._columns import column

ID = "cue-markup"
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"vtt"})
OPTIONS: dict[str, Option] = {}
FIX = None


def check(ctx: Context) -> Iterator[Finding]:
    text = ctx.text
    if "<" not in text and "&" not in text:
        return
    from ... import markup  # only for files with markup

    texts: list[str] = column(ctx, "text")
    text_lines: list[int] = column(ctx, "text_line")  # columns: no Cue object is made
    for payload, first in zip(texts, text_lines, strict=True):
        if "<" in payload or "&" in payload:
            for offset, col, message in markup.problems(payload):
                yield Finding(first + offset, col, message)
