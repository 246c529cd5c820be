r"""A cue ends at the very moment it starts, so it is never shown.

A zero-length cue is invisible in players, though its text is still in the
file (and in a rendered transcript).  Speech-to-text tools emit them: in the
talk-python ``.vtt`` files 987 of 1,372 repeat the words of the cue before
them and 65 those of the cue after (both shown), the other 320 hold words
that no player ever shows.  The W3C validator calls them all errors.  Here
one with words of its own is an error, since viewers never see those words;
one that repeats a neighbour's words (or is blank) hides nothing and is a
warning.

.. rubric:: Options

``min-ms`` (``500``)
    the shortest duration the fix gives a cue, and leaves the cue before it,
    when there is room for it.

.. rubric:: Fix

Unsafe: in file order,

* a zero-length cue that is blank, or whose words (case and punctuation
  aside) all stand, in order, in the cue before it or in the shown cue after
  it, is removed, block and all: it was never shown, and its words are
  shown beside it.  ``--fix`` says which cues it removed.
* one with words of its own gets time.  Where the gap after it is at least
  ``min-ms`` it takes from that gap ``min-ms``, or 50 ms per character
  (20 characters per second) when that is longer, up to the whole gap.
  Otherwise its start moves back into the cue before it: the two share
  their time in proportion to their lengths, each keeping at least
  ``min-ms``; when the two together last less than twice that, the
  boundary goes to the middle.

No overlap or out-of-order cue is made and no shown word is lost.  A
zero-length cue whose neighbours overlap it or are out of order is left to
``cue-overlap`` and ``cue-order`` first (it is reported as not fixable, and
``--unsafe-fixes`` comes back to it once they are fixed); so is one in a
Podcasting 2.0 JSON file.

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

from ..base import Context, Finding, Option, Repair
from ._columns import column, derived
from ._edit import changed
from ._retime import rewrite
from ._timing import Edited, end_column_at, stamp, times, zero_durations
from ._words import repeats

ID = "zero-duration"
LEVEL = "error"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "json", "whisper", "sbv", "ttml"})
OPTIONS: dict[str, Option] = {
    "min-ms": Option(
        int, 500, "the shortest duration the fix gives a cue and leaves its neighbour",
        minimum=1,
    ),
}
FIX = "unsafe"

#: The source of a removed cue that was blank (it repeats nothing).
BLANK = -1

#: Milliseconds per character a cue with room after it is given (20 per second,
#: ``reading-speed``'s default limit).
MS_PER_CHARACTER = 50


class _Plan:
    """What the fix will do: cues to remove (with the cue whose words they repeat),
    new ``(start, end)`` times by cue index, the zero-length cues it leaves
    alone, and those that hide nothing (repeats and blanks: warnings)."""

    def __init__(self) -> None:
        self.removed: dict[int, int] = {}
        self.times: dict[int, tuple[int | None, int | None]] = {}
        self.left: set[int] = set()
        self.repeats: dict[int, int] = {}


def _plan(ctx: Context) -> _Plan:
    min_ms = int(ctx.options.get("min-ms", 500))
    plan: _Plan = derived(ctx, f"zero-duration:{min_ms}", lambda c: _make_plan(c, min_ms))
    return plan


def _make_plan(ctx: Context, min_ms: int) -> _Plan:
    plan = _Plan()
    found = zero_durations(ctx)
    starts, ends = times(ctx)
    texts: Sequence[str] = column(ctx, "plain_text")
    start, end = Edited(starts), Edited(ends)  # as the plan changes them
    # JSON segments are not removed or retimed; nor is a cue whose neighbours are
    # out of order or overlap it (cue-order's and cue-overlap's to fix first).
    retimed = ctx.format in ("vtt", "srt")
    for i in found:
        previous = i - 1
        while previous in plan.removed:
            previous -= 1
        source = _repeated(i, previous, texts, starts, ends)
        if source is not None:
            plan.repeats[i] = source
        if not retimed or not _ordered(i, previous, start, end):
            plan.left.add(i)
        elif source is not None:
            plan.removed[i] = source
        else:
            _give_time(plan, i, previous, texts, (start, end), min_ms=min_ms)
    return plan


def _give_time(
    plan: _Plan, i: int, previous: int, texts: Sequence[str],
    times: tuple[Edited, Edited], *, min_ms: int,
) -> None:
    """Plan new times for zero-length cue *i* (and the end of the cue before it),
    or leave it when there is no room."""
    start, end = times
    new = _room(i, previous, texts, start, end, min_ms=min_ms)
    if new is None:
        plan.left.add(i)
        return
    begin, finish, previous_end = new
    plan.times[i] = (begin if begin != start[i] else None, finish)
    start[i], end[i] = begin, finish
    if previous_end is not None:
        end[previous] = previous_end
        plan.times[previous] = (plan.times.get(previous, (None, None))[0], previous_end)


def _ordered(i: int, previous: int, start: Edited, end: Edited) -> bool:
    """Whether zero-length cue *i* starts no earlier than the cue before it (the
    last one kept) ends, and no later than the cue after it starts: only then can
    it be removed or given time without making an overlap or a reorder."""
    at = start[i]
    if i + 1 < len(start) and start[i + 1] < at:
        return False
    return previous < 0 or (start[previous] <= at and end[previous] <= at)


def _repeated(
    i: int, previous: int, texts: Sequence[str], starts: Sequence[int], ends: Sequence[int]
) -> int | None:
    """The index of the neighbour whose words cue *i* repeats, :data:`BLANK` for a
    blank cue, ``None`` when it has words of its own."""
    text = texts[i]
    if not text.strip():
        return BLANK
    if previous >= 0 and repeats(text, texts[previous]):
        return previous
    following = i + 1
    shown = following < len(texts) and ends[following] != starts[following]
    if shown and repeats(text, texts[following]):
        return following
    return None


def _room(
    i: int, previous: int, texts: Sequence[str], start: Edited, end: Edited, *,
    min_ms: int,
) -> tuple[int, int, int | None] | None:
    """New ``(start, end, end of the cue before or None)`` for zero-length cue *i*, or
    ``None`` when its neighbours leave no room without an overlap or a reorder."""
    at = start[i]
    following = start[i + 1] if i + 1 < len(start) else None
    gap = None if following is None else following - at
    if gap is None or gap >= min_ms:
        wanted = max(min_ms, len(texts[i].strip()) * MS_PER_CHARACTER)
        return at, at + (wanted if gap is None else min(gap, wanted)), None
    finish = at + gap
    if previous < 0:
        begin = max(0, finish - min_ms)
        return (begin, finish, None) if begin < finish else None
    first = start[previous]
    span = finish - first
    if span < 2:
        return None
    if span >= 2 * min_ms:
        mine = max(len(texts[i].strip()), 1)
        theirs = max(len(texts[previous].strip()), 1)
        boundary = first + round(span * theirs / (theirs + mine))
        boundary = min(max(boundary, first + min_ms), finish - min_ms)
    else:
        boundary = first + span // 2
    if first < at:
        boundary = min(boundary, at)  # never start later than it said, if it can help
    previous_end = end[previous]
    assert previous_end is not None
    return boundary, finish, (boundary if boundary < previous_end else None)


def check(ctx: Context) -> Iterator[Finding]:
    found = zero_durations(ctx)
    if not found:
        return
    fmt = ctx.format
    starts, _ = times(ctx)
    lines: Sequence[int] = column(ctx, "line")
    plan = _plan(ctx)
    # Only the zero-length cues are looked at (or their times made).
    for i in found:
        repeat = i in plan.repeats
        if repeat and plan.repeats[i] == BLANK:
            what = "remove it (it is blank)"
        elif repeat:
            what = "remove it (its words are in the cue beside it)"
        else:
            what = "give it an end time after its start"
        yield Finding(
            lines[i], end_column_at(ctx, lines[i], starts[i]),
            f"cue starts and ends at {stamp(fmt, starts[i])}, so players never show it; {what}",
            fixable=i not in plan.left,
            level="warning" if repeat else None,
        )


def fix(ctx: Context) -> Repair | None:
    plan = _plan(ctx)
    if ctx.format not in ("vtt", "srt") or not (plan.removed or plan.times):
        return None
    text = rewrite(ctx, plan.times, sorted(plan.removed))
    if text is None:
        return None
    data = changed(ctx, text)
    if data is None:
        return None
    return Repair(data, _notes(ctx, plan), tuple(sorted(plan.removed)))


def _notes(ctx: Context, plan: _Plan) -> tuple[str, ...]:
    """One line per cue removed or given time, naming it by line and time."""
    cues = ctx.cues
    fmt = ctx.format
    notes = []
    zero = [i for i in plan.times if cues[i].start_ms == cues[i].end_ms]
    for index in sorted([*plan.removed, *zero]):
        cue = cues[index]
        where = f"the zero-length cue at line {cue.line} ({stamp(fmt, cue.start_ms)})"
        if index in plan.removed:
            source = plan.removed[index]
            why = "it was blank" if source == BLANK else (
                f"its words are in the cue at line {cues[source].line}")
            notes.append(f"removed {where}: {why}")
        else:
            begin, finish = plan.times[index]
            begin = cue.start_ms if begin is None else begin
            assert finish is not None
            notes.append(f"gave {where} the time {stamp(fmt, begin)} --> {stamp(fmt, finish)}")
    return tuple(notes)
