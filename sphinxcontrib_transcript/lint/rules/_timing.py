"""What the timing rules share: the cues each finds, the times, positions, messages.

Timing rules compare each cue with the one before it in file order.  The
cues they want come from the file's timing summary (``ctx.timing``): worked
out with C-level passes over the time columns, or given by the WebVTT
reader's fast paths as they read (canonical times compare as written), so a
rule never makes the times of such a file, only looks up those of the cues it
reports.
"""

from __future__ import annotations

from ...model import Cue, Format
from ...timecode import format_clock, format_seconds, format_srt, format_vtt
from ..base import Context
from ._columns import column

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any


def times(ctx: Context) -> tuple[Sequence[Any], Sequence[Any]]:
    """``(starts, ends)`` of the cues in file order, in milliseconds (ends may hold
    ``None``)."""
    return column(ctx, "start_ms"), column(ctx, "end_ms")


def in_sequence(ctx: Context) -> bool:
    """Whether every cue ends at or after its start and starts at or after the end
    of the one before it: then no cue is out of order, overlaps or ends before it
    starts (``False`` when a cue has no end)."""
    return ctx.timing.in_sequence


def zero_durations(ctx: Context) -> list[int]:
    """Indexes of the cues that end when they start (in sequence or not)."""
    return ctx.timing.zero_durations


def ends_before_starts(ctx: Context) -> list[int]:
    """Indexes of the cues that end before they start."""
    return ctx.timing.ends_before_starts


def out_of_order(ctx: Context) -> list[int]:
    """Indexes *i* of the cues that start before cue *i - 1* starts."""
    return ctx.timing.out_of_order


def overlap_candidates(ctx: Context) -> list[int]:
    """Indexes *i* of the cues that start before cue *i - 1* ends."""
    return ctx.timing.overlaps


def stamp(fmt: Format, ms: int) -> str:
    """A time the way the file writes it (JSON: seconds)."""
    if fmt == "vtt":
        return format_vtt(ms)
    if fmt == "srt":
        return format_srt(ms)
    if fmt == "txt":
        return format_clock(ms)
    return format_seconds(ms) + " s"


def start_column(ctx: Context, cue: Cue) -> int:
    """Column of the start time on the cue's timing line (its first non-blank character)."""
    return start_column_at(ctx, cue.line)


def canonical_timing(ctx: Context) -> bool:
    """Whether every timing line is ``HH:MM:SS.mmm --> HH:MM:SS.mmm`` and nothing else,
    and holds the file's only ``-->`` (as the WebVTT reader's fast paths know of the
    files they read)."""
    return ctx.timing.canonical


def start_column_at(ctx: Context, number: int) -> int:
    """Column of the start time on timing line *number* (its first non-blank character)."""
    if canonical_timing(ctx):
        return 1  # no need to look at the line to know it
    line = ctx.line(number)
    if line is None:
        return 1
    return len(line) - len(line.lstrip()) + 1


def end_column(ctx: Context, cue: Cue) -> int:
    """Column of the end time on a WebVTT or SRT timing line (else the start's)."""
    return end_column_at(ctx, cue.line, cue.start_ms)


def end_column_at(ctx: Context, number: int, start_ms: int | None = None) -> int:
    """Column of the end time on WebVTT or SRT timing line *number* (else the start's);
    *start_ms*, the cue's start, spares cutting a canonical file into lines."""
    if canonical_timing(ctx):
        # "HH:MM:SS.mmm --> ": hours of two digits, or more in a long recording.
        width = len(format_vtt(start_ms)) if start_ms is not None else len("HH:MM:SS.mmm")
        return width + len(" --> ") + 1
    line = ctx.line(number) if ctx.format in ("vtt", "srt") else None
    if line is not None:
        arrow = line.find("-->")
        if arrow >= 0:
            rest = line[arrow + 3 :]
            return arrow + 3 + len(rest) - len(rest.lstrip()) + 1
    return start_column_at(ctx, number)


class Edited:
    """A time column as a fix's plan changes it: the new times kept apart, the
    rest looked up in the column (a file with a few cues to fix makes no list
    of all its times)."""

    __slots__ = ("_changed", "_column")

    def __init__(self, column: Sequence[int]) -> None:
        self._column = column
        self._changed: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self._column)

    def __getitem__(self, index: int) -> int:
        found = self._changed.get(index)
        return self._column[index] if found is None else found

    def __setitem__(self, index: int, value: int) -> None:
        self._changed[index] = value
