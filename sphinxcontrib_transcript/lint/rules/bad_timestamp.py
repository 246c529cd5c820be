r"""A time is malformed: wrong field widths, minutes or seconds over 59, a wrong separator.

The readers find these while reading, so the message says what the reader
made of the time.  In WebVTT a cue with an invalid timestamp is dropped by
browsers, text and all.  In SRT, hours left out or minutes over 59 are
rejected by many players (a ``.`` before the milliseconds or one-digit fields
they accept: those are ``timestamp-form``, a warning).  In timestamped
text, a line starting with something time-like that is not a time
(``00:61:10``) is kept as text of the cue before.

.. rubric:: Options

None.

.. rubric:: Fix

None: which time was meant is for a person to say.

.. rubric:: Examples

Failing (``example.txt``)::

    00:00:01 Welcome to the show.

    00:61:10 Today we talk about Python.

Passing (``example.txt``)::

    00:00:01 Welcome to the show.

    00:01:10 Today we talk about Python.
"""

from __future__ import annotations

from ..base import Option

ID = "bad-timestamp"
LEVEL = "error"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "txt", "json", "md", "whisper", "sbv", "ttml", "html"})
OPTIONS: dict[str, Option] = {}
FIX = None

