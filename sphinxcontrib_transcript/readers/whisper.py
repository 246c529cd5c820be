"""Reader for Whisper and WhisperX JSON (what ``whisper --output_format json``
and WhisperX write)::

    {"text": " Hello there.", "language": "en",
     "segments": [{"id": 0, "start": 0.0, "end": 1.9, "text": " Hello there.",
                   "words": [{"word": " Hello", "start": 0.0, "end": 0.6, "score": 0.91},
                             {"word": " there.", "start": 0.6, "end": 1.9}],
                   "speaker": "SPEAKER_00"}]}

Each segment becomes a cue: ``start`` and ``end`` in seconds, ``text`` as
written (Whisper puts a space before it; the plain text has none), the
WhisperX ``speaker``, and the words with their timings in ``Cue.words``
(WhisperX leaves a word it could not align, such as a number, without
times: its ``Word`` has ``None`` for them, in its place; its ``score`` is
not kept).  A word's text is as written, the space before it included:
Whisper writes it, and for WhisperX, which does not, it is taken from the
segment's text, so that either way the words joined are the text.  A cue's
line is where its segment's ``{`` is.

It is told apart from Podcasting 2.0 JSON by its segments' keys
(:func:`looks_like_whisper`): ``start``/``end``/``text`` rather than
``startTime``/``endTime``/``body``.  Problems are ``json-schema``
diagnostics at the segment: no usable ``start`` (the segment is left out, its
text quoted), a bad ``end`` (read without an end), a ``text`` or ``speaker``
that is not a string, words that are not ``{"word": ...}`` objects.
"""

from __future__ import annotations

import json
import re
from itertools import repeat
from operator import mul
from typing import Any

from ..model import Cue, Diagnostic, Transcript, Word
from .json import _HUGE_NUMBER, _NUMBER, _TOO_LATE, _Lines, _quote, _seconds, _skip, _walk

# The first key a segment object has that only one of the two formats uses.
_SEGMENT_KEY = r'"(startTime|endTime|body|start|end|seek|tokens|words|avg_logprob)"[ \t\r\n]*:'
_WHISPER_KEYS = frozenset({"start", "end", "seek", "tokens", "words", "avg_logprob"})
_FAILED = object()


def looks_like_whisper(text: str) -> bool:
    """Whether JSON *text* is Whisper's rather than Podcasting 2.0's: the first
    segment key after ``"segments"`` is one only Whisper writes.  The top-level
    ``"text"`` Whisper writes first may be the whole transcript: the search
    starts after it, at ``"segments"``."""
    at = text.find('"segments"')
    if at < 0:
        return False
    match = re.compile(_SEGMENT_KEY).search(text, at)
    return match is not None and match[1] in _WHISPER_KEYS


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _Lines(text)
        self.transcript = Transcript("whisper")

    def report(self, where: tuple[int, int, int], message: str) -> None:
        offset, line, line_start = where
        self.transcript.diagnostics.append(
            Diagnostic(line, offset - line_start + 1, "json-schema", "error", message)
        )

    def read(self) -> Transcript:
        text = self.text
        try:
            data, _, starts = _walk(text)
        except (StopIteration, ValueError, IndexError, RecursionError):
            data, starts = self.loads(), []
            if data is _FAILED:
                return self.transcript
        where = self.lines.advance((0, 1, 0), _skip(text, 0))
        segments = data.get("segments") if isinstance(data, dict) else None
        if not isinstance(segments, list):
            self.report(where, 'no "segments" array of Whisper segments; nothing was read')
            return self.transcript
        if isinstance(data.get("language"), str):
            self.transcript.metadata["language"] = data["language"]
        located = len(starts) == len(segments)
        for number, segment in enumerate(segments, 1):
            if located:
                where = self.lines.advance(where, starts[number - 1])
            self.segment(number, segment, where)
        return self.transcript

    def loads(self) -> Any:
        """What :func:`json.loads` reads, or :data:`_FAILED` once it is reported
        why it refuses the text (where it stops)."""
        try:
            return json.loads(self.text)
        except json.JSONDecodeError as exc:
            self.report(self.lines.advance((0, 1, 0), exc.pos), f"not valid JSON: {exc.msg}")
        except RecursionError:
            self.report((0, 1, 0), "JSON nested too deeply to read; nothing was read")
        except ValueError:  # an integer too long to convert
            huge = _HUGE_NUMBER.search(self.text)
            where = self.lines.advance((0, 1, 0), huge.start() if huge else 0)
            self.report(where, "a number with 4300 digits or more cannot be read; "
                        "nothing was read")
        return _FAILED

    def segment(self, number: int, segment: Any, where: tuple[int, int, int]) -> None:
        if not isinstance(segment, dict):
            self.report(where, f"segment {number} is {_quote(segment)}, not an object; not read")
            return
        body = segment.get("text", "")
        if not isinstance(body, str):
            self.report(where, f'segment {number}: "text" is {_quote(body)}, not a string; '
                        "read as empty text")
            body = ""
        start = _seconds(segment.get("start"))
        if start is None:
            self.report(where, f'segment {number}: "start" is {_quote(segment.get("start"))}, '
                        f"not a number of seconds; the segment ({_quote(body)}) was not read")
            return
        end = _seconds(segment.get("end"))
        if end is None and segment.get("end") is not None:
            self.report(where, f'segment {number}: "end" is {_quote(segment.get("end"))}, '
                        "not a number of seconds; read with no end")
        speaker = segment.get("speaker")
        if speaker is not None and not isinstance(speaker, str):
            self.report(where, f'segment {number}: "speaker" is {_quote(speaker)}, '
                        "not a string; ignored")
            speaker = None
        words = self.words(number, segment.get("words"), where, body)
        if words and not words[-1].text[:1].isspace():
            words = _spaced(words, body)
        line = where[1]
        self.transcript.cues.append(Cue(
            start, end, body, body.strip(), speaker or None, "", line, "", line, words,
        ))

    def words(
        self, number: int, words: Any, where: tuple[int, int, int], body: str
    ) -> tuple[Word, ...] | None:
        if words is None:
            return None
        if not isinstance(words, list):
            self.report(where, f'segment {number}: "words" is {_quote(words)}, not an array; '
                        "its word timings were not read")
            return None
        if set(map(type, words)) == {dict}:
            timed = _timed_words(words, body)
            if timed is not None:
                return timed
        kept: list[Word] = []
        for word in words:
            text = word.get("word") if type(word) is dict else None
            if type(text) is not str:
                self.report(where, f"segment {number}: the word {_quote(word)} is not "
                            '{"word": "...", "start": ..., "end": ...}; left out of the timings')
                continue
            # _seconds, inlined for the usual numbers in range (a word at a time).
            start, end = word.get("start"), word.get("end")
            kept.append(Word(
                round(start * 1000) if type(start) in _NUMBER and 0 <= start < _TOO_LATE
                else _seconds(start),
                round(end * 1000) if type(end) in _NUMBER and 0 <= end < _TOO_LATE
                else _seconds(end),
                text,
            ))
        return tuple(kept)


