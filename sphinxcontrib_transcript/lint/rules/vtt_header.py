r"""The WebVTT header (the lines after ``WEBVTT`` up to the first blank line) is malformed.

Text after the signature line, up to the first blank line, is the header;
browsers ignore it.  A cue written there (a timing line with no blank line
after ``WEBVTT``) is lost with it, and the W3C validator reports every header
line as "No blank line after the signature".

.. rubric:: Options

None.

.. rubric:: Fix

None.

.. rubric:: Examples

Failing (``example.vtt``)::

    WEBVTT
    00:00:01.000 --> 00:00:02.000
    Hello.

Passing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:02.000
    Hello.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Context, Finding, Option
from ._reader import from_reader

ID = "vtt-header"
LEVEL = "error"
ENABLED = True
FORMATS = frozenset({"vtt"})
OPTIONS: dict[str, Option] = {}
FIX = None


def check(ctx: Context) -> Iterator[Finding]:
    return from_reader(ctx, ID)
