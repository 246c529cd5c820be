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

from collections.abc import Iterable, Iterator
from itertools import compress, count
from operator import lt

from ..base import Context, Finding, Option
from ._columns import column
from ._timing import end_column_at, in_sequence, keys, ms, stamp

ID = "end-before-start"
LEVEL = "error"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "json"})
OPTIONS: dict[str, Option] = {}
FIX = None


def check(ctx: Context) -> Iterator[Finding]:
    if in_sequence(ctx):
        return
    starts, ends = keys(ctx)
    found: Iterable[int]
    if None in ends:  # JSON segments without an end
        found = [i for i, end in enumerate(ends) if end is not None and end < starts[i]]
    else:
        # Picked out in C; the other cues are never looked at.
        found = list(compress(count(), map(lt, ends, starts)))
    if not found:
        return
    fmt = ctx.format
    lines: list[int] = column(ctx, "line")
    for i in found:
        yield Finding(
            lines[i], end_column_at(ctx, lines[i]),
            f"cue ends at {stamp(fmt, ms(ends[i]))}, before it starts "
            f"({stamp(fmt, ms(starts[i]))}); players never show it: fix the times",
        )
