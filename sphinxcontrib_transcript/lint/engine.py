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

Inline suppression (``NOTE transcript-lint: ...`` directives) lives in
:mod:`~sphinxcontrib_transcript.lint.suppressions`.
"""

from __future__ import annotations

import os
from functools import lru_cache

from ..readers import read, read_file
from ..readers.discover import chapters_stem
from . import rules as _rules
from .base import Context, Finding
from .config import Config
from .problems import INTERNAL_ERROR, IO_ERROR, Problem, internal_problem
from .suppressions import UNUSED, apply_suppressions

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from types import ModuleType
    from typing import Any

    from ..model import Diagnostic, Format, Level, Transcript
    from .base import Sibling

#: The format of a chapter file's context: only the chapter rules apply to it.
CHAPTERS: Format = "chapters"  # type: ignore[assignment]  # not a transcript format

__all__ = [
    "CHAPTERS", "INTERNAL_ERROR", "IO_ERROR", "Problem", "build_context", "findings", "fix_kind",
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
        compare pairs (``pair-drift``) and the chapter rules; by default
        :class:`SiblingFiles` of *path*.  The Sphinx extension passes one that
        records the dependency.
    :raises ValueError: for an unknown *format* name.

    A chapter file (named ``NAME.chapters.json|vtt|txt``, or any file with
    *format* ``"chapters"``) is read by :mod:`~sphinxcontrib_transcript.chapters`
    into a context of format ``"chapters"``, for the chapter rules alone.
    """
    if sibling is None:
        sibling = SiblingFiles(path)
    if format == CHAPTERS or (format is None and chapters_stem(path) is not None):
        return _chapters_context(data, path, encoding, sibling)
    transcript, text = read(data, name=path, format=format, encoding=encoding)
    return Context(path=path, data=data, text=text, transcript=transcript, sibling=sibling)


def _chapters_context(data: bytes, path: str, encoding: str | None, sibling: Sibling) -> Context:
    """A chapter file read once: the chapters (for the rules, in ``cache["chapters"]``)
    and, as the transcript's diagnostics, what decoding and reading found."""
    from ..chapters import read_chapters
    from ..decoding import decode
    from ..model import Transcript

    decoded = decode(data, encoding)
    found = read_chapters(decoded.text, path)
    transcript = Transcript(
        CHAPTERS, diagnostics=decoded.diagnostics + found.diagnostics, encoding=decoded.encoding
    )
    context = Context(path, data, decoded.text, transcript, sibling=sibling)
    context.cache["chapters"] = found
    return context


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
    if format is not None and format != CHAPTERS:
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
    context.rules = config.levels
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
    return apply_suppressions(
        context, problems, _unused_level(config, context.path), config.levels
    )


def _unused_level(config: Config, path: str) -> Level | None:
    """The level of ``unused-suppression`` when it reports on *path*, else ``None``."""
    if UNUSED not in config.enabled or UNUSED in config.ignored_for(path):
        return None
    return config.levels[UNUSED]


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
    context.rules = config.levels
    try:
        found = findings(context, module)
    except Exception as exc:
        return [internal_problem(context.path, f"rule {rule_id}", exc)]
    return _problems(context.path, rule_id, config, found)


def _problems(path: str, rule_id: str, config: Config, found: list[Finding]) -> list[Problem]:
    """A rule's findings as problems at its configured level."""
    level = config.levels[rule_id]
    fixable = _rules.RULES[rule_id].FIX is not None
    # A finding may say its rule's fix leaves it alone, or that it is a near-miss
    # (at most a warning).
    return [
        Problem(path, max(f.line, 1), max(f.column, 1), rule_id,
                "warning" if f.level == "warning" else level, f.message, fixable and f.fixable)
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
        """The sibling's path, or ``None`` for the file's own suffix.

        Beside a chapter file ``NAME.chapters.json`` the siblings are the
        transcripts ``NAME.<suffix>``.
        """
        stem = chapters_stem(self.path)
        if stem is not None:
            return stem + suffix
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


def rule_modules() -> dict[str, ModuleType]:
    """The rule registry, in catalog order."""
    return _rules.RULES
