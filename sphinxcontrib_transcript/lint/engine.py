"""The linter: one context per file, every selected rule, problems out.

A file is decoded once (:func:`~sphinxcontrib_transcript.decoding.decode`) and
read once (the reader its format calls for); the resulting
:class:`~sphinxcontrib_transcript.lint.base.Context` is shared by all rules.
The linter, not the rules, sets each problem's rule ID and configured level.

Problems come from two places: the rules' ``check()`` and the diagnostics the
decoder and the reader already made (``bad-timestamp``, ``invalid-utf8``...).
A reader diagnostic counts as a finding of the rule with its ID, so it obeys
that rule's selection and level; when the rule itself reports the same
position, the rule's message wins.

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
from collections import namedtuple

from ..decoding import decode
from ..model import Diagnostic, Level, Transcript
from ..readers import READERS, format_for, normalize_format
from . import rules as _rules
from .base import Context, Finding
from .config import Config

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping
    from types import ModuleType
    from typing import Any, NamedTuple

    class _ProblemFields(NamedTuple):
        path: str
        line: int
        column: int
        rule: str
        level: Level
        message: str
        fixable: bool = False

else:
    # A named tuple: cheap to make and to import, orders field by field, and
    # pickles (problems travel back from --jobs worker processes).
    _ProblemFields = namedtuple(
        "Problem", ("path", "line", "column", "rule", "level", "message", "fixable"),
        defaults=(False,),
    )

#: Rule IDs the linter itself reports; they are not rules and cannot be
#: configured: a file that could not be read, or a crash to report.
IO_ERROR = "io-error"
INTERNAL_ERROR = "internal-error"

_BUG = "this is a bug in transcript-lint: please report it with the file attached"


class Problem(_ProblemFields):
    """One problem in one file, ready to print.

    Problems sort by path, then line, then column.  ``str()`` gives the CLI's
    text format, ``path:line:col: level [rule-id] message``.

    :param fixable: the rule's fix will change this problem (``--fix`` when
        its fix is safe, ``--unsafe-fixes`` otherwise; see :func:`fix_kind`).
    """

    __slots__ = ()

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.level} [{self.rule}] {self.message}"


def fix_kind(rule_id: str) -> str | None:
    """``"safe"``, ``"unsafe"`` or ``None``: how the rule's problems can be fixed."""
    module = _rules.RULES.get(rule_id)
    return None if module is None else module.FIX


