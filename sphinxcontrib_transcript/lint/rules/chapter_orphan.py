r"""A chapter file has no transcript beside it.

Chapters are found by name: ``NAME.chapters.json`` (or ``.vtt``, ``.txt``)
belongs to the transcript ``NAME.vtt`` (or ``.srt``, ``.json``, ``.txt``,
``.md``, ``.sbv``, ``.ttml``, ``.html``...) in the same directory.  A chapter
file with no such transcript is used by nothing: usually the transcript was
renamed or removed and its chapters were left behind, so the episode's page
has lost its chapters.  A warning: nothing is shown wrong, something is
missing.

Only files named ``NAME.chapters.<ext>`` are checked: a chapter file given to
the Sphinx directive by another name (``:chapters: FILE``) says itself which
transcript it belongs to.

.. rubric:: Options

None.

.. rubric:: Fix

None: rename the chapter file after its transcript, or remove it.

.. rubric:: Examples

Failing (``talk.chapters.json``)::

    {"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Intro"}]}

Passing (``talk.chapters.json``)::

    {"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Intro"}]}

Passing (``talk.srt``)::

    1
    00:00:00,000 --> 00:00:04,000
    Welcome to River Talk.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from ...readers.discover import chapters_stem
from ..base import Context, Finding, Option
from ._chapters import transcript_beside

ID = "chapter-orphan"
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"chapters"})
OPTIONS: dict[str, Option] = {}
FIX = None


def check(ctx: Context) -> Iterator[Finding]:
    stem = chapters_stem(ctx.path)
    if stem is None or transcript_beside(ctx) is not None:
        return
    name = os.path.basename(stem)
    yield Finding(
        1, 1,
        f"no transcript {name}.vtt (or .srt, .json, .txt, .md...) beside this chapter "
        "file, so nothing uses it; name it after its transcript (NAME.chapters"
        f"{os.path.splitext(ctx.path)[1]} beside NAME.vtt), or remove it",
    )
