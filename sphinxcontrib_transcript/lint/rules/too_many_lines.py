r"""A cue has more lines of text than the maximum (2 by default).

Captions of three or more lines cover the picture and take longer to read
than the cue lasts; every subtitle guide (Netflix, Amazon, BBC, Podcasting
2.0 for SRT, Subtitle Edit) allows two.  Off unless selected or switched on
by a preset.

.. rubric:: Options

``max`` (``2``)
    the most lines in one cue.
``srt-max`` (``0``)
    the limit for SRT files; ``0`` means the same as ``max``.

.. rubric:: Fix

None: split the cue.

.. rubric:: Examples

Failing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:04.000
    Welcome to Talk Python To Me,
    a weekly podcast on Python,
    the language, the libraries.

Passing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:04.000
    Welcome to Talk Python To Me,
    a weekly podcast on Python.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..base import Context, Finding, Option
from ._columns import column

ID = "too-many-lines"
LEVEL = "warning"
ENABLED = False
FORMATS = frozenset({"vtt", "srt", "sbv"})
OPTIONS: dict[str, Option] = {
    "max": Option(int, 2, "the most lines in one cue"),
    "srt-max": Option(int, 0, "the limit for SRT files; 0 means the same as max"),
}
FIX = None


def check(ctx: Context) -> Iterator[Finding]:
    most = int(ctx.options.get("max", 2))
    if ctx.format == "srt":
        most = int(ctx.options.get("srt-max", 0)) or most
    texts: Sequence[str] = column(ctx, "text")
    for cue, text in zip(ctx.cues, texts, strict=True):
        count = text.count("\n") + 1
        if count > most and text.strip():
            yield Finding(
                cue.text_line + most, 1,
                f"cue has {count} lines, more than {most}; split it into two cues",
            )
