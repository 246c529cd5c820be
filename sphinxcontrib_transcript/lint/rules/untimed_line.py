r"""A line of text has no timestamp, so it belongs to no time of its own.

In timestamped text every paragraph starts with its time; a line without one
(a paragraph broken by hand, a line pasted without its time) runs on from
the cue above, so players and the rendered transcript show it at the wrong
time.  In SRT, text that follows a blank line with no index or timing line
before it, and no card it could belong to, is reported too.

.. rubric:: Options

None.

.. rubric:: Fix

None: join the line to the one above or give it its own time.

.. rubric:: Examples

Failing (``example.txt``)::

    00:00:01 Welcome to the show. Today we talk
    about Python 3.8 and what comes after it.

    00:00:09 Let's start with the walrus.

Passing (``example.txt``)::

    00:00:01 Welcome to the show. Today we talk about Python 3.8 and what comes after it.

    00:00:09 Let's start with the walrus.
"""

from __future__ import annotations

from ..base import Option

ID = "untimed-line"
LEVEL = "error"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "txt", "md", "sbv", "html"})
OPTIONS: dict[str, Option] = {}
FIX = None

