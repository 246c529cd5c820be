"""The moment in a ``:transcript:`` target, and which cue it names.

``NAME@00:28:40`` is written to the second, as pages show times: it means
that whole second, so it names the cue shown as 28:40 (the first cue
starting in it, anchored ``NAME-t-00-28-40``), or, when no cue starts then,
the cue still playing.  ``NAME@00:28:40.5`` is taken to the millisecond: the
last cue starting at or before it.  No Sphinx here: the domain (inside a
project) and intersphinx (across projects) share :func:`pick`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from ..timecode import format_clock, format_vtt
from .render import parse_time


class Moment(NamedTuple):
    """A time in a reference: milliseconds, and whether it was written to the second."""

    ms: int
    whole: bool  # "00:28:40" (the whole second), not "00:28:40.5" (that millisecond)


def split_target(target: str) -> tuple[str, Moment | None]:
    """``"ep33@00:12:34"`` -> ``("ep33", Moment(754000, True))``; ``"ep33"`` -> ``("ep33", None)``.

    :raises SpecError: when the part after ``@`` is not a time.
    """
    name, sep, when = target.rpartition("@")
    if not sep:
        return " ".join(target.split()), None
    return " ".join(name.split()), Moment(parse_time(when), "." not in when)


def time_text(moment: Moment) -> str:
    """The canonical time in a target: ``HH:MM:SS``, with ``.mmm`` when one was written."""
    return format_clock(moment.ms) if moment.whole else format_vtt(moment.ms)


def pick(starts: Sequence[int], moment: Moment) -> int:
    """The index of the cue *moment* names among cue *starts* (sorted), or -1 before them.

    To the second, the first cue starting in that second (the cue shown with
    that time, whose anchor ends in it), else the last one before it; to the
    millisecond, the last cue starting at or before it.

    >>> starts = [0, 1_720_220, 1_720_900, 1_722_000]
    >>> pick(starts, Moment(1_720_000, True)), pick(starts, Moment(1_720_500, False))
    (1, 1)
    >>> pick(starts, Moment(1_721_000, True)), pick(starts, Moment(1_720_000, False))
    (2, 0)
    """
    if moment.whole:
        second = moment.ms - moment.ms % 1000
        first = bisect_left(starts, second)
        if first < len(starts) and starts[first] < second + 1000:
            return first
        return bisect_right(starts, second) - 1
    return bisect_right(starts, moment.ms) - 1
