r"""A line of cue text is longer than the maximum (42 characters by default).

Long lines are hard to read and get wrapped by the player wherever it
likes.  Counted as shown: markup and voice names are not counted, spaces and
punctuation are.  Guides differ: Netflix and Amazon 42 characters, Subtitle
Edit 43, Podcasting 2.0 recommends at most 65 for WebVTT and 32 for SRT
(``srt-max``).  Off unless selected or switched on by a preset (timestamped
text and JSON hold paragraphs, not display lines, and are not checked).

.. rubric:: Options

``max`` (``42``)
    the most characters on one line.
``srt-max`` (``0``)
    the limit for SRT files; ``0`` means the same as ``max``.

.. rubric:: Fix

None: break the line, or split the cue.

.. rubric:: Examples

Failing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:04.000
    Welcome to Talk Python To Me, a weekly podcast on Python.

Passing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:04.000
    Welcome to Talk Python To Me,
    a weekly podcast on Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import Cue
from ..base import Context, Finding, Option
from ._edit import PayloadPositions

ID = "line-too-long"
LEVEL = "warning"
ENABLED = False
FORMATS = frozenset({"vtt", "srt", "sbv"})
OPTIONS: dict[str, Option] = {
    "max": Option(int, 42, "the most characters on one line"),
    "srt-max": Option(int, 0, "the limit for SRT files; 0 means the same as max"),
}
FIX = None

# A pattern string, not a compiled pattern: ``re`` compiles it on first use
# (and caches it), so importing the rule costs nothing on the clean path.
# A tag stops at the next "<" ("{"): with "[^>]*" a line of ten thousand "<"
# and no ">" was scanned to its end from each "<", which is quadratic.
_SRT_TAGS = r"<[^<>\n]*>|\{\\[^{}\n]*\}"


def _limit(ctx: Context) -> int:
    """The limit for this file's format (SRT may have its own)."""
    most = int(ctx.options.get("max", 42))
    if ctx.format == "srt":
        most = int(ctx.options.get("srt-max", 0)) or most
    return most


def _shown_lines(cue: Cue, fmt: str) -> list[str]:
    """The cue's lines as a viewer sees them (markup removed)."""
    text = cue.text
    if "<" not in text and "&" not in text and "{" not in text:
        return text.split("\n")
    if fmt == "srt":  # SRT tags; the speaker label is shown, so keep it
        return re.sub(_SRT_TAGS, "", text).split("\n")
    return cue.plain_text.split("\n")


def check(ctx: Context) -> Iterator[Finding]:
    most = _limit(ctx)
    fmt = ctx.format
    for cue in ctx.cues:
        if len(cue.text) <= most:
            continue  # no line can be longer than the whole text
        raw = cue.text.split("\n")
        positions = PayloadPositions(ctx, cue)
        offset = 0  # where line *index* starts in cue.text
        for index, shown in enumerate(_shown_lines(cue, fmt)):
            if index:
                offset += len(raw[index - 1]) + 1 if index <= len(raw) else 0
            if len(shown) <= most:
                continue
            line, col = positions.at(min(offset, len(cue.text)))
            if index < len(raw) and raw[index] == shown:
                col += most  # point at the first character over the limit
            yield Finding(line, col, f"line is {len(shown)} characters long, more than {most}")
