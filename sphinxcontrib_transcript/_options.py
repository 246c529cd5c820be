"""What ``transcript-lint``'s command line and its argument parser share.

:mod:`~sphinxcontrib_transcript.cli` reads a command line of nothing but
paths without argparse; :mod:`~sphinxcontrib_transcript._arguments` builds
the parser for any other.  Both take the program name, the option defaults
and the two exceptions from here, so neither imports the other.
"""

from __future__ import annotations

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
    }
