r"""A timing line (``start --> end``) cannot be read as written.

The arrow is missing its spaces or is written ``->``, or something follows
the times that is not a cue setting.  Browsers drop a WebVTT cue whose timing
line they cannot read, and SRT players the cards they cannot read (variants
they do read, such as an arrow without spaces, are ``timing-line-form``,
a warning).  The message quotes what was not read.

.. rubric:: Options

None.

.. rubric:: Fix

None.

.. rubric:: Examples

Failing (``example.srt``)::

    1
    00:00:01,000 -> 00:00:02,000
    Hello.

Passing (``example.srt``)::

    1
    00:00:01,000 --> 00:00:02,000
    Hello.
"""

from __future__ import annotations

from ..base import Option

ID = "bad-timing-line"
LEVEL = "error"
ENABLED = True
FORMATS = frozenset({"vtt", "srt"})
OPTIONS: dict[str, Option] = {}
FIX = None

