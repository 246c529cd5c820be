r"""A cue stays on screen longer than the maximum time (7 seconds by default).

A caption that lingers after its words were spoken is out of sync with the
speech; the Netflix guide caps a subtitle at 7 seconds, Subtitle Edit at 8.
Long cues in a transcript usually mean several sentences that should be
split.  Off unless selected or switched on by a preset.

.. rubric:: Options

``max-ms`` (``7000``)
    the longest acceptable duration in milliseconds.

.. rubric:: Fix

None.

.. rubric:: Examples

Failing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:09.000
    Welcome to the show.

Passing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:03.000
    Welcome to the show.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Context, Finding, Option
from ._timing import end_column

ID = "max-duration"
LEVEL = "warning"
ENABLED = False
FORMATS = frozenset({"vtt", "srt", "json", "whisper", "sbv", "ttml"})
OPTIONS: dict[str, Option] = {
    "max-ms": Option(int, 7000, "the longest acceptable duration in milliseconds"),
}
FIX = None


def check(ctx: Context) -> Iterator[Finding]:
    most = int(ctx.options.get("max-ms", 7000))
    for cue in ctx.cues:
        duration = cue.duration_ms
        if duration is not None and duration > most:
            yield Finding(
                cue.line, end_column(ctx, cue),
                f"cue lasts {duration} ms, more than the maximum of {most} ms; split it",
            )
