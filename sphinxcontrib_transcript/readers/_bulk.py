"""What the readers' fast paths share: cues made in bulk, a field at a time.

A file as tools write it is read column by column (every start time, then
every text...) with C-level passes, rather than cue by cue: the checks and
conversions here work on whole columns, or on windows of a few thousand
lines of them so that a long file's memory stays bounded.  The WebVTT
reader's spec algorithm does not need any of it; the fast paths (and the
tests that pin them to that algorithm) do.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate, compress, count, repeat
from operator import add, contains, eq, gt, lt, mul, or_

from ..table import Constant, CueTable

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


class Lazy:
    """A pattern compiled when first used.

    Compiling a pattern costs start-up time (a pre-commit hook pays it on every
    commit), and a file as tools write it needs few of a reader's patterns; the
    others are for files that need the spec's algorithm.
    """

    __slots__ = ("_compiled", "_flags", "_pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._pattern, self._flags)
        return self._compiled


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


def fields_ms(clocks: list[str], millis: list[str]) -> Iterator[int]:
    """:func:`clock_ms` without the clock cache, for clocks that rarely repeat (a
    recording past 99 hours): each ``"H+:MM:SS"`` (or each ``"MM:SS"``; one form
    throughout) converted by its fields, in C, no call per time."""
    if not clocks:
        return iter(())
    parts = ":".join(clocks).split(":")
    if len(parts) == 2 * len(clocks):  # MM:SS
        seconds = map(add, map(mul, map(int, parts[0::2]), repeat(60)), map(int, parts[1::2]))
    else:  # H+:MM:SS
        seconds = map(
            add,
            map(add, map(mul, map(int, parts[0::3]), repeat(3600)),
                map(mul, map(int, parts[1::3]), repeat(60))),
            map(int, parts[2::3]),
        )
    return map(add, map(mul, seconds, repeat(1000)), map(int, millis))


def timing_ms(joined: str, mark: str) -> tuple[Iterator[int], Iterator[int]]:
    """Start and end milliseconds of canonical timing lines joined by line breaks,
    with *mark* before the milliseconds (``"."`` in WebVTT, ``","`` in SRT)."""
    # Clock, milliseconds, clock, milliseconds... one split, in C.
    fields = joined.replace(" --> ", mark).replace("\n", mark).split(mark)
    return clock_ms(fields[0::4], fields[1::4]), clock_ms(fields[2::4], fields[3::4])


class TableBuilder:
    """The columns of a :class:`~sphinxcontrib_transcript.table.CueTable`, made a run
    of cues at a time (a fast path) or a cue at a time (the spec's algorithm).

    Times and line numbers go in arrays of 64-bit integers (8 bytes a value,
    where a list of ints takes 36); the plain texts are the texts themselves,
    and speakers, identifiers and settings one value for every cue, until a
    cue differs: a long file costs little beyond its texts.
    """

    __slots__ = ("_sparse", "count", "ends", "lines", "plain_texts", "starts", "text_lines",
                 "texts")

    #: The columns kept as one value until a cue differs, with that value.
    SPARSE = (("speakers", None), ("identifiers", ""), ("settings", ""), ("words", None))

    def __init__(self) -> None:
        from array import array  # (imported when first needed: start-up time)

        self.starts, self.ends = array("q"), array("q")
        self.lines, self.text_lines = array("q"), array("q")
        self.texts: list[str] = []
        self.plain_texts: list[str] | None = None  # None: the texts themselves
        self._sparse: dict[str, list[Any] | None] = dict.fromkeys(
            name for name, _ in self.SPARSE
        )
        self.count = 0

    def extend(  # noqa: PLR0917 - one argument a column, in cue field order
        self,
        starts: Iterable[int],
        ends: Iterable[int],
        texts: list[str],
        plain_texts: list[str],
        speakers: Iterable[str | None],
        identifiers: Iterable[str],
        lines: Iterable[int],
        settings: Iterable[str],
        text_lines: Iterable[int],
        words: Iterable[Any] | None = None,
    ) -> None:
        """Add a run of cues, one iterable per column (*texts* and *plain_texts*
        lists of one length)."""
        before = self.count
        self.starts.extend(starts)
        self.ends.extend(ends)
        self.lines.extend(lines)
        self.text_lines.extend(text_lines)
        if self.plain_texts is None and plain_texts is not texts and plain_texts != texts:
            self.plain_texts = list(self.texts)
        if self.plain_texts is not None:
            self.plain_texts.extend(plain_texts)
        self.texts.extend(texts)
        self.count = before + len(texts)
        columns: tuple[Iterable[Any], ...] = (
            speakers, identifiers, settings, Constant(None, len(texts)) if words is None else words
        )
        for (name, default), values in zip(self.SPARSE, columns, strict=True):
            self._add_sparse(name, default, values, before)

    def _add_sparse(self, name: str, default: object, values: Iterable[Any], before: int) -> None:
        kept = self._sparse[name]
        if kept is None:
            if isinstance(values, Constant) and (len(values) == 0 or values[0] == default):
                return
            values = list(values)
            if all(map(eq, values, repeat(default))):
                return
            kept = self._sparse[name] = [default] * before
        kept.extend(values)

    def append(self, cue: Sequence[Any]) -> None:
        """Add one cue given as its fields, in cue field order."""
        start, end, text, plain, speaker, identifier, line, settings, text_line, *rest = cue
        words = rest[0] if rest else None
        self.starts.append(start)
        self.ends.append(end)
        self.lines.append(line)
        self.text_lines.append(text_line)
        if self.plain_texts is None and plain != text:
            self.plain_texts = list(self.texts)
        if self.plain_texts is not None:
            self.plain_texts.append(plain)
        self.texts.append(text)
        for (name, default), value in zip(
            self.SPARSE, (speaker, identifier, settings, words), strict=True
        ):
            kept = self._sparse[name]
            if kept is None and value != default:
                kept = self._sparse[name] = [default] * self.count
            if kept is not None:
                kept.append(value)
        self.count += 1

    def table(self) -> CueTable:
        """The table of every cue added."""
        count = self.count
        sparse = {name: Constant(default, count) if self._sparse[name] is None
                  else self._sparse[name] for name, default in self.SPARSE}
        return CueTable(
            starts=self.starts, ends=self.ends, texts=self.texts, plain_texts=self.plain_texts,
            lines=self.lines, text_lines=self.text_lines, **sparse,
        )


def time_columns(timings: list[str]) -> tuple[Sequence[int], Sequence[int], dict[str, Any]]:
    """The start and end columns of canonical timing lines, given as strings of
    whole lines joined by line breaks (the lines of a file in one or more spans),
    and what they say of the times: the keyword arguments of a
    :class:`~sphinxcontrib_transcript.table.TimingSummary`.

    The columns (:class:`_TimeColumn`) make the milliseconds only when they are
    iterated (making the Cue objects); a rule that reports a few cues looks up
    just theirs.  The facts come from the times as written: of one width, they
    compare as the times do.  They are cut out a window at a time and dropped:
    for a long file, kept, they would take more memory than the cues' text.

    The summary is ``canonical`` (every timing line is ``HH:MM:SS.mmm -->
    HH:MM:SS.mmm`` alone, no settings, and no cue has an identifier) and holds
    every list of cue indexes it has.
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
    summary: dict[str, Any] = {
        "canonical": True, "in_sequence": in_sequence, "zero_durations": zero,
        "ends_before_starts": backwards, "out_of_order": unordered, "overlaps": overlapping,
    }
    return _TimeColumn(times, 0), _TimeColumn(times, 1), summary


def timing_arrays(timings: list[str]) -> tuple[Sequence[int], Sequence[int], dict[str, Any]]:
    """:func:`time_columns` made at once, for canonical timing lines of hours of any
    width (three digits or more in a long recording): the times as arrays, a
    window at a time; of the timing summary only ``canonical`` is said (times of
    several widths do not compare as written, so the rest is worked out from the
    arrays).

    Such a file is long, and its times mostly differ: each is converted by
    fields in C (no cache to fill, no call per time).
    """
    from array import array  # (imported when first needed: start-up time)

    times = array("q")
    for joined in timings:
        at = 0
        while at < len(joined):
            cut = joined.find("\n", at + WINDOW)
            window = joined[at:] if cut < 0 else joined[at:cut]
            # clock, millis, clock, millis...: one split, in C.
            fields = window.replace(" --> ", ".").replace("\n", ".").split(".")
            times.extend(fields_ms(fields[0::2], fields[1::2]))
            at = len(joined) if cut < 0 else cut + 1
    return times[0::2], times[1::2], {"canonical": True}


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
