r"""A timing line that players read, spaced or joined in a way its format does not define.

Browsers and most SRT players read ``00:00:01.000-->00:00:02.000`` (no spaces
around the arrow), a tab or other blank there, whitespace before the start
time, or cue settings run into the end time; stricter tools may not.  The
cue is shown as meant, so this is a warning; a timing line that cannot be
read at all, which drops the cue, is ``bad-timing-line``, an error.

.. rubric:: Options

None.

.. rubric:: Fix

None yet: write ``start --> end`` with one space on each side of the arrow.

.. rubric:: Examples

Failing (``example.srt``)::

    1
    00:00:01,000-->00:00:02,000
    Hello.

Passing (``example.srt``)::

    1
    00:00:01,000 --> 00:00:02,000
    Hello.
"""

from __future__ import annotations

from ..base import Option

ID = "timing-line-form"
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"vtt", "srt"})
OPTIONS: dict[str, Option] = {}
FIX = None
