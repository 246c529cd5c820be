"""The Podcasting 2.0 chapters JSON reader behind :mod:`.chapters`.

The format (``application/json+chapters``, version 1.2 of the Podcast
Index's "JSON Chapters Format")::

    {"version": "1.2.0",
     "chapters": [{"startTime": 0, "title": "Intro"},
                  {"startTime": 168.5, "endTime": 260, "title": "Hearing Aids",
                   "img": "https://...", "url": "https://...", "toc": false}]}

``version`` and ``chapters`` are required, and ``startTime`` in each chapter;
the rest is optional (``toc`` is true when absent; a ``toc: false`` chapter is
a silent marker and needs no title).  Keys the spec does not name (``location``
aside, which is checked) are allowed: hosts add their own.

Every problem is a ``chapter-schema`` diagnostic at the line and column of the
chapter or key concerned, found the way the transcript JSON reader finds its
segments (:mod:`.readers.json`: the C scanner :func:`json.loads` uses, one
value at a time).  Errors are what a player validating the file rejects (a
wrong type, a chapter without a usable ``startTime``, no ``chapters``);
warnings what it reads anyway (no ``version``, a listed chapter without a
title, an optional key set to ``null``, an ``endTime`` before the
``startTime``).
"""

from __future__ import annotations

import json
from typing import Any

from .model import Diagnostic
from .readers.json import _HUGE_NUMBER, _array, _Lines, _members, _quote, _skip
from .timecode import parse_seconds

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from .chapters import Chapter
    from .model import Level

RULE = "chapter-schema"
_SHAPE = '{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Intro"}]}'
_MISSING = object()
# As for transcripts: no format can write a time from a billion hours on.
_TOO_LATE_MS = 1_000_000_000 * 3600 * 1000
# Optional members of the top-level object and the type each must have.
_TOP_STRINGS = ("author", "title", "podcastName", "description", "fileName")
# A chapter's optional members: null is read as absent (with a warning).
_OPTIONAL = ("endTime", "title", "img", "url", "toc", "location")

Where = tuple[int, int, int]  # offset, line, offset of the line's start


