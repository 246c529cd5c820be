r"""A TTML or HTML transcript is not well-formed, or a paragraph lacks its time.

TTML is XML: one unclosed element or stray ``&`` and players refuse the
whole file, so the reader reports where the XML parser stopped (the cues
before that point are still read and linted).  It also reports a ``<p>``
without a ``begin`` time (players show it at the start of the element
around it, or not at all) and an entity declaration, which timed text never
needs and which could make a file expand without end: the reader refuses it
and reads nothing after it.

.. rubric:: Options

None.

.. rubric:: Fix

None: which markup was meant is for a person to say.

.. rubric:: Examples

Failing (``example.ttml``)::

    <tt xmlns="http://www.w3.org/ns/ttml">
      <body><div>
        <p begin="00:00:01.000" end="00:00:02.000">Hello</p>
        <p begin="00:00:02.000" end="00:00:03.000">World
      </div></body>
    </tt>

Passing (``example.ttml``)::

    <tt xmlns="http://www.w3.org/ns/ttml">
      <body><div>
        <p begin="00:00:01.000" end="00:00:02.000">Hello</p>
        <p begin="00:00:02.000" end="00:00:03.000">World</p>
      </div></body>
    </tt>
"""

from __future__ import annotations

from ..base import Option

ID = "malformed-markup"
LEVEL = "error"
ENABLED = True
FORMATS = frozenset({"ttml", "html"})
OPTIONS: dict[str, Option] = {}
FIX = None

