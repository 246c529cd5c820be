"""``--format sarif``: problems as a SARIF 2.1.0 log.

SARIF is what GitHub code scanning, GitLab and Azure DevOps read.  The log
has one run: the tool's rules (``tool.driver.rules``, each with its summary,
its documentation as help text and its default level), and one result per
problem with its rule, level, message and region (start line and column;
columns count characters, so ``columnKind`` is ``unicodeCodePoints``).

A result whose rule has a fix carries it as a SARIF ``fix``: the rule's fix
run alone on the file, as byte-range replacements (only when the fix changes
the file: a ``fixable`` the fix would not honour gets none).  Imported only
when this format is asked for.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from types import ModuleType
from urllib.parse import quote

from .. import __version__
from . import rules as _rules
from .config import Config
from .problems import INTERNAL_ERROR, IO_ERROR, Problem
from .ruledocs import plain_doc, summary_line

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_BASE = "%SRCROOT%"
_OWN = {
    IO_ERROR: "A file that could not be read or written.",
    INTERNAL_ERROR: "transcript-lint crashed on a file: please report it with the file.",
}


def sarif(
    problems: Sequence[Problem], config_for: Callable[[str], Config] | None = None
) -> str:
    """The SARIF log of *problems* as JSON text.

    :param config_for: the configuration of a path, to run fixes with; without
        it, fixes are run with the rules' defaults.
    """
    rule_ids = list(_rules.RULES)
    rule_ids += sorted({p.rule for p in problems if p.rule not in _rules.RULES})
    index = {rule_id: number for number, rule_id in enumerate(rule_ids)}
    fixes = _Fixes(config_for or (lambda path: Config.default()))
    results = [_result(problem, index[problem.rule], fixes) for problem in problems]
    run = {
        "tool": {"driver": {
            "name": "transcript-lint",
            "version": __version__,
            "informationUri": "https://pypi.org/project/sphinxcontrib-transcript/",
            "rules": [_descriptor(rule_id) for rule_id in rule_ids],
        }},
        "originalUriBaseIds": {_BASE: {"uri": _directory_uri(os.getcwd())}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False)


def _descriptor(rule_id: str) -> dict[str, object]:
    module: ModuleType | None = _rules.RULES.get(rule_id)
    if module is None:
        text = _OWN.get(rule_id, f"Problems reported as {rule_id}.")
        return {
            "id": rule_id, "shortDescription": {"text": text}, "help": {"text": text},
            "defaultConfiguration": {"level": "error"},
        }
    return {
        "id": rule_id,
        "name": "".join(part.title() for part in rule_id.split("-")),
        "shortDescription": {"text": summary_line(module)},
        "fullDescription": {"text": summary_line(module)},
        "help": {"text": plain_doc(module.__doc__ or "").strip()},
        "defaultConfiguration": {"level": module.LEVEL, "enabled": module.ENABLED},
        "properties": {"fix": module.FIX or "none", "formats": sorted(module.FORMATS)},
    }


def _result(problem: Problem, rule_index: int, fixes: _Fixes) -> dict[str, object]:
    location = {"physicalLocation": {
        "artifactLocation": _artifact(problem.path),
        "region": {"startLine": problem.line, "startColumn": problem.column},
    }}
    result: dict[str, object] = {
        "ruleId": problem.rule,
        "ruleIndex": rule_index,
        "level": "error" if problem.level == "error" else "warning",
        "message": {"text": problem.message},
        "locations": [location],
    }
    if problem.fixable:
        fix = fixes.get(problem.path, problem.rule)
        if fix is not None:
            result["fixes"] = [fix]
    return result


def _artifact(path: str) -> dict[str, str]:
    """A SARIF artifact location: relative to the run's root when the path is."""
    if os.path.isabs(path):
        return {"uri": "file://" + quote(path.replace(os.sep, "/"))}
    return {"uri": quote(path.replace(os.sep, "/")), "uriBaseId": _BASE}


def _directory_uri(directory: str) -> str:
    path = directory.replace(os.sep, "/").rstrip("/") + "/"
    return "file://" + quote(path if path.startswith("/") else "/" + path)


class _Fixes:
    """Each (file, rule)'s fix as a SARIF ``fix`` object, made once."""

    def __init__(self, config_for: Callable[[str], Config]) -> None:
        self.config_for = config_for
        self.made: dict[tuple[str, str], dict[str, object] | None] = {}
        self.data: dict[str, bytes | None] = {}

    def get(self, path: str, rule_id: str) -> dict[str, object] | None:
        key = (path, rule_id)
        if key not in self.made:
            self.made[key] = self._make(path, rule_id)
        return self.made[key]

    def _make(self, path: str, rule_id: str) -> dict[str, object] | None:
        from .fixing import fix_report

        module = _rules.RULES.get(rule_id)
        data = self._read(path)
        if module is None or module.FIX is None or data is None:
            return None
        config = self.config_for(path)
        alone = Config(frozenset({rule_id}), config.levels, config.options, root=config.root)
        fixed = fix_report(data, path, alone, unsafe=module.FIX == "unsafe").data
        if fixed == data:
            return None
        kind = "an unsafe fix (--unsafe-fixes)" if module.FIX == "unsafe" else "a safe fix (--fix)"
        return {
            "description": {"text": f"[{rule_id}] {kind}, for the whole file"},
            "artifactChanges": [{
                "artifactLocation": _artifact(path),
                "replacements": replacements(data, fixed),
            }],
        }

    def _read(self, path: str) -> bytes | None:
        if path not in self.data:
            try:
                with open(path, "rb") as handle:
                    self.data[path] = handle.read()
            except OSError:
                self.data[path] = None
        return self.data[path]


def replacements(before: bytes, after: bytes) -> list[dict[str, object]]:
    """The changes from *before* to *after* as SARIF replacements: byte ranges of
    *before* (whole lines) and the content that takes their place."""
    import difflib

    old = before.splitlines(keepends=True)
    new = after.splitlines(keepends=True)
    offsets = [0]
    for line in old:
        offsets.append(offsets[-1] + len(line))
    changes: list[dict[str, object]] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        inserted = b"".join(new[j1:j2])
        change: dict[str, object] = {
            "deletedRegion": {"byteOffset": offsets[i1], "byteLength": offsets[i2] - offsets[i1]},
        }
        if inserted:
            try:
                change["insertedContent"] = {"text": inserted.decode("utf-8")}
            except UnicodeDecodeError:
                import base64

                change["insertedContent"] = {"binary": base64.b64encode(inserted).decode()}
        changes.append(change)
    return changes
