"""A rule's documentation, its docstring in reST, as plain text: for ``--explain``,
``--list-rules`` and the SARIF report's rule help."""

from __future__ import annotations

import re
from types import ModuleType


def summary_line(module: ModuleType) -> str:
    """The first line of a rule's docstring."""
    doc = (module.__doc__ or "").strip()
    return _plain(doc.splitlines()[0]) if doc else ""


def explain(module: ModuleType, level: str, enabled: bool) -> str:
    """``--explain``: the rule's documentation as plain text, then its options."""
    doc = plain_doc(module.__doc__ or "")
    head = (
        f"{module.ID} ({level}, {'on' if enabled else 'off'} by default; fix: "
        f"{module.FIX or 'none'}; formats: {', '.join(sorted(module.FORMATS))})"
    )
    parts = [head, "", doc.strip()]
    if module.OPTIONS:
        parts += ["", "Options (set in [tool.transcript-lint.rules." + module.ID + "]):"]
        for name, option in module.OPTIONS.items():
            detail = f"{option.type.__name__}, default {option.default!r}"
            if option.choices:
                detail += "; one of " + ", ".join(repr(choice) for choice in option.choices)
            parts.append(f"  {name} ({detail}): {option.help}")
    return "\n".join(parts).rstrip() + "\n"


# Patterns as strings: re compiles (and caches) them on first use, so a lint
# run that never shows documentation does not pay for compiling them.
_ROLE = r":[a-z:]+:`(?:[^`<]*<)?([^`>]*)>?`"
_LITERAL = r"``([^`]+)``"
_EMPHASIS = r"(?<![\w*])\*\*?([^*\n]+?)\*\*?(?![\w*])"
_RUBRIC = r"^\.\. rubric::\s*(.+)$"
_DIRECTIVE = r"^\.\. [\w-]+::.*$"


def _plain(text: str) -> str:
    text = re.sub(_ROLE, r"\1", text)
    text = re.sub(_LITERAL, r"\1", text)
    return re.sub(_EMPHASIS, r"\1", text)


def plain_doc(doc: str) -> str:
    """reST to readable terminal text: headings underlined, markup removed."""
    out: list[str] = []
    for line in doc.strip("\n").splitlines():
        rubric = re.match(_RUBRIC, line.strip())
        if rubric:
            title = rubric[1].strip()
            out += [title, "-" * len(title)]
            continue
        if re.match(_DIRECTIVE, line.strip()):
            continue  # other directives (code-block markers and such) add nothing here
        out.append(_plain(line.rstrip()))
    return "\n".join(out)
