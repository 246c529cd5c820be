r"""A cue has no text (or only spaces, markup or invisible marks).

An empty cue shows nothing for its duration; it is a leftover of deleting
text, or a conversion that lost it.  Cues holding only direction marks
(U+200E, U+200F, U+202A-U+202E) or tags such as ``<i></i>`` count as empty,
as Subtitle Edit counts them.

.. rubric:: Options

None.

.. rubric:: Fix

None: a fix never drops a cue; delete it, or put back its words.

.. rubric:: Examples

Failing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:02.000

    00:00:02.000 --> 00:00:03.000
    Hello.

Passing (``example.vtt``)::

    WEBVTT

    00:00:02.000 --> 00:00:03.000
    Hello.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import repeat

from ..base import Context, Finding, Option
from ._columns import column
from ._text import non_ascii
from ._timing import stamp, start_column

ID = "empty-cue"
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "txt", "json", "md", "whisper", "sbv", "ttml", "html"})
OPTIONS: dict[str, Option] = {}
FIX = None

# Whitespace and the invisible marks that make no text on their own.
_NOTHING = " \t\r\n\f\u00a0\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff"
_MARKS = _NOTHING[5:]  # those that are not ASCII


def check(ctx: Context) -> Iterator[Finding]:
    plains: Sequence[str] = column(ctx, "plain_text")
    # No allocation on the clean path: every text non-empty and not all
    # whitespace (isspace stops at the first other character); a cue of
    # nothing but invisible marks needs one of those marks in the file, or a
    # character reference (``&#8203;`` is ASCII in the file).
    if all(plains) and not any(map(str.isspace, plains)) and (
        ("&" not in ctx.text and (
            ctx.text.isascii() or not any(mark in non_ascii(ctx) for mark in _MARKS)
        ))
        or all(map(str.strip, plains, repeat(_NOTHING)))
    ):
        return
    fmt = ctx.format
    for cue in ctx.cues:
        if not cue.plain_text.strip(_NOTHING) and (
            not cue.text.strip(_NOTHING) or "<" in cue.text or "&" in cue.text
        ):
            yield Finding(
                cue.line, start_column(ctx, cue),
                f"the cue at {stamp(fmt, cue.start_ms)} has no text; delete it or put its words "
                "back",
            )
