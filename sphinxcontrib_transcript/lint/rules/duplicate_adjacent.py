r"""A cue repeats the text of the cue right before it.

YouTube's automatic captions repeat each line in the next cue ("rolling"
captions), and a block pasted twice does the same: the words appear twice
in the transcript and in search.  The text must be identical (markup
aside).  Real
conversation repeats short replies ("Yeah." "Yeah."), so texts of fewer than
``min-words`` words are not reported (in the talk-python transcripts every
repeat shorter than five words is such a reply; the longer ones are a sung
refrain and rolling duplicates), nor are cues more than ``max-gap-ms`` apart.
Timestamped text has no end times, so only the words count there.  A
zero-length cue is never shown, so its repeat is ``zero-duration``'s to
report (and fix), not this rule's.

.. rubric:: Options

``max-gap-ms`` (``250``)
    cues further apart than this are not compared (as Subtitle Edit's "merge
    lines with same text").
``min-words`` (``5``)
    shorter texts are not reported.

.. rubric:: Fix

None: a fix never drops a cue; merge the two (keep one, extend its time).

.. rubric:: Examples

Failing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:03.000
    so today we are talking about

    00:00:03.010 --> 00:00:05.000
    so today we are talking about

Passing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:03.000
    so today we are talking about

    00:00:03.010 --> 00:00:05.000
    the new features of Python 3.8
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import compress, count, islice
from operator import eq

from ..base import Context, Finding, Option
from ._columns import column, cue_at
from ._edit import payload_position

ID = "duplicate-adjacent"
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "txt", "json", "md", "whisper", "sbv", "ttml", "html"})
OPTIONS: dict[str, Option] = {
    "max-gap-ms": Option(int, 250, "cues further apart than this are not compared"),
    "min-words": Option(int, 5, "texts of fewer words are not reported"),
}
FIX = None


def check(ctx: Context) -> Iterator[Finding]:
    plains: Sequence[str] = column(ctx, "plain_text")
    # One C-level pass picks out the cues whose text is the one above's; only
    # those are looked at (and made, for a file read as columns).
    repeats = list(compress(count(1), map(eq, islice(plains, 1, None), plains)))
    if not repeats:
        return
    max_gap = int(ctx.options.get("max-gap-ms", 250))
    min_words = int(ctx.options.get("min-words", 5))
    for index in repeats:
        previous, cue = cue_at(ctx, index - 1), cue_at(ctx, index)
        text = cue.plain_text
        if (
            text != previous.plain_text
            or cue.speaker != previous.speaker  # an echo by someone else is speech
            or len(text.split()) < min_words
        ):
            continue
        if previous.end_ms is not None and cue.start_ms - previous.end_ms > max_gap:
            continue
        if previous.start_ms == previous.end_ms or cue.start_ms == cue.end_ms:
            continue  # one defect, reported once: by zero-duration
        line, col = payload_position(ctx, cue, 0)
        quote = text if len(text) <= 40 else text[:39] + "…"
        yield Finding(
            line, col,
            f"same text as the cue above it at line {previous.line} ({quote!r}); a repeated "
            "cue (rolling captions, a block pasted twice)? merge the two",
        )