def build_context(
    data: bytes, path: str, format: str | None = None, *, encoding: str | None = None
) -> Context:
    """Decode and read *data* once, for all rules.

    :param format: the format to read as; by default the suffix of *path*
        decides, or the content where the suffix does not.
    :param encoding: the encoding to decode with when the file has no byte
        order mark (default: UTF-8, else a guess, with an ``invalid-utf8``
        diagnostic).
    :raises ValueError: for an unknown *format* name.
    """
    decoded = decode(data, encoding)
    fmt = normalize_format(format) if format else format_for(path, decoded.text)
    transcript = READERS[fmt](decoded.text)
    transcript.encoding = decoded.encoding
    if decoded.diagnostics:
        transcript.diagnostics[:0] = decoded.diagnostics
    return Context(
        path=path, data=data, text=decoded.text, transcript=transcript,
        sibling=_sibling_loader(path),
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
        normalize_format(format)  # a bad name is the caller's error, not the file's
    try:
        context = build_context(data, path, format, encoding=encoding)
    except Exception as exc:  # a reader bug must not hide the other files
        return [_internal(path, "reading the file", exc)]
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
    diagnostics = _by_rule(context.transcript.diagnostics)
    # This loop runs for every rule of every file: it does as little as it can.
    for rule_id, module, applies, options in _plan(config, context.path, context.format):
        found: list[Finding] = []
        if applies:
            context.options = dict(options) if options else {}
            try:
                found = list(module.check(context))
            except Exception as exc:
                problems.append(_internal(context.path, f"rule {rule_id}", exc))
                continue
        if found or rule_id in diagnostics:
            problems.extend(_problems(context, rule_id, config, found, diagnostics))
    # Diagnostics under an ID no rule module has: still shown, at their own level.
    for rule_id, diagnosed in diagnostics.items():
        if rule_id not in _rules.RULES:
            problems.extend(
                Problem(context.path, max(d.line, 1), max(d.column, 1), rule_id, d.level,
                        d.message)
                for d in diagnosed
            )
    return apply_suppressions(context, problems)


# The plans for the last configuration and rule registry:
# [configuration, registry, {(format, ignored rule IDs): plan}].
_plans: list[Any] = [None, (), {}]


def _plan(
    config: Config, path: str, fmt: str
) -> list[tuple[str, ModuleType, bool, Mapping[str, Any]]]:
    """The enabled rules for *path*, in catalog order, each with whether it runs on
    *fmt* (a rule for other formats only hands on reader diagnostics) and its
    options; made once per configuration, format and per-file ignores."""
    modules = _rules.RULES
    registry = tuple(modules.values())
    cached_config, cached_registry, plans = _plans
    if cached_config is not config or cached_registry != registry:
        plans = {}
        _plans[:] = [config, registry, plans]
    ignored = config.ignored_for(path)
    plan = plans.get((fmt, ignored))
    if plan is None:
        plan = plans[fmt, ignored] = [
            (rule_id, modules[rule_id], fmt in modules[rule_id].FORMATS,
             config.options[rule_id])
            for rule_id in modules
            if rule_id in config.enabled and rule_id not in ignored
        ]
    return plan  # type: ignore[no-any-return]


def rule_problems(
    context: Context,
    rule_id: str,
    config: Config,
    diagnostics: dict[str, list[Diagnostic]] | None = None,
) -> list[Problem]:
    """What one rule reports on *context*: its findings plus the reader's diagnostics."""
    module = _rules.RULES[rule_id]
    if diagnostics is None:
        diagnostics = _by_rule(context.transcript.diagnostics)
    found: list[Finding] = []
    if context.format in module.FORMATS:
        context.options = dict(config.options[rule_id])
        try:
            found = list(module.check(context))
        except Exception as exc:
            return [_internal(context.path, f"rule {rule_id}", exc)]
    return _problems(context, rule_id, config, found, diagnostics)


def _problems(
    context: Context,
    rule_id: str,
    config: Config,
    found: list[Finding],
    diagnostics: dict[str, list[Diagnostic]],
) -> list[Problem]:
    """A rule's findings and the reader's diagnostics under its ID, as problems (the
    rule's finding wins where both report one position)."""
    own = diagnostics.get(rule_id, ())
    if not found and not own:
        return []
    level = config.levels[rule_id]
    fixable = _rules.RULES[rule_id].FIX is not None
    seen = {(finding.line, finding.column) for finding in found}
    # A finding may say its rule's fix leaves it alone, or that it is a near-miss
    # (at most a warning).
    problems = [
        Problem(context.path, max(f.line, 1), max(f.column, 1), rule_id,
                "warning" if f.level == "warning" else level, f.message,
                fixable and f.fixable)
        for f in found
    ]
    for diagnostic in own:
        if (diagnostic.line, diagnostic.column) not in seen:
            problems.append(
                Problem(context.path, max(diagnostic.line, 1), max(diagnostic.column, 1),
                        rule_id, level, diagnostic.message, fixable)
            )
    return problems


def io_problem(path: str, message: str) -> Problem:
    """A file that could not be read or written: an error at 1:1."""
    return Problem(path, 1, 1, IO_ERROR, "error", message)


def internal_problem(path: str, doing: str, exc: BaseException) -> Problem:
    """A crash turned into a problem, so one bad file never stops a run."""
    return _internal(path, doing, exc)


def _internal(path: str, doing: str, exc: BaseException) -> Problem:
    detail = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
    detail = detail.splitlines()[0] if detail else type(exc).__name__
    return Problem(path, 1, 1, INTERNAL_ERROR, "error", f"crashed in {doing} ({detail}); {_BUG}")


def _by_rule(diagnostics: Iterable[Diagnostic]) -> dict[str, list[Diagnostic]]:
    grouped: dict[str, list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        grouped.setdefault(diagnostic.rule, []).append(diagnostic)
    return grouped


def _sibling_loader(path: str) -> _Sibling:
    return _Sibling(path)


class _Sibling:
    """Loads ``NAME.<suffix>`` beside the file, for rules comparing pairs."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __call__(self, suffix: str) -> tuple[str, Transcript] | None:
        stem, own = os.path.splitext(self.path)
        if not self.path or suffix.lower() == own.lower():
            return None
        candidate = stem + suffix
        try:
            with open(candidate, "rb") as handle:
                data = handle.read()
        except OSError:
            return None
        try:
            decoded = decode(data)
            transcript = READERS[format_for(candidate, decoded.text)](decoded.text)
        except Exception:  # a broken sibling is linted on its own
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
