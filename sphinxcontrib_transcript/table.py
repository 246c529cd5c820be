"""The cues of a transcript as a table of columns, and what their times say.

Every reader hands over its cues as a :class:`CueTable`: one sequence of
values per cue field (:data:`COLUMNS`), in file order, all of one length.  A
column may be any sequence: a list, a ``range`` of line numbers, a
:class:`Constant` (one value for every cue), or a sequence that makes its
values when first asked (a reader's fast path keeps the times as written).
The linter reads the table and never needs a cue object on a clean file;
:class:`~sphinxcontrib_transcript.model.Cue` objects are a view the
:class:`~sphinxcontrib_transcript.model.Transcript` makes from the rows on
demand, for API users and the Sphinx extension.

A :class:`TimingSummary` says which cues are out of order, overlap the cue
above, end when or before they start.  A reader that learnt this while
reading (a fast path comparing canonical timing lines as written) fills it
in; otherwise each answer is worked out from the table the first time it is
asked, with C-level passes over the time columns.

Nothing here knows about cue objects, files, formats, lint or Sphinx: the
model builds on this module, not the other way round.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress, count, islice, repeat
from operator import eq, gt, le, lt

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

#: The table's column for each field of a cue (``Cue``), in the field order.
COLUMNS: dict[str, str] = {
    "start_ms": "starts",
    "end_ms": "ends",
    "text": "texts",
    "plain_text": "plain_texts",
    "speaker": "speakers",
    "identifier": "identifiers",
    "line": "lines",
    "settings": "settings",
    "text_line": "text_lines",
    "words": "words",
}


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

    def __contains__(self, value: object) -> bool:
        return self._count > 0 and value == self._value

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Constant):
            return (self._value, self._count) == (other._value, other._count)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Constant({self._value!r}, {self._count})"


class CueTable:
    """The cues of one file as columns, in file order.

    :param starts: start times in milliseconds.
    :param ends: end times in milliseconds (``None`` where the format has none).
    :param texts: payloads as written, lines joined with ``"\\n"``.
    :param plain_texts: what a screen reader reads (default: the texts).
    :param speakers: the speaker of each cue, or ``None`` (default: none).
    :param identifiers: cue identifiers or SRT indexes as written (default ``""``).
    :param lines: 1-based line of each cue's timing line.
    :param settings: WebVTT cue settings as written (default ``""``).
    :param text_lines: 1-based line where each payload starts (default: ``lines``).
    :param words: each cue's word timings, a tuple of ``Word``, or ``None``
        (default: none).

    Every column has the length of *texts*; the field meanings are those of
    :class:`~sphinxcontrib_transcript.model.Cue`.
    """

    __slots__ = tuple(COLUMNS.values())

    starts: Sequence[int]
    ends: Sequence[int | None]
    texts: Sequence[str]
    plain_texts: Sequence[str]
    speakers: Sequence[str | None]
    identifiers: Sequence[str]
    lines: Sequence[int]
    settings: Sequence[str]
    text_lines: Sequence[int]
    words: Sequence[Any]

    def __init__(
        self,
        *,
        starts: Sequence[int],
        ends: Sequence[int | None],
        texts: Sequence[str],
        lines: Sequence[int],
        plain_texts: Sequence[str] | None = None,
        speakers: Sequence[str | None] | None = None,
        identifiers: Sequence[str] | None = None,
        settings: Sequence[str] | None = None,
        text_lines: Sequence[int] | None = None,
        words: Sequence[Any] | None = None,
    ) -> None:
        size = len(texts)
        self.starts, self.ends, self.texts, self.lines = starts, ends, texts, lines
        self.plain_texts = texts if plain_texts is None else plain_texts
        self.speakers = Constant(None, size) if speakers is None else speakers
        self.identifiers = Constant("", size) if identifiers is None else identifiers
        self.settings = Constant("", size) if settings is None else settings
        self.text_lines = lines if text_lines is None else text_lines
        self.words = Constant(None, size) if words is None else words
        for name in self.__slots__:
            if len(getattr(self, name)) != size:
                raise ValueError(f"column {name!r} is not as long as texts ({size})")

    @classmethod
    def from_cues(cls, cues: Sequence[Sequence[Any]]) -> CueTable:
        """The table of cues given as objects (one list per field)."""
        columns = [list(column) for column in zip(*cues, strict=True)] if cues else [
            [] for _ in COLUMNS
        ]
        return cls(**dict(zip(COLUMNS.values(), columns, strict=True)))

    def __len__(self) -> int:
        return len(self.texts)

    def column(self, field: str) -> Sequence[Any]:
        """The column of a cue field by the field's name (``"start_ms"``)."""
        return getattr(self, COLUMNS[field])  # type: ignore[no-any-return]


    def row(self, index: int) -> tuple[Any, ...]:
        """The fields of cue *index*, in cue field order."""
        return tuple(getattr(self, name)[index] for name in self.__slots__)

    def rows(self) -> Iterator[tuple[Any, ...]]:
        """Every cue's fields, in file order (one pass over the columns, in C)."""
        return zip(*(getattr(self, name) for name in self.__slots__), strict=True)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CueTable):
            return NotImplemented
        return all(
            list(getattr(self, name)) == list(getattr(other, name)) for name in self.__slots__
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<CueTable of {len(self)} cues>"


class TimingSummary:
    """What the times of a :class:`CueTable` say, as cue indexes in file order.

    A reader may give any answer it already knows (keyword arguments); the
    others are worked out from *table* when first asked, and kept.

    :param canonical: every timing line was ``HH:MM:SS.mmm --> HH:MM:SS.mmm``
        (hours of two digits or more) and nothing else, no cue has an
        identifier and no block is a comment (a WebVTT fast path knows it;
        nobody else claims it).
    """

    __slots__ = ("_backwards", "_in_sequence", "_overlaps", "_table", "_unordered", "_zero",
                 "canonical")

    def __init__(
        self,
        table: CueTable,
        *,
        canonical: bool = False,
        in_sequence: bool | None = None,
        zero_durations: list[int] | None = None,
        ends_before_starts: list[int] | None = None,
        out_of_order: list[int] | None = None,
        overlaps: list[int] | None = None,
    ) -> None:
        self._table = table
        self.canonical = canonical
        self._in_sequence = in_sequence
        self._zero = zero_durations
        self._backwards = ends_before_starts
        self._unordered = out_of_order
        self._overlaps = overlaps

    @property
    def in_sequence(self) -> bool:
        """Every cue ends at or after its start and starts at or after the end of
        the cue above: then no cue is out of order, overlaps or ends before it
        starts.  ``False`` when a cue has no end."""
        if self._in_sequence is None:
            starts, ends = _times(self._table)
            self._in_sequence = None not in ends and (
                all(map(le, starts, ends)) and all(map(le, ends, islice(starts, 1, None)))
            )
        return self._in_sequence

    @property
    def zero_durations(self) -> list[int]:
        """Cues that end when they start."""
        if self._zero is None:
            starts, ends = _times(self._table)
            self._zero = list(compress(count(), map(eq, ends, starts)))
        return self._zero

    @property
    def ends_before_starts(self) -> list[int]:
        """Cues that end before they start."""
        if self._backwards is None:
            self._backwards = [] if self.in_sequence else _backwards(self._table)
        return self._backwards

    @property
    def out_of_order(self) -> list[int]:
        """Cues *i* that start before cue *i - 1* starts."""
        if self._unordered is None:
            starts = self._table.starts
            self._unordered = [] if self.in_sequence else list(
                compress(count(1), map(lt, islice(starts, 1, None), starts))
            )
        return self._unordered

    @property
    def overlaps(self) -> list[int]:
        """Cues *i* that start before cue *i - 1* ends."""
        if self._overlaps is None:
            self._overlaps = [] if self.in_sequence else _overlapping(self._table)
        return self._overlaps

    def __repr__(self) -> str:
        return (
            f"TimingSummary(in_sequence={self.in_sequence}, out_of_order={self.out_of_order}, "
            f"overlaps={self.overlaps}, zero_durations={self.zero_durations}, "
            f"ends_before_starts={self.ends_before_starts})"
        )


def _times(table: CueTable) -> tuple[Sequence[Any], Sequence[Any]]:
    return table.starts, table.ends


def _backwards(table: CueTable) -> list[int]:
    starts, ends = _times(table)
    if None in ends:  # segments without an end
        return [i for i, end in enumerate(ends) if end is not None and end < starts[i]]
    return list(compress(count(), map(lt, ends, starts)))


def _overlapping(table: CueTable) -> list[int]:
    starts, ends = _times(table)
    if None in ends:
        return [i for i in range(1, len(starts))
                if ends[i - 1] is not None and ends[i - 1] > starts[i]]
    return list(compress(count(1), map(gt, ends, islice(starts, 1, None))))
