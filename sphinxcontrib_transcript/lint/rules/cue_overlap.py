r"""A cue starts before the cue above it has ended: both are on screen at once.

WebVTT allows overlapping cues (players stack them), but in a transcript of
one conversation an overlap is almost always a slip: an end time typed
wrong, a cue split by hand.  Viewers see two captions flash up together,
and a rendered transcript cannot say which comes first.  The talk-python
repository's history has 227 such edits, all fixed later by hand; its known
defects list treats them as defects, so an overlap is an error.  A
near-miss is not: half of talk-python's overlaps are under 200 ms, which
nobody sees, so an overlap up to ``near-miss-ms`` is a warning.  Files that
overlap cues on purpose (two speakers placed apart) can set the level to
``warning``, allow small overlaps with ``tolerance-ms``, or switch it off.

A cue that starts even before the previous cue *starts* is ``cue-order``'s
business and is not reported here too.  Neither are the overlaps of YouTube's
rolling captions exported to SRT (one per cue): ``rolling-captions`` reports
the file once, and its fix removes them.

.. rubric:: Options

``tolerance-ms`` (``0``)
    overlaps up to this many milliseconds are accepted (not reported).
``near-miss-ms`` (``200``)
    overlaps up to this many milliseconds are warnings; longer ones get the
    rule's level (an error unless configured).
``min-ms`` (``500``)
    the shortest duration the fix leaves either cue, when there is room.

.. rubric:: Fix

Unsafe: moves the boundary between the two cues, one overlap after the
other in file order, so that the earlier cue ends where the later starts:

* where the earlier cue still lasts ``min-ms`` that way, it ends at the
  later cue's start (the later cue is left as it is);
* otherwise the later cue starts later, once the earlier has had
  ``min-ms`` (or all it had, if less) and if the later keeps ``min-ms``;
  two cues starting together are split this way;
* otherwise the boundary goes to the middle of the overlap.

A later cue never starts after the cue that follows it, and no cue is left
without duration; an overlap that cannot be resolved that way (three cues
starting together) is reported as not fixable.  Podcasting 2.0 JSON
segments are not retimed.  Check the result.

.. rubric:: Examples

Failing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:04.400
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

from collections.abc import Iterator, Sequence

from ..base import Context, Finding, Option
from . import _rolling
from ._columns import column, derived
from ._edit import changed
from ._retime import rewrite
from ._timing import Edited, overlap_candidates, stamp, start_column_at, times

ID = "cue-overlap"
LEVEL = "error"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "json", "whisper", "sbv", "ttml"})
OPTIONS: dict[str, Option] = {
    "tolerance-ms": Option(
        int, 0, "overlaps up to this many milliseconds are accepted", minimum=0
    ),
    "near-miss-ms": Option(
        int, 200, "overlaps up to this many milliseconds are warnings", minimum=0
    ),
    "min-ms": Option(
        int, 500, "the shortest duration the fix leaves either cue, when there is room",
        minimum=1,
    ),
}
FIX = "unsafe"


def _overlaps(ctx: Context) -> list[int]:
    """Indexes *i* of the cues that start before cue *i - 1* ends (beyond the tolerance)."""
    # Only a cue starting before the one above ends can overlap it (most files
    # have none), and only those are looked at.
    candidates = overlap_candidates(ctx)
    if not candidates:
        return []
    tolerance = int(ctx.options.get("tolerance-ms", 0))
    starts, ends = times(ctx)
    found = []
    for i in candidates:
        end = ends[i - 1]
        if end is not None and starts[i - 1] <= starts[i] and end - starts[i] > tolerance:
            found.append(i)
    return found


def check(ctx: Context) -> Iterator[Finding]:
    found = _overlaps(ctx)
    if not found or _rolling.rolls(ctx):
        return  # rolling captions overlap by design: rolling-captions reports the file
    starts, ends = times(ctx)
    lines: Sequence[int] = column(ctx, "line")
    fmt = ctx.format
    near = int(ctx.options.get("near-miss-ms", 200))
    plan = _plan(ctx)
    for i in found:
        start, end = starts[i], ends[i - 1]
        yield Finding(
            lines[i], start_column_at(ctx, lines[i]),
            f"cue starts at {stamp(fmt, start)}, {end - start} ms "
            f"before the cue above it at line {lines[i - 1]} ends "
            f"({stamp(fmt, end)}); end that cue earlier or start this one later",
            fixable=i in plan,
            level="warning" if end - start <= near else None,
        )


def _plan(ctx: Context) -> dict[int, int]:
    """The new boundary for each overlap the fix resolves: ``{i: ms}`` where cue
    *i - 1* will end and cue *i* start."""
    min_ms = int(ctx.options.get("min-ms", 500))
    tolerance = int(ctx.options.get("tolerance-ms", 0))
    key = f"cue-overlap:{min_ms}:{tolerance}"
    plan: dict[int, int] = derived(ctx, key, lambda c: _make_plan(c, min_ms))
    return plan


def _make_plan(ctx: Context, min_ms: int) -> dict[int, int]:
    found = _overlaps(ctx)
    if ctx.format not in ("vtt", "srt"):
        return {}
    starts, ends = times(ctx)
    start, end = Edited(starts), Edited(ends)  # as the plan changes them
    plan = {}
    for i in found:
        following = start[i + 1] if i + 1 < len(start) else None
        boundary = _boundary(start[i - 1], end[i - 1], start[i], end[i], following, min_ms)
        if boundary is not None:
            plan[i] = end[i - 1] = start[i] = boundary
    return plan


def _boundary(  # noqa: PLR0917 - two cues' times, the next start, the minimum
    first: int, first_end: int, second: int, second_end: int | None, following: int | None,
    min_ms: int,
) -> int | None:
    """Where cue A (*first* to *first_end*) should end and the overlapping cue B
    (*second* to *second_end*) start, or ``None`` when no boundary keeps both cues
    shown and B before the cue that follows it (which starts at *following*)."""
    if second_end is None or second_end <= second or first_end <= second:
        return None  # B has no duration to share (end-before-start, zero-duration)
    if second - first >= min_ms:
        return second  # A keeps min-ms: trim it, leave B as it is
    latest = second_end if following is None else min(second_end, following)
    keep_a = min(first + min_ms, first_end)  # A's min-ms, or all it had
    if second_end - keep_a >= min_ms and keep_a <= latest:
        return keep_a
    middle = (second + min(first_end, second_end)) // 2
    if first < middle < second_end and middle <= latest:
        return middle
    return None


def fix(ctx: Context) -> bytes | None:
    plan = _plan(ctx)
    if not plan:
        return None
    starts, _ = times(ctx)
    new: dict[int, tuple[int | None, int | None]] = {}
    for i, boundary in sorted(plan.items()):
        new[i - 1] = (new.get(i - 1, (None, None))[0], boundary)
        new[i] = (boundary if boundary != starts[i] else None, None)
    text = rewrite(ctx, new)
    return None if text is None else changed(ctx, text)
