"""Reader for Podcasting 2.0 JSON transcripts.

The format (``application/json`` in ``<podcast:transcript>``)::

    {
      "version": "1.0.0",
      "segments": [
        {"speaker": "Ann", "startTime": 0.5, "endTime": 1.2, "body": "Hello"}
      ]
    }

Times are seconds; ``endTime`` and ``speaker`` are optional.  Each segment
becomes a cue whose ``text`` and ``plain_text`` are the ``body`` and whose
``line`` is the line where the segment's ``{`` is.

Problems are ``json-schema`` errors at the line of the segment or key
concerned: invalid JSON (at the position the parser stopped), a top level
that is not an object (an array is read as the segments), ``version`` or
``segments`` missing, a segment that is not an object or has no usable
``startTime`` (left out; the message quotes its body), a bad ``endTime``
(read without an end), a ``body`` or ``speaker`` that is not a string.

:func:`json.loads` gives no positions, so the reader walks the top-level
object itself and hands each member value, and each element of the
``segments`` array, to the C scanner :func:`json.loads` uses: one linear pass
that yields the values and where each segment starts.  Whatever the walk
rejects goes to :func:`json.loads` for its message and position.  Deeply
nested input that exhausts the parser's recursion becomes a diagnostic, like
every other problem.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from ..model import Cue, Diagnostic, Transcript
from ..timecode import parse_seconds

_DECODER = json.JSONDecoder()
# The C scanner json.loads uses: (value, end) for the value at an offset
# (an instance attribute typeshed does not describe).
_scan: Callable[[str, int], tuple[Any, int]] = vars(_DECODER)["scan_once"]
_WHITESPACE = re.compile(r"[ \t\n\r]*")  # JSON's whitespace, nothing more
_COMMA = re.compile(r"[ \t\n\r]*,[ \t\n\r]*")
# Python refuses to convert integers of more than 4300 digits (ValueError, no
# position); this finds where such a number is.
_HUGE_NUMBER = re.compile(r"\d{4300,}")
_MISSING = object()
_NUMBER = frozenset({int, float})  # exact types: bool is an int subclass and not a time
# Times from a billion hours on are refused: no other format can hold them (SRT
# hours have at most nine digits), so written out they could not be read back.
_TOO_LATE = 1_000_000_000 * 3600  # seconds
_RANGE = "a number of seconds from 0 to under a billion hours"


def _seconds(value: object) -> int | None:
    """:func:`parse_seconds` within the times every format can hold."""
    ms = parse_seconds(value)
    return ms if ms is not None and ms < _TOO_LATE * 1000 else None


class _Lines:
    """Line and column of offsets, counted forward from a known position.

    Lines break at CRLF, CR or LF, as in every other reader.  Counting from
    a nearby known position (the previous segment, or the segment a key is
    in) keeps the whole file linear even when every segment has a problem.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.cr = "\r" in text

    def advance(self, base: tuple[int, int, int], offset: int) -> tuple[int, int, int]:
        """From *base* ``(offset, line, line_start)`` to the same triple for *offset*."""
        text = self.text
        at, line, line_start = base
        breaks = text.count("\n", at, offset)
        if self.cr:
            breaks += text.count("\r", at, offset) - text.count("\r\n", at, offset)
        if breaks:
            line += breaks
            last = text.rfind("\n", at, offset)
            if self.cr:
                last = max(last, text.rfind("\r", at, offset))
            line_start = last + 1
        return offset, line, line_start


def _skip(text: str, pos: int) -> int:
    match = _WHITESPACE.match(text, pos)
    return match.end() if match is not None else pos


class _Invalid(ValueError):
    """The walk met something :func:`json.loads` would reject."""


def _members(text: str, pos: int) -> dict[str, tuple[int, int]]:
    """Key offset and value offset of each member of the object at *pos* (last wins)."""
    found: dict[str, tuple[int, int]] = {}
    pos = _skip(text, pos + 1)
    if text.startswith("}", pos):
        return found
    while True:
        key, end = _scan(text, pos)
        value_at = _skip(text, _skip(text, end) + 1)  # past the colon
        found[key] = (pos, value_at)
        _, end = _scan(text, value_at)
        pos = _skip(text, end)
        if not text.startswith(",", pos):
            return found
        pos = _skip(text, pos + 1)


def _array(text: str, pos: int) -> tuple[list[Any], int, list[int]]:
    """The array at *pos*, the offset after it, and where each element starts."""
    items: list[Any] = []
    starts: list[int] = []
    pos = _skip(text, pos + 1)
    if text.startswith("]", pos):
        return items, pos + 1, starts
    while True:
        starts.append(pos)
        value, end = _scan(text, pos)
        items.append(value)
        comma = _COMMA.match(text, end)
        if comma is not None:
            pos = comma.end()
            continue
        pos = _skip(text, end)
        if text.startswith("]", pos):
            return items, pos + 1, starts
        raise _Invalid


