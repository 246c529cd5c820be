"""The transcript model shared by the readers, the linter and the Sphinx extension.

Three small value types: a :class:`Transcript` holds the :class:`Cue` objects a
reader found and the :class:`Diagnostic` objects that say what was wrong with
the file, where.  Nothing here knows about files, formats or Sphinx.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

#: The formats the readers understand, by their short name.
Format = Literal["vtt", "srt", "txt", "json"]
FORMATS: tuple[Format, ...] = ("vtt", "srt", "txt", "json")

#: Diagnostic levels, least to most severe.
Level = Literal["warning", "error"]
LEVELS: tuple[Level, ...] = ("warning", "error")


@dataclass(frozen=True, slots=True, order=True)
class Diagnostic:
    """One problem in a transcript file.

    Diagnostics sort by position, then rule, so output is stable.

    :param line: 1-based line of the problem in the file.
    :param column: 1-based column (in characters) on that line.
    :param rule: kebab-case rule ID, such as ``bad-timestamp``; it is also the
        key for configuration and for Sphinx's ``suppress_warnings``.
    :param level: ``"error"`` or ``"warning"``.
    :param message: what is wrong and, where it helps, what to do.
    """

    line: int
    column: int
    rule: str
    level: Level = "error"
    message: str = ""

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.level} [{self.rule}] {self.message}"


@dataclass(frozen=True, slots=True)
class Cue:
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
    """

    start_ms: int
    end_ms: int | None
    text: str
    plain_text: str = ""
    speaker: str | None = None
    identifier: str = ""
    line: int = 0
    settings: str = ""
    text_line: int = 0

    @property
    def duration_ms(self) -> int | None:
        """``end_ms - start_ms``, or ``None`` when the cue has no end."""
        if self.end_ms is None:
            return None
        return self.end_ms - self.start_ms


@dataclass(slots=True)
class Transcript:
    """What a reader made of one file.

    :param format: the format the file was read as.
    :param cues: the cues, in file order (not sorted: order is for lint to judge).
    :param diagnostics: what the reader found wrong, in file order.
    :param encoding: the encoding the bytes were decoded with (``"utf-8"``
        unless the file said or looked otherwise).
    :param metadata: format-specific header data: the WebVTT header lines
        (``"header"``), the JSON ``version`` and ``language`` and so on.
    """

    format: Format
    cues: list[Cue] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    encoding: str = "utf-8"
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def end_ms(self) -> int:
        """The latest time any cue reaches (its end, or its start if it has none)."""
        latest = 0
        for cue in self.cues:
            latest = max(latest, cue.start_ms if cue.end_ms is None else cue.end_ms)
        return latest
