"""A small stand-in rule catalog for engine, config, fix and CLI tests.

The real rules have their own tests; these fakes keep engine tests exact and
independent of the wording of real rule messages.  :func:`install` swaps them
into the registry (``lint.rules.RULES``) and the presets for one test.
"""

from __future__ import annotations

import re
import types
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from sphinxcontrib_transcript.lint import presets, rules
from sphinxcontrib_transcript.lint.base import Context, Finding, Option
from sphinxcontrib_transcript.model import FORMATS

ALL_FORMATS = frozenset(FORMATS)


def make_rule(
    rule_id: str,
    check: Callable[[Context], Iterator[Finding]],
    *,
    level: str = "error",
    enabled: bool = True,
    formats: frozenset[str] = ALL_FORMATS,
    options: dict[str, Option] | None = None,
    fix: str | None = None,
    fixer: Callable[[Context], bytes | None] | None = None,
    doc: str = "",
) -> types.ModuleType:
    module = types.ModuleType(f"fake_{rule_id.replace('-', '_')}", doc or f"Fake {rule_id}.")
    module.ID = rule_id
    module.LEVEL = level
    module.ENABLED = enabled
    module.FORMATS = formats
    module.OPTIONS = options or {}
    module.FIX = fix
    module.check = check
    if fixer is not None:
        module.fix = fixer
    return module


# tab-char: an error, on, with a safe fix (tabs to spaces: whitespace only).
def _tabs(ctx: Context) -> Iterator[Finding]:
    for number, line in enumerate(ctx.lines, 1):
        if "\t" in line:
            yield Finding(number, line.index("\t") + 1, "tab character; use a space")


def _fix_tabs(ctx: Context) -> bytes | None:
    return ctx.data.replace(b"\t", b" ") if b"\t" in ctx.data else None


# long-line: a warning, off by default, with options.
def _long(ctx: Context) -> Iterator[Finding]:
    limit = ctx.options["max"]
    for number, line in enumerate(ctx.lines, 1):
        size = len(line.split()) if ctx.options["unit"] == "words" else len(line)
        if size > limit:
            unit = ctx.options["unit"]
            yield Finding(number, limit + 1, f"line is {size} {unit} long (max {limit})")


# shout: a warning, on, with an unsafe fix that changes letters but keeps words.
_SHOUT = re.compile(rb"\b[A-Z]{3,}\b")


def _shout(ctx: Context) -> Iterator[Finding]:
    for number, line in enumerate(ctx.lines, 1):
        match = re.search(r"\b[A-Z]{3,}\b", line)
        if match:
            yield Finding(number, match.start() + 1, f"shouting: {match[0]!r}")


def _fix_shout(ctx: Context) -> bytes | None:
    return _SHOUT.sub(lambda m: m[0].lower(), ctx.data)


# drop-cue: an unsafe fix that loses the last cue (must be refused).
def _drop(ctx: Context) -> Iterator[Finding]:
    for number, line in enumerate(ctx.lines, 1):
        if "DROP" in line:
            yield Finding(number, line.index("DROP") + 1, "DROP marker")


def _fix_drop(ctx: Context) -> bytes | None:
    head, _, _ = ctx.data.rpartition(b"\n00:")
    return head + b"\n"


# safe-liar: claims to be safe but changes words (must be refused).
def _fix_liar(ctx: Context) -> bytes | None:
    return ctx.data.replace(b"DROP", b"KEEP")


def _boom(ctx: Context) -> Iterator[Finding]:
    raise RuntimeError("kaput")
    yield  # pragma: no cover


def catalog() -> dict[str, types.ModuleType]:
    return {
        "tab-char": make_rule(
            "tab-char", _tabs, fix="safe", fixer=_fix_tabs,
            doc="A tab character.\n\n.. rubric:: Options\n\nNone.\n\n"
                "Failing::\n\n    00:00:01\tHi\n",
        ),
        "long-line": make_rule(
            "long-line", _long, level="warning", enabled=False,
            options={
                "max": Option(int, 20, "longest line allowed"),
                "unit": Option(str, "chars", "what is counted", ("chars", "words")),
                "ratio": Option(float, 1.5, "a float option"),
                "strict-mode": Option(bool, False, "a bool option"),
            },
            doc="A line longer than ``max`` :term:`characters`.",
        ),
        "shout": make_rule("shout", _shout, level="warning", fix="unsafe", fixer=_fix_shout),
        "drop-cue": make_rule("drop-cue", _drop, enabled=False, fix="unsafe", fixer=_fix_drop),
        "safe-liar": make_rule("safe-liar", _drop, enabled=False, fix="safe", fixer=_fix_liar),
        "boom": make_rule("boom", _boom, enabled=False),
        "vtt-only": make_rule("vtt-only", _drop, enabled=False, formats=frozenset({"vtt"})),
    }


PRESETS: dict[str, dict[str, dict[str, Any]]] = {
    "tight": {"long-line": {"enabled": True, "max": 10, "level": "error"}},
    "relaxed": {"tab-char": {"enabled": False}, "shout": {"level": "warning"}},
}


def install(monkeypatch: pytest.MonkeyPatch) -> dict[str, types.ModuleType]:
    """Use the fake catalog and presets for the rest of the test."""
    fake = catalog()
    monkeypatch.setattr(rules, "RULES", fake, raising=False)
    monkeypatch.setattr(presets, "PRESETS", PRESETS, raising=False)
    return fake
