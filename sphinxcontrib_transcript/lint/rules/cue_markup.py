r"""WebVTT cue text markup is malformed: unclosed or unknown tags, bad character references.

Browsers never fail on cue text: they drop unknown tags, ignore end tags
that close nothing and close what is left open at the end of the cue.  The
text then shows differently from what was written: italics run on, a
``<v Name>`` without a name loses the speaker, ``&copy2020`` turns into
``©2020``, an unclosed ``<`` swallows the rest of the line.  The message
says what the browser does and what to write instead.

A bare ``&`` before a word that starts no character reference (``AT&T``,
``Q&A``, ``R&D``) is shown as written, so it is not reported unless
``strict-ampersands`` is set (the WebVTT syntax asks for ``&amp;``; the
talk-python transcripts write them bare).

.. rubric:: Options

``strict-ampersands`` (``false``)
    also report a bare ``&`` that browsers show as written (``AT&T``).

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

from collections.abc import Iterator, Sequence
from itertools import compress, repeat
from operator import contains, or_

from ..base import Context, Finding, Option
from ._columns import column

ID = "cue-markup"
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"vtt"})
OPTIONS: dict[str, Option] = {
    "strict-ampersands": Option(
        bool, False, "also report a bare & that browsers show as written (AT&T)"
    ),
}
FIX = None


def check(ctx: Context) -> Iterator[Finding]:
    text = ctx.text
    if "<" not in text and "&" not in text:
        return
    from ... import markup  # only for files with markup

    texts: Sequence[str] = column(ctx, "text")
    text_lines: Sequence[int] = column(ctx, "text_line")  # columns: no Cue object is made
    literal = not ctx.options.get("strict-ampersands", False)
    # The payloads with "<" or "&", picked out in C.
    marked = map(or_, map(contains, texts, repeat("<")), map(contains, texts, repeat("&")))
    for index in compress(range(len(texts)), marked):
        for offset, col, message in markup.problems(texts[index], literal_ampersands=literal):
            yield Finding(text_lines[index] + offset, col, message)
