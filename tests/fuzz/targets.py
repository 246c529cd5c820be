"""What each fuzz target runs on one input, and the invariants it checks.

A target takes the raw bytes of one input and raises :class:`Broken` (or
lets an unexpected exception out) when an invariant fails; atheris reports
either as a crash and saves the input.  The same functions serve the
hypothesis tests in ``tests/test_fuzz.py``.

Targets:

``vtt``, ``srt``, ``txt``, ``json``
    :func:`~sphinxcontrib_transcript.readers.loads` with that format;
``sniff``
    the same with the format guessed from the content.

    Each reader target also writes what it read in every format
    (:func:`~sphinxcontrib_transcript.writers.dumps`) and reads that back.
    Invariants: nothing raises; the format is the one asked for; every
    diagnostic and cue points at a real line and column of the decoded text;
    a WebVTT or JSON file written from the cues reads back with the same
    number of cues and no diagnostic.
``lint``
    :func:`~sphinxcontrib_transcript.lint.lint_bytes` with every rule
    selected (``select = ["ALL"]``, a superset of the default rules).  The
    first byte of the input picks the file's suffix (``.vtt``, ``.srt``,
    ``.txt``, ``.json``), the rest is the file.  Invariants: nothing raises,
    no ``internal-error`` (a rule or reader that crashed), every problem at a
    real line and column.
``fix``
    :func:`~sphinxcontrib_transcript.lint.fix_report` over every rule, safe
    fixes and then unsafe ones.  Invariants: no fix crashes or writes what
    cannot be read back (the no-loss guard may refuse a fix); the safe
    result reads back to the same cues (times and plain text, but for the
    control characters and spacing safe fixes remove) and fixing it again
    changes nothing; the unsafe result keeps every cue (it may read more:
    a repaired timing line) and every word of the original text (of the
    original with each line once, where ``rolling-captions`` de-rolled it; a multiset;
    words compared after the repairs the unsafe fixes make on purpose:
    mojibake repaired, control and bidi characters removed; where the repairs
    differ from that model, every word must still be there with all its ASCII
    characters, and no fewer words).

Every target also checks time: an input that takes longer than
:data:`BASE_SECONDS` plus :data:`SECONDS_PER_KB` per kilobyte (measured
three times, the fastest counts, so a busy machine does not raise false
alarms) is :class:`TooSlow`, the sign of a quadratic path or a hang.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from collections import Counter
from collections.abc import Callable

from sphinxcontrib_transcript.decoding import decode, split_lines
from sphinxcontrib_transcript.lint import Config, build_context, fix_report, lint_bytes, resolve
from sphinxcontrib_transcript.lint.engine import INTERNAL_ERROR
from sphinxcontrib_transcript.model import LEVELS, Cue, Transcript
from sphinxcontrib_transcript.readers import loads
from sphinxcontrib_transcript.writers import dumps

from .seeds import split_input

#: Time allowed for any input, and per kilobyte of it (the slowest targets,
#: fix and lint with every rule, take a few milliseconds per kilobyte).
BASE_SECONDS = 0.25
SECONDS_PER_KB = 0.05

READER_TARGETS = ("vtt", "srt", "txt", "json", "sniff")
TARGETS = (*READER_TARGETS, "lint", "fix")

# Characters the unsafe fixes delete on purpose (control-character, bidi-control,
# utf8-bom inside the text), so words are compared without them.
_REMOVED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufff9-\ufffc"
                      "\u202a-\u202e\u2066-\u2069]")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufff9-\ufffc]")
_LONE_C1 = re.compile("(?<![^\x00-\x7f])[\x80-\x9f]+")
_ASCII_BLANKS = re.compile("[ \t\n\r]+")
_NOT_ASCII_TEXT = re.compile("[^\x21-\x7e]+")
_RULE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class Broken(AssertionError):
    """An invariant does not hold for this input."""


class TooSlow(Broken):
    """The input took longer than its budget: a quadratic path or a hang."""


_config: list[Config] = []
_directory: list[str] = []


def every_rule() -> Config:
    """Every rule selected, with its default options."""
    if not _config:
        _config.append(resolve({"select": ["ALL"]}, source=None, root=os.getcwd()))
    return _config[0]


def _path(suffix: str) -> str:
    """A file name in an empty directory, so ``pair-drift`` finds no sibling by chance."""
    if not _directory:
        _directory.append(tempfile.mkdtemp(prefix="transcript-fuzz-"))
    return os.path.join(_directory[0], "fuzz" + suffix)


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise Broken(message)


def _check_place(lines: list[str], line: int, column: int, what: object) -> None:
    _require(1 <= line <= len(lines), f"line {line} is not in the file ({len(lines)} lines): "
             f"{what!r}")
    _require(1 <= column <= len(lines[line - 1]) + 1,
             f"column {column} is not on line {line} ({len(lines[line - 1])} characters): "
             f"{what!r}")


def check_transcript(transcript: Transcript, text: str) -> None:
    """Every diagnostic and cue of *transcript* points into *text*."""
    lines = split_lines(text)
    for diagnostic in transcript.diagnostics:
        _require(_RULE_ID.fullmatch(diagnostic.rule) is not None, f"rule ID {diagnostic!r}")
        _require(diagnostic.level in LEVELS, f"level of {diagnostic!r}")
        _require(bool(diagnostic.message), f"no message: {diagnostic!r}")
        _check_place(lines, diagnostic.line, diagnostic.column, diagnostic)
    for cue in transcript.cues:
        _require(cue.start_ms >= 0, f"negative start: {cue!r}")
        _require(cue.end_ms is None or cue.end_ms >= 0, f"negative end: {cue!r}")
        _require(1 <= cue.line <= len(lines), f"cue line {cue.line} not in the file: {cue!r}")
        _require(1 <= cue.text_line <= len(lines) + 1, f"text line not in the file: {cue!r}")
        _require(isinstance(cue.plain_text, str), f"plain text: {cue!r}")


def read(data: bytes, fmt: str | None) -> None:
    """A reader target: read *data*, check it, write it in every format, read that back."""
    transcript = loads(data, format=fmt)
    if fmt is not None:
        _require(transcript.format == fmt, f"read as {transcript.format}, not {fmt}")
    check_transcript(transcript, decode(data).text)
    for out in ("vtt", "srt", "txt", "json"):
        written = dumps(transcript, out)
        back = loads(written, format=out)
        check_transcript(back, written)
        if out in ("vtt", "json"):
            _require(len(back.cues) == len(transcript.cues),
                     f"{len(transcript.cues)} cues written as {out}, {len(back.cues)} read "
                     f"back:\n{written[:2000]}")
            _require(back.diagnostics == [],
                     f"written as {out}, read back with {back.diagnostics[:3]}:\n"
                     f"{written[:2000]}")


def lint(data: bytes) -> None:
    """The lint target: every rule over the file; no crash, real positions."""
    suffix, content = split_input(data)
    problems = lint_bytes(content, _path(suffix), every_rule())
    crashes = [problem for problem in problems if problem.rule == INTERNAL_ERROR]
    _require(not crashes, f"internal error: {crashes[:1]}")
    lines = split_lines(decode(content).text)
    for problem in problems:
        _check_place(lines, problem.line, problem.column, problem)


def _cues(data: bytes, path: str) -> list[tuple[int, int | None, str]]:
    """Each cue's times and plain text, without what a safe fix may remove
    (control characters; whitespace other than single spaces between words)."""
    transcript = build_context(data, path).transcript
    return [
        (cue.start_ms, cue.end_ms, " ".join(_CONTROLS.sub("", cue.plain_text).split()))
        for cue in transcript.cues
    ]


def _removed_words(removed: list[Cue]) -> Counter[str]:
    """The words of the removed cues, counted as :func:`_words` counts them."""
    words: Counter[str] = Counter()
    for cue in removed:
        words.update(_REMOVED.sub("", cue.plain_text or cue.text).split())
    return words


def _words(data: bytes, path: str) -> Counter[str]:
    import ftfy

    words: Counter[str] = Counter()
    for cue in build_context(data, path).transcript.cues:
        text = cue.plain_text or cue.text
        if not text.isascii():
            # As the fixes do: C1 controls after an ASCII character are removed
            # (control-character, pass after pass); after another non-ASCII
            # character they are part of mojibake, which ftfy repairs (mojibake).
            text = ftfy.fix_encoding(_LONE_C1.sub("", text))
        words.update(_REMOVED.sub("", text).split())
    return words


def _ascii_words(data: bytes, path: str) -> Counter[str]:
    """The ASCII characters of each word (words split at ASCII blanks only)."""
    words: Counter[str] = Counter()
    for cue in build_context(data, path).transcript.cues:
        for word in _ASCII_BLANKS.split(cue.plain_text or cue.text):
            skeleton = _NOT_ASCII_TEXT.sub("", word)
            if skeleton:
                words[skeleton] += 1
    return words


def _bugs(rejected: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Fixes that crashed or wrote something unreadable.

    A fix the no-loss guard refused ("it would drop 1 word") is the guard
    doing its job, not a failure: on a file that is not valid UTF-8, say,
    removing a control character can change which encoding the rest is
    guessed to be in, and the guard keeps the file as it was.
    """
    return [(rule, reason) for rule, reason in rejected if not reason.startswith("it would")]