def _walk(text: str) -> tuple[Any, dict[str, tuple[int, int]], list[int]]:
    """Decode *text* as :func:`json.loads` does, noting where things start.

    Returns the value, the key and value offsets of the top-level object's
    members, and the offsets of the segments (the elements of the last
    ``segments`` array, or of a top-level array).  The values come from the C
    scanner :func:`json.loads` uses, called once per top-level value and once
    per segment.  Raises on anything :func:`json.loads` would reject, without
    saying where: the caller asks :func:`json.loads` for the message.
    """
    pos = _skip(text, 0)
    members: dict[str, tuple[int, int]] = {}
    starts: list[int] = []
    data: Any
    if text.startswith("{", pos):
        data = {}
        pos = _skip(text, pos + 1)
        if text.startswith("}", pos):
            pos += 1
        else:
            while True:
                if not text.startswith('"', pos):
                    raise _Invalid
                key, end = _scan(text, pos)
                colon = _skip(text, end)
                if not text.startswith(":", colon):
                    raise _Invalid
                value_at = _skip(text, colon + 1)
                members[key] = (pos, value_at)
                if key == "segments" and text.startswith("[", value_at):
                    value, end, starts = _array(text, value_at)
                else:
                    value, end = _scan(text, value_at)
                    if key == "segments":
                        starts = []
                data[key] = value
                pos = _skip(text, end)
                if text.startswith(",", pos):
                    pos = _skip(text, pos + 1)
                    continue
                if text.startswith("}", pos):
                    pos += 1
                    break
                raise _Invalid
    elif text.startswith("[", pos):
        data, pos, starts = _array(text, pos)
    else:
        data, pos = _scan(text, pos)
    if _skip(text, pos) != len(text):
        raise _Invalid
    return data, members, starts


