"""Helpers for the rule tests: build a lint context from bytes and run one rule.

``check(rule, data, path="x.vtt", **options)`` returns the ``(line, column)``
(a chapter file, ``x.chapters.json``, is read as the engine reads it)
of every finding, so a test states exactly where a rule reports.  Options are
given with underscores (``tolerance_ms=20``) and merged over the rule's
defaults, as the linter does.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

from sphinxcontrib_transcript import readers
from sphinxcontrib_transcript.lint.base import Context, Finding, Repair
from sphinxcontrib_transcript.lint.engine import build_context
from sphinxcontrib_transcript.lint.engine import findings as rule_findings
from sphinxcontrib_transcript.lint.rules import RULES, examples
from sphinxcontrib_transcript.model import Transcript
from sphinxcontrib_transcript.readers.discover import chapters_stem


def options_for(rule: ModuleType, given: dict[str, Any]) -> dict[str, Any]:
    """The rule's defaults with *given* (underscored names) on top."""
    merged = {name: option.default for name, option in rule.OPTIONS.items()}
    for name, value in given.items():
        key = name.replace("_", "-")
        assert key in rule.OPTIONS, f"{rule.ID} has no option {key!r}"
        merged[key] = value
    return merged


def read(data: bytes, path: str) -> tuple[str, Transcript]:
    """Read *data* through the linter's read pipeline: ``(text, transcript)``."""
    transcript, text = readers.read(data, name=path)
    return text, transcript


def context(
    rule: ModuleType,
    data: bytes,
    path: str = "x.vtt",
    siblings: dict[str, bytes] | None = None,
    **options: Any,
) -> Context:
    """A :class:`Context` for *data* at *path*; *siblings* maps suffixes to bytes."""
    others = siblings or {}
    stem = chapters_stem(path)

    def sibling(suffix: str) -> tuple[str, Transcript] | None:
        if suffix not in others:
            return None
        other = str(Path(path).with_suffix(suffix)) if stem is None else stem + suffix
        return other, read(others[suffix], other)[1]

    if stem is not None:  # a chapter file: read as the engine reads it
        made = build_context(data, path, sibling=sibling)
        made.options = options_for(rule, options)
    else:
        text, transcript = read(data, path)
        made = Context(path, data, text, transcript, options_for(rule, options), sibling)
    made.rules = RULES  # as the engine sets it
    return made


def findings(
    rule: ModuleType, data: bytes, path: str = "x.vtt", **kwargs: Any
) -> list[Finding]:
    """What the engine routes to *rule*: its own findings or the reader's."""
    return rule_findings(context(rule, data, path, **kwargs), rule)


def check(
    rule: ModuleType, data: bytes, path: str = "x.vtt", **kwargs: Any
) -> list[tuple[int, int]]:
    """``(line, column)`` of each finding of *rule* on *data*, in the order yielded."""
    return [(f.line, f.column) for f in findings(rule, data, path, **kwargs)]


def fix(rule: ModuleType, data: bytes, path: str = "x.vtt", **kwargs: Any) -> bytes | None:
    """What *rule*'s fix makes of *data* (``None``: nothing to change); the bytes of a
    :class:`Repair`."""
    result: bytes | Repair | None = rule.fix(context(rule, data, path, **kwargs))
    return result.data if isinstance(result, Repair) else result


def repair(rule: ModuleType, data: bytes, path: str = "x.vtt", **kwargs: Any) -> Repair:
    """*rule*'s fix of *data*, as a :class:`Repair` (new bytes, notes, removed cues)."""
    result = rule.fix(context(rule, data, path, **kwargs))
    assert isinstance(result, Repair), result
    return result


def example(rule: ModuleType, kind: str, suffix: str | None = None) -> tuple[str, bytes]:
    """The ``(name, bytes)`` of *rule*'s first *kind* example (with *suffix*, if given)."""
    for item in examples(rule):
        if item.kind == kind and (suffix is None or item.name.endswith(suffix)):
            return item.name, item.data
    raise AssertionError(f"{rule.ID} has no {kind} example")


def _stem(name: str) -> str:
    """The name a file shares with its siblings (a chapter file's, its transcript's)."""
    return chapters_stem(name) or Path(name).stem


def check_example(rule: ModuleType, kind: str, suffix: str | None = None) -> list[tuple[int, int]]:
    """Run *rule* on its own documented example (siblings: the same kind's other files)."""
    name, data = example(rule, kind, suffix)
    siblings = {
        Path(item.name).suffix: item.data
        for item in examples(rule)
        if item.kind == kind and item.name != name and _stem(item.name) == _stem(name)
    }
    return check(rule, data, name, siblings=siblings)
