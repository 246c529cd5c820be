r"""A chapter ends after the next one starts, or two chapters start together.

A player shows one chapter at a time.  When a chapter's ``endTime`` (or a
WebVTT chapter cue's end) runs past the start of the chapter below it, or two
listed chapters start at the same moment, one of them is cut short or never
shown, and on the page one of the two sections is empty.  A warning: the
player still shows the later chapter from its start, and no chapter is lost.

Silent markers (``"toc": false``) are left out: a marker at a chapter's
start (new artwork, say) is what they are for.  Chapters out of order are
``chapter-order``'s.

.. rubric:: Options

None.

.. rubric:: Fix

None: end the chapter where the next begins, or merge the two.

.. rubric:: Examples

Failing (``talk.chapters.vtt``)::

    WEBVTT

    00:00:00.000 --> 00:02:00.000
    Intro

    00:01:34.000 --> 00:05:12.000
    Keystone species

Passing (``talk.chapters.vtt``)::

    WEBVTT

    00:00:00.000 --> 00:01:34.000
    Intro

    00:01:34.000 --> 00:05:12.000
    Keystone species
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from ..base import Context, Finding, Option
from ._chapters import chapters, clock, column, named

ID = "chapter-overlap"
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"chapters"})
OPTIONS: dict[str, Option] = {}
FIX = None


def check(ctx: Context) -> Iterator[Finding]:
    listed = [chapter for chapter in chapters(ctx).chapters if chapter.toc]
    for this, after in pairwise(listed):
        if after.start_ms < this.start_ms:
            continue  # out of order: chapter-order reports it
        if after.start_ms == this.start_ms:
            yield Finding(
                after.line, column(ctx, after),
                f"chapter {named(after)} starts at {clock(after.start_ms)}, with "
                f"{named(this)}: one of them is never shown; merge them, or correct a time",
            )
        elif this.end_ms is not None and this.end_ms > after.start_ms:
            yield Finding(
                this.line, column(ctx, this),
                f"chapter {named(this)} ends at {clock(this.end_ms)}, after {named(after)} "
                f"starts at {clock(after.start_ms)}; end it at {clock(after.start_ms)}",
            )
