r"""A blank line inside a cue's text cuts the text after it off from its cue.

A blank line ends a cue.  Text after it with no index or timing line of its
own belongs to no cue: SRT players drop it or show it as a broken card, and
it is easy to miss in review.  The reader keeps it as more text of the card
before, which is usually what was meant, and reports it here.

.. rubric:: Options

None.

.. rubric:: Fix

Unsafe: removes the blank lines, so the text joins the cue above (as the
reader already read it); players that dropped it show it from then on.

.. rubric:: Examples

Failing (``example.srt``)::

    1
    00:00:01,000 --> 00:00:02,000
    Hello, and welcome

    to the show.

    2
    00:00:02,000 --> 00:00:03,000
    Let's start.

Passing (``example.srt``)::

    1
    00:00:01,000 --> 00:00:02,000
    Hello, and welcome
    to the show.

    2
    00:00:02,000 --> 00:00:03,000
    Let's start.
"""

from __future__ import annotations

from ..base import Context, Option
from ._edit import changed, join, split_keep
from ._reader import reported

ID = "blank-in-payload"
LEVEL = "error"
ENABLED = True
FORMATS = frozenset({"vtt", "srt"})
OPTIONS: dict[str, Option] = {}
FIX = "unsafe"



def fix(ctx: Context) -> bytes | None:
    where = sorted(set(reported(ctx, ID)), reverse=True)
    if not where:
        return None
    lines, endings = split_keep(ctx.text)
    for number in where:  # from the end, so earlier line numbers stay valid
        index = number - 1
        while index > 0 and not lines[index - 1].strip():
            del lines[index - 1], endings[index - 1]
            index -= 1
    return changed(ctx, join(lines, endings))
