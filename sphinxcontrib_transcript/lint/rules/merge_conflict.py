r"""A merge conflict marker (``<<<<<<<``, ``=======``, ``>>>>>>>``) was committed.

When two people correct the same transcript, git leaves both versions
between conflict markers.  Readers take the markers for text (or, in
WebVTT, break the cue they are in), and players show them.  Resolve the
conflict: keep the right lines and delete the markers.

.. rubric:: Options

None.

.. rubric:: Fix

None: only a person can choose between the two versions.

.. rubric:: Examples

Failing (``example.txt``)::

    00:00:01 Welcome to the show.

    <<<<<<< HEAD
    00:00:04 Today we talk about Python 3.8.
    =======
    00:00:04 Today we talk about Python 3.9.
    >>>>>>> fix-typo

Passing (``example.txt``)::

    00:00:01 Welcome to the show.

    00:00:04 Today we talk about Python 3.9.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Context, Finding, Option
from ._columns import column
from ._text import rare_ascii
from ._timing import canonical_timing

ID = "merge-conflict"
LEVEL = "error"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "txt", "json", "md", "whisper", "sbv", "ttml", "html"})
OPTIONS: dict[str, Option] = {}
FIX = None

_MARKERS = ("<<<<<<<", "=======", ">>>>>>>", "|||||||")
_FIRSTS = tuple((marker[:1].encode(), marker) for marker in _MARKERS)


def _is_marker(line: str) -> bool:
    # A marker is seven characters at the start of a line, then the end of the
    # line or a space (git writes "<<<<<<< HEAD", "=======", ">>>>>>> branch").
    head = line[:7]
    return head in _MARKERS and (len(line) == 7 or line[7] == " ")


def _may_hold_markers(ctx: Context) -> bool:
    """Whether the text holds a marker anywhere (most files hold none of their
    first characters, which is seen among the text's rare characters)."""
    rare = rare_ascii(ctx)
    for first, marker in _FIRSTS:
        if first not in rare:
            continue
        # Every WebVTT timing line holds a ">".  When the reader found every
        # timing line canonical and holding the file's only "-->", a file
        # with one ">" per cue has no other ">" at all.
        if first == b">" and canonical_timing(ctx) and (
            rare.count(b">") == len(column(ctx, "text"))
        ):
            continue
        if marker in ctx.text:
            return True
    return False


def check(ctx: Context) -> Iterator[Finding]:
    if not _may_hold_markers(ctx):
        return
    for number, line in enumerate(ctx.lines, 1):
        if line[:1] in "<=>|" and line and _is_marker(line):
            yield Finding(
                number, 1,
                f"merge conflict marker {line[:7]!r}; resolve the conflict: keep the right "
                "lines and delete the markers",
            )
