r"""A cue is on screen for less than the minimum time (833 ms by default).

A caption that flashes by cannot be read: the Netflix guide asks for at least
five sixths of a second (20 frames at 24 fps), Subtitle Edit for one second.
Zero and negative durations are left to ``zero-duration`` and
``end-before-start``.  Off unless selected or switched on by a preset.

.. rubric:: Options

``min-ms`` (``833``)
    the shortest acceptable duration in milliseconds.

.. rubric:: Fix

None.

.. rubric:: Examples

Failing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:01.400
    Hi.

Passing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:02.000
    Hi.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Context, Finding, Option
from ._timing import end_column

ID = "min-duration"
LEVEL = "warning"
ENABLED = False
FORMATS = frozenset({"vtt", "srt", "json", "whisper", "sbv", "ttml"})
OPTIONS: dict[str, Option] = {
    "min-ms": Option(int, 833, "the shortest acceptable duration in milliseconds"),
}
FIX = None


def check(ctx: Context) -> Iterator[Finding]:
    least = int(ctx.options.get("min-ms", 833))
    for cue in ctx.cues:
        duration = cue.duration_ms
        if duration is not None and 0 < duration < least:
            yield Finding(
                cue.line, end_column(ctx, cue),
                f"cue lasts {duration} ms, less than the minimum of {least} ms; show it longer "
                "or merge it with a neighbour",
            )
