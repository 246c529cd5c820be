"""The linter: one context per file, every selected rule, problems out.

A file is read once, through the one read pipeline
(:func:`~sphinxcontrib_transcript.readers.read`); the resulting
:class:`~sphinxcontrib_transcript.lint.base.Context` is shared by all rules.

This module is the one router of problems.  They come from two places: the
rules' ``check()`` and the diagnostics the decoder and the reader made while
reading (``bad-timestamp``, ``invalid-utf8``...), each under a rule's ID.  A
rule that only hands on what the reader saw has no ``check()``: its module
gives the ID, the documentation and the fix.  Either way, here and only here
a problem gets its configured level, obeys the selection and per-file
ignores, and meets the inline suppressions.  A reader's own level is the
rule's default, so :func:`~sphinxcontrib_transcript.load` and the linter
agree under the default configuration (a test checks it over the corpus).

Inline suppression (WebVTT only, the one format with comments) uses ``NOTE``
blocks::

    NOTE transcript-lint: disable=cue-overlap,zero-duration

switches the rules off from that line to the end of the file or to a later
``NOTE transcript-lint: enable=cue-overlap``; ``disable-next=RULE`` covers
only the next block (the next cue); ``disable-file=RULE`` covers the whole
file, header included.  ``all`` names every rule.  Other formats have no
comments: use ``per-file-ignores`` in the configuration.
"""

from __future__ import annotations

import bisect
import os
import re
from functools import lru_cache

from ..readers import read, read_file
from . import rules as _rules
from .base import Context, Finding
from .config import Config
from .problems import INTERNAL_ERROR, IO_ERROR, Problem, internal_problem

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping
    from types import ModuleType
    from typing import Any

    from ..model import Diagnostic, Transcript
    from .base import Sibling

__all__ = [
    "INTERNAL_ERROR", "IO_ERROR", "Problem", "build_context", "findings", "fix_kind",
    "lint_bytes", "lint_context", "lint_path", "rule_modules", "rule_problems",
]


def fix_kind(rule_id: str) -> str | None:
    """``"safe"``, ``"unsafe"`` or ``None``: how the rule's problems can be fixed."""
    module = _rules.RULES.get(rule_id)
    return None if module is None else module.FIX


def build_context(
    data: bytes,
    path: str,
    format: str | None = None,
    *,
    encoding: str | None = None,
    sibling: Sibling | None = None,
) -> Context:
    """Read *data* once, for all rules.

    :param format: the format to read as; by default the suffix of *path*
        decides, or the content where the suffix does not.
    :param encoding: the encoding to decode with when the file has no byte
        order mark (default: UTF-8, else a guess, with an ``invalid-utf8``
        diagnostic).
    :param sibling: loads ``NAME.<suffix>`` beside the file for the rules that
        compare pairs (``pair-drift``); by default :class:`SiblingFiles` of
        *path*.  The Sphinx extension passes one that records the dependency.
    :raises ValueError: for an unknown *format* name.
    """
    transcript, text = read(data, name=path, format=format, encoding=encoding)
    return Context(
        path=path, data=data, text=text, transcript=transcript,
        sibling=SiblingFiles(path) if sibling is None else sibling,
    )


def lint_bytes(
    data: bytes,
    path: str,
    config: Config | None = None,
    *,
    format: str | None = None,
    encoding: str | None = None,
) -> list[Problem]:
    """Lint a file's content; never raises for any content.

    :param path: the file's name, for messages, the format (by suffix),
        ``per-file-ignores`` and sibling files (``pair-drift``).
    :param config: the configuration; :meth:`Config.default` when ``None``.
    :param format: read as this format instead of guessing.
    :param encoding: decode with this encoding (see :func:`build_context`).
    :returns: the problems, sorted.
    :raises ValueError: for an unknown *format* name.
    """
    config = config or Config.default()
    if format is not None:
        from ..readers import normalize_format

        normalize_format(format)  # a bad name is the caller's error, not the file's
    try:
        context = build_context(data, path, format, encoding=encoding)
    except Exception as exc:  # a reader bug must not hide the other files
        return [internal_problem(path, "reading the file", exc)]
    return sorted(lint_context(context, config))


def lint_path(path: str | os.PathLike[str], config: Config | None = None) -> list[Problem]:
    """Read and lint the file at *path*.

    :raises OSError: when the file cannot be read.
    """
    with open(path, "rb") as handle:
        data = handle.read()
    return lint_bytes(data, os.fspath(path), config)