def _derolled(content: bytes, path: str) -> bytes:
    """The file written with each spoken line of its rolling captions once."""
    from sphinxcontrib_transcript.rolling import deroll
    from sphinxcontrib_transcript.writers import dumps

    transcript = build_context(content, path).transcript
    return dumps(deroll(transcript.cues), transcript.format).encode()


def fix(data: bytes) -> None:
    """The fix target: safe fixes keep every cue; unsafe ones keep every cue and word."""
    suffix, content = split_input(data)
    path = _path(suffix)
    config = every_rule()
    safe = fix_report(content, path, config)
    _require(not _bugs(safe.rejected), f"safe fix failed: {_bugs(safe.rejected)}")
    before = _cues(content, path)
    _require(_cues(safe.data, path) == before, "a safe fix changed a cue's time or text")
    again = fix_report(safe.data, path, config)
    _require(again.data == safe.data, f"fixing twice changed the file again ({again.applied})")
    unsafe = fix_report(content, path, config, unsafe=True)
    _require(not _bugs(unsafe.rejected), f"unsafe fix failed: {_bugs(unsafe.rejected)}")
    if "rolling-captions" in unsafe.applied:
        # De-rolling drops the repeats of YouTube's rolling captions on purpose:
        # what must be kept is each spoken line once.
        content = _derolled(content, path)
        before = _cues(content, path)
    after = _cues(unsafe.data, path)
    # More cues is no loss: removing a bidi control from a timing line makes
    # its cue readable (its text was in no cue before).
    # Fewer only by the never-shown repeats zero-duration removes (the fix loop's
    # guard checks each one).
    removed = unsafe.removed
    _require(all(cue.start_ms == cue.end_ms for cue in removed), "a shown cue was removed")
    _require(len(after) >= len(before) - len(removed), f"{len(before)} cues became {len(after)}")
    words_before, words_after = _words(content, path), _words(unsafe.data, path)
    words_before -= _removed_words(removed)
    lost = words_before - words_after
    if lost:
        # The repairs may differ from ftfy's on the whole cue (a stray C1
        # control the guard kept from control-character is read as cp1252 by
        # the mojibake fix: "everyt\x8eing" becomes "everytŽing").  Repairs
        # change only non-ASCII characters, so then every word must keep its
        # ASCII characters, and no word may go.
        # (A word that was only the mojibake of an invisible character, such
        # as "â€®" for U+202E, is no word once repaired.)
        gone = _ascii_words(content, path) - _ascii_words(unsafe.data, path)
        count_before, count_after = sum(words_before.values()), sum(words_after.values())
        _require(not gone and count_after >= count_before,
                 f"unsafe fixes ({unsafe.applied}) lost words: {list(lost)[:10]} "
                 f"(ASCII parts {list(gone)[:10]}, {count_before} words, then {count_after})")


def target(name: str) -> Callable[[bytes], None]:
    """The function that checks one input for target *name*."""
    if name in READER_TARGETS:
        fmt = None if name == "sniff" else name
        return lambda data: read(data, fmt)
    return {"lint": lint, "fix": fix}[name]


def budget(size: int) -> float:
    """Seconds an input of *size* bytes may take."""
    return BASE_SECONDS + SECONDS_PER_KB * size / 1024


def timed(check: Callable[[bytes], None], scale: float = 1.0) -> Callable[[bytes], None]:
    """*check*, raising :class:`TooSlow` when an input takes more than its budget.

    :param scale: multiplies the budget (coverage instrumentation slows the
        code the fuzzer runs several times over).
    """

    def run(data: bytes) -> None:
        allowed = budget(len(data)) * scale
        fastest = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            check(data)
            fastest = min(fastest, time.perf_counter() - started)
            if fastest <= allowed:
                return
        raise TooSlow(
            f"{len(data)} bytes took {fastest:.3f} s (budget {allowed:.3f} s: "
            f"{BASE_SECONDS} s + {SECONDS_PER_KB * 1000:g} ms per KB, x{scale:g})"
        )

    return run
