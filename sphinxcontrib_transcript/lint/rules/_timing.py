"""What the timing rules share: the cues each finds, the times, positions, messages.

Timing rules compare each cue with the one before it in file order.  The
cues they want are picked out here with C-level passes over the start and
end times (``map(operator.lt, ...)``, no call per cue), and the rules look
only at those, because almost every file is clean.  The WebVTT reader's
fast paths pick them out as they read (canonical times compare as written),
so a rule never makes the times of such a file, only looks up those of the
cues it reports.
"""

from __future__ import annotations

from itertools import compress, count, islice
from operator import eq, gt, le, lt

from ...model import Cue, Format
from ...timecode import format_clock, format_srt, format_vtt
from ..base import Context
from ._columns import column, derived

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any


def times(ctx: Context) -> tuple[Sequence[Any], Sequence[Any]]:
    """``(starts, ends)`` of the cues in file order, in milliseconds (ends may hold
    ``None``)."""
    return column(ctx, "start_ms"), column(ctx, "end_ms")


def in_sequence(ctx: Context) -> bool:
    """Whether every cue ends at or after its start and starts at or after the end
    of the one before it: then no cue is out of order, overlaps or ends before it
    starts.  ``False`` when a cue has no end (the question is then the rules' to
    answer).  The WebVTT reader knows it of the files its fast paths read;
    otherwise two C passes over the times, no call per cue."""
    return bool(derived(ctx, "in-sequence", _in_sequence))


def _in_sequence(ctx: Context) -> bool:
    known = ctx.transcript._fact("in_sequence")
    if isinstance(known, bool):
        return known
    starts, ends = times(ctx)
    if None in ends:
        return False
    return all(map(le, starts, ends)) and all(map(le, ends, islice(starts, 1, None)))


def _indexes(
    ctx: Context, fact: str, pick: Callable[[Sequence[Any], Sequence[Any]], list[int]],
    *, ordered_none: bool = True,
) -> list[int]:
    """Cue indexes the reader found as it read (the *fact*; see
    ``readers._bulk.time_columns``), else ``pick(starts, ends)`` over the time
    columns; ``[]`` without looking when *ordered_none* and the cues are in
    sequence (no cue can be out of order, overlap or end before it starts)."""
    known = ctx.transcript._fact(fact)
    if isinstance(known, list):
        return known
    if ordered_none and in_sequence(ctx):
        return []
    return pick(*times(ctx))


def _zero(starts: Sequence[Any], ends: Sequence[Any]) -> list[int]:
    return list(compress(count(), map(eq, ends, starts)))


def _backwards(starts: Sequence[Any], ends: Sequence[Any]) -> list[int]:
    if None in ends:  # JSON segments without an end
        return [i for i, end in enumerate(ends) if end is not None and end < starts[i]]
    return list(compress(count(), map(lt, ends, starts)))


def _unordered(starts: Sequence[Any], ends: Sequence[Any]) -> list[int]:
    return list(compress(count(1), map(lt, islice(starts, 1, None), starts)))


def _overlapping(starts: Sequence[Any], ends: Sequence[Any]) -> list[int]:
    if None in ends:
        return [i for i in range(1, len(starts))
                if ends[i - 1] is not None and ends[i - 1] > starts[i]]
    return list(compress(count(1), map(gt, ends, islice(starts, 1, None))))


def zero_durations(ctx: Context) -> list[int]:
    """Indexes of the cues that end when they start (in sequence or not)."""
    return _indexes(ctx, "zero_durations", _zero, ordered_none=False)


def ends_before_starts(ctx: Context) -> list[int]:
    """Indexes of the cues that end before they start."""
    return _indexes(ctx, "ends_before_starts", _backwards)


def out_of_order(ctx: Context) -> list[int]:
    """Indexes *i* of the cues that start before cue *i - 1* starts."""
    return _indexes(ctx, "out_of_order", _unordered)


def overlap_candidates(ctx: Context) -> list[int]:
    """Indexes *i* of the cues that start before cue *i - 1* ends."""
    return _indexes(ctx, "overlap_candidates", _overlapping)


def stamp(fmt: Format, ms: int) -> str:
    """A time the way the file writes it (JSON: seconds)."""
    if fmt == "vtt":
        return format_vtt(ms)
    if fmt == "srt":
        return format_srt(ms)
    if fmt == "txt":
        return format_clock(ms)
    return f"{ms / 1000:.3f}".rstrip("0").rstrip(".") + " s"


def start_column(ctx: Context, cue: Cue) -> int:
    """Column of the start time on the cue's timing line (its first non-blank character)."""
    return start_column_at(ctx, cue.line)


def canonical_timing(ctx: Context) -> bool:
    """Whether every timing line is ``HH:MM:SS.mmm --> HH:MM:SS.mmm`` and nothing else,
    and holds the file's only ``-->`` (as the WebVTT reader's fast paths know of the
    files they read)."""
    return ctx.transcript._fact("canonical_timing") is True


def start_column_at(ctx: Context, number: int) -> int:
    """Column of the start time on timing line *number* (its first non-blank character)."""
    if canonical_timing(ctx):
        return 1  # no need to cut the file into lines to know it
    lines = ctx.lines
    if not 0 < number <= len(lines):
        return 1
    line = lines[number - 1]
    return len(line) - len(line.lstrip()) + 1


def end_column(ctx: Context, cue: Cue) -> int:
    """Column of the end time on a WebVTT or SRT timing line (else the start's)."""
    return end_column_at(ctx, cue.line)


def end_column_at(ctx: Context, number: int) -> int:
    """Column of the end time on WebVTT or SRT timing line *number* (else the start's)."""
    if canonical_timing(ctx):
        return len("HH:MM:SS.mmm --> ") + 1
    lines = ctx.lines
    if ctx.format in ("vtt", "srt") and 0 < number <= len(lines):
        line = lines[number - 1]
        arrow = line.find("-->")
        if arrow >= 0:
            rest = line[arrow + 3 :]
            return arrow + 3 + len(rest) - len(rest.lstrip()) + 1
    return start_column_at(ctx, number)
