r"""A chapter starts before the chapter above it: the chapters are out of order.

The Podcasting 2.0 chapters spec says chapters are in ascending order of
``startTime``, and players rely on it: they take the chapter *above* the
playing time as the current one, so a chapter out of place makes the wrong
title show, and the skip buttons jump back.  On the page, the transcript's
sections would follow file order against the time.  Hence an error.

As ``cue-order`` does for cues, the rule finds the longest run of chapters
already in order and reports each chapter outside it, naming the chapter it
belongs after: one chapter pasted too high is one problem.  Silent markers
(``"toc": false``) count too: a player meets them in order as well.

.. rubric:: Options

None.

.. rubric:: Fix

Unsafe: sorts the chapters by start time, moving each one whole (a list
line, a JSON chapter object with all its keys, a WebVTT cue block with its
identifier) into the places the chapters had, so prose around a list, the
JSON's other members and WebVTT comments stay where they are; chapters with
the same start keep their order.  The chapters read back must be the same
ones, or the file is left alone.  Unsafe because the fix cannot know
whether the time or the place is wrong (``11:34`` typed ``1:34``): check
the result.

.. rubric:: Examples

Failing (``talk.chapters.txt``)::

    0:00 Intro
    5:12 Listener questions
    1:34 Keystone species

Passing (``talk.chapters.txt``)::

    0:00 Intro
    1:34 Keystone species
    5:12 Listener questions
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from itertools import pairwise

from ..base import Context, Finding, Option
from ._chapters import chapters, clock, column, named, spans
from ._edit import changed, encode_like
from .cue_order import _outside_run

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ...chapters import Chapter

ID = "chapter-order"
LEVEL = "error"
ENABLED = True
FORMATS = frozenset({"chapters"})
OPTIONS: dict[str, Option] = {}
FIX = "unsafe"


def check(ctx: Context) -> Iterator[Finding]:
    found = chapters(ctx).chapters
    starts = [chapter.start_ms for chapter in found]
    if all(a <= b for a, b in pairwise(starts)):
        return
    kept = _outside_run(starts)
    # The fix moves whole chapters; it cannot where they are not told apart or the
    # file cannot be written back as it was read.
    fixable = spans(ctx) is not None and encode_like(ctx, ctx.text) is not None
    run = [i for i in range(len(found)) if kept[i]]
    run_starts = [starts[i] for i in run]
    for i, chapter in enumerate(found):
        if kept[i]:
            continue
        at = bisect_right(run, i)  # the run's chapters above i are run[:at]
        if at < len(run) and starts[run[at]] < chapter.start_ms:
            other = found[run[at]]
            wrong = f"later than {named(other)} below it at {clock(other.start_ms)}"
        else:
            other = found[run[at - 1]]
            wrong = f"before {named(other)} above it at {clock(other.start_ms)}"
        place = bisect_right(run_starts, chapter.start_ms)
        where = f"after {named(found[run[place - 1]])}" if place else "to the top"
        yield Finding(
            chapter.line, column(ctx, chapter),
            f"chapter {named(chapter)} starts at {clock(chapter.start_ms)}, {wrong}; players "
            f"take chapters in order of their start: move it {where}, or correct its time",
            fixable,
        )


def _value(chapter: Chapter) -> tuple[object, ...]:
    """What a chapter says, wherever it is written."""
    return (chapter.start_ms, chapter.title, chapter.end_ms, chapter.toc, chapter.url,
            chapter.img)


def fix(ctx: Context) -> bytes | None:
    found = chapters(ctx)
    order = sorted(range(len(found.chapters)), key=lambda i: found.chapters[i].start_ms)
    slots = spans(ctx)
    if order == sorted(order) or slots is None:
        return None
    text = ctx.text
    pieces, at = [], 0
    for (start, end), source in zip(slots, order, strict=True):
        pieces += [text[at:start], text[slots[source][0] : slots[source][1]]]
        at = end
    new = "".join([*pieces, text[at:]])
    from ...chapters import read_chapters

    again = read_chapters(new, ctx.path, found.format).chapters
    if [_value(c) for c in again] != [_value(found.chapters[i]) for i in order]:
        return None  # not the same chapters in order: leave the file alone
    return changed(ctx, new)
