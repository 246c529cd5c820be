r"""A Podcasting 2.0 JSON transcript does not follow the format.

The format is an object with ``version`` and ``segments``; each segment has a
numeric ``startTime`` (seconds), optionally ``endTime`` and ``speaker``, and a
string ``body``.  The reader reports invalid JSON where the parser stopped,
and each missing or mistyped key at its segment's line; a segment without a
usable ``startTime`` is not read at all, so its words are missing from
players.

.. rubric:: Options

None.

.. rubric:: Fix

None.

.. rubric:: Examples

Failing (``example.json``)::

    {
      "version": "1.0.0",
      "segments": [
        {"startTime": 0.5, "endTime": 1.2, "body": "Hello"},
        {"endTime": 2.0, "body": "World"}
      ]
    }

Passing (``example.json``)::

    {
      "version": "1.0.0",
      "segments": [
        {"startTime": 0.5, "endTime": 1.2, "body": "Hello"},
        {"startTime": 1.2, "endTime": 2.0, "body": "World"}
      ]
    }
"""

from __future__ import annotations

from ..base import Option

ID = "json-schema"
LEVEL = "error"
ENABLED = True
FORMATS = frozenset({"json", "whisper"})
OPTIONS: dict[str, Option] = {}
FIX = None

