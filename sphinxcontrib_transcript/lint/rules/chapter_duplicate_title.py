r"""Two listed chapters have the same title.

A listener choosing from the chapter list cannot tell them apart, a link to
a chapter by its title (the ``:transcript:`` role) cannot say which is meant,
and the sections' anchors must be told apart by a number instead of their
names.  Titles are compared ignoring case and runs of spaces.  A warning:
every chapter is still shown.  Silent markers (``"toc": false``) and untitled
chapters are left out.

.. rubric:: Options

None.

.. rubric:: Fix

None: give each chapter a title of its own (``Listener questions, part 2``).

.. rubric:: Examples

Failing (``talk.chapters.txt``)::

    0:00 Intro
    1:34 Listener questions
    5:12 Keystone species
    9:40 Listener questions

Passing (``talk.chapters.txt``)::

    0:00 Intro
    1:34 Listener questions
    5:12 Keystone species
    9:40 Listener questions, part 2
"""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Context, Finding, Option
from ._chapters import chapters, column

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ...chapters import Chapter

ID = "chapter-duplicate-title"
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"chapters"})
OPTIONS: dict[str, Option] = {}
FIX = None


def check(ctx: Context) -> Iterator[Finding]:
    first: dict[str, Chapter] = {}
    for chapter in chapters(ctx).chapters:
        key = " ".join(chapter.title.casefold().split())
        if not chapter.toc or not key:
            continue
        if key not in first:
            first[key] = chapter
            continue
        yield Finding(
            chapter.line, column(ctx, chapter),
            f"chapter title {chapter.title.strip()!r} is also the title of the chapter at "
            f"line {first[key].line}; give each chapter a title of its own",
        )
