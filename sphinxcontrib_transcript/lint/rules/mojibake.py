r"""The text looks like mojibake: UTF-8 read as another encoding (``AlÃ¡n`` for ``Alán``).

When a UTF-8 file is opened as Windows-1252 and saved again, every accented
letter or curly quote becomes two or three odd characters (``â€™`` for
``’``).  The transcript then misspells names in every player and in search.
Detection is ftfy's heuristic (:func:`ftfy.badness.is_bad`), run per cue and
only on cues with non-ASCII characters; the message quotes the suspect word
and what ftfy would make of it.

.. rubric:: Options

None.

.. rubric:: Fix

Unsafe: replaces each affected line's text with :func:`ftfy.fix_encoding`'s
repair (only the encoding repair: quotes, widths and HTML entities stay as
they are).  The heuristic can be wrong on unusual text, so check the result.
A cue the repair would leave looking like mojibake (ftfy finds no better
reading, or the file cannot be written back: ``invalid-utf8``) is reported
as not fixable.

.. rubric:: Examples

Failing (``example.txt``)::

    00:00:01 Welcome to the show, AlÃ¡n.

Passing (``example.txt``)::

    00:00:01 Welcome to the show, Alán.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from types import ModuleType

from ...model import Cue
from ..base import Context, Finding, Option
from ._columns import column
from ._edit import (
    UNPLACED,
    changed,
    join,
    payload_line,
    payload_position,
    reread,
    rewritable,
    split_keep,
)
from ._text import non_ascii

ID = "mojibake"
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "txt", "json", "md", "whisper", "sbv", "ttml", "html"})
OPTIONS: dict[str, Option] = {}
FIX = "unsafe"

# ftfy's "common" characters: ftfy's pattern never matches text whose only
# non-ASCII characters are these (each of its alternatives needs some other
# character; tests/rules/test_mojibake_prefilter.py checks it against ftfy).
# Transcripts in English hold little else, so the pattern need not even load.
HARMLESS = "\u00a0\u00ad\u00b7\u00b4\u2013\u2014\u2015\u2026\u2019"

# ftfy's badness module, once loaded (see _load_badness).
_loaded: dict[str, ModuleType] = {}


def _load_badness() -> ModuleType:
    """ftfy's ``badness`` module, loaded on first need.

    ``import ftfy`` takes 70-90 ms (it loads its codecs and wcwidth's tables),
    more than Python's own start-up, which a pre-commit hook pays on every
    commit.  ``ftfy/badness.py`` is self-contained (it imports only ``re``),
    so it is loaded from its file alone (about 10 ms, mostly compiling its
    regular expression); if ftfy's layout ever changes, the normal import is
    used instead.
    """
    if "badness" not in _loaded:
        import importlib.util  # only for files with non-ASCII text

        try:
            spec = importlib.util.find_spec("ftfy")
            assert spec is not None and spec.submodule_search_locations
            path = os.path.join(next(iter(spec.submodule_search_locations)), "badness.py")
            file_spec = importlib.util.spec_from_file_location("_transcript_ftfy_badness", path)
            assert file_spec is not None and file_spec.loader is not None
            module = importlib.util.module_from_spec(file_spec)
            file_spec.loader.exec_module(module)
            assert isinstance(module.BADNESS_RE, re.Pattern)
        except Exception:  # pragma: no cover - depends on ftfy's layout
            import ftfy.badness as module
        _loaded["badness"] = module
    return _loaded["badness"]


def _suspects(ctx: Context) -> Iterator[tuple[Cue, re.Match[str]]]:
    """Each cue that looks like mojibake, with the first suspicious match in its text."""
    if not non_ascii(ctx).strip(HARMLESS):  # ASCII, or only harmless characters
        return
    texts: Sequence[str] = column(ctx, "text")
    if all(map(str.isascii, texts)):
        return
    pattern: re.Pattern[str] = _load_badness().BADNESS_RE
    for cue, text in zip(ctx.cues, texts, strict=True):
        if not text.isascii():
            match = pattern.search(text)
            if match is not None:
                yield cue, match


def _word_at(text: str, start: int, end: int) -> str:
    """The whitespace-delimited word(s) around ``text[start:end]``."""
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    ends = [i for i in (text.find(" ", end), text.find("\n", end)) if i >= 0]
    right = min(ends, default=len(text))
    return text[left:right]


def _fixer() -> Callable[[str], str]:
    import ftfy  # 70-90 ms; only when something looks wrong

    fix_encoding: Callable[[str], str] = ftfy.fix_encoding
    return fix_encoding


def check(ctx: Context) -> Iterator[Finding]:
    fix_encoding = None
    left: set[int] | None = None
    for cue, match in _suspects(ctx):
        fix_encoding = fix_encoding or _fixer()
        if left is None:
            left = _left_after_fix(ctx)
        word = _word_at(cue.text, match.start(), match.end())
        repaired = fix_encoding(word)
        fixable = id(cue) not in left
        advice = (
            f"probably {repaired!r}; repair the encoding"
            if repaired != word
            else "check the characters against the audio"
        )
        if not fixable and repaired != word:
            advice += " by hand (--fix would not repair all of this cue)"
        # Point at the first odd character, not at the ASCII letter before it.
        start = match.start()
        while start < match.end() - 1 and cue.text[start].isascii():
            start += 1
        line, col = payload_position(ctx, cue, start)
        yield Finding(
            line, col, f"{word!r} looks like mojibake (UTF-8 read as another encoding): {advice}",
            fixable=fixable,
        )


def _left_after_fix(ctx: Context) -> set[int]:
    """``id()`` of the cues that would still look like mojibake after the fix: every
    suspect when the fix cannot write the file, or the fix loop would refuse what
    it writes (another number of cues, fewer words)."""
    suspects = {id(cue) for cue, _ in _suspects(ctx)}
    text = _repaired(ctx) if rewritable(ctx) else None
    if text is None:
        return suspects
    from ..loss import loss  # the fix loop's own no-loss check

    transcript = reread(ctx, text)
    if transcript is None or len(transcript.cues) != len(ctx.cues) or loss(
        ctx.transcript, transcript, safe=False
    ):
        return suspects
    after = transcript.cues
    pattern: re.Pattern[str] = _load_badness().BADNESS_RE
    return {
        id(cue) for cue, new in zip(ctx.cues, after, strict=True)
        if id(cue) in suspects and not new.text.isascii() and pattern.search(new.text)
    }


def _repaired(ctx: Context) -> str | None:
    """The file's text with each suspect cue's lines repaired, or ``None``."""
    cues = ctx.cues
    suspects = {id(cue) for cue, _ in _suspects(ctx)}
    if not suspects:
        return None
    fix_encoding = _fixer()
    lines, endings = split_keep(ctx.text)
    for index, cue in enumerate(cues):
        if id(cue) not in suspects:
            continue
        if ctx.format in UNPLACED:  # the text is somewhere in the segment's lines
            first = cue.line
            last = cues[index + 1].line - 1 if index + 1 < len(cues) else len(lines)
        else:
            first = cue.text_line
            last = payload_line(ctx, cue, cue.text.count("\n"))
        span = range(first - 1, min(max(last, first), len(lines)))
        old = [lines[i] for i in span]
        new = [line if line.isascii() else fix_encoding(line) for line in old]
        # A C1 control read as a line break (U+0085) may be what split a word:
        # the repair must not make fewer words, or the fix loop refuses it.
        if _words(new) >= _words(old):
            for i, line in zip(span, new, strict=True):
                lines[i] = line
    return join(lines, endings)


def _words(lines: list[str]) -> int:
    return sum(len(line.split()) for line in lines)


def fix(ctx: Context) -> bytes | None:
    if not rewritable(ctx):
        return None
    text = _repaired(ctx)
    return None if text is None else changed(ctx, text)
