"""Shortcuts to the cue table and the per-file cache, for the rules.

Many rules look at the same field of every cue (start times, texts).  The
reader handed the cues over as columns (``ctx.table``), so testing a column
with C-level passes (``map(operator.lt, ...)``, ``all(map(str.isascii, ...))``)
keeps the clean path, which is almost every file, cheap.  What one rule
derives from them and others share is made once per file, in ``ctx.cache``.
"""

from __future__ import annotations

from ...model import Cue
from ..base import Context

TYPE_CHECKING = False  # not typing's: importing typing costs start-up time
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any


def derived(ctx: Context, name: str, make: Callable[[Context], Any]) -> Any:
    """``make(ctx)``, made once per file (a value several rules share)."""
    cache = ctx.cache
    if name not in cache:
        cache[name] = make(ctx)
    return cache[name]


def column(ctx: Context, name: str) -> Sequence[Any]:
    """The column of cue field *name* (``"start_ms"``): ``[getattr(cue, name) for cue
    in cues]``, as the reader keeps it (a list, a ``range``, an ``array``...)."""
    return ctx.table.column(name)


def cue_at(ctx: Context, index: int) -> Cue:
    """Cue *index*, made from its row: a rule reporting a few cues of a long file
    makes just those."""
    return ctx.cue(index)