def _timed_words(words: list[dict[str, Any]], body: str) -> tuple[Word, ...] | None:
    """The words of a segment whose words all have a text and both times in
    range, made a column at a time (a transcript has ten times more words than
    segments); ``None`` for any other, which the loop above reads one by one.
    WhisperX's words one space apart in *body* get that space here, where the
    texts are a column (:func:`_spaced` does the rest)."""
    texts: list[Any] = list(map(dict.get, words, repeat("word")))
    starts: list[Any] = list(map(dict.get, words, repeat("start")))
    ends: list[Any] = list(map(dict.get, words, repeat("end")))
    times = starts + ends
    if set(map(type, texts)) != {str} or not set(map(type, times)) <= _NUMBER:
        return None
    if min(times) < 0 or max(times) >= _TOO_LATE:
        return None
    if texts and all(texts) and not texts[-1][:1].isspace() and " ".join(texts) == body.strip():
        texts[1:] = [" " + text for text in texts[1:]]
    rows = zip(map(round, map(mul, starts, repeat(1000))),
               map(round, map(mul, ends, repeat(1000))), texts, strict=True)
    return tuple(map(tuple.__new__, repeat(Word), rows))


def _spaced(words: tuple[Word, ...], text: str) -> tuple[Word, ...]:
    """WhisperX's words (written without the space before them, where Whisper
    keeps it) with the space their segment's text has before each, so that
    joined they are the text, as Whisper's are; as written when they are not
    the text's words in order (or the language writes no spaces)."""
    spaced: list[Word] = []
    at = len(text) - len(text.lstrip())
    for word in words:
        found = text.find(word.text, at) if word.text else -1
        gap = text[at:found]
        if found < 0 or (gap and not gap.isspace()):
            return words
        spaced.append(Word(word.start_ms, word.end_ms, gap + word.text))
        at = found + len(word.text)
    return tuple(spaced)


def parse(text: str) -> Transcript:
    """Read Whisper or WhisperX JSON (decoded, without a BOM).

    .. doctest::

        >>> t = parse('{"segments": [{"start": 0.0, "end": 1.9, "text": " Hi there.",'
        ...           ' "words": [{"word": " Hi", "start": 0.0, "end": 0.6}], "speaker": "A"}]}')
        >>> cue = t.cues[0]
        >>> cue.start_ms, cue.end_ms, cue.plain_text, cue.speaker, cue.words
        (0, 1900, 'Hi there.', 'A', (Word(start_ms=0, end_ms=600, text=' Hi'),))
    """
    return _Reader(text).read()
