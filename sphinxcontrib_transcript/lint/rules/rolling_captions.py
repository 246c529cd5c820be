r"""The file holds YouTube's rolling captions: every spoken line is there up to three times.

YouTube's automatic captions (what yt-dlp and the caption API save, with
``align:start position:0%`` on every cue and word timings written as
``<00:00:01.260><c> word</c>``) scroll: each line appears under the previous
one, is held alone for 10 ms, then moves up as the next one comes in.  A video
player shows that as intended, but read as a transcript (rendered on a page,
searched, converted) every line is said three times.  Converted to SRT the
file keeps the shape: one overlap and one repeat per cue.

The rule reports such a file once, at its first rolling cue: it is not a
mistake in any one cue.  The Sphinx ``transcript`` directive and
``transcript-convert`` de-roll the cues by themselves; the fix rewrites the
file so that every other tool sees each line once too.

.. rubric:: Options

None.

.. rubric:: Fix

Unsafe: rewrites the file de-rolled.  Each spoken line once, in order, as a
cue from its first word to the start of the next line (the last one to the
end of the last cue that shows it), with its word timings kept as inline
timestamps; lines that start together share a cue, so no cue overlaps
another or lasts no time.  Every word is kept, once.  The cue settings that
pin the scrolling lines to the left go; the WebVTT header is kept.

.. rubric:: Examples

Failing (``example.vtt``)::

    WEBVTT
    Kind: captions
    Language: en

    00:00:00.000 --> 00:00:01.040 align:start position:0%
    \u0020
    The<00:00:00.160><c> game</c><00:00:00.340><c> has</c><00:00:00.620><c> begun</c>

    00:00:01.040 --> 00:00:01.050 align:start position:0%
    The game has begun
    \u0020

    00:00:01.050 --> 00:00:02.280 align:start position:0%
    The game has begun
    and<00:00:01.260><c> everyone</c><00:00:01.600><c> plays</c>

    00:00:02.280 --> 00:00:02.290 align:start position:0%
    and everyone plays
    \u0020

    00:00:02.290 --> 00:00:03.100 align:start position:0%
    and everyone plays
    to<00:00:02.500><c> win</c>

    00:00:03.100 --> 00:00:03.110 align:start position:0%
    to win
    \u0020

Passing (``example.vtt``)::

    WEBVTT
    Kind: captions
    Language: en

    00:00:00.000 --> 00:00:01.050
    The<00:00:00.160><c> game</c><00:00:00.340><c> has</c><00:00:00.620><c> begun</c>

    00:00:01.050 --> 00:00:02.290
    and<00:00:01.260><c> everyone</c><00:00:01.600><c> plays</c>

    00:00:02.290 --> 00:00:03.110
    to<00:00:02.500><c> win</c>
"""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Transcript
from ...rolling import deroll
from ..base import Context, Finding, Option
from . import _rolling
from ._columns import cue_at
from ._edit import encode_like, majority_ending, split_keep

ID = "rolling-captions"
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"vtt", "srt"})
OPTIONS: dict[str, Option] = {}
FIX = "unsafe"


def check(ctx: Context) -> Iterator[Finding]:
    first = _rolling.first(ctx)
    if first is None:
        return
    cues = ctx.cues
    spoken = len(deroll(cues))
    cue = cue_at(ctx, first)
    yield Finding(
        cue.line, 1,
        f"YouTube rolling captions: {len(cues)} cues show {spoken} spoken lines, each up to "
        "three times, so read as a transcript every line is said again; --unsafe-fixes "
        "rewrites the file with each line once (the Sphinx directive and transcript-convert "
        "de-roll it by themselves)",
    )


def fix_baseline(ctx: Context) -> Transcript:
    """What the fixed file must still hold: every spoken line, once (the fix loop
    checks the rewritten file against this, not against the repeats)."""
    return Transcript(ctx.format, deroll(ctx.cues))


def _header(ctx: Context) -> str:
    """The WebVTT header block as written (signature line to the first blank line)."""
    lines: list[str] = []
    for line in ctx.lines:
        if not line.strip():
            break
        lines.append(line)
    return "\n".join(lines) if lines and lines[0].startswith("WEBVTT") else "WEBVTT"


def fix(ctx: Context) -> bytes | None:
    from ...writers import dumps  # only a fix writes a file

    if _rolling.first(ctx) is None:
        return None
    text = dumps(deroll(ctx.cues), ctx.format)
    if ctx.format == "vtt":
        text = _header(ctx) + text[len("WEBVTT") :]
    ending = majority_ending(split_keep(ctx.text)[1])
    if ending != "\n":
        text = text.replace("\n", ending)
    return encode_like(ctx, text)
