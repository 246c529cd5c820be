r"""The file has no cues at all.

An empty transcript, a file that holds only a header, or one so broken that
no cue could be read: a player shows nothing.  Often the wrong file was
committed, or a conversion failed and wrote an empty one.

.. rubric:: Options

None.

.. rubric:: Fix

None.

.. rubric:: Examples

Failing (``example.vtt``)::

    WEBVTT

Passing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:02.000
    Hello.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Context, Finding, Option
from ._columns import column

ID = "no-cues"
LEVEL = "error"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "txt", "json", "md", "whisper", "sbv", "ttml", "html"})
OPTIONS: dict[str, Option] = {}
FIX = None


def check(ctx: Context) -> Iterator[Finding]:
    # A column, not ctx.cues: a reader may hand the cues over as
    # columns, and the Cue objects are then made only if a rule needs them.
    if not column(ctx, "text"):
        what = "is empty" if not ctx.text.strip() else "has no cues that could be read"
        yield Finding(1, 1, f"the file {what}; a player would show nothing")
