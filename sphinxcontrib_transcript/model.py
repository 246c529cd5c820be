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

from .table import COLUMNS, CueTable, TimingSummary

#: The fields of a :class:`Cue`, in order: one column of the table each.
_CUE_FIELDS = tuple(COLUMNS)
_WORDS = _CUE_FIELDS.index("words")

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any, Literal, NamedTuple, Protocol, TypeAlias

    class DeferredWords(Protocol):
        """Words worked out when first read (``wordtiming.PendingWords``): the
        model knows them by this one method, not by importing the module."""

        def resolve(self) -> tuple[Word, ...] | None: ...

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
        # (Cue.words reads a PendingWords as the words it stands for.)
        words: tuple[Word, ...] | DeferredWords | None = None

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
    Word.__doc__ = (
        "One word's timing inside a cue: ``Word(start_ms, end_ms, text)``.\n\n"
        "The text as written (Whisper keeps the space before a word; see\n"
        ":mod:`~sphinxcontrib_transcript.wordtiming` for what a word is in other\n"
        "formats); a time is ``None`` where the file gives none (WhisperX leaves\n"
        "numbers unaligned, TTML text outside a timed span)."
    )

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
        file gives them (Whisper and WhisperX JSON, WebVTT inline timestamps,
        TTML timed spans; see :mod:`~sphinxcontrib_transcript.wordtiming` for
        what a word is); ``None`` where it does not.
    """

    __slots__ = ()

    @property
    def words(self) -> tuple[Word, ...] | None:
        """The words' timings (see above).  A reader may leave them to be worked out
        when first read (WebVTT's inline timestamps: a
        :class:`~sphinxcontrib_transcript.wordtiming.PendingWords` in the tuple),
        so that a cue made only to be linted costs no parse."""
        value: Any = tuple.__getitem__(self, _WORDS)
        if value is None or value.__class__ is tuple:
            return value
        return value.resolve()  # type: ignore[no-any-return]

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
    :param table: instead of *cues*, the cues as a
        :class:`~sphinxcontrib_transcript.table.CueTable` (how readers hand
        them over); the :class:`Cue` objects are then made the first time
        :attr:`cues` is read.
    :param timing: what the reader already knows of the table's times (see
        :attr:`timing`); only with *table*.

    Transcripts compare equal when format, cues, diagnostics, encoding and
    metadata are equal.
    """

    __slots__ = ("_cues", "_table", "_timing", "diagnostics", "encoding", "format", "metadata")

    def __init__(
        self,
        format: Format,
        cues: list[Cue] | None = None,
        diagnostics: list[Diagnostic] | None = None,
        encoding: str = "utf-8",
        metadata: dict[str, str] | None = None,
        *,
        table: CueTable | None = None,
        timing: TimingSummary | None = None,
    ) -> None:
        if table is not None and cues is not None:
            raise ValueError("give the cues as a list or as a table, not both")
        self.format = format
        self._cues: list[Cue] | None = [] if cues is None and table is None else cues
        self._table = table
        self._timing = timing if table is not None else None
        self.diagnostics: list[Diagnostic] = [] if diagnostics is None else diagnostics
        self.encoding = encoding
        self.metadata: dict[str, str] = {} if metadata is None else metadata

    @property
    def cues(self) -> list[Cue]:
        """The cues, in file order (a plain list: change it at will).

        Made from the reader's table the first time they are read; from then on
        the list is the transcript's truth, and :attr:`table` follows it.
        """
        cues = self._cues
        if cues is None:
            table = self._table
            assert table is not None
            cues = self._cues = list(map(tuple.__new__, repeat(Cue, len(table)), table.rows()))
            # From now on the list may change: the table would not follow it.
            self._table = self._timing = None
        return cues

    @cues.setter
    def cues(self, cues: list[Cue]) -> None:
        self._cues = cues
        self._table = self._timing = None

    @property
    def cues_made(self) -> bool:
        """Whether the :class:`Cue` objects exist (the linter, on a clean file,
        reads only :attr:`table` and never makes them)."""
        return self._cues is not None

    @property
    def table(self) -> CueTable:
        """The cues as columns: the reader's table while :attr:`cues` is not made,
        else a table of the cue list as it is now (a snapshot: it does not follow
        later changes of the list)."""
        if self._table is not None:
            return self._table
        return CueTable.from_cues(self.cues)

    @property
    def timing(self) -> TimingSummary:
        """Which cues are out of order, overlap, end when or before they start
        (see :class:`~sphinxcontrib_transcript.table.TimingSummary`): the
        reader's answers where it gave them, the rest worked out on demand."""
        if self._table is not None:
            if self._timing is None:
                self._timing = TimingSummary(self._table)
            return self._timing
        return TimingSummary(self.table)

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
