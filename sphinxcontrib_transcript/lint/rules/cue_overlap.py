r"""A cue starts before the cue above it has ended: both are on screen at once.

WebVTT allows overlapping cues (players stack them), but in a transcript of
one conversation an overlap is almost always a slip: an end time typed
wrong, a cue split by hand.  Viewers see two captions flash up together,
and a rendered transcript cannot say which comes first.  The talk-python
repository's history has 227 such edits, all fixed later by hand; its known
defects list treats them as defects, so this rule is an error.  Files that
overlap cues on purpose (two speakers placed apart) can set the level to
``warning``, allow small overlaps with ``tolerance-ms``, or switch it off.

A cue that starts even before the previous cue *starts* is ``cue-order``'s
business and is not reported here too.

.. rubric:: Options

``tolerance-ms`` (``0``)
    overlaps up to this many milliseconds are accepted.

.. rubric:: Fix

Unsafe: sets the earlier cue's end time to the later cue's start.  The
earlier cue then shows for less time, so check the result.

.. rubric:: Examples

Failing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:04.040
    Welcome to the show.

    00:00:04.000 --> 00:00:06.000
    Today we talk about Python 3.8.

Passing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:04.000
    Welcome to the show.

    00:00:04.000 --> 00:00:06.000
    Today we talk about Python 3.8.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from ...model import Cue
from ...timecode import format_srt, format_vtt, hms
from ..base import Context, Finding, Option
from ._columns import column
from ._edit import changed, join, split_keep
from ._timing import overlap_candidates, stamp, start_column_at, times

ID = "cue-overlap"
LEVEL = "error"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "json", "whisper", "sbv", "ttml"})
OPTIONS: dict[str, Option] = {
    "tolerance-ms": Option(int, 0, "overlaps up to this many milliseconds are accepted"),
}
FIX = "unsafe"


def _overlaps(ctx: Context) -> list[int]:
    """Indexes *i* of the cues that start before cue *i - 1* ends (beyond the tolerance)."""
    tolerance = int(ctx.options.get("tolerance-ms", 0))
    candidates: Iterable[int]
    if tolerance >= 0:
        # Only a cue starting before the one above ends can overlap it (most
        # files have none), and only those are looked at.
        candidates = overlap_candidates(ctx)
        if not candidates:
            return []
    starts, ends = times(ctx)
    if tolerance < 0:  # a gap shorter than -tolerance counts too: every cue is a candidate
        candidates = range(1, len(starts))
    found = []
    for i in candidates:
        end = ends[i - 1]
        if end is not None and starts[i - 1] <= starts[i] and end - starts[i] > tolerance:
            found.append(i)
    return found


def check(ctx: Context) -> Iterator[Finding]:
    found = _overlaps(ctx)
    if not found:
        return
    starts, ends = times(ctx)
    lines: Sequence[int] = column(ctx, "line")
    fmt = ctx.format
    for i in found:
        start, end = starts[i], ends[i - 1]
        yield Finding(
            lines[i], start_column_at(ctx, lines[i]),
            f"cue starts at {stamp(fmt, start)}, {end - start} ms "
            f"before the cue above it at line {lines[i - 1]} ends "
            f"({stamp(fmt, end)}); end that cue earlier or start this one later",
        )


def _retime(lines: list[str], cue: Cue, ms: int, fmt: str) -> bool:
    """Write *ms* as *cue*'s end time on its timing line, in the line's own style."""
    index = cue.line - 1
    line = lines[index]
    arrow = line.find("-->")
    if arrow < 0:
        return False
    start = arrow + 3
    while start < len(line) and line[start] in " \t":
        start += 1
    stop = start
    while stop < len(line) and line[stop] not in " \t":
        stop += 1
    old = line[start:stop]
    if fmt == "srt":
        new = format_srt(ms)
    else:
        new = format_vtt(ms)
        if old.count(":") == 1 and hms(ms)[0] == 0:
            new = new[3:]  # the file writes MM:SS.mmm: keep that
    lines[index] = line[:start] + new + line[stop:]
    return True


def fix(ctx: Context) -> bytes | None:
    found = _overlaps(ctx)
    if not found or ctx.format not in ("vtt", "srt"):
        return None
    cues = ctx.transcript.cues
    lines, endings = split_keep(ctx.text)
    for i in found:
        previous, cue = cues[i - 1], cues[i]
        if previous.start_ms < cue.start_ms:  # never make a cue zero-length
            _retime(lines, previous, cue.start_ms, ctx.format)
    return changed(ctx, join(lines, endings))
