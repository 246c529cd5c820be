"""The baseline: today's problems, accepted, so that only new ones are reported.

``transcript-lint --write-baseline FILE PATHS`` records every problem found;
``--baseline FILE`` (or ``baseline = "FILE"`` in the configuration) then
reports only the problems that are not in it.

A problem's identity must survive edits elsewhere in its file, so it is not
its line number: it is the file (relative to the baseline's directory, with
``/``), the rule, and the *content* of the offending line, whitespace
collapsed.  Where one key occurs several times in a file (the same timing
line twice, ``you know,`` duplicated all over), the baseline holds a count,
and occurrences beyond it are new.  The message is not part of the key: many
messages quote line numbers or times of other cues, which shift.

Entries no run matches any more are *stale*: reported as a notice so the
baseline can shrink as problems are fixed; writing the baseline again prunes
them.  Only files linted in the run (and files that no longer exist) are
judged, so a pre-commit hook passing a few files does not call the rest
stale.

The file is JSON, keys sorted, one entry per line, so that its diffs read
well in review::

    {
      "files": {
        "talks/ep1.vtt": {
          "cue-order": {
            "00:01:05.000 --> 00:01:07.500": 1
          }
        }
      },
      "tool": "transcript-lint",
      "version": 1
    }
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence

from ..decoding import decode, split_lines
from .problems import INTERNAL_ERROR, IO_ERROR, Problem
from .validation import ConfigError

#: The version of the file layout written (and the only one read).
VERSION = 1
#: Rule IDs never recorded: they are about the run, not the content.
NEVER = frozenset({INTERNAL_ERROR, IO_ERROR})

# {file: {rule: {content: count}}}
Entries = dict[str, dict[str, dict[str, int]]]


class BaselineError(ConfigError):
    """A baseline file that cannot be read; ``str()`` says which and what to do (a
    kind of configuration error: the run stops with exit status 2)."""


def normalise(line: str) -> str:
    """A line as the baseline keys it: whitespace runs collapsed, ends stripped."""
    return " ".join(line.split())


def contents(problems: Sequence[Problem], data: bytes) -> list[str]:
    """The normalised content of each problem's line in *data* (``""`` past the end)."""
    if not problems:
        return []
    lines = split_lines(decode(data).text)
    return [
        normalise(lines[problem.line - 1]) if 0 < problem.line <= len(lines) else ""
        for problem in problems
    ]


class Stale:
    """Baseline entries that matched nothing: *count* of (*file*, *rule*, *content*)."""

    __slots__ = ("content", "count", "file", "rule")

    def __init__(self, file: str, rule: str, content: str, count: int) -> None:
        self.file, self.rule, self.content, self.count = file, rule, content, count

    def __str__(self) -> str:
        times = f" ({self.count} times)" if self.count > 1 else ""
        shown = self.content if len(self.content) <= 60 else self.content[:57] + "..."
        return f"{self.file} [{self.rule}] {shown!r}{times}"


class Baseline:
    """A baseline file's entries, and the directory its paths are relative to."""

    def __init__(self, path: str, entries: Entries | None = None) -> None:
        self.path = os.path.abspath(path)
        self.root = os.path.dirname(self.path)
        self.entries: Entries = entries if entries is not None else {}

    @classmethod
    def load(cls, path: str) -> Baseline:
        """Read *path*.

        :raises BaselineError: when it is missing, unreadable or not a baseline.
        """
        try:
            with open(path, "rb") as handle:
                document = json.loads(handle.read().decode("utf-8"))
        except FileNotFoundError:
            raise BaselineError(
                f"{path}: baseline file not found; create it with "
                f"`transcript-lint --write-baseline {path} PATHS`"
            ) from None
        except OSError as exc:
            raise BaselineError(
                f"{path}: cannot read the baseline: {exc.strerror or exc}") from None
        except (UnicodeDecodeError, ValueError) as exc:
            raise BaselineError(
                f"{path}: not a baseline (invalid JSON: {exc}); write it again with "
                "--write-baseline"
            ) from None
        return cls(path, _entries(document, path))

    def key(self, path: str) -> str:
        """*path* as the baseline names it: relative to its directory, with ``/``."""
        absolute = os.path.abspath(path)
        try:
            relative = os.path.relpath(absolute, self.root)
        except ValueError:  # another drive on Windows
            relative = absolute
        return relative.replace(os.sep, "/")

    def filter(
        self, problems: Sequence[Problem], keys: Sequence[str], linted: Iterable[str]
    ) -> tuple[list[Problem], list[Stale]]:
        """The problems not in the baseline, and the entries nothing matched.

        :param keys: each problem's content (:func:`contents`), in the same order.
        :param linted: the files linted in this run (only they, and files that
            no longer exist, can have stale entries).
        """
        used: dict[tuple[str, str, str], int] = {}
        new: list[Problem] = []
        for problem, content in zip(problems, keys, strict=True):
            file = self.key(problem.path)
            allowed = self.entries.get(file, {}).get(problem.rule, {}).get(content, 0)
            key = (file, problem.rule, content)
            seen = used.get(key, 0)
            if problem.rule in NEVER or seen >= allowed:
                new.append(problem)
            else:
                used[key] = seen + 1
        judged = {self.key(path) for path in linted}
        stale = [
            Stale(file, rule, content, count - used.get((file, rule, content), 0))
            for file, rules in sorted(self.entries.items())
            if file in judged or not os.path.exists(os.path.join(self.root, file))
            for rule, counts in sorted(rules.items())
            for content, count in sorted(counts.items())
            if used.get((file, rule, content), 0) < count
        ]
        return new, stale

    def record(
        self, problems: Sequence[Problem], keys: Sequence[str], linted: Iterable[str]
    ) -> int:
        """Replace the entries of the *linted* files with *problems*; drop entries of
        files that no longer exist.  Returns how many problems were recorded."""
        for path in linted:
            self.entries.pop(self.key(path), None)
        for file in list(self.entries):
            if not os.path.exists(os.path.join(self.root, file)):
                del self.entries[file]
        recorded = 0
        for problem, content in zip(problems, keys, strict=True):
            if problem.rule in NEVER:
                continue
            counts = self.entries.setdefault(self.key(problem.path), {}).setdefault(
                problem.rule, {})
            counts[content] = counts.get(content, 0) + 1
            recorded += 1
        return recorded

    def dumps(self) -> str:
        """The file's text: stable, sorted, one entry per line."""
        document = {"files": self.entries, "tool": "transcript-lint", "version": VERSION}
        return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"

    def write(self) -> None:
        """Write the baseline atomically (a temporary file renamed over it)."""
        from .output import write_file

        write_file(self.path, self.dumps())


def _entries(document: object, path: str) -> Entries:
    """The ``files`` table of a baseline document, checked."""
    if not isinstance(document, Mapping) or document.get("version") != VERSION:
        raise BaselineError(
            f"{path}: not a transcript-lint baseline of version {VERSION}; write it again "
            "with --write-baseline"
        )
    files = document.get("files")
    ok = isinstance(files, Mapping) and all(
        isinstance(rules, Mapping) and all(
            isinstance(counts, Mapping) and all(
                isinstance(content, str) and type(count) is int and count > 0
                for content, count in counts.items()
            )
            for counts in rules.values()
        )
        for rules in files.values()
    )
    if not ok:
        raise BaselineError(
            f"{path}: the baseline's \"files\" must map file -> rule -> line -> count; "
            "write it again with --write-baseline"
        )
    assert isinstance(files, Mapping)
    return {file: {rule: dict(counts) for rule, counts in rules.items()}
            for file, rules in files.items()}
