"""One attribute of every cue, as a list, computed once per file.

Many rules look at the same attribute of every cue (start times, texts).
Building ``[cue.start_ms for cue in cues]`` once and testing it with C-level
passes (``map(operator.lt, ...)``, ``all(map(str.isascii, ...))``) keeps the
clean path, which is almost every file, cheap.  Only the last transcript's
lists are kept: the linter runs every rule on one file before the next.
"""

from __future__ import annotations

from operator import attrgetter

from ...model import Cue, Transcript
from ..base import Context

TYPE_CHECKING = False  # not typing's: importing typing costs start-up time
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any

# ``[transcript, {attribute: list}]``: the transcript the lists belong to.
_last: list[Any] = [None, {}]


def _cache(ctx: Context) -> dict[str, Any]:
    transcript: Transcript | None
    transcript, cache = _last
    if transcript is not ctx.transcript:
        cache = {}
        _last[:] = [ctx.transcript, cache]
    return cache  # type: ignore[no-any-return]


def derived(ctx: Context, name: str, make: Callable[[Context], Any]) -> Any:
    """``make(ctx)``, made once per transcript (a fact several rules share)."""
    cache = _cache(ctx)
    key = "derived:" + name
    if key not in cache:
        cache[key] = make(ctx)
    return cache[key]


def column(ctx: Context, name: str) -> Sequence[Any]:
    """``[getattr(cue, name) for cue in ctx.transcript.cues]``, cached: a list, or the
    ``range`` or ``array`` the reader kept (see ``Transcript._known_column``)."""
    cache = _cache(ctx)
    found: Sequence[Any] | None = cache.get(name)
    if found is None:
        # The reader may have had the list already (its fast paths build cues
        # from columns).
        found = ctx.transcript._known_column(name)
        if found is None:
            found = list(map(attrgetter(name), ctx.transcript.cues))
        cache[name] = found
    return found


def cue_at(ctx: Context, index: int) -> Cue:
    """Cue *index* of the transcript, made from the columns when the cues are not
    made yet: a rule reporting a few cues of a long file makes just those."""
    transcript = ctx.transcript
    if transcript._known_column("text") is None:
        return transcript.cues[index]
    fields = [column(ctx, name)[index] for name in Cue._fields]
    return Cue(*fields)
