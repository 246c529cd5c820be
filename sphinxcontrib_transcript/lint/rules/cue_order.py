r"""A cue starts before the cue above it: the cues are out of order.

Players show cues by time, but people read and edit the file top to bottom,
and a rendered transcript follows file order, so a cue out of place is text
out of place.  In the talk-python transcripts this was the most frequent hand
edit gone wrong: a line pasted a few lines too high.

The rule finds the longest run of cues already in order (a longest
non-decreasing subsequence of the start times) and reports each cue outside
it, at its timing line (in timestamped text, its timestamp line), with the
cue it belongs after by its time.  So the line pasted too high is the one
named, not the cue below it, and one moved cue is one problem.  When two
neighbours are swapped either could be the one moved: the later is named.

.. rubric:: Options

None.

.. rubric:: Fix

Unsafe: sorts the cues by start time, moving each cue's block (identifier,
timing line, text, and any comment after it) as a whole; cues with the same
start keep their order.  Timestamped text paragraphs are sorted the same
way (JSON segments are not moved).  The fix cannot know whether the time
or the position is wrong, so check the result.

.. rubric:: Examples

Failing (``example.txt``)::

    00:00:01 Welcome to the show.

    00:00:09 Let's start with the walrus.

    00:00:05 Today we talk about Python 3.8.

Passing (``example.txt``)::

    00:00:01 Welcome to the show.

    00:00:05 Today we talk about Python 3.8.

    00:00:09 Let's start with the walrus.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import compress, count, islice, pairwise
from operator import lt, not_

from ..base import Context, Finding, Option
from ._columns import column, derived
from ._edit import changed, join, same_cues, split_keep
from ._timing import out_of_order, stamp, start_column_at, times

ID = "cue-order"
LEVEL = "error"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "txt", "json", "md", "whisper", "sbv", "ttml", "html"})
OPTIONS: dict[str, Option] = {}
FIX = "unsafe"


def _outside_run(starts: Sequence[int]) -> bytearray:
    """Which cues are in one longest non-decreasing run of *starts* (a 1 a cue),
    found in O(n log n): patience sorting from the last cue back (a non-increasing run of
    the starts read backwards), keeping for each run length the run whose
    first cue starts latest, then walking forward from the longest.  Read from
    the end, of two equally long runs the one keeping earlier cues wins: of two
    swapped neighbours the later is named."""
    tails: list[int] = []  # minus the latest start a run of length k + 1 begins with
    begins_at: list[int] = []  # the index of that cue
    parent = array("q", [-1]) * len(starts)  # 8 bytes a cue: a long file has many
    for index in range(len(starts) - 1, -1, -1):
        key = -starts[index]
        k = bisect_right(tails, key)
        if k == len(tails):
            tails.append(key)
            begins_at.append(index)
        else:
            tails[k], begins_at[k] = key, index
        parent[index] = begins_at[k - 1] if k else -1
    kept = bytearray(len(starts))
    index = begins_at[-1] if begins_at else -1
    while index >= 0:
        kept[index] = 1
        index = parent[index]
    return kept


def check(ctx: Context) -> Iterator[Finding]:
    if not out_of_order(ctx):
        return
    fmt = ctx.format
    starts, _ = times(ctx)
    lines: Sequence[int] = column(ctx, "line")
    kept = _outside_run(starts)
    moved = list(compress(count(), map(not_, kept)))
    run = array("q", compress(count(), kept))
    run_starts = array("q", map(starts.__getitem__, run))
    fixable = _movable(ctx)
    for i in moved:
        start = starts[i]
        at = bisect_right(run, i)  # the run's cues above i are run[:at]
        if at < len(run) and starts[run[at]] < start:
            below = run[at]
            wrong = (f"later than the cue below it at line {lines[below]} "
                     f"({stamp(fmt, starts[below])})")
        else:
            above = run[at - 1]
            wrong = (f"before the cue above it at line {lines[above]} "
                     f"({stamp(fmt, starts[above])})")
        place = bisect_right(run_starts, start)
        if place:
            after = run[place - 1]
            belongs = f"after the cue at line {lines[after]} ({stamp(fmt, starts[after])})"
        else:
            belongs = f"before the cue at line {lines[run[0]]} ({stamp(fmt, starts[run[0]])})"
        yield Finding(
            lines[i], start_column_at(ctx, lines[i]),
            f"cue starts at {stamp(fmt, start)}, {wrong}: by its time it belongs "
            f"{belongs}; move it there or fix its time",
            fixable=fixable,
        )


def _movable(ctx: Context) -> bool:
    """Whether the fix can sort this file's cues: not JSON (segments stay), and each
    cue's block below the one before (what the fix moves whole).  Told from the
    line column in C: a long file with a cue out of order is not sorted just to
    say so (the fix itself checks the sorted file again before it is used)."""
    if ctx.format == "json":
        return False
    lines: Sequence[int] = column(ctx, "line")
    return all(map(lt, lines, islice(lines, 1, None)))


def fix(ctx: Context) -> bytes | None:
    return _sorted(ctx) if out_of_order(ctx) else None


def _sorted(ctx: Context) -> bytes | None:
    """The file with its cues sorted by start, or ``None`` when that cannot be done
    safely (made once per file)."""
    result: bytes | None = derived(ctx, "cue-order:sorted", _make_sorted)
    return result


def _make_sorted(ctx: Context) -> bytes | None:
    if ctx.format == "json":
        return None
    starts, _ = times(ctx)
    lines, endings = split_keep(ctx.text)
    cues = ctx.cues
    # Where each cue's block begins: its identifier (or SRT index), else its timing line.
    firsts: list[int] = []
    for cue in cues:
        first = cue.line - 1
        if cue.identifier and first > 0 and lines[first - 1].strip() == cue.identifier.strip():
            first -= 1
        firsts.append(first)
    if firsts != sorted(firsts) or len(set(firsts)) != len(firsts):
        return None  # blocks that do not follow each other: leave them alone
    bounds = [*firsts, len(lines)]
    contents: list[tuple[list[str], list[str]]] = []
    slots: list[tuple[str, list[str], list[str]]] = []  # what stays in place
    for start, stop in pairwise(bounds):
        last = stop
        while last > start + 1 and not lines[last - 1].strip():
            last -= 1
        contents.append((lines[start:last], endings[start : last - 1]))
        # The slot keeps its final line ending and the blank lines after it.
        slots.append((endings[last - 1], lines[last:stop], endings[last:stop]))
    order = sorted(range(len(cues)), key=starts.__getitem__)
    new_lines, new_endings = lines[: firsts[0]], endings[: firsts[0]]
    for slot, index in zip(slots, order, strict=True):
        block_lines, block_endings = contents[index]
        terminator, gap_lines, gap_endings = slot
        new_lines += [*block_lines, *gap_lines]
        new_endings += [*block_endings, terminator, *gap_endings]
    text = join(new_lines, new_endings)
    return changed(ctx, text) if same_cues(ctx, text, ordered=False) else None
