r"""Spaces or tabs at the end of a line.

Trailing whitespace is invisible in an editor, is never meant, and makes
diffs noisy when the next editor's settings strip it.  One finding per line,
at the first trailing blank.

A line of nothing but spaces *inside* a WebVTT or SRT cue's text (more text
of the same cue follows it) is not reported: emptying it would make it the
blank line that ends the cue, and the text after it would be cut off from
the cue (YouTube's automatic captions have such lines).

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

from collections.abc import Iterator

from ..base import Context, Finding, Option
from ._edit import changed, join, split_keep

ID = "trailing-whitespace"
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "txt", "json"})
OPTIONS: dict[str, Option] = {}
FIX = "safe"

_BLANKS = " \t"


def _any(text: str) -> bool:
    """Whether any line ends in a blank, without walking the lines.

    One-character tests run at memchr speed, so the two-character searches
    for a tab or a CR run only in files that have tabs or CRs at all.
    """
    if " \n" in text or text.endswith((" ", "\t")):
        return True
    cr = "\r" in text
    if cr and " \r" in text:
        return True
    return "\t" in text and ("\t\n" in text or (cr and "\t\r" in text))


def _protected(ctx: Context) -> set[int]:
    """Lines of only blanks that have more text of the same cue after them."""
    kept: set[int] = set()
    if ctx.format not in ("vtt", "srt"):
        return kept
    for cue in ctx.transcript.cues:
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
        kept = _protected(ctx)
        numbers = [n for n in numbers if n not in kept]
    return numbers


def check(ctx: Context) -> Iterator[Finding]:
    if not _any(ctx.text):
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
    if not _any(ctx.text):
        return None
    lines, endings = split_keep(ctx.text)
    for number in _offenders(ctx, lines):
        lines[number - 1] = lines[number - 1].rstrip(_BLANKS)
    return changed(ctx, join(lines, endings))
