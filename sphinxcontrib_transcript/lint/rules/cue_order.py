r"""A cue starts before the cue above it: the cues are out of order.

Players show cues by time, but people read and edit the file top to bottom,
and a rendered transcript follows file order, so a cue out of place is text
out of place.  In the talk-python transcripts this was the most frequent hand
edit gone wrong: a line pasted a few lines too high.  Reported at the timing
line (in timestamped text, the timestamp line) of the later cue, naming the
earlier one.

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

from collections.abc import Iterator, Sequence
from itertools import pairwise

from ..base import Context, Finding, Option
from ._columns import column
from ._edit import changed, join, same_cues, split_keep
from ._timing import out_of_order, stamp, start_column_at, times

ID = "cue-order"
LEVEL = "error"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "txt", "json", "md", "whisper", "sbv", "ttml", "html"})
OPTIONS: dict[str, Option] = {}
FIX = "unsafe"


def check(ctx: Context) -> Iterator[Finding]:
    found = out_of_order(ctx)
    if not found:
        return
    fmt = ctx.format
    starts, _ = times(ctx)
    lines: Sequence[int] = column(ctx, "line")
    for i in found:
        yield Finding(
            lines[i], start_column_at(ctx, lines[i]),
            f"cue starts at {stamp(fmt, starts[i])}, before the cue above it at line "
            f"{lines[i - 1]}, which starts at {stamp(fmt, starts[i - 1])}; move it or "
            "fix its time",
        )


def fix(ctx: Context) -> bytes | None:
    if not out_of_order(ctx) or ctx.format == "json":
        return None
    starts, _ = times(ctx)
    lines, endings = split_keep(ctx.text)
    cues = ctx.transcript.cues
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
