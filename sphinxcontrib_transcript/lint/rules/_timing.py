"""What the timing rules share: the cue times as lists, positions and messages.

Timing rules compare each cue with the one before it in file order.  They
first test the whole file with one C-level pass over the lists of start and
end times (``map(operator.lt, ...)``), and walk cue by cue only when that
finds something, because almost every file is clean.
"""

from __future__ import annotations

from ...model import Cue, Format
from ...timecode import format_clock, format_srt, format_vtt
from ..base import Context
from ._columns import column, derived

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def times(ctx: Context) -> tuple[list[int], list[int | None]]:
    """``(starts, ends)`` of the cues in file order (ends may hold ``None``)."""
    return column(ctx, "start_ms"), column(ctx, "end_ms")


def keys(ctx: Context) -> tuple[list[Any], list[Any]]:
    """``(starts, ends)`` as values that compare (``==``, ``<``) as the times do.

    The times as written when the reader kept them (canonical WebVTT: one
    width, so the strings sort as the times), which spares converting every
    time of a clean file; otherwise :func:`times`.  :func:`ms` converts one.
    """
    transcript = ctx.transcript
    starts = transcript._known_column("start_key")
    ends = transcript._known_column("end_key")
    if starts is None or ends is None:
        return times(ctx)
    return starts, ends


def in_sequence(ctx: Context) -> bool:
    """Whether every cue ends at or after its start and starts at or after the end
    of the one before it: then no cue is out of order, overlaps or ends before it
    starts.  Known only for canonical WebVTT (``False`` otherwise): its times in
    file order, sorted, are themselves (one C pass, no call per cue)."""
    return bool(derived(ctx, "in-sequence", _in_sequence))


def _in_sequence(ctx: Context) -> bool:
    keys = ctx.transcript._known_column("time_keys")
    return keys is not None and keys == sorted(keys)


def ms(key: Any) -> Any:
    """Milliseconds of a value from :func:`keys` (``None`` stays ``None``)."""
    if not isinstance(key, str):
        return key
    # Canonical HH:MM:SS.mmm, as the reader checked.
    return ((int(key[0:2]) * 60 + int(key[3:5])) * 60 + int(key[6:8])) * 1000 + int(key[9:12])


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
    and holds the file's only ``-->`` (the reader kept the times as written only
    then: :func:`keys`)."""
    return ctx.transcript._known_column("start_key") is not None


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
