r"""A chapter starts after its transcript ends.

The chapter file ``NAME.chapters.json`` (``.vtt``, ``.txt``) belongs to the
transcript ``NAME.vtt`` (or ``.srt``, ``.json``, ``.txt``...) beside it.  A
chapter that starts at or after the latest time any cue reaches (after the
start of the last paragraph, in a transcript without end times) has no words
in the transcript: on the page its section is empty, and a player seeking to
it lands past the end of what was said, often past the end of the recording
(a chapter file left from a longer cut, or minutes typed as hours).  Hence
an error.  If the recording really goes on without words (a song to close),
end the chapter list before it or add a cue that says so.

Nothing is reported when there is no transcript beside the chapter file
(that is ``chapter-orphan``) or it has no cues (``no-cues``, on the
transcript).

.. rubric:: Options

None.

.. rubric:: Fix

None: correct the time, or the transcript is missing its end.

.. rubric:: Examples

Failing (``talk.chapters.txt``)::

    0:00 Intro
    0:04 Keystone species
    1:00:04 Listener questions

Failing (``talk.vtt``)::

    WEBVTT

    00:00:00.000 --> 00:00:04.000
    Welcome to River Talk.

    00:00:04.000 --> 00:00:09.500
    Beavers are a keystone species.

Passing (``talk.chapters.txt``)::

    0:00 Intro
    0:04 Keystone species

Passing (``talk.vtt``)::

    WEBVTT

    00:00:00.000 --> 00:00:04.000
    Welcome to River Talk.

    00:00:04.000 --> 00:00:09.500
    Beavers are a keystone species.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from ..base import Context, Finding, Option
from ._chapters import chapters, clock, column, named, transcript_beside

ID = "chapter-after-end"
LEVEL = "error"
ENABLED = True
FORMATS = frozenset({"chapters"})
OPTIONS: dict[str, Option] = {}
FIX = None


def check(ctx: Context) -> Iterator[Finding]:
    found = chapters(ctx).chapters
    beside = transcript_beside(ctx) if found else None
    if beside is None:
        return
    path, transcript = beside
    table = transcript.table
    if not len(table):
        return
    reaches = [start if end is None else end for start, end in zip(table.starts, table.ends,
                                                                     strict=True)]
    end = max(reaches)
    last = table.lines[reaches.index(end)]
    # A chapter may start with the last paragraph of a transcript without end
    # times, not at the end of a cue that has one.
    closed = end in table.ends
    name = os.path.basename(path)
    for chapter in found:
        if chapter.start_ms > end or (closed and chapter.start_ms == end):
            yield Finding(
                chapter.line, column(ctx, chapter),
                f"chapter {named(chapter)} starts at {clock(chapter.start_ms)}, when {name} "
                f"has ended ({clock(end)}, its last cue at line {last}); it would have no "
                "words: correct its time, or complete the transcript",
            )
