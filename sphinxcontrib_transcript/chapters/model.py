"""What a chapter list is: :class:`Chapter` and :class:`Chapters`.

Apart from the reading (:mod:`sphinxcontrib_transcript.chapters`) so that the
JSON reader (:mod:`.json`) can make chapters without importing the module that
imports it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Diagnostic

__all__ = ["Chapter", "Chapters"]


@dataclass(frozen=True, slots=True)
class Chapter:
    """One chapter.

    :param start_ms: where it starts, in milliseconds.
    :param title: its title as written (``""`` when the file gives none).
    :param end_ms: where it ends, or ``None`` when the source gives no end
        (the list never does; JSON may; WebVTT always does).
    :param toc: ``False`` for a Podcasting 2.0 ``"toc": false`` chapter: a
        silent marker, not a section of the table of contents.
    :param url: a web page about the chapter (JSON ``url``), or ``None``.
    :param img: the chapter's artwork (JSON ``img``), or ``None``.
    :param line: 1-based line of the chapter in its file (JSON: its ``{``;
        WebVTT: its timing line).
    """

    start_ms: int
    title: str
    end_ms: int | None = None
    toc: bool = True
    url: str | None = None
    img: str | None = None
    line: int = 1


@dataclass
class Chapters:
    """What a chapter file holds.

    :param format: ``"json"`` (Podcasting 2.0), ``"vtt"`` or ``"txt"`` (the
        YouTube-description list).
    :param chapters: the chapters in file order (not sorted: order is for
        lint to judge).
    :param diagnostics: what is wrong with the file, in file order.
    :param encoding: the encoding the file was decoded with.
    """

    format: str
    chapters: list[Chapter] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    encoding: str = "utf-8"
