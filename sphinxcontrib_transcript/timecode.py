"""Pure conversions between milliseconds and the time notations of each format.

Every parser returns ``None`` for text it does not accept, never raises; the
readers decide what a rejected time means for the file.

>>> format_vtt(3_723_004)
'01:02:03.004'
>>> format_srt(3_723_004)
'01:02:03,004'
>>> format_clock(3_723_004)
'01:02:03'
>>> parse_clock("1:02:03"), parse_clock("[02:03]"), parse_clock("2:3")
(3723000, 123000, None)

Times shown in a rendered transcript and the ids of its anchors are the
Sphinx side's (``sphinxext.render.display_time`` and ``assign_anchors``).
"""

from __future__ import annotations

import re

MS_PER_SECOND = 1000
MS_PER_MINUTE = 60 * MS_PER_SECOND
MS_PER_HOUR = 60 * MS_PER_MINUTE
_INFINITY = float("inf")

# Clock times as people write them in text transcripts and in the role:
# ``HH:MM:SS``, ``H:MM:SS``, ``MM:SS``, optionally in square brackets, with an
# optional fraction (``00:12:34.5``) that the role accepts for precision.  A
# string: re compiles it on first use (the linter, importing this module for
# its formatting, never needs it).
_CLOCK = r"\[?(?:(?P<h>\d{1,3}):)?(?P<m>[0-5]?\d):(?P<s>[0-5]\d)(?:[.,](?P<f>\d{1,3}))?\]?"


def hms(ms: int) -> tuple[int, int, int, int]:
    """Split milliseconds into hours, minutes, seconds and milliseconds."""
    hours, rest = divmod(ms, MS_PER_HOUR)
    minutes, rest = divmod(rest, MS_PER_MINUTE)
    seconds, millis = divmod(rest, MS_PER_SECOND)
    return hours, minutes, seconds, millis


def format_vtt(ms: int) -> str:
    """Format as a WebVTT timestamp, always with hours: ``HH:MM:SS.mmm``."""
    h, m, s, f = hms(ms)
    return f"{h:02d}:{m:02d}:{s:02d}.{f:03d}"


def format_srt(ms: int) -> str:
    """Format as an SRT timestamp: ``HH:MM:SS,mmm``."""
    h, m, s, f = hms(ms)
    return f"{h:02d}:{m:02d}:{s:02d},{f:03d}"


def format_clock(ms: int) -> str:
    """Format as a clock time to the second, ``HH:MM:SS`` (fraction dropped)."""
    h, m, s, _ = hms(ms)
    return f"{h:02d}:{m:02d}:{s:02d}"


def format_seconds(ms: int) -> str:
    """Format as exact decimal seconds, no trailing zeros, as Podcasting 2.0
    JSON, media fragments (``#t=``) and the page's ``data-start`` take them;
    a negative time as ``0``.

    >>> format_seconds(1250), format_seconds(3000), format_seconds(3_723_456)
    ('1.25', '3', '3723.456')
    """
    whole, fraction = divmod(max(int(ms), 0), MS_PER_SECOND)
    return f"{whole}.{fraction:03d}".rstrip("0").rstrip(".")


def parse_clock(text: str) -> int | None:
    """Parse ``[HH:]MM:SS[.fff]``, with optional square brackets, to milliseconds.

    Returns ``None`` unless the whole of *text* is such a time.
    """
    match = re.fullmatch(_CLOCK, text.strip())
    if match is None:
        return None
    if text.strip().startswith("[") != text.strip().endswith("]"):
        return None
    hours = int(match["h"] or 0)
    fraction = match["f"] or "0"
    millis = int(fraction.ljust(3, "0"))
    return (hours * 3600 + int(match["m"]) * 60 + int(match["s"])) * 1000 + millis


def parse_seconds(value: object) -> int | None:
    """Convert a JSON number of seconds to milliseconds, rounding to the nearest.

    Booleans, strings, NaN, infinities and negative numbers give ``None``.
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if not 0 <= value < _INFINITY:  # NaN fails both comparisons
        return None
    return round(value * 1000)

