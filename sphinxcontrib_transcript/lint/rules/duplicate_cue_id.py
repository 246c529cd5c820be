r"""Two WebVTT cues have the same identifier.

The WebVTT standard requires cue identifiers to be unique: they are how
scripts (``track.cues.getCueById``), CSS (``::cue(#id)``) and links address a
cue, and a repeated one usually means a block was pasted twice.  Reported at
the later cue, naming the first.

.. rubric:: Options

None.

.. rubric:: Fix

None.

.. rubric:: Examples

Failing (``example.vtt``)::

    WEBVTT

    intro
    00:00:01.000 --> 00:00:02.000
    Hello.

    intro
    00:00:02.000 --> 00:00:03.000
    World.

Passing (``example.vtt``)::

    WEBVTT

    intro
    00:00:01.000 --> 00:00:02.000
    Hello.

    intro-2
    00:00:02.000 --> 00:00:03.000
    World.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..base import Context, Finding, Option
from ._columns import column
from ._timing import canonical_timing

ID = "duplicate-cue-id"
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"vtt"})
OPTIONS: dict[str, Option] = {}
FIX = None


def check(ctx: Context) -> Iterator[Finding]:
    if canonical_timing(ctx):
        return  # read by the WebVTT fast paths: no cue has an identifier
    identifiers: Sequence[str] = column(ctx, "identifier")
    if not any(identifiers):
        return
    named = [ident for ident in identifiers if ident]
    if len(set(named)) == len(named):
        return
    first: dict[str, int] = {}
    for cue in ctx.cues:
        if not cue.identifier:
            continue
        earlier = first.setdefault(cue.identifier, cue.line)
        if earlier != cue.line:
            yield Finding(
                max(cue.line - 1, 1), 1,
                f"cue identifier {cue.identifier!r} is already used by the cue at line "
                f"{earlier - 1}; identifiers must be unique: rename one",
            )
