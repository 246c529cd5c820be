r"""Blank lines (or other text) come before the first cue.

Some parsers expect the first card on the first line: cdown/srt failed on
leading blank lines ("Expected contiguous start of match"), and a leading
blank line is usually a leftover of editing.

.. rubric:: Options

None.

.. rubric:: Fix

Safe: removes the blank lines before the first cue.

.. rubric:: Examples

Failing (``example.srt``)::

    \n\n1
    00:00:01,000 --> 00:00:02,000
    Hello.

Passing (``example.srt``)::

    1
    00:00:01,000 --> 00:00:02,000
    Hello.
"""

from __future__ import annotations

from ..base import Context, Option
from ._edit import changed, join, split_keep
from ._reader import reported

ID = "leading-junk"
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "txt"})
OPTIONS: dict[str, Option] = {}
FIX = "safe"



def fix(ctx: Context) -> bytes | None:
    if not reported(ctx, ID):
        return None
    lines, endings = split_keep(ctx.text)
    blank = 0
    while blank < len(lines) - 1 and not lines[blank].strip():
        blank += 1
    return changed(ctx, join(lines[blank:], endings[blank:]))