def _quote(value: object, limit: int = 40) -> str:
    try:
        shown = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):  # pragma: no cover - loads output dumps
        shown = repr(value)
    return shown if len(shown) <= limit else shown[:limit] + "…"


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _Lines(text)
        self.transcript = Transcript("json")

    def report(self, where: tuple[int, int, int], message: str) -> None:
        offset, line, line_start = where
        column = offset - line_start + 1
        self.transcript.diagnostics.append(
            Diagnostic(line, column, "json-schema", "error", message)
        )

    def locate(self, offset: int) -> tuple[int, int, int]:
        return self.lines.advance((0, 1, 0), offset)

    def read(self) -> Transcript:
        text = self.text
        try:
            data, members, starts = _walk(text)
        except (StopIteration, ValueError, IndexError, RecursionError):
            # Let json.loads say what is wrong and where (and it may yet read
            # the text, if the walk is stricter somewhere: then without positions).
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                self.report(
                    self.locate(exc.pos),
                    f"not valid JSON: {exc.msg}; a Podcasting 2.0 transcript is "
                    '{"version": "1.0.0", "segments": [...]}',
                )
                return self.transcript
            except RecursionError:
                self.report(self.locate(0), "JSON nested too deeply to read; nothing was read")
                return self.transcript
            except ValueError:  # an integer too long to convert
                huge = _HUGE_NUMBER.search(text)
                self.report(
                    self.locate(huge.start() if huge else 0),
                    "a number with 4300 digits or more cannot be read; nothing was read",
                )
                return self.transcript
            members, starts = {}, []
        top = _skip(text, 0)
        if isinstance(data, dict):
            segments = self.check_top(data, members, top)
        elif isinstance(data, list):
            self.report(
                self.locate(top),
                'the top level is an array; write {"version": "1.0.0", "segments": [...]} '
                "(the array was read as the segments)",
            )
            segments = data
        else:
            self.report(
                self.locate(top),
                f"the top level is {_quote(data)}, not an object; write "
                '{"version": "1.0.0", "segments": [...]}; nothing was read',
            )
            return self.transcript
        self.read_segments(segments, starts)
        # A segment reports its keys in the order checked; restore file order.
        self.transcript.diagnostics.sort(key=lambda d: (d.line, d.column))
        return self.transcript

    def check_top(
        self, data: dict[str, Any], members: dict[str, tuple[int, int]], top: int
    ) -> list[Any]:
        metadata = self.transcript.metadata
        version = data.get("version", _MISSING)
        if version is _MISSING:
            self.report(self.locate(top), 'no "version"; add "version": "1.0.0"')
        elif not isinstance(version, str):
            where = members.get("version", (top, top))[0]
            self.report(
                self.locate(where),
                f'"version" is {_quote(version)}; write it as a string, "1.0.0"',
            )
            metadata["version"] = _quote(version)
        else:
            metadata["version"] = version
        language = data.get("language")
        if isinstance(language, str):
            metadata["language"] = language
        segments = data.get("segments", _MISSING)
        if segments is _MISSING:
            self.report(self.locate(top), 'no "segments" array; there are no cues to read')
            return []
        if not isinstance(segments, list):
            where = members.get("segments", (top, top))[0]
            self.report(
                self.locate(where),
                f'"segments" is {_quote(segments)}, not an array of segment objects; '
                "nothing was read",
            )
            return []
        return segments

    def read_segments(self, segments: list[Any], starts: list[int]) -> None:
        cues = self.transcript.cues
        located = len(starts) == len(segments)
        where = (0, 1, 0)
        for number, segment in enumerate(segments, 1):
            if located:
                where = self.lines.advance(where, starts[number - 1])
            if not isinstance(segment, dict):
                self.report(
                    where, f"segment {number} is {_quote(segment)}, not an object; it was not read"
                )
                continue
            # _seconds, inlined for the usual numbers in range.
            start: Any = segment.get("startTime")
            if type(start) in _NUMBER and 0 <= start < _TOO_LATE:
                start_ms: int | None = round(start * 1000)
            else:
                start_ms = _seconds(start)
            end: Any = segment.get("endTime")
            if type(end) in _NUMBER and 0 <= end < _TOO_LATE:
                end_ms: int | None = round(end * 1000)
            else:
                end_ms = _seconds(end)
            body = segment.get("body")
            speaker = segment.get("speaker")
            if (
                start_ms is not None and isinstance(body, str)
                and (end_ms is not None or end is None)
                and (speaker is None or isinstance(speaker, str))
            ):
                # The common case, kept free of position work.
                line = where[1]
                cues.append(Cue(start_ms, end_ms, body, body, speaker or None, "", line, "", line))
                continue
            cue = self.bad_segment(number, segment, where, located)
            if cue is not None:
                cues.append(cue)

    def bad_segment(
        self, number: int, segment: dict[str, Any], where: tuple[int, int, int], located: bool
    ) -> Cue | None:
        """Report what is wrong with *segment*; the cue it still gives, if any."""
        keys = _members(self.text, where[0]) if located else {}

        def at(key: str) -> tuple[int, int, int]:
            if key in keys:
                return self.lines.advance(where, keys[key][0])
            return where

        body = segment.get("body", _MISSING)
        start_ms = _seconds(segment.get("startTime"))
        if start_ms is None:
            # Not read: its body, whatever it is, is only quoted (not "read as empty").
            raw = segment.get("startTime", _MISSING)
            words = "(empty)" if body is _MISSING or body == "" else _quote(body)
            if raw is _MISSING:
                problem, spot = f'segment {number} has no "startTime"', where
            else:
                problem = f'"startTime" is {_quote(raw)}, not {_RANGE}'
                spot = at("startTime")
            self.report(spot, f"{problem}; the segment (body {words}) was not read")
            return None
        if not isinstance(body, str):
            if body is _MISSING:
                self.report(where, f'segment {number} has no "body"; read as empty text')
            else:
                self.report(
                    at("body"), f'"body" is {_quote(body)}, not a string; read as empty text'
                )
            body = ""
        end = segment.get("endTime")
        end_ms = _seconds(end)
        if end is not None and end_ms is None:
            self.report(
                at("endTime"),
                f'"endTime" is {_quote(end)}, not {_RANGE}; '
                "the segment is read with no end",
            )
        speaker = segment.get("speaker")
        if speaker is not None and not isinstance(speaker, str):
            self.report(at("speaker"), f'"speaker" is {_quote(speaker)}, not a string; ignored')
            speaker = None
        line = where[1]
        return Cue(start_ms, end_ms, body, body, speaker or None, "", line, "", line)


def parse(text: str) -> Transcript:
    """Read a Podcasting 2.0 JSON transcript (decoded, without a BOM).

    Never raises; problems are ``json-schema`` diagnostics.

    .. doctest::

        >>> t = parse('{"version": "1.0.0", "segments": [\\n'
        ...           ' {"speaker": "Ann", "startTime": 0.5, "endTime": 1.25, "body": "Hi"}]}')
        >>> cue = t.cues[0]
        >>> cue.start_ms, cue.end_ms, cue.speaker, cue.text, cue.line
        (500, 1250, 'Ann', 'Hi', 2)
    """
    return _Reader(text).read()
