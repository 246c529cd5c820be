r"""Lines end in more than one way (CRLF, LF, CR).

A file edited on Windows and on Linux by turns ends up with both CRLF and LF
line endings.  Every reader here copes, but other tools do not (CR-only line
ends are rejected by vtt.js), diffs show whole lines changed, and the next
editor may "fix" the rest of the file in an unrelated commit.  One finding per
file, at the first line that differs from the majority.

.. rubric:: Options

None.

.. rubric:: Fix

Safe: rewrites every line ending to the most common one (ties prefer LF,
then CRLF, then CR), as pre-commit's ``mixed-line-ending --fix=auto`` does.

.. rubric:: Examples

Failing (``example.vtt``)::

    WEBVTT\r

    00:00:01.000 --> 00:00:02.000
    Hi!

Passing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:02.000
    Hi!
"""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Context, Finding, Option
from ._edit import changed, join, majority_ending, split_keep
from ._text import rare_ascii

ID = "mixed-line-endings"
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "txt", "json", "md", "whisper", "sbv", "ttml", "html"})
OPTIONS: dict[str, Option] = {}
FIX = "safe"

_NAMES = {"\n": "LF", "\r\n": "CRLF", "\r": "CR"}


def _mixed(text: str) -> bool:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    return sum(1 for count in (crlf, cr, lf) if count) > 1


def check(ctx: Context) -> Iterator[Finding]:
    text = ctx.text
    if b"\r" not in rare_ascii(ctx) or not _mixed(text):
        return
    lines, endings = split_keep(text)
    used = endings[:-1] if not endings[-1] else endings
    majority = majority_ending(used)
    odd = [n for n, end in enumerate(endings, 1) if end and end != majority]
    first = odd[0]
    yield Finding(
        first, len(lines[first - 1]) + 1,
        f"line ends with {_NAMES[endings[first - 1]]} but most lines end with "
        f"{_NAMES[majority]}; {len(odd)} line{'s' if len(odd) > 1 else ''} differ "
        f"(first here); convert them to {_NAMES[majority]}",
    )


def fix(ctx: Context) -> bytes | None:
    text = ctx.text
    if "\r" not in text or not _mixed(text):
        return None
    lines, endings = split_keep(text)
    majority = majority_ending(endings[:-1])
    return changed(ctx, join(lines, [majority if end else end for end in endings]))
