"""Whether a file holds YouTube's rolling captions, asked once per file.

``rolling-captions`` reports such a file; the rules whose findings would
only repeat that one defect cue by cue (each scroll overlaps in some exports,
each 10 ms hold ends in a line of one space) ask :func:`rolls` and stay quiet.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...rolling import first_rolling_text
from ..base import Context
from ._columns import column, derived


def _first(ctx: Context) -> int | None:
    if ctx.format not in ("vtt", "srt"):
        return None
    texts: Sequence[str] = column(ctx, "text")
    return first_rolling_text(texts) if len(texts) >= 3 else None


def first(ctx: Context) -> int | None:
    """Index of the file's first rolling cue, or ``None`` when its cues do not roll."""
    found: int | None = derived(ctx, "rolling", _first)
    return found


def rolls(ctx: Context) -> bool:
    """Whether the file's cues roll (see :mod:`sphinxcontrib_transcript.rolling`)."""
    return first(ctx) is not None
