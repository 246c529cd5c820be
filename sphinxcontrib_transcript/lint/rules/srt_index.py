r"""An SRT card's index is missing, not a number, or not the previous index plus one.

SRT numbers its cards 1, 2, 3 and so on.  Most players ignore the numbers,
but tools that merge, split or translate subtitles use them, and a wrong one
usually means cards were pasted, deleted or reordered by hand.

.. rubric:: Options

None.

.. rubric:: Fix

Safe: renumbers the cards 1, 2, 3 in file order (an index line is added
where a card has none and a blank line comes before its timing line).  An
index the fix cannot reach is reported as not fixable, saying why: a card
with no index right after text (no blank line to put one in), a file that
cannot be written back (``invalid-utf8``), and every index of a file with a
card whose timing line cannot be read (the reader counts that card, the fix
cannot see it; fix its timing line first).

.. rubric:: Examples

Failing (``example.srt``)::

    1
    00:00:01,000 --> 00:00:02,000
    Hello.

    3
    00:00:02,000 --> 00:00:03,000
    World.

Passing (``example.srt``)::

    1
    00:00:01,000 --> 00:00:02,000
    Hello.

    2
    00:00:02,000 --> 00:00:03,000
    World.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Context, Finding, Option
from ._edit import BY_HAND, changed, join, rewritable, split_keep
from ._reader import reported

ID = "srt-index"
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"srt"})
OPTIONS: dict[str, Option] = {}
FIX = "safe"


def _dropped(ctx: Context) -> int | None:
    """The line of the first card the reader numbered but could not read (its timing
    line unreadable), or ``None``.  The fix numbers the cards it can see, so it
    cannot number the cards around such a card the way the reader counts them."""
    cue_lines = {cue.line for cue in ctx.cues}
    dropped = [d.line for d in ctx.diagnostics
               if d.rule == "bad-timing-line" and d.line not in cue_lines]
    return min(dropped, default=None)


def _reachable(ctx: Context) -> set[int]:
    """The lines where the fix writes an index: an index line right above a card's
    timing line, or the timing line of a card with none and a blank line (or the
    start of the file) above it."""
    lines = ctx.lines
    found = set()
    for cue in ctx.cues:
        above = cue.line - 2  # index of the line above the timing line
        if cue.identifier and above >= 0 and lines[above].strip() == cue.identifier:
            found.add(cue.line - 1)
        elif above < 0 or not lines[above].strip():
            found.add(cue.line)
    return found


def check(ctx: Context) -> Iterator[Finding]:
    """The reader's findings, fixable where the fix reaches them."""
    own = [d for d in ctx.diagnostics if d.rule == ID]
    if not own:
        return
    dropped = _dropped(ctx)
    reachable = _reachable(ctx) if dropped is None and rewritable(ctx) else set()
    for diagnostic in own:
        fixable = diagnostic.line in reachable
        message = diagnostic.message
        if dropped is not None:
            message += (f" (by hand: --fix renumbers only when every card's timing line "
                        f"reads; see bad-timing-line at line {dropped})")
        elif not rewritable(ctx):
            message += BY_HAND
        elif not fixable:
            message += " (by hand: --fix writes an index only above a timing line after a blank)"
        yield Finding(diagnostic.line, diagnostic.column, message, fixable=fixable)


def fix(ctx: Context) -> bytes | None:
    if not reported(ctx, ID) or _dropped(ctx) is not None or not rewritable(ctx):
        return None
    lines, endings = split_keep(ctx.text)
    inserts: list[tuple[int, str]] = []
    for number, cue in enumerate(ctx.cues, 1):
        above = cue.line - 2  # index of the line above the timing line
        if cue.identifier and above >= 0 and lines[above].strip() == cue.identifier:
            lines[above] = str(number)
        elif above < 0 or not lines[above].strip():
            inserts.append((cue.line - 1, str(number)))
    for index, text in reversed(inserts):
        lines.insert(index, text)
        endings.insert(index, endings[index] or "\n")
    return changed(ctx, join(lines, endings))
