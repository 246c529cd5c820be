"""``transcript-lint --fix``, ``--unsafe-fixes`` and ``--diff`` on one file:
the fixes made, then written atomically or shown as a diff.

Apart from :mod:`~sphinxcontrib_transcript.cli` because only those options
need it (with :mod:`difflib` and the fixing machinery): a plain lint run never
imports this module.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing's: importing typing costs start-up time
if TYPE_CHECKING:
    import os

    from ._options import Outcome
    from .lint import Config


def fix_file(
    path: str, data: bytes, info: os.stat_result, config: Config, outcome: Outcome, *,
    unsafe: bool, diff: bool,
) -> bytes:
    """Fix *data* (the content of *path*, as :func:`os.stat` found it in *info*);
    write the result, or with *diff* put the change in *outcome*.

    Returns the content to lint next: what would remain after the fixes.
    Refusals, notes and a file that could not be written go to *outcome*.
    """
    from .lint.fixing import FileState, WriteRefused, fix_report, write_atomic
    from .lint.problems import io_problem

    result = fix_report(data, path, config, unsafe=unsafe)
    for rule_id, reason in result.rejected:
        outcome.notes.append(f"{path}: fix for [{rule_id}] not applied: {reason}")
    said = [f"{path}: [{rule_id}] {note}" for rule_id, note in result.notes]
    if diff:
        if result.data != data:
            outcome.diff = unified_diff(path, data, result.data)
            outcome.notes.extend(said)
        # What would remain after the fixes: errors among them still fail the run.
        return result.data
    if result.data == data:
        return data
    try:
        write_atomic(path, result.data, data, FileState.of(info))
    except WriteRefused as exc:
        outcome.problems.append(io_problem(path, f"not fixed: {exc}"))
        return data
    outcome.notes.append(f"{path}: fixed ({', '.join(result.applied)})")
    outcome.notes.extend(said)
    return result.data


def unified_diff(path: str, before: bytes, after: bytes) -> str:
    """The change from *before* to *after* as a unified diff (bytes shown as UTF-8,
    other bytes as ``\\xNN``); line-ending changes show as changed lines."""
    import difflib
    import re

    # Lines end at CRLF, CR or LF only (str.splitlines would also break at
    # U+2028 and form feeds, which transcripts may hold in their text).
    ends = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
    old = ends.findall(before.decode("utf-8", errors="backslashreplace"))
    new = ends.findall(after.decode("utf-8", errors="backslashreplace"))
    out: list[str] = []
    for line in difflib.unified_diff(old, new, path, path):
        if line.endswith("\n"):
            out.append(line)
        elif line.endswith("\r"):
            out.append(line + "\n")
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)
