"""What the readers' fast paths share: cues made in bulk, a field at a time.

A file as tools write it is read column by column (every start time, then
every text...) with C-level passes, rather than cue by cue: the checks and
conversions here work on whole columns, or on windows of a few thousand
lines of them so that a long file's memory stays bounded.  The WebVTT
reader's spec algorithm does not need any of it; the fast paths (and the
tests that pin them to that algorithm) do.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate, compress, count, repeat
from operator import add, contains, eq, gt, lt, or_

from ..model import _CUE_FIELDS, Cue

TYPE_CHECKING = False
if TYPE_CHECKING:
    from array import array
    from typing import Any

    from ..model import Column


# all_canonical's view of a canonical timing line: every digit read as 0.
_SHAPE = b"00:00:00.000 --> 00:00:00.000"
_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")
# The minutes' and seconds' tens digits, by position in a line and its "\n".
_TENS = (3, 6, 20, 23)
# Canonical timing lines converted at a time, as characters (a multiple of 30:
# each line is 29 characters and a line break, and the last has none): bounds
# the memory the conversion takes while it runs.
WINDOW = 30 * 1024


def all_canonical(joined: str, count: int) -> bool:
    """Whether *joined* is *count* canonical timing lines joined by line breaks.

    What _ALL_CANONICAL checks for these, at a few byte operations per character
    rather than a regular expression's few dozen: the shape with every digit
    as 0, then the tens of minutes and seconds (0-5) picked out by stride.
    """
    if not joined.isascii():
        return False
    raw = joined.encode("ascii")
    if raw.translate(_AS_ZERO) != b"\n".join([_SHAPE] * count):
        return False
    tens = b"".join(raw[at :: len(_SHAPE) + 1] for at in _TENS)
    return not tens.translate(None, b"012345")


class _Clock(dict[str, int]):
    """``"HH:MM:SS"`` or ``"MM:SS"`` (as the fast patterns take them) to milliseconds.

    Filled as times are met: a corpus of 90-minute episodes holds only 5,400
    of them, and a look-up is far cheaper than converting with int().
    """

    def __missing__(self, key: str) -> int:
        if len(self) > 100_000:
            self.clear()
        value = 0
        for part in key.split(":"):
            value = value * 60 + int(part)
        self[key] = value * 1000
        return value * 1000


CLOCK = _Clock()


class _Millis(dict[str, int]):
    """``"000"`` to ``"999"`` to their numbers, filled as met (no thousand strings
    made at every start)."""

    def __missing__(self, key: str) -> int:
        if len(key) != 3 or not key.isdigit() or not key.isascii():
            raise KeyError(key)
        value = self[key] = int(key)
        return value


MILLIS = _Millis()


def clock_ms(clocks: Iterable[str], millis: Iterable[str]) -> Iterator[int]:
    """Milliseconds of times given as two columns of parts, ``"HH:MM:SS"`` (or
    ``"MM:SS"``) and ``"mmm"``: two look-ups and an addition a time, in C."""
    return map(add, map(CLOCK.__getitem__, clocks), map(MILLIS.__getitem__, millis))


def timing_ms(joined: str, mark: str) -> tuple[Iterator[int], Iterator[int]]:
    """Start and end milliseconds of canonical timing lines joined by line breaks,
    with *mark* before the milliseconds (``"."`` in WebVTT, ``","`` in SRT)."""
    # Clock, milliseconds, clock, milliseconds... one split, in C.
    fields = joined.replace(" --> ", mark).replace("\n", mark).split(mark)
    return clock_ms(fields[0::4], fields[1::4]), clock_ms(fields[2::4], fields[3::4])


# The fast paths make cues straight from columns of values, a row at a time
# (``tuple.__new__(Cue, row)``, all in C), skipping the argument handling of
# Cue's constructor: only when Cue is the named tuple of exactly the model's
# fields in this order (the WebVTT reader's ``_SETTERS`` says whether it is).
CUE_FIELDS = _CUE_FIELDS


def new_cues(columns: Sequence[Iterable[object]], count: int) -> list[Cue]:
    """*count* cues from one iterable per field, in the order of :data:`CUE_FIELDS`;
    fields left off at the end (``words``, which no fast path has) are ``None``."""
    # Not strict: constant columns are endless repeat() iterators.
    missing = len(CUE_FIELDS) - len(columns)
    rows = zip(*columns, *repeat(repeat(None), missing), strict=False)
    cues: list[Cue] = list(map(tuple.__new__, repeat(Cue, count), rows))
    return cues


def time_columns(timings: list[str]) -> tuple[dict[str, Column], dict[str, object]]:
    """The time columns of canonical timing lines, given as strings of whole lines
    joined by line breaks (the lines of a file in one or more spans), and what
    the linter's timing rules want to know of them.

    The columns (:class:`_TimeColumn`) make the milliseconds only when they are
    iterated (making the Cue objects); a rule that reports a few cues looks up
    just theirs.  The facts come from the times as written: of one width, they
    compare as the times do.  They are cut out a window at a time and dropped:
    for a long file, kept, they would take more memory than the cues' text.

    Facts (lists hold cue indexes, in file order):

    ``canonical_timing``
        every timing line is ``HH:MM:SS.mmm --> HH:MM:SS.mmm`` alone (no
        settings), and no cue has an identifier;
    ``in_sequence``
        the times in file order (start, end, start...) never go back;
    ``zero_durations``
        cues that end when they start;
    ``ends_before_starts``
        cues that end before they start;
    ``out_of_order``
        cues that start before the cue above them starts;
    ``overlap_candidates``
        cues that start before the cue above them ends.

    (The one-line fast path adds ``no_trailing_blanks``, given only when no
    line of the file ends in a space or tab.)
    """
    in_sequence = True
    zero: list[int] = []
    backwards: list[int] = []
    unordered: list[int] = []
    overlapping: list[int] = []
    base = 0  # index of the first cue of the window
    last_start = last_end = ""
    for joined in timings:
        for at in range(0, len(joined), WINDOW):
            # Whole lines: the window's length is a multiple of a line's with its
            # line break, less that last line break.
            keys = joined[at : at + WINDOW - 1].replace(" --> ", "\n").split("\n")
            starts, ends = keys[0::2], keys[1::2]
            zero.extend(compress(count(base), map(eq, starts, ends)))
            first = keys[0]
            # (A sorted() of a sorted list is one run: a C compare per item.)
            if not (last_start <= first and last_end <= first and keys == sorted(keys)):
                # Not in sequence: pick out what is wrong, cue by cue in C.
                in_sequence = False
                # The times of the cue above each cue ("" above the first cue).
                above_starts, above_ends = [last_start, *starts], [last_end, *ends]
                backwards.extend(compress(count(base), map(lt, ends, starts)))
                unordered.extend(compress(count(base), map(lt, starts, above_starts)))
                overlapping.extend(compress(count(base), map(gt, above_ends, starts)))
            last_start, last_end = starts[-1], ends[-1]
            base += len(starts)
    times = _Times(timings, base)
    columns: dict[str, Column] = {
        "start_ms": _TimeColumn(times, 0), "end_ms": _TimeColumn(times, 1),
    }
    facts: dict[str, object] = {
        "canonical_timing": True, "in_sequence": in_sequence, "zero_durations": zero,
        "ends_before_starts": backwards, "out_of_order": unordered,
        "overlap_candidates": overlapping,
    }
    return columns, facts


class _Times:
    """The milliseconds of canonical timing lines (see :func:`time_columns`): one
    time looked up where it stands, or all of them made in one pass the first
    time they are iterated, as arrays of 64-bit integers (8 bytes a time rather
    than a Python object's 28 or more)."""

    __slots__ = ("_ends", "_made", "_timings", "count")

    def __init__(self, timings: list[str], count: int) -> None:
        self._timings = timings
        self.count = count
        # The index of the first cue after each span of timing lines.
        self._ends = list(accumulate(map(_line_count, timings)))
        self._made: tuple[array[int], array[int]] | None = None

    def made(self) -> tuple[array[int], array[int]]:
        """``(starts, ends)`` in milliseconds, made the first time they are asked for."""
        if self._made is None:
            from array import array  # (imported when first needed: start-up time)

            starts, ends = array("q"), array("q")
            for joined in self._timings:
                for at in range(0, len(joined), WINDOW):
                    window_starts, window_ends = timing_ms(joined[at : at + WINDOW - 1], ".")
                    starts.extend(window_starts)
                    ends.extend(window_ends)
            self._made = starts, ends
            self._timings = []  # no longer needed
        return self._made

    def at(self, index: int, which: int) -> int:
        """Milliseconds of cue *index*'s start (*which* 0) or end (1)."""
        if self._made is not None:
            return self._made[which][index]
        if not -self.count <= index < self.count:
            raise IndexError("cue index out of range")
        index %= self.count
        span = bisect_right(self._ends, index)
        line = index - (self._ends[span - 1] if span else 0)
        at = line * 30 + which * 17  # "HH:MM:SS.mmm --> " is 17 characters
        time = self._timings[span][at : at + 12]
        return CLOCK[time[:8]] + MILLIS[time[9:]]


def _line_count(joined: str) -> int:
    return (len(joined) + 1) // 30


class _TimeColumn(Sequence[int]):
    """The start (*which* 0) or end (1) times of canonical timing lines, in
    milliseconds, as a sequence: indexing looks up one time, iterating (or
    slicing, or indexing many times) makes them all."""

    __slots__ = ("_lookups", "_times", "_which")

    #: Single look-ups after which the whole column is made, as a share of its
    #: length (but at least 64): a caller that indexes many cues is better served
    #: by one pass.  A look-up costs a few times what one time of the pass does,
    #: and the pass may fill the clock cache, so it waits for many.
    SHARE = 8

    def __init__(self, times: _Times, which: int) -> None:
        self._times = times
        self._which = which
        self._lookups = 0

    def __len__(self) -> int:
        return self._times.count

    def __getitem__(self, index: Any) -> Any:  # an int, or for a slice an array
        if isinstance(index, slice):
            return self._all()[index]
        self._lookups += 1
        if self._lookups > max(64, len(self) // self.SHARE):
            return self._all()[index]
        return self._times.at(index, self._which)

    def __iter__(self) -> Iterator[int]:
        return iter(self._all())

    def __contains__(self, value: object) -> bool:
        return value is not None and value in self._all()

    def _all(self) -> array[int]:
        return self._times.made()[self._which]


class Constant(Sequence["Any"]):
    """A column of *count* times one value (no identifier, no settings, no
    speaker): indexes, slices and iterates as the list would, without it."""

    __slots__ = ("_count", "_value")

    def __init__(self, value: object, count: int) -> None:
        self._value = value
        self._count = count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index: Any) -> Any:  # a value, or for a slice a list
        if isinstance(index, slice):
            return [self._value] * len(range(*index.indices(self._count)))
        if not -self._count <= index < self._count:
            raise IndexError("cue index out of range")
        return self._value

    def __iter__(self) -> Iterator[Any]:
        return repeat(self._value, self._count)


def plain_and_speaker(text: str) -> tuple[str, str | None]:
    if "<" in text or "&" in text:
        from .. import markup  # only for cues with markup

        nodes = markup.parse(text)
        return markup.plain_text(nodes), markup.first_voice(nodes)
    return text, None


def markup_columns(
    payloads: list[str], marks: str = "<&",
    read: Callable[[str], tuple[str, str | None]] = plain_and_speaker,
) -> tuple[list[str], list[str | None] | None]:
    """Plain text and speaker of each payload (as *read* gives them), reading only
    those that hold one of *marks* (by default ``<`` or ``&``: markup).

    The plain texts are *payloads* itself until a parsed one differs (a stray
    ``Q&A`` does not), and the speakers ``None`` until one has a voice: no
    copy of a long file's columns for nothing.
    """
    plain = payloads
    speakers: list[str | None] | None = None
    # The payloads holding a mark, picked out in C (one pass a mark).
    marked: Iterable[bool] = map(contains, payloads, repeat(marks[0]))
    for mark in marks[1:]:
        marked = map(or_, marked, map(contains, payloads, repeat(mark)))
    for index in compress(range(len(payloads)), marked):
        text, speaker = read(payloads[index])
        if text != payloads[index]:
            if plain is payloads:
                plain = list(payloads)
            plain[index] = text
        if speaker is not None:
            if speakers is None:
                speakers = [None] * len(payloads)
            speakers[index] = speaker
    return plain, speakers


def plain_columns(
    payloads: list[str], marks: str,
    read: Callable[[str], tuple[str, str | None]] = plain_and_speaker,
) -> tuple[list[str], Column]:
    """Plain text and speaker columns: the payloads themselves and no speakers (a
    :class:`Constant` column), unless a payload holds one of *marks* (``""``:
    none to look for); see :func:`markup_columns`."""
    plain, speakers = markup_columns(payloads, marks, read) if marks else (payloads, None)
    if speakers is None:
        return plain, Constant(None, len(payloads))
    return plain, speakers
