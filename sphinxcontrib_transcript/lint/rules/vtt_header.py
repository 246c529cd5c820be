r"""The WebVTT header or its ``STYLE``/``REGION`` blocks are malformed.

Everything between the ``WEBVTT`` line and the first blank line is the
header, which browsers ignore.  Reported, from what the WebVTT reader finds:

* a cue right under the header with no blank line before it (browsers read
  it, other tools may not);
* a timing written on the ``WEBVTT`` line itself (ignored with it);
* a ``STYLE`` or ``REGION`` block after the first cue (browsers ignore it);
* ``-->`` inside a ``STYLE`` or ``REGION`` block (browsers take the line for
  a timing line).

A warning: cue text survives all of these, styling and layout may not.

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

from ..base import Option

ID = "vtt-header"
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"vtt"})
OPTIONS: dict[str, Option] = {}
FIX = None

