"""Chapters of a recording, from the three files people keep them in.

A chapter list says where each part of an episode or talk starts and what it
is called.  Three sources are read, each into the same :class:`Chapters`:

``json``
    a Podcasting 2.0 chapters file (``<podcast:chapters>``,
    ``application/json+chapters``): ``{"version": "1.2.0", "chapters":
    [{"startTime": 0, "title": "Intro"}, ...]}``, with the optional
    ``endTime``, ``toc``, ``url`` and ``img`` of each chapter.
``vtt``
    a WebVTT chapters file (``<track kind="chapters">``, what ffmpeg and the
    players read): each cue's text is a chapter's title, its times the
    chapter's.  Read by the WebVTT transcript reader, through the one read
    pipeline, so its diagnostics are the WebVTT rules'.
``txt``
    the list YouTube reads from a video's description, one chapter a line,
    the time first: ``0:00 Intro``, ``1:23 Keystone``, ``1:02:03 Outro``, also
    ``00:00 - Intro``, ``(0:00) Intro`` or ``[0:00] Intro``.  A description
    can be pasted whole: lines that do not start with a time are prose and
    are passed over.

Beside a transcript ``NAME.<ext>``, its chapters are ``NAME.chapters.json``,
else ``NAME.chapters.vtt``, else ``NAME.chapters.txt`` (:func:`chapters_beside`).

Reading never raises on content: what is wrong is a
:class:`~sphinxcontrib_transcript.model.Diagnostic` with a line, a column and
the rule it belongs to (``chapter-schema`` for a chapter file that breaks its
format, ``bad-timestamp`` for a time in a list that is not one, the WebVTT
rules for a WebVTT file), saying what to do.  Whether chapters are in order,
overlap or fit the recording is for the linter's chapter rules to judge: the
chapters stay in file order here.  This module knows nothing of lint or Sphinx.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .decoding import decode, split_lines
from .model import Diagnostic
from .readers._lines import _SHAPE as _TIME
from .readers._lines import time_ms
from .readers.discover import CHAPTERS, chapters_stem

__all__ = [
    "CHAPTER_SUFFIXES", "Chapter", "Chapters", "chapters_beside", "is_chapters_name",
    "read_chapters", "read_chapters_file", "transcript_stem",
]

#: How chapter files' names end, in the order :func:`chapters_beside` looks for them.
CHAPTER_SUFFIXES = CHAPTERS

_FORMATS = {
    "json": "json", "application/json": "json", "application/json+chapters": "json",
    "vtt": "vtt", "webvtt": "vtt", "text/vtt": "vtt",
    "txt": "txt", "text": "txt", "text/plain": "txt", "youtube": "txt",
}
_SUFFIXES = {".json": "json", ".vtt": "vtt", ".webvtt": "vtt", ".txt": "txt"}

# One line of a YouTube-description list: a bullet perhaps, the time (bare, in
# parentheses or in brackets; shaped as the timed-text reader's, whose time_ms
# checks it), a separator perhaps, the title.
_LIST_LINE = re.compile(
    rf"""[ \t]*(?:[-*•][ \t]+)?
    (?:\((?P<p>{_TIME})\)|\[(?P<b>{_TIME})\]|(?P<t>{_TIME}))
    (?:[ \t]*[-–—:|][ \t]*|[ \t]+|$)
    (?P<title>.*?)[ \t]*$""",
    re.VERBOSE,
)


# What a file without a chapter (and without another problem) is told.
_NONE = {
    "json": 'the "chapters" array is empty; add the chapters, '
            '{"startTime": 0, "title": "Intro"}, or remove the file',
    "vtt": "no cue, so no chapters; write one cue a chapter, its text the title",
    "txt": "no line starts with a time, so there are no chapters; write one chapter a "
           "line, the time first: 0:00 Intro",
}


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


def normalize_chapters_format(name: str) -> str:
    """``"json"``, ``"vtt"`` or ``"txt"`` for a format name, suffix or MIME type.

    :raises ValueError: for a name no chapter reader handles.
    """
    key = name.strip().lower().lstrip(".")
    if key in _FORMATS:
        return _FORMATS[key]
    raise ValueError(
        f"unknown chapters format {name!r}; use json (Podcasting 2.0), vtt (WebVTT) "
        "or txt (a YouTube-description list)"
    )


def _sniff(name: str, text: str) -> str:
    suffix = os.path.splitext(name)[1].lower()
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    head = text.lstrip(" \t\r\n")
    if head[:1] in ("{", "["):
        return "json"
    return "vtt" if head.startswith("WEBVTT") else "txt"


def read_chapters(
    data: bytes | str, name: str = "<chapters>", format: str | None = None
) -> Chapters:
    """Read a chapter file's content; never raises for any content.

    :param name: the file's name, whose suffix names the format when *format*
        is not given (``.json``, ``.vtt``, ``.txt``); otherwise the content does.
    :param format: ``"json"``, ``"vtt"`` or ``"txt"`` (or a suffix or MIME type).
    :raises ValueError: only for an unknown *format* name.

    .. doctest::

        >>> found = read_chapters(b"Links below!\\n0:00 Intro\\n1:23 - Keystone\\n", "ep.txt")
        >>> [(c.start_ms, c.title, c.line) for c in found.chapters]
        [(0, 'Intro', 2), (83000, 'Keystone', 3)]
    """
    fmt = normalize_chapters_format(format) if format else None
    if isinstance(data, str):
        text, encoding, diagnostics = data.removeprefix("\ufeff"), "utf-8", []
    else:
        decoded = decode(data)
        text, encoding, diagnostics = decoded.text, decoded.encoding, decoded.diagnostics
    fmt = fmt or _sniff(name, text)
    if fmt == "json":
        from ._chapters_json import read_json

        chapters, found = read_json(text)
    elif fmt == "vtt":
        chapters, found = _read_vtt(text)
    else:
        chapters, found = _read_list(text)
    if not chapters and not found:
        found = [Diagnostic(1, 1, "chapter-schema", "warning", _NONE[fmt])]
    return Chapters(fmt, chapters, diagnostics + found, encoding)


def read_chapters_file(path: str | os.PathLike[str], format: str | None = None) -> Chapters:
    """:func:`read_chapters` of the file at *path*.

    :raises OSError: when the file cannot be read; the message names the path.
    """
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise type(exc)(exc.errno, f"cannot read chapters {os.fspath(path)!r}: {reason}") from exc
    return read_chapters(data, os.fspath(path), format)


def _read_vtt(text: str) -> tuple[list[Chapter], list[Diagnostic]]:
    """Each cue a chapter, its text (markup removed, lines joined) its title."""
    from .readers import read

    transcript, _ = read(text, format="vtt")
    chapters = []
    diagnostics = list(transcript.diagnostics)
    for cue in transcript.cues:
        title = " ".join(part.strip() for part in cue.plain_text.split("\n") if part.strip())
        if not title:
            diagnostics.append(Diagnostic(
                cue.line, 1, "chapter-schema", "warning",
                "this cue has no text; a chapter cue's text is the chapter's title: write one",
            ))
        end = cue.end_ms
        if end is not None and end < cue.start_ms:
            diagnostics.append(Diagnostic(
                cue.line, 1, "chapter-schema", "warning",
                "this cue ends before it starts; read with no end: correct its end time",
            ))
            end = None
        chapters.append(Chapter(cue.start_ms, title, end, line=cue.line))
    return chapters, sorted(diagnostics)


def _read_list(text: str) -> tuple[list[Chapter], list[Diagnostic]]:
    """The lines of a YouTube-description list that start with a time."""
    chapters: list[Chapter] = []
    diagnostics: list[Diagnostic] = []
    for number, line in enumerate(split_lines(text), 1):
        match = _LIST_LINE.match(line)
        if match is None:
            continue  # prose around the list
        group = "p" if match["p"] else "b" if match["b"] else "t"
        token = match[group]
        start = time_ms(token)
        column = match.start(group) + 1
        if start is None:
            diagnostics.append(Diagnostic(
                number, column, "bad-timestamp", "error",
                f"{token!r} is not a time (minutes and seconds run to 59); write it as "
                "M:SS or H:MM:SS; this chapter was not read",
            ))
            continue
        title = match["title"]
        if not title:
            diagnostics.append(Diagnostic(
                number, column, "chapter-schema", "warning",
                f"no title after {token}; write the chapter's title after its time",
            ))
        chapters.append(Chapter(start, title, line=number))
    return chapters, diagnostics


def is_chapters_name(path: str | os.PathLike[str]) -> bool:
    """Whether *path* is named as a chapter file: ``NAME.chapters.json|vtt|txt``."""
    return chapters_stem(os.fspath(path)) is not None


def transcript_stem(path: str | os.PathLike[str]) -> str | None:
    """``NAME`` (with its directory) of a chapter file ``NAME.chapters.<ext>``, the
    name its transcript ``NAME.<ext>`` has before the suffix; ``None`` for
    another name."""
    return chapters_stem(os.fspath(path))


def chapters_beside(transcript: str | os.PathLike[str]) -> Path | None:
    """The chapter file beside *transcript* (``NAME.<ext>``): ``NAME.chapters.json``,
    else ``NAME.chapters.vtt``, else ``NAME.chapters.txt``; ``None`` when there
    is none (or *transcript* is itself a chapter file)."""
    if is_chapters_name(transcript):
        return None
    stem = os.path.splitext(os.fspath(transcript))[0]
    for ending in CHAPTERS:
        candidate = Path(stem + ending)
        if candidate.is_file():
            return candidate
    return None
