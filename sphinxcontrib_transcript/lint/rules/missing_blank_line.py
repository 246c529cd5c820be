r"""A cue starts right after the previous cue's text, with no blank line between.

Cues are separated by blank lines.  Without one, WebVTT ends the previous
cue at the line holding ``-->`` (so a cue identifier written just above it
becomes text of the previous cue) and many SRT parsers swallow the next
card's index, or the whole card, into the previous text.

.. rubric:: Options

None.

.. rubric:: Fix

Safe: inserts a blank line before each reported line, where a player
already starts the new cue, so no cue's text or time changes.

.. rubric:: Examples

Failing (``example.srt``)::

    1
    00:00:01,000 --> 00:00:02,000
    Hello.
    2
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
from ._edit import changed, join, same_cues, split_keep
from ._reader import reported

ID = "missing-blank-line"
LEVEL = "error"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "sbv"})
OPTIONS: dict[str, Option] = {}
FIX = "safe"



def fix(ctx: Context) -> bytes | None:
    where = sorted(set(reported(ctx, ID)), reverse=True)
    if not where:
        return None
    lines, endings = split_keep(ctx.text)
    for number in where:  # from the end, so earlier line numbers stay valid
        if 1 < number <= len(lines) and lines[number - 2].strip():
            lines.insert(number - 1, "")
            endings.insert(number - 1, endings[number - 2] or "\n")
    text = join(lines, endings)
    return changed(ctx, text) if same_cues(ctx, text) else None
