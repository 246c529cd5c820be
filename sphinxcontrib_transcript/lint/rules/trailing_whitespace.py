r"""Spaces or tabs at the end of a line.

Trailing whitespace is invisible in an editor, is never meant, and makes
diffs noisy when the next editor's settings strip it.  One finding per line,
at the first trailing blank.

A line of nothing but spaces *inside* a WebVTT or SRT cue's text (more text
of the same cue follows it) is not reported: emptying it would make it the
blank line that ends the cue, and the text after it would be cut off from
the cue (YouTube's automatic captions have such lines).  In a file of
YouTube's rolling captions no line of nothing but spaces is reported: they
are its layout, which ``rolling-captions`` reports once.

.. rubric:: Options

None.

.. rubric:: Fix

Safe: removes the trailing spaces and tabs of every reported line; line
endings and everything else stay as they were.

.. rubric:: Examples

Failing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:02.000\u0020
    Hi there!\t

Passing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:02.000
    Hi there!
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..base import Context, Finding, Option
from . import _rolling
from ._edit import changed, join, split_keep
from ._text import rare_ascii, utf8

ID = "trailing-whitespace"
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "txt", "json", "whisper", "sbv", "ttml", "html"})
OPTIONS: dict[str, Option] = {}
FIX = "safe"

_BLANKS = " \t"
# A line feed after a blank, found from the line feeds: the engine skips to
# each in a tight loop (they are few) and looks one byte back, where
# ``b" \n" in data`` stops at every space (10 ms instead of 14 over the 11 MB
# benchmark corpus, and tabs are found in the same pass).
_BLANK_BEFORE_LF = re.compile(rb"\n(?<=[ \t]\n)")


def _any(ctx: Context) -> bool:
    """Whether any line ends in a blank, without walking the lines.

    Searched in the text's UTF-8 bytes (the file's own, mostly): the same
    answer, as every byte of a multi-byte character is above ASCII, and half
    the memory of a text that holds one character beyond Latin-1.  The rare
    characters are known already, so the search for a blank before a CR runs
    only in files that have CRs at all.
    """
    data = utf8(ctx)
    if _BLANK_BEFORE_LF.search(data) is not None or data.endswith((b" ", b"\t")):
        return True
    if b"\r" not in rare_ascii(ctx):
        return False
    return b" \r" in data or b"\t\r" in data


def _protected(ctx: Context) -> set[int]:
    """Lines of only blanks that have more text of the same cue after them."""
    kept: set[int] = set()
    if ctx.format not in ("vtt", "srt"):
        return kept
    for cue in ctx.cues:
        if "\n" not in cue.text or not cue.text_line:
            continue
        payload = cue.text.split("\n")
        last_text = max((i for i, line in enumerate(payload) if line.strip(_BLANKS)), default=-1)
        for i in range(last_text):
            if payload[i] and not payload[i].strip(_BLANKS):
                kept.add(cue.text_line + i)
    return kept


def _offenders(ctx: Context, lines: list[str]) -> list[int]:
    """1-based numbers of the lines to report and fix."""
    numbers = [n for n, line in enumerate(lines, 1) if line and line[-1] in _BLANKS]
    if any(not lines[n - 1].strip(_BLANKS) for n in numbers):
        if _rolling.rolls(ctx):  # YouTube's layout: rolling-captions reports the file
            return [n for n in numbers if lines[n - 1].strip(_BLANKS)]
        kept = _protected(ctx)
        numbers = [n for n in numbers if n not in kept]
    return numbers


def check(ctx: Context) -> Iterator[Finding]:
    if not _any(ctx):
        return
    lines = ctx.lines
    for number in _offenders(ctx, lines):
        line = lines[number - 1]
        stripped = line.rstrip(_BLANKS)
        yield Finding(
            number, len(stripped) + 1,
            f"{len(line) - len(stripped)} trailing blank character(s); remove them",
        )


def fix(ctx: Context) -> bytes | None:
    if not _any(ctx):
        return None
    lines, endings = split_keep(ctx.text)
    for number in _offenders(ctx, lines):
        lines[number - 1] = lines[number - 1].rstrip(_BLANKS)
    return changed(ctx, join(lines, endings))
