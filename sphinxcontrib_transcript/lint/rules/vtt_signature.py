r"""A WebVTT file does not start with the ``WEBVTT`` line.

Browsers read nothing at all from a file whose first line is not ``WEBVTT``
(optionally followed by a space or tab and any text; a byte order mark before
it is allowed): the whole track is rejected.  Typical causes are an SRT file
renamed to ``.vtt``, a lowercase ``webvtt``, or something pasted above the
signature.

.. rubric:: Options

None.

.. rubric:: Fix

None: what belongs at the top is for a person to decide.

.. rubric:: Examples

Failing (``example.vtt``)::

    00:00:01.000 --> 00:00:02.000
    Hello.

Passing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:02.000
    Hello.
"""

from __future__ import annotations

from ..base import Option

ID = "vtt-signature"
LEVEL = "error"
ENABLED = True
FORMATS = frozenset({"vtt"})
OPTIONS: dict[str, Option] = {}
FIX = None

