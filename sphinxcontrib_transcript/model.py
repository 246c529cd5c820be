"""The transcript model shared by the readers, the linter and the Sphinx extension.

Three small value types: a :class:`Transcript` holds the :class:`Cue` objects a
reader found and the :class:`Diagnostic` objects that say what was wrong with
the file, where.  Nothing here knows about files, formats or Sphinx.

:class:`Cue` and :class:`Diagnostic` are named tuples: immutable, equal and
hashable by value, ordered field by field (so diagnostics sort by line,
column, rule), with the ``Name(field=value, ...)`` repr a dataclass has.  A
tuple is the cheapest Python object to build, which matters at a hundred
thousand cues per run, and a reader can make them in bulk from columns of
values (``tuple.__new__(Cue, row)``).  Being tuples, they also unpack,
index and compare equal to a plain tuple of the same values.  This module
imports neither :mod:`dataclasses` nor :mod:`typing` at run time: a
pre-commit hook pays for every module imported.
"""

from __future__ import annotations

from collections import namedtuple
from itertools import repeat

#: The fields of a :class:`Cue`, in order.
_CUE_FIELDS = (
    "start_ms", "end_ms", "text", "plain_text", "speaker", "identifier", "line", "settings",
    "text_line", "words",
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any, Literal, NamedTuple, TypeAlias

    #: A column of cue field values.
    Column: TypeAlias = Sequence[Any]

    #: The formats the readers understand, by their short name.
    Format = Literal["vtt", "srt", "txt", "json", "md", "whisper", "sbv", "ttml", "html"]
    #: Diagnostic levels, least to most severe.
    Level = Literal["warning", "error"]

    class _DiagnosticFields(NamedTuple):
        line: int
        column: int
        rule: str
        level: Level = "error"
        message: str = ""

    class _CueFields(NamedTuple):
        start_ms: int
        end_ms: int | None
        text: str
        plain_text: str = ""
        speaker: str | None = None
        identifier: str = ""
        line: int = 0
        settings: str = ""
        text_line: int = 0
        words: tuple[Word, ...] | None = None

    class Word(NamedTuple):
        """One word's timing inside a cue (Whisper and WhisperX JSON)."""

        start_ms: int | None
        end_ms: int | None
        text: str

else:
    # At run time the aliases only need to exist (for imports); checkers see
    # the literal types above.
    Format = str
    Level = str
    _DiagnosticFields = namedtuple(
        "Diagnostic", ("line", "column", "rule", "level", "message"), defaults=("error", "")
    )
    _CueFields = namedtuple("Cue", _CUE_FIELDS, defaults=("", None, "", 0, "", 0, None))
    #: One word's timing inside a cue: ``Word(start_ms, end_ms, text)``, the
    #: text as written (Whisper keeps the space before a word); the times are
    #: ``None`` for a word the file gives none (WhisperX leaves numbers unaligned).
    Word = namedtuple("Word", ("start_ms", "end_ms", "text"))

FORMATS: tuple[Format, ...] = (
    "vtt", "srt", "txt", "json", "md", "whisper", "sbv", "ttml", "html",
)
LEVELS: tuple[Level, ...] = ("warning", "error")


class Diagnostic(_DiagnosticFields):
    """One problem in a transcript file.

    Diagnostics sort by position, then rule, so output is stable.

    :param line: 1-based line of the problem in the file.
    :param column: 1-based column (in characters) on that line.
    :param rule: kebab-case rule ID, such as ``bad-timestamp``; it is also the
        key for configuration and for Sphinx's ``suppress_warnings``.
    :param level: ``"error"`` or ``"warning"``.
    :param message: what is wrong and, where it helps, what to do.
    """

    __slots__ = ()

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.level} [{self.rule}] {self.message}"


class Cue(_CueFields):
    """One timed piece of a transcript.

    :param start_ms: start time in milliseconds.
    :param end_ms: end time in milliseconds, or ``None`` where the format has
        none (timestamped text; JSON segments without ``endTime``).
    :param text: the cue payload exactly as in the file, lines joined with
        ``"\\n"`` (for WebVTT, with its markup; for JSON, the ``body``).
    :param plain_text: what a screen reader would read: markup removed and
        character references decoded.
    :param speaker: the speaker named by the cue (WebVTT ``<v Name>``, SRT and
        text ``Name:``, JSON ``speaker``), or ``None``.
    :param identifier: the WebVTT cue identifier or SRT index as written,
        ``""`` when there is none.
    :param line: 1-based line of the cue's timing line (timestamped text: its
        timestamp line; JSON: the line where the segment object starts).
    :param settings: WebVTT cue settings as written after the end time
        (``"align:start line:0"``), unvalidated; ``""`` when none.
    :param text_line: 1-based line where the payload starts (equal to
        ``line`` for formats that keep text on the timing line).
    :param words: the timing of each word, a tuple of :class:`Word`, where the
        file gives them (Whisper and WhisperX JSON); ``None`` where it does not.
    """

    __slots__ = ()

    @property
    def duration_ms(self) -> int | None:
        """``end_ms - start_ms``, or ``None`` when the cue has no end."""
        if self.end_ms is None:
            return None
        return self.end_ms - self.start_ms


