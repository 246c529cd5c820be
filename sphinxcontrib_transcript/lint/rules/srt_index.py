r"""An SRT card's index is missing, not a number, or not the previous index plus one.

SRT numbers its cards 1, 2, 3 and so on.  Most players ignore the numbers,
but tools that merge, split or translate subtitles use them, and a wrong one
usually means cards were pasted, deleted or reordered by hand.

.. rubric:: Options

None.

.. rubric:: Fix

Safe: renumbers the cards 1, 2, 3 in file order (an index line is added
where a card has none and a blank line comes before its timing line).

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

from ..base import Context, Option
from ._edit import changed, join, split_keep
from ._reader import reported

ID = "srt-index"
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"srt"})
OPTIONS: dict[str, Option] = {}
FIX = "safe"



def fix(ctx: Context) -> bytes | None:
    if not reported(ctx, ID):
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
