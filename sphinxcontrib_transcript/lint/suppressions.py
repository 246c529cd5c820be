"""Inline suppression: ``NOTE transcript-lint: ...`` directives in WebVTT, and the
directives that suppress nothing (``unused-suppression``).

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

from .problems import INTERNAL_ERROR, IO_ERROR, Problem

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Collection, Iterator

    from ..model import Level
    from .base import Context

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


class Directive:
    """One rule name in one ``NOTE transcript-lint: VERB=NAME,...`` directive.

    :param line: the line of the directive; :param column: of the name in it.
    :param span: the (first, last) lines it switches the rule off for, or
        ``None`` when it switches nothing off (an ``enable`` with nothing to
        end, a ``disable-next`` with no block after it).  An ``enable`` that
        ends a ``disable`` has that one's span.
    """

    __slots__ = ("column", "line", "name", "span", "verb")

    def __init__(
        self, line: int, column: int, verb: str, name: str, span: tuple[int, int] | None
    ) -> None:
        self.line, self.column, self.verb, self.name, self.span = line, column, verb, name, span

    @property
    def text(self) -> str:
        return f"{self.verb}={self.name}"


def directives(context: Context) -> list[Directive]:
    """Every directive of a WebVTT file's ``NOTE`` blocks, in order (none elsewhere)."""
    if context.format != "vtt" or context.timing.canonical:
        # A WebVTT body a fast path of the reader took whole (it kept the times
        # as written) is cue blocks only: no NOTE, so no directive.
        return []
    if _MARKER not in context.text:
        return []
    # Compiled here, not at import: most files have no directive at all.
    note, directive = re.compile(_NOTE), re.compile(_DIRECTIVE)
    lines = context.lines
    found: list[Directive] = []
    open_since: dict[str, Directive] = {}
    for first, last in _blocks(lines):
        if not note.match(lines[first - 1]):
            continue
        for number in range(first, last + 1):
            for match in directive.finditer(lines[number - 1]):
                verb = match[1]
                for name_match in re.finditer(r"[A-Za-z0-9_-]+", match[2]):
                    name = name_match[0]
                    name = _EVERYTHING if name.lower() == _EVERYTHING else name
                    column = match.start(2) + name_match.start() + 1
                    item = Directive(number, column, verb, name, None)
                    found.append(item)
                    if verb == "disable":
                        if name not in open_since:
                            item.span = (first, _END)
                            open_since[name] = item
                    elif verb == "enable":
                        opened = open_since.pop(name, None)
                        if opened is not None and opened.span is not None:
                            opened.span = item.span = (opened.span[0], first)
                    elif verb == "disable-file":
                        item.span = (1, _END)
                    else:
                        item.span = _next_block(lines, last)
    return found


def suppressions(context: Context) -> Suppressions | None:
    """The ranges switched off by the ``NOTE transcript-lint: ...`` directives of a
    WebVTT file, or ``None``."""
    ranges: dict[str, list[tuple[int, int]]] = {}
    for item in directives(context):
        if item.span is not None and item.verb != "enable":
            ranges.setdefault(item.name, []).append(item.span)
    return Suppressions(ranges) if ranges else None


def apply_suppressions(
    context: Context,
    problems: list[Problem],
    unused_level: Level | None = None,
    known: Collection[str] = (),
) -> list[Problem]:
    """Drop problems covered by inline directives (never internal or I/O errors).

    With *unused_level* (``unused-suppression`` is on for the file, at that
    level), a problem is added for each directive naming a rule of *known*
    that reports nothing in its range.
    """
    found = directives(context)
    if not found:
        return problems
    ranges: dict[str, list[tuple[int, int]]] = {}
    for item in found:
        if item.span is not None and item.verb != "enable":
            ranges.setdefault(item.name, []).append(item.span)
    kept = problems
    if ranges:
        switched_off = Suppressions(ranges)
        kept = [
            problem for problem in problems
            if problem.rule in (INTERNAL_ERROR, IO_ERROR)
            or not switched_off.covers(problem.rule, problem.line)
        ]
    if unused_level is not None:
        kept += [
            Problem(context.path, item.line, item.column, UNUSED, unused_level, message)
            for item, message in unused(found, problems, known)
            if not (ranges and switched_off.covers(UNUSED, item.line))
        ]
    return kept


#: The rule that reports directives that switch nothing off.
UNUSED = "unused-suppression"


def unused(
    found: list[Directive], problems: list[Problem], known: Collection[str]
) -> list[tuple[Directive, str]]:
    """Directives naming a known rule that reports nothing in their range (before
    any suppression), with the message for each.

    Unknown names and directives with no range at all are left to the
    ``unused-suppression`` rule's own check, which sees only the file.
    """
    lines: dict[str, list[int]] = {}
    every: list[int] = []
    for problem in problems:
        lines.setdefault(problem.rule, []).append(problem.line)
        every.append(problem.line)
    for numbers in (*lines.values(), every):
        numbers.sort()
    out: list[tuple[Directive, str]] = []
    for item in found:
        span = item.span
        named = item.name == _EVERYTHING or item.name in known
        # An enable is judged with the disable it ends: one finding for the pair.
        if span is None or not named or item.name == UNUSED or item.verb == "enable":
            continue
        numbers = every if item.name == _EVERYTHING else lines.get(item.name, [])
        at = bisect.bisect_left(numbers, span[0])
        if at < len(numbers) and numbers[at] <= span[1]:
            continue
        where = {"disable-next": "in the block after it", "disable-file": "in this file",
                 "disable": "in its range"}[item.verb]
        what = "no problem" if item.name == _EVERYTHING else f"no {item.name} problem"
        out.append((item, f"{item.text} suppresses nothing ({what} {where}); remove it"))
    return out


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