def _ms(value: object) -> int | None:
    ms = parse_seconds(value)
    return ms if ms is not None and ms < _TOO_LATE_MS else None


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _Lines(text)
        self.chapters: list[Chapter] = []
        self.diagnostics: list[Diagnostic] = []

    def report(self, where: Where, message: str, level: Level = "error") -> None:
        offset, line, line_start = where
        self.diagnostics.append(Diagnostic(line, offset - line_start + 1, RULE, level, message))

    def locate(self, offset: int, base: Where = (0, 1, 0)) -> Where:
        return self.lines.advance(base, offset)

    def read(self) -> None:
        text = self.text
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            self.report(self.locate(exc.pos), f"not valid JSON: {exc.msg}; a chapters file is "
                        f"{_SHAPE}; no chapter was read")
            return
        except RecursionError:
            self.report(self.locate(0), "JSON nested too deeply to read; no chapter was read")
            return
        except ValueError:  # an integer too long to convert
            huge = _HUGE_NUMBER.search(text)
            self.report(self.locate(huge.start() if huge else 0),
                        "a number with 4300 digits or more cannot be read; no chapter was read")
            return
        top = _skip(text, 0)
        if isinstance(data, list):
            self.report(self.locate(top), f"the top level is an array; write {_SHAPE} "
                        "(the array was read as the chapters)")
            self.read_chapters(data, self.positions(top))
        elif not isinstance(data, dict):
            self.report(self.locate(top), f"the top level is {_quote(data)}, not an object; "
                        f"write {_SHAPE}; no chapter was read")
        else:
            self.read_top(data, top)
        self.diagnostics.sort(key=lambda d: (d.line, d.column))

    def keys(self, at: int) -> dict[str, tuple[int, int]]:
        """Key and value offsets of the object at *at* (valid JSON: it cannot fail)."""
        try:
            return _members(self.text, at)
        except (StopIteration, ValueError, IndexError, RecursionError):  # pragma: no cover
            return {}

    def positions(self, at: int) -> list[int]:
        """Where each element of the array at *at* starts."""
        try:
            return _array(self.text, at)[2]
        except (StopIteration, ValueError, IndexError, RecursionError):  # pragma: no cover
            return []

    def read_top(self, data: dict[str, Any], top: int) -> None:
        members = self.keys(top)

        def at(key: str) -> Where:
            return self.locate(members[key][0] if key in members else top)

        version = data.get("version", _MISSING)
        if version is _MISSING:
            self.report(self.locate(top), 'no "version"; add "version": "1.2.0"', "warning")
        elif not isinstance(version, str):
            self.report(at("version"), f'"version" is {_quote(version)}; write it as a '
                        'string, "1.2.0"', "warning")
        for key in _TOP_STRINGS:
            if key in data and not isinstance(data[key], str):
                self.report(at(key), f'"{key}" is {_quote(data[key])}, not a string', "warning")
        if "waypoints" in data and not isinstance(data["waypoints"], bool):
            self.report(at("waypoints"), f'"waypoints" is {_quote(data["waypoints"])}, '
                        "not true or false", "warning")
        chapters = data.get("chapters", _MISSING)
        if chapters is _MISSING:
            self.report(self.locate(top), 'no "chapters" array; a player finds no chapters: '
                        f"write {_SHAPE}")
        elif not isinstance(chapters, list):
            self.report(at("chapters"), f'"chapters" is {_quote(chapters)}, not an array of '
                        "chapter objects; no chapter was read")
        else:
            value_at = members["chapters"][1] if "chapters" in members else top
            self.read_chapters(chapters, self.positions(value_at))

    def read_chapters(self, chapters: list[Any], starts: list[int]) -> None:
        located = len(starts) == len(chapters)
        where: Where = (0, 1, 0)
        for number, item in enumerate(chapters, 1):
            if located:
                where = self.locate(starts[number - 1], where)
            if not isinstance(item, dict):
                self.report(where, f"chapter {number} is {_quote(item)}, not an object "
                            '({"startTime": 0, "title": "Intro"}); it was not read')
                continue
            chapter = self.read_chapter(number, item, where, located)
            if chapter is not None:
                self.chapters.append(chapter)

    def read_chapter(
        self, number: int, item: dict[str, Any], where: Where, located: bool
    ) -> Chapter | None:
        from .chapters import Chapter

        keys = self.keys(where[0]) if located else {}

        def at(key: str) -> Where:
            return self.locate(keys[key][0], where) if key in keys else where

        for key in _OPTIONAL:
            if key in item and item[key] is None:
                self.report(at(key), f'"{key}" is null; leave the key out when it has no value',
                            "warning")
        item = {key: value for key, value in item.items()
                if value is not None or key not in _OPTIONAL}
        title = item.get("title", _MISSING)
        start = item.get("startTime", _MISSING)
        start_ms = _ms(start)
        if start_ms is None:
            named = f" ({_quote(title)})" if isinstance(title, str) else ""
            if start is _MISSING:
                self.report(where, f'chapter {number}{named} has no "startTime"; add its start '
                            "in seconds; it was not read")
            else:
                self.report(at("startTime"), f'"startTime" is {_quote(start)}, not a number of '
                            f"seconds from 0; chapter {number}{named} was not read")
            return None
        toc = item.get("toc", True)
        if not isinstance(toc, bool):
            self.report(at("toc"), f'"toc" is {_quote(toc)}, not true or false; read as true')
            toc = True
        if title is _MISSING:
            if toc:
                self.report(where, f'chapter {number} has no "title", and players list it '
                            'untitled; add a "title", or "toc": false for a silent marker',
                            "warning")
            title = ""
        elif not isinstance(title, str):
            self.report(at("title"), f'"title" is {_quote(title)}, not a string; read as '
                        "untitled")
            title = ""
        end = item.get("endTime")
        end_ms = _ms(end)
        if end is not None and end_ms is None:
            self.report(at("endTime"), f'"endTime" is {_quote(end)}, not a number of seconds '
                        "from 0; read with no end")
        elif end_ms is not None and end_ms < start_ms:
            self.report(at("endTime"), f'"endTime" {_quote(end)} is before "startTime" '
                        f"{_quote(start)}; read with no end: correct it or leave it out",
                        "warning")
            end_ms = None
        links = {key: self.link(item, key, at) for key in ("url", "img")}
        self.check_location(item, at)
        return Chapter(start_ms, title, end_ms, toc, links["url"], links["img"], where[1])

    def link(self, item: dict[str, Any], key: str, at: Callable[[str], Where]) -> str | None:
        value = item.get(key)
        if value is None or isinstance(value, str):
            return value
        self.report(at(key), f'"{key}" is {_quote(value)}, not a string (a URL); ignored')
        return None

    def check_location(self, item: dict[str, Any], at: Callable[[str], Where]) -> None:
        location = item.get("location", _MISSING)
        if location is _MISSING:
            return
        if not isinstance(location, dict):
            self.report(at("location"), f'"location" is {_quote(location)}, not an object '
                        '({"name": ..., "geo": "geo:lat,lon"})')
            return
        missing = [key for key in ("name", "geo") if not isinstance(location.get(key), str)]
        if missing:
            named = " and ".join(f'"{key}"' for key in missing)
            self.report(at("location"), f'"location" needs {named} as string(s); players '
                        "may not show it", "warning")


def read_json(text: str) -> tuple[list[Chapter], list[Diagnostic]]:
    """The chapters of a Podcasting 2.0 chapters JSON text, and its diagnostics."""
    reader = _Reader(text)
    reader.read()
    return reader.chapters, reader.diagnostics
