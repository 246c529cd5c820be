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

from collections.abc import Iterator
from operator import lt
from typing import cast

from ..base import Context, Finding, Option
from ._timing import end_column, stamp, times

ID = "end-before-start"
LEVEL = "error"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "json"})
OPTIONS: dict[str, Option] = {}
FIX = None


def check(ctx: Context) -> Iterator[Finding]:
    starts, ends = times(ctx)
    if None not in ends and not any(map(lt, cast("list[int]", ends), starts)):
        return
    fmt = ctx.format
    for cue in ctx.transcript.cues:
        if cue.end_ms is not None and cue.end_ms < cue.start_ms:
            yield Finding(
                cue.line, end_column(ctx, cue),
                f"cue ends at {stamp(fmt, cue.end_ms)}, before it starts "
                f"({stamp(fmt, cue.start_ms)}); players never show it: fix the times",
            )
