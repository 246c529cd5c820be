r"""A WebVTT block has a line that is not followed by a timing line: a cue identifier with no cue.

A block that does not hold ``-->`` on its first or second line is no cue:
browsers skip it, text and all.  This is how a blank line typed between a
timing line's cue and the cue's text, or a paragraph pasted without a timing
line, silently disappears from players.

.. rubric:: Options

None.

.. rubric:: Fix

None.

.. rubric:: Examples

Failing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:02.000
    Hello.

    and welcome to the show.

Passing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:02.000
    Hello.
    and welcome to the show.
"""

from __future__ import annotations

from ..base import Option

ID = "orphan-identifier"
LEVEL = "error"
ENABLED = True
FORMATS = frozenset({"vtt"})
OPTIONS: dict[str, Option] = {}
FIX = None