def lint_context(context: Context, config: Config) -> list[Problem]:
    """Every problem the enabled rules find in *context* (unsorted)."""
    problems: list[Problem] = []
    diagnostics = _by_rule(context.diagnostics)
    # This loop runs for every rule of every file: it does as little as it can.
    plan = _plan(config, tuple(_rules.RULES.values()), context.format,
                 config.ignored_for(context.path))
    for rule_id, module, runs, options in plan:
        if runs:
            context.options = dict(options) if options else {}
        elif rule_id not in diagnostics:
            continue
        try:
            found = findings(context, module, diagnostics, runs=runs)
        except Exception as exc:
            problems.append(internal_problem(context.path, f"rule {rule_id}", exc))
            continue
        if found:
            problems.extend(_problems(context.path, rule_id, config, found))
    # Diagnostics under an ID no rule module has: still shown, at their own level.
    for rule_id, diagnosed in diagnostics.items():
        if rule_id not in _rules.RULES:
            problems.extend(
                Problem(context.path, max(d.line, 1), max(d.column, 1), rule_id, d.level,
                        d.message)
                for d in diagnosed
            )
    return apply_suppressions(context, problems)


def findings(
    context: Context,
    module: ModuleType,
    diagnostics: Mapping[str, list[Diagnostic]] | None = None,
    *,
    runs: bool | None = None,
) -> list[Finding]:
    """What the rule *module* finds in *context*: its ``check()``'s findings where it
    has one for the file's format, then the decoder's and reader's diagnostics
    under its ID, in file order.  ``context.options`` must hold its options.

    :param diagnostics: the context's diagnostics grouped by rule ID, if known.
    :param runs: whether ``check()`` runs on this format, if known.
    """
    if runs is None:
        runs = _runs(module, context.format)
    found = list(module.check(context)) if runs else []
    if diagnostics is None:
        diagnostics = _by_rule(context.diagnostics)
    own = diagnostics.get(module.ID, ())
    if own:
        # One finding per position: where a rule with a check() of its own (a
        # plugin's, say) and a reader both report, the rule's words win.
        seen = {(finding.line, finding.column) for finding in found}
        found.extend(Finding(d.line, d.column, d.message) for d in own
                     if (d.line, d.column) not in seen)
    return found


def _runs(module: ModuleType, fmt: str) -> bool:
    return fmt in module.FORMATS and hasattr(module, "check")


@lru_cache(maxsize=64)
def _plan(
    config: Config, registry: tuple[ModuleType, ...], fmt: str, ignored: frozenset[str]
) -> list[tuple[str, ModuleType, bool, Mapping[str, Any]]]:
    """The enabled rules, in catalog order, each with whether its ``check()`` runs
    on *fmt* (a rule without one, or for other formats, only hands on the
    reader's diagnostics) and its options; made once per configuration, rule
    registry, format and per-file ignores."""
    return [
        (module.ID, module, _runs(module, fmt), config.options[module.ID])
        for module in registry
        if module.ID in config.enabled and module.ID not in ignored
    ]


def rule_problems(context: Context, rule_id: str, config: Config) -> list[Problem]:
    """What one rule reports on *context*, as problems at its configured level."""
    module = _rules.RULES[rule_id]
    context.options = dict(config.options[rule_id])
    try:
        found = findings(context, module)
    except Exception as exc:
        return [internal_problem(context.path, f"rule {rule_id}", exc)]
    return _problems(context.path, rule_id, config, found)


def _problems(path: str, rule_id: str, config: Config, found: list[Finding]) -> list[Problem]:
    """A rule's findings as problems at its configured level."""
    level = config.levels[rule_id]
    fixable = _rules.RULES[rule_id].FIX is not None
    return [
        Problem(path, max(f.line, 1), max(f.column, 1), rule_id, level, f.message, fixable)
        for f in found
    ]


def _by_rule(diagnostics: Iterable[Diagnostic]) -> dict[str, list[Diagnostic]]:
    grouped: dict[str, list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        grouped.setdefault(diagnostic.rule, []).append(diagnostic)
    return grouped


class SiblingFiles:
    """Loads ``NAME.<suffix>`` beside the file, through the read pipeline, for rules
    comparing pairs; ``None`` when there is no such file or it cannot be read."""

    def __init__(self, path: str) -> None:
        self.path = path

    def candidate(self, suffix: str) -> str | None:
        """The sibling's path, or ``None`` for the file's own suffix."""
        stem, own = os.path.splitext(self.path)
        if not self.path or suffix.lower() == own.lower():
            return None
        return stem + suffix

    def __call__(self, suffix: str) -> tuple[str, Transcript] | None:
        candidate = self.candidate(suffix)
        if candidate is None:
            return None
        try:
            transcript, _, _ = read_file(candidate)
        except Exception:  # missing, unreadable or broken: linted on its own
            return None
        return candidate, transcript


# -- inline suppression ---------------------------------------------------------

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
    if context.format != "vtt" or context.timing.canonical:
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


def rule_modules() -> dict[str, ModuleType]:
    """The rule registry, in catalog order."""
    return _rules.RULES
