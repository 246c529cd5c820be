"""What ``transcript-lint``'s command line and its argument parser share.

:mod:`~sphinxcontrib_transcript.cli` reads a command line of nothing but
paths without argparse; :mod:`~sphinxcontrib_transcript._arguments` builds
the parser for any other.  Both take the program name, the option defaults
the two exceptions, :func:`note` and :class:`Outcome` from here, so neither imports the other
(nor does :mod:`~sphinxcontrib_transcript._report`, which reports for the CLI).
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # not typing's: importing typing costs start-up time
if TYPE_CHECKING:
    from .lint.problems import Problem

PROG = "transcript-lint"


class UsageError(Exception):
    """A bad command line: one line on stderr, exit status 2."""


class Exit(Exception):
    """Stop with *status* (``--help``, ``--version``)."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


def defaults() -> dict[str, object]:
    """Every option's value when it is not given: the one source of them, for
    the parser and for a command line of nothing but paths."""
    return {
        "format": "text", "select": None, "extend_select": [], "ignore": [], "preset": None,
        "fix": False, "unsafe_fixes": False, "diff": False, "strict": False, "config": None,
        "jobs": 1, "list_rules": False, "explain": None, "verbose": False, "version": False,
        "statistics": False, "quiet": False, "output_file": None, "baseline": None,
        "write_baseline": None,
    }


def note(message: str) -> None:
    """A line on stderr (after whatever stdout holds, so a terminal keeps their order)."""
    sys.stdout.flush()
    sys.stderr.write(message + "\n")


class Outcome:
    """What processing one file gave: problems, notes for stderr, a diff."""

    __slots__ = ("diff", "keys", "notes", "path", "problems", "skipped")

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.notes: list[str] = []
        self.diff = ""
        self.keys: list[str] = []  # each problem's baseline key, when asked for
        self.skipped = False  # not a transcript: not linted
