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

Inline suppression (``NOTE transcript-lint: ...`` directives) lives in
:mod:`~sphinxcontrib_transcript.lint.suppressions`.
"""

from __future__ import annotations

import os
from collections import namedtuple

from ..decoding import decode
from ..model import Diagnostic, Level, Transcript
from ..readers import READERS, format_for, normalize_format
from . import rules as _rules
from .base import Context, Finding
from .config import Config
from .suppressions import apply_suppressions

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
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

    :param fixable: the rule has a fix (``--fix`` when its fix is safe,
        ``--unsafe-fixes`` otherwise; see :func:`fix_kind`).
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
    return apply_suppressions(context, problems, config)


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
    problems = [
        Problem(context.path, max(f.line, 1), max(f.column, 1), rule_id, level, f.message, fixable)
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


def rule_modules() -> dict[str, ModuleType]:
    """The rule registry, in catalog order."""
    return _rules.RULES
