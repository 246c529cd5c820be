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
from ._text import rare_ascii

ID = "merge-conflict"
LEVEL = "error"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "txt", "json"})
OPTIONS: dict[str, Option] = {}
FIX = None

_MARKERS = ("<<<<<<<", "=======", ">>>>>>>", "|||||||")
_FIRSTS = tuple((marker[:1].encode(), marker) for marker in _MARKERS)


def _is_marker(line: str) -> bool:
    # A marker is seven characters at the start of a line, then the end of the
    # line or a space (git writes "<<<<<<< HEAD", "=======", ">>>>>>> branch").
    head = line[:7]
    return head in _MARKERS and (len(line) == 7 or line[7] == " ")


def check(ctx: Context) -> Iterator[Finding]:
    text = ctx.text
    # The first characters among the text's rare ones first: most files have none.
    rare = rare_ascii(ctx)
    if not any(first in rare and marker in text for first, marker in _FIRSTS):
        return
    for number, line in enumerate(ctx.lines, 1):
        if line[:1] in "<=>|" and line and _is_marker(line):
            yield Finding(
                number, 1,
                f"merge conflict marker {line[:7]!r}; resolve the conflict: keep the right "
                "lines and delete the markers",
            )
