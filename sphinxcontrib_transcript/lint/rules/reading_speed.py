r"""A cue has more characters per second than viewers can read (20 by default).

Reading speed is the cue's characters (letters, spaces and punctuation, not
line breaks or markup) divided by how long it is shown, as the Netflix guide
counts it: 20 characters per second for English adults, 17 for most other
languages; Subtitle Edit's default is 25.  Off unless selected or switched
on by a preset: verbatim podcast transcripts are often faster than any
subtitle guide allows.

.. rubric:: Options

``max-cps`` (``20.0``)
    the most characters per second accepted.

.. rubric:: Fix

None: shorten the text, or show it longer.

.. rubric:: Examples

Failing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:02.000
    Welcome back to the show, everybody!

Passing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:03.000
    Welcome back to the show, everybody!
"""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Context, Finding, Option
from ._timing import start_column

ID = "reading-speed"
LEVEL = "warning"
ENABLED = False
FORMATS = frozenset({"vtt", "srt", "json", "whisper", "sbv", "ttml"})
OPTIONS: dict[str, Option] = {
    "max-cps": Option(float, 20.0, "the most characters per second accepted"),
}
FIX = None


def check(ctx: Context) -> Iterator[Finding]:
    most = float(ctx.options.get("max-cps", 20.0))
    for cue in ctx.cues:
        duration = cue.duration_ms
        if duration is None or duration <= 0:
            continue
        text = cue.plain_text or cue.text
        characters = len(text) - text.count("\n")
        speed = characters * 1000 / duration
        if speed > most:
            yield Finding(
                cue.line, start_column(ctx, cue),
                f"{speed:.1f} characters per second ({characters} in {duration / 1000:g} s), "
                f"more than {most:g}; shorten the text or show it longer",
            )
