r"""A WebVTT inline timestamp (``<00:00:01.500>``) lies outside its cue or goes backwards.

Inline timestamps mark when each word of a karaoke-style cue is spoken;
browsers use them for the ``:past``/``:future`` styling of the text.  One
before the cue's start or after its end, or one not later than the one
before it, is invalid: the words are highlighted at the wrong moment.
Timestamps that cannot be read at all are ``cue-markup``'s concern.

.. rubric:: Options

None.

.. rubric:: Fix

None.

.. rubric:: Examples

Failing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:03.000
    Never <00:00:02.000>drink <00:00:01.500>liquid <00:00:04.000>nitrogen.

Passing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:03.000
    Never <00:00:01.500>drink <00:00:02.000>liquid <00:00:02.500>nitrogen.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import compress, repeat
from operator import contains

from ...model import Cue
from ..base import Context, Finding, Option
from ._columns import column
from ._edit import PayloadPositions
from ._timing import stamp

ID = "inline-timestamp"
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"vtt"})
OPTIONS: dict[str, Option] = {}
FIX = None

_DIGITS = "0123456789"


def _stamped(text: str) -> bool:
    """Whether *text* has a ``<`` followed by a digit (an inline timestamp, maybe)."""
    at = text.find("<")
    while at >= 0:
        after = text[at + 1 : at + 2]
        if after and after in _DIGITS:
            return True
        at = text.find("<", at + 1)
    return False


def _check_cue(ctx: Context, cue: Cue) -> Iterator[Finding]:
    from ... import markup  # only for cues with inline timestamps

    text = cue.text
    previous: int | None = None
    positions = PayloadPositions(ctx, cue)
    at = text.find("<")
    while at >= 0:
        if at + 1 < len(text) and text[at + 1] in _DIGITS:
            ms, end, _ = markup.scan_timestamp(text, at + 1)
            if ms is not None and text[end : end + 1] == ">":
                problem = None
                if ms < cue.start_ms or (cue.end_ms is not None and ms > cue.end_ms):
                    problem = (
                        f"inline timestamp {stamp('vtt', ms)} is outside its cue "
                        f"({stamp('vtt', cue.start_ms)} to {stamp('vtt', cue.end_ms or 0)})"
                    )
                elif previous is not None and ms <= previous:
                    problem = (
                        f"inline timestamp {stamp('vtt', ms)} is not after the one before it "
                        f"({stamp('vtt', previous)})"
                    )
                if problem is not None:
                    line, col = positions.at(at)
                    yield Finding(line, col, f"{problem}; fix the time")
                previous = ms
        at = text.find("<", at + 1)


def check(ctx: Context) -> Iterator[Finding]:
    if "<" not in ctx.text:
        return
    texts: Sequence[str] = column(ctx, "text")
    # Payloads with "<" picked out in C, and a cue is looked at (and the cues
    # made) only when one has a "<" before a digit.
    for index in compress(range(len(texts)), map(contains, texts, repeat("<"))):
        if _stamped(texts[index]):
            yield from _check_cue(ctx, ctx.cues[index])