class Transcript:
    """What a reader made of one file.

    :param format: the format the file was read as.
    :param cues: the cues, in file order (not sorted: order is for lint to judge).
    :param diagnostics: what the reader found wrong, in file order.
    :param encoding: the encoding the bytes were decoded with (``"utf-8"``
        unless the file said or looked otherwise).
    :param metadata: format-specific header data: the WebVTT header lines
        (``"header"``), the JSON ``version`` and ``language`` and so on.

    Transcripts compare equal when all five attributes are equal.

    A reader's fast path may hand over its cues as columns of field values
    (:meth:`_keep_columns`); the :class:`Cue` objects are then made the first
    time :attr:`cues` is read (and the columns dropped).  The linter looks at
    the columns and, on a clean file, never needs the objects;
    :func:`~sphinxcontrib_transcript.load` makes them before it returns.
    """

    __slots__ = ("_columns", "_cues", "_facts", "diagnostics", "encoding", "format", "metadata")

    def __init__(
        self,
        format: Format,
        cues: list[Cue] | None = None,
        diagnostics: list[Diagnostic] | None = None,
        encoding: str = "utf-8",
        metadata: dict[str, str] | None = None,
    ) -> None:
        self.format = format
        self._cues: list[Cue] | None = [] if cues is None else cues
        self.diagnostics: list[Diagnostic] = [] if diagnostics is None else diagnostics
        self.encoding = encoding
        self.metadata: dict[str, str] = {} if metadata is None else metadata
        # {field name: values} while the cues are columns; see _keep_columns.
        self._columns: dict[str, Column] | None = None
        # What the reader knew of those columns as it made them; see _fact.
        self._facts: dict[str, object] = {}

    @property
    def cues(self) -> list[Cue]:
        """The cues, in file order (a plain list: change it at will)."""
        cues = self._cues
        if cues is None:
            cues = self._make_cues()
        return cues

    @cues.setter
    def cues(self, cues: list[Cue]) -> None:
        self._cues = cues
        self._columns, self._facts = None, {}

    def _make_cues(self) -> list[Cue]:
        """Make the cues from the columns a reader handed over (once)."""
        if self._cues is not None:
            return self._cues
        columns = self._columns
        assert columns is not None
        count = len(columns["text"])
        rows = zip(*(columns[name] for name in _CUE_FIELDS), strict=True)
        # tuple.__new__ takes each row as it is: no argument handling per cue.
        cues: list[Cue] = list(map(tuple.__new__, repeat(Cue, count), rows))
        # From now on the list may change: the columns would not follow it.
        self._cues, self._columns, self._facts = cues, None, {}
        return cues

    def _keep_columns(
        self, columns: dict[str, Column], facts: dict[str, object] | None = None
    ) -> None:
        """Take the cues as columns: one sequence of values per :class:`Cue` field, in
        file order, all of one length; the cues are made from them when first read.

        For readers that build their cues column by column anyway; ``words`` may
        be left out (all ``None``: no fast path reads word timings).  A column is
        any sequence (see :meth:`_known_column`).  The linter reads the columns as
        long as the cues are not made.

        :param facts: what the reader learnt of the cues while making the columns,
            for the linter to ask (:meth:`_fact`) rather than work out again (the
            WebVTT reader's are listed in ``readers._bulk.time_columns``).
        """
        if "text" not in columns:
            raise ValueError("columns need at least 'text', the length every column has")
        if "words" not in columns:  # the one column a reader may leave out
            columns["words"] = [None] * len(columns["text"])
        self._cues, self._columns = None, columns
        self._facts = {} if facts is None else facts

    def _fact(self, name: str) -> object:
        """A fact the reader handed over with the columns, or ``None`` (unknown: no
        such fact, or the cues have been made, and may have changed since)."""
        return self._facts.get(name)

    def _known_column(self, name: str) -> Sequence[Any] | None:
        """``[getattr(cue, name) for cue in self.cues]`` as a reader handed it over, or
        ``None``: the cues were given as objects, or have been made (and the list
        may have changed since), or the reader kept no such column.

        The sequence is a list, or any other sequence a reader chose: a ``range``
        (line numbers in steps), an ``array`` or a sequence that looks values up
        where they stand (times); these take a few bytes a value, or none, where a
        list takes an object.
        """
        columns = self._columns
        return None if columns is None else columns.get(name)

    def _fields(self) -> tuple[object, ...]:
        return self.format, self.cues, self.diagnostics, self.encoding, self.metadata

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Transcript)
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  # mutable, like the dataclass it was

    def __repr__(self) -> str:
        return (
            f"Transcript(format={self.format!r}, cues={self.cues!r}, "
            f"diagnostics={self.diagnostics!r}, encoding={self.encoding!r}, "
            f"metadata={self.metadata!r})"
        )

    @property
    def end_ms(self) -> int:
        """The latest time any cue reaches (its end, or its start if it has none)."""
        latest = 0
        for cue in self.cues:
            latest = max(latest, cue.start_ms if cue.end_ms is None else cue.end_ms)
        return latest
