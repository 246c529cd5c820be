r"""The gap between a cue and the one before it is shorter than the minimum (83 ms by default).

When one caption replaces another with no pause, the eye does not notice the
change; the Netflix guide asks for at least two frames between subtitles
(83 ms at 23.976 fps), Subtitle Edit for 24 ms.  Cues that touch (gap 0)
are reported too.  Overlaps are ``cue-overlap``'s business.  Off unless
selected or switched on by a preset.

.. rubric:: Options

``min-ms`` (``83``)
    the shortest acceptable gap in milliseconds.

.. rubric:: Fix

None.

.. rubric:: Examples

Failing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:04.000
    Welcome to the show.

    00:00:04.000 --> 00:00:06.000
    Today we talk about Python 3.8.

Passing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:03.900
    Welcome to the show.

    00:00:04.000 --> 00:00:06.000
    Today we talk about Python 3.8.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from ..base import Context, Finding, Option
from ._timing import stamp, start_column

ID = "min-gap"
LEVEL = "warning"
ENABLED = False
FORMATS = frozenset({"vtt", "srt", "json", "whisper", "sbv", "ttml"})
OPTIONS: dict[str, Option] = {
    "min-ms": Option(int, 83, "the shortest acceptable gap between cues in milliseconds"),
}
FIX = None


def check(ctx: Context) -> Iterator[Finding]:
    least = int(ctx.options.get("min-ms", 83))
    cues = ctx.cues
    fmt = ctx.format
    for previous, cue in pairwise(cues):
        if previous.end_ms is None:
            continue
        gap = cue.start_ms - previous.end_ms
        if 0 <= gap < least:
            yield Finding(
                cue.line, start_column(ctx, cue),
                f"cue starts at {stamp(fmt, cue.start_ms)}, {gap} ms after the cue above it at "
                f"line {previous.line} ends ({stamp(fmt, previous.end_ms)}), less than the "
                f"minimum gap of {least} ms; end that cue earlier",
            )
