r"""A cue ends at the very moment it starts, so it is never shown.

A zero-length cue is invisible in players, though its text is still in the
file (and in a rendered transcript).  Speech-to-text tools emit them for
words they could not time; the talk-python ``.vtt`` files hold 1,372 of them
in 220 files.  The W3C validator calls them errors; here they are a warning,
because the words are still there and most are harmless.

.. rubric:: Options

None.

.. rubric:: Fix

None: give the cue a real end time, or merge its text into a neighbour.

.. rubric:: Examples

Failing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:04.000
    Welcome to the show.

    00:00:04.000 --> 00:00:04.000
    Um.

Passing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:04.000
    Welcome to the show.

    00:00:04.000 --> 00:00:04.300
    Um.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..base import Context, Finding, Option
from ._columns import column
from ._timing import end_column_at, stamp, times, zero_durations

ID = "zero-duration"
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "json", "whisper", "sbv", "ttml"})
OPTIONS: dict[str, Option] = {}
FIX = None


def check(ctx: Context) -> Iterator[Finding]:
    found = zero_durations(ctx)
    if not found:
        return
    fmt = ctx.format
    starts, _ = times(ctx)
    lines: Sequence[int] = column(ctx, "line")
    # Only the zero-length cues are looked at (or their times made).
    for i in found:
        yield Finding(
            lines[i], end_column_at(ctx, lines[i]),
            f"cue starts and ends at {stamp(fmt, starts[i])}, so players never show it; "
            "give it an end time after its start",
        )
