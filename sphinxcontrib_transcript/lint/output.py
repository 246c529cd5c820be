"""Output formats of ``transcript-lint``: problems, the summary, rule listings.

Each function returns text; the CLI decides where it goes.  ``json`` is
imported only when JSON output is asked for, and the SARIF and JUnit writers
(:mod:`.sarif`, :mod:`.junit`) only when those formats are, to keep start-up
short.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from types import ModuleType

from .problems import Problem
from .ruledocs import summary_line

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from .config import Config

#: The ``--format`` choices.
FORMATS = ("text", "json", "github", "sarif", "junit")


def format_problems(
    problems: Sequence[Problem],
    style: str,
    files: Sequence[str] = (),
    config_for: Callable[[str], Config] | None = None,
) -> str:
    """All *problems* in the given style, one per line (JSON: one array; SARIF and
    JUnit: one document).

    :param files: every file linted (JUnit gives a clean one a passing test case).
    :param config_for: each path's configuration (SARIF runs fixes with it).
    """
    if style == "sarif":
        from .sarif import sarif

        return sarif(problems, config_for)
    if style == "junit":
        from .junit import junit

        return junit(problems, files)
    if style == "json":
        import json

        return json.dumps([as_dict(problem) for problem in problems], indent=2, ensure_ascii=False)
    if style == "github":
        return "\n".join(github(problem) for problem in problems)
    return "\n".join(str(problem) for problem in problems)


def as_dict(problem: Problem) -> dict[str, object]:
    """The JSON object for one problem."""
    return {
        "path": problem.path,
        "line": problem.line,
        "column": problem.column,
        "rule": problem.rule,
        "level": problem.level,
        "message": problem.message,
        "fixable": problem.fixable,
    }


def github(problem: Problem) -> str:
    """A GitHub Actions workflow command that annotates the line in a pull request."""
    command = "error" if problem.level == "error" else "warning"
    properties = ",".join(
        f"{key}={_escape_property(str(value))}"
        for key, value in (
            ("file", problem.path), ("line", problem.line), ("col", problem.column),
            ("title", problem.rule),
        )
    )
    return f"::{command} {properties}::{_escape_data(problem.message)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def summary(problems: Sequence[Problem], safe: int, unsafe: int) -> str:
    """``N problems (E errors, W warnings) in F files; K fixable with --fix``.

    :param safe: how many problems ``--fix`` can fix.
    :param unsafe: how many more ``--unsafe-fixes`` can.
    """
    errors = sum(1 for problem in problems if problem.level == "error")
    warnings = len(problems) - errors
    files = len({problem.path for problem in problems})
    line = (
        f"{_count(len(problems), 'problem')} ({_count(errors, 'error')}, "
        f"{_count(warnings, 'warning')}) in {_count(files, 'file')}"
    )
    if safe:
        line += f"; {safe} fixable with --fix"
    if unsafe:
        line += f"; {unsafe} {'more ' if safe else ''}with --unsafe-fixes"
    return line


def statistics(problems: Sequence[Problem], style: str) -> str:
    """``--statistics``: how many problems each rule found, its level and whether it
    has a fix, the most frequent rule first (then by rule ID)."""
    from .engine import fix_kind

    counts: dict[tuple[str, str], int] = {}
    for problem in problems:
        key = (problem.rule, problem.level)
        counts[key] = counts.get(key, 0) + 1
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if style == "json":
        import json

        return json.dumps(
            [{"rule": rule, "level": level, "count": count, "fix": fix_kind(rule)}
             for (rule, level), count in rows],
            indent=2,
        )
    table = [("count", "rule", "level", "fix")]
    table += [(str(count), rule, level, fix_kind(rule) or "-") for (rule, level), count in rows]
    widths = [max(len(row[i]) for row in table) for i in range(4)]
    return "\n".join(
        "  ".join([row[0].rjust(widths[0]), *(cell.ljust(width) for cell, width
                                              in zip(row[1:], widths[1:], strict=True))]).rstrip()
        for row in table
    )


def write_file(path: str, text: str) -> None:
    """Write *text* (UTF-8) to *path* atomically: a temporary file renamed over it,
    so a reader never sees half a report or half a baseline."""
    import tempfile

    directory = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(
        prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def rule_table(
    modules: Mapping[str, ModuleType], enabled: frozenset[str], levels: Mapping[str, str]
) -> str:
    """``--list-rules``: one aligned row per rule."""
    rows = [("rule", "level", "enabled", "fix", "summary")]
    for rule_id, module in modules.items():
        rows.append((
            rule_id, levels[rule_id], "on" if rule_id in enabled else "off",
            module.FIX or "-", summary_line(module),
        ))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True))
        + "  " + row[4]
        for row in rows
    )


def rule_records(
    modules: Mapping[str, ModuleType], enabled: frozenset[str], levels: Mapping[str, str]
) -> str:
    """``--list-rules --format json``."""
    import json

    return json.dumps(
        [
            {
                "rule": rule_id, "level": levels[rule_id], "enabled": rule_id in enabled,
                "fix": module.FIX, "formats": sorted(module.FORMATS),
                "summary": summary_line(module),
            }
            for rule_id, module in modules.items()
        ],
        indent=2,
    )
