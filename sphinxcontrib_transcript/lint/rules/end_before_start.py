r"""A cue ends before it starts.

A negative duration is always a typing slip (two digits swapped, an hour
left out).  Browsers never show such a cue, so its text is lost to viewers.

.. rubric:: Options

None.

.. rubric:: Fix

None: which of the two times is wrong is for a person to say.

.. rubric:: Examples

Failing (``example.vtt``)::

    WEBVTT

    00:00:05.000 --> 00:00:04.000
    Welcome to the show.

Passing (``example.vtt``)::

    WEBVTT

    00:00:04.000 --> 00:00:05.000
    Welcome to the show.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..base import Context, Finding, Option
from ._columns import column
from ._timing import end_column_at, ends_before_starts, stamp, times

ID = "end-before-start"
LEVEL = "error"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "json", "whisper", "sbv", "ttml"})
OPTIONS: dict[str, Option] = {}
FIX = None


def check(ctx: Context) -> Iterator[Finding]:
    found = ends_before_starts(ctx)
    if not found:
        return
    fmt = ctx.format
    starts, ends = times(ctx)
    lines: Sequence[int] = column(ctx, "line")
    for i in found:
        yield Finding(
            lines[i], end_column_at(ctx, lines[i], starts[i]),
            f"cue ends at {stamp(fmt, ends[i])}, before it starts "
            f"({stamp(fmt, starts[i])}); players never show it: fix the times",
        )
