r"""A time that players read, written in a form its format does not define.

SRT players accept ``00:00:01.000`` (a ``.`` before the milliseconds), one-digit
hours, minutes or seconds, milliseconds of one or two digits, a full-width
colon, and a time without milliseconds; WebVTT browsers accept a few such
slips too.  The time is read as meant, so nothing is lost for a viewer, but
stricter tools (editors, converters, the W3C validator) may refuse the
file.  The readers find these while reading, and the message says what the
time was read as.  A time that cannot be read, or that a player reads
differently, is ``bad-timestamp`` instead, an error.

.. rubric:: Options

None.

.. rubric:: Fix

None yet: rewrite the time in the canonical form the message gives.

.. rubric:: Examples

Failing (``example.srt``)::

    1
    00:00:01.000 --> 00:00:02,000
    Hello.

Passing (``example.srt``)::

    1
    00:00:01,000 --> 00:00:02,000
    Hello.
"""

from __future__ import annotations

from ..base import Option

ID = "timestamp-form"
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "txt"})
OPTIONS: dict[str, Option] = {}
FIX = None
