"""TTML time expressions, and the one exception the TTML readers share.

``Rates`` turns a time expression (clock time, offset in hours to ticks,
frames) into milliseconds under the frame and tick rates the root element
sets.  Its own module so that the fast path (:mod:`.ttml`) and the element
walk (:mod:`._ttml_walk`) both use it without importing each other.
"""

from __future__ import annotations

import re

from ._bulk import CLOCK, MILLIS

_CLOCK = r"(\d+):(\d\d):(\d\d)(?:(\.\d+)|:(\d+)(?:\.(\d+))?)?"
_OFFSET = r"(\d+(?:\.\d+)?)(h|ms|m|s|f|t)"
_UNIT_MS = {"h": 3_600_000, "m": 60_000, "s": 1000, "ms": 1}
_UNKNOWN = object()


class Refused(Exception):
    """An entity declaration: the document is not read further."""


class Rates:
    """The time base the root element sets: frame and tick rates."""

    def __init__(self, attrs: dict[str, str]) -> None:
        frame = _number(attrs.get("frameRate")) or 30.0
        numerator, _, denominator = (attrs.get("frameRateMultiplier") or "1 1").partition(" ")
        multiplier = (_number(numerator) or 1.0) / (_number(denominator) or 1.0)
        self.frame = frame * multiplier
        self.sub_frame = _number(attrs.get("subFrameRate")) or 1.0
        self.tick = _number(attrs.get("tickRate")) or (
            self.frame * self.sub_frame if "frameRate" in attrs else 1.0
        )
        self.known: dict[str, object] = {}

    def ms(self, value: str) -> int | None:
        """Milliseconds of a TTML time expression, or ``None`` (remembered: a
        file's times repeat their forms, and many repeat outright)."""
        known = self.known.get(value, _UNKNOWN)
        if known is _UNKNOWN:
            known = self.known[value] = self._ms(value.strip())
        return known  # type: ignore[return-value]

    def _ms(self, value: str) -> int | None:
        if (
            len(value) == 12 and value[2] == value[5] == ":" and value[8] == "."
            and value[3] < "6" and value[6] < "6" and value.isascii()
            and value.replace(":", "").replace(".", "").isdigit()
        ):
            # HH:MM:SS.mmm, what nearly every tool writes: by table, no pattern.
            return CLOCK[value[:8]] + MILLIS[value[9:]]
        clock = re.fullmatch(_CLOCK, value)
        if clock is not None:
            hours, minutes, seconds, fraction, frames, sub = clock.groups()
            if int(minutes) > 59 or int(seconds) > 59:
                return None
            total = (int(hours) * 60 + int(minutes)) * 60 + int(seconds) + float(fraction or 0)
            if frames is not None:
                total += (int(frames) + int(sub or 0) / self.sub_frame) / self.frame
            return round(total * 1000)
        offset = re.fullmatch(_OFFSET, value)
        if offset is None:
            return None
        amount, unit = float(offset[1]), offset[2]
        if unit == "f":
            return round(amount / self.frame * 1000)
        if unit == "t":
            return round(amount / self.tick * 1000)
        return round(amount * _UNIT_MS[unit])


def _number(value: str | None) -> float | None:
    try:
        number = float(value) if value else None
    except ValueError:
        return None
    return number if number and number > 0 else None
