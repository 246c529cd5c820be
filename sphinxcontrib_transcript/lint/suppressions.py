"""Inline suppression: ``NOTE transcript-lint: ...`` directives in WebVTT.

WebVTT is the one format with comments, so it is the one with directives::

    NOTE transcript-lint: disable=cue-overlap,zero-duration

switches the rules off from that line to the end of the file or to a later
``NOTE transcript-lint: enable=cue-overlap``; ``disable-next=RULE`` covers
only the next block (the next cue); ``disable-file=RULE`` covers the whole
file, header included.  ``all`` names every rule.  Other formats have no
comments: use ``per-file-ignores`` in the configuration.
"""

from __future__ import annotations

import bisect
import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    from .base import Context
    from .engine import Problem

_MARKER = "transcript-lint:"
_DIRECTIVE = (
    r"transcript-lint:[ \t]*(disable-next|disable-file|disable|enable)[ \t]*=[ \t]*"
    r"([A-Za-z0-9_-]+(?:[ \t]*,[ \t]*[A-Za-z0-9_-]+)*)"
)
_NOTE = r"NOTE(?:[ \t]|$)"
_EVERYTHING = "all"
_END = 1 << 62


class Suppressions:
    """Line ranges where rules are switched off by ``NOTE`` directives."""

    __slots__ = ("_merged", "ranges")

    def __init__(self, ranges: dict[str, list[tuple[int, int]]]) -> None:
        self.ranges = ranges
        # Per rule, the ranges sorted and merged into disjoint ones with their
        # starts, so that a look-up is a bisection: a file with a disable-next
        # before each of thousands of cues made every look-up a scan of them all.
        self._merged: dict[str, tuple[list[int], list[int]]] = {}
        for key, spans in ranges.items():
            starts: list[int] = []
            ends: list[int] = []
            for first, last in sorted(spans):
                if ends and first <= ends[-1] + 1:
                    ends[-1] = max(ends[-1], last)
                else:
                    starts.append(first)
                    ends.append(last)
            self._merged[key] = (starts, ends)

    def covers(self, rule_id: str, line: int) -> bool:
        for key in (rule_id, _EVERYTHING):
            if key in self._merged:
                starts, ends = self._merged[key]
                at = bisect.bisect_right(starts, line) - 1
                if at >= 0 and line <= ends[at]:
                    return True
        return False


def suppressions(context: Context) -> Suppressions | None:
    """The ``NOTE transcript-lint: ...`` directives of a WebVTT file, or ``None``."""
    if context.format != "vtt" or context.transcript._fact("canonical_timing"):
        # A WebVTT body a fast path of the reader took whole (it kept the times
        # as written) is cue blocks only: no NOTE, so no directive.
        return None
    if _MARKER not in context.text:
        return None
    # Compiled here, not at import: most files have no directive at all.
    note, directive = re.compile(_NOTE), re.compile(_DIRECTIVE)
    lines = context.lines
    ranges: dict[str, list[tuple[int, int]]] = {}
    open_since: dict[str, int] = {}
    for first, last in _blocks(lines):
        if not note.match(lines[first - 1]):
            continue
        for number in range(first, last + 1):
            for match in directive.finditer(lines[number - 1]):
                verb = match[1]
                names = [name.strip() for name in match[2].split(",")]
                names = [_EVERYTHING if name.lower() == _EVERYTHING else name for name in names]
                if verb == "disable":
                    for name in names:
                        open_since.setdefault(name, first)
                elif verb == "enable":
                    for name in names:
                        if name in open_since:
                            ranges.setdefault(name, []).append((open_since.pop(name), first))
                elif verb == "disable-file":
                    for name in names:
                        ranges.setdefault(name, []).append((1, _END))
                else:
                    target = _next_block(lines, last)
                    if target is not None:
                        for name in names:
                            ranges.setdefault(name, []).append(target)
    for name, since in open_since.items():
        ranges.setdefault(name, []).append((since, _END))
    return Suppressions(ranges) if ranges else None


def apply_suppressions(context: Context, problems: list[Problem]) -> list[Problem]:
    """Drop problems covered by inline directives (never internal or I/O errors)."""
    # Imported here: the engine imports this module, and owns these IDs.
    from .engine import INTERNAL_ERROR, IO_ERROR

    found = suppressions(context)
    if found is None:
        return problems
    return [
        problem for problem in problems
        if problem.rule in (INTERNAL_ERROR, IO_ERROR)
        or not found.covers(problem.rule, problem.line)
    ]


def _blocks(lines: list[str]) -> Iterator[tuple[int, int]]:
    """(first, last) 1-based line numbers of each run of non-blank lines."""
    start = None
    for number, line in enumerate(lines, 1):
        if line.strip():
            if start is None:
                start = number
        elif start is not None:
            yield start, number - 1
            start = None
    if start is not None:
        yield start, len(lines)


def _next_block(lines: list[str], after: int) -> tuple[int, int] | None:
    number = after + 1
    while number <= len(lines) and not lines[number - 1].strip():
        number += 1
    if number > len(lines):
        return None
    first = number
    while number <= len(lines) and lines[number - 1].strip():
        number += 1
    return first, number - 1
