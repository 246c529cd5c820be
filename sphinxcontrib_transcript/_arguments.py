"""``transcript-lint``'s argument parser, apart from :mod:`~sphinxcontrib_transcript.cli`
so that a command line of nothing but paths never imports :mod:`argparse`."""

from __future__ import annotations

import argparse
import os
import sys

from ._options import PROG, defaults
from ._options import Exit as _Exit
from ._options import UsageError as _UsageError

TYPE_CHECKING = False  # not typing's: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import NoReturn


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter without its import of shutil (and with it bz2 and
    lzma), which argparse does for every parser just to learn the terminal width."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=_columns() - 2)


def _columns() -> int:
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that returns instead of calling :func:`sys.exit`."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            sys.stderr.write(message)
        raise _Exit(status)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used by the docs)."""
    parser = _Parser(
        prog=PROG,
        formatter_class=_Formatter,
        description="Lint WebVTT, SRT, timestamped-text and Podcasting 2.0 JSON transcripts.",
        epilog=(
            "Exit status: 0 no error-level problem; 1 problems (warnings too with --strict), "
            "unreadable files, or a diff with --diff; 2 usage or configuration error. "
            "Configuration: [tool.transcript-lint] in pyproject.toml or .transcript-lint.toml."
        ),
    )
    add = parser.add_argument
    add("paths", nargs="*", metavar="PATH",
        help="files or directories to lint (default: the current directory)")
    add("--format", choices=("text", "json", "github", "sarif", "junit"),
        help="output format: text (path:line:col: level [rule] message), json, "
             "github (workflow annotations), sarif (SARIF 2.1.0, for code scanning) "
             "or junit (JUnit XML)")
    add("--output-file", "-o", metavar="FILE",
        help="write the problems (or statistics) to FILE instead of standard output")
    add("--statistics", action="store_true",
        help="print how many problems each rule found (with level and fix), most first")
    add("--quiet", "-q", action="store_true",
        help="print only the problems that fail the run (errors; all with --strict), "
             "and no summary or notes")
    add("--baseline", metavar="FILE",
        help="report only problems not recorded in this baseline file "
             "(default: the configuration's baseline)")
    add("--write-baseline", metavar="FILE",
        help="record every problem found in FILE as accepted (entries of files no longer "
             "found, and stale ones of the files linted, are pruned); exit 0 unless a file "
             "could not be read")
    add("--select", action="append", metavar="RULES",
        help="comma-separated rule IDs to run instead of the configured ones (ALL for every rule)")
    add("--extend-select", action="append", metavar="RULES",
        help="comma-separated rule IDs to run in addition")
    add("--ignore", action="append", metavar="RULES",
        help="comma-separated rule IDs not to run")
    add("--preset", metavar="NAME", help="apply a preset (such as podcast or netflix)")
    add("--fix", action="store_true",
        help="apply safe fixes (cannot change what is said or when) and write the files")
    add("--unsafe-fixes", action="store_true",
        help="also apply fixes that may change times or characters (implies --fix)")
    add("--diff", action="store_true",
        help="print the fixes as a unified diff instead of writing them; exit 1 if any")
    add("--strict", action="store_true", help="fail on warnings too")
    add("--config", metavar="FILE",
        help="read this configuration file instead of searching for one")
    add("--jobs", "-j", type=int, metavar="N",
        help="lint files in N processes (0: one per CPU; default 1)")
    add("--list-rules", action="store_true", help="list the rules and exit")
    add("--explain", metavar="RULE", help="show a rule's documentation and options and exit")
    add("--verbose", "-v", action="store_true",
        help="say which configuration is used, which files are skipped, and which "
             "per-file-ignores or exclude globs match nothing")
    add("--version", action="store_true", help="print the version and exit")
    parser.set_defaults(**defaults())
    return parser
