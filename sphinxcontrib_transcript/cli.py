"""``transcript-lint``: lint WebVTT, SRT, timestamped-text and JSON transcripts.

Usage: ``transcript-lint [options] [PATH ...]`` (also ``python -m
sphinxcontrib_transcript``).  Directories are walked for ``.vtt`` and ``.srt``
files, and for ``.txt`` and ``.json`` files whose content is a transcript;
hidden directories, ``node_modules``, ``__pycache__`` and virtual environments
are passed over.  Files named on the command line are always read, except
``.txt`` and ``.json`` files that are plainly not transcripts (a README, a
``package.json``), which are skipped without a word (``--verbose`` names them)
so that the pre-commit hook can match every ``.txt`` and ``.json``.

Exit status:

``0``  no problem at error level (with ``--strict``: no problem at all);
       also when the paths hold no transcript (a warning says so);
``1``  a problem at error level (``--strict``: any problem), a file that could
       not be read or written, or with ``--diff`` a change that would be made;
``2``  a usage or configuration error, or a path that does not exist: one
       line on stderr, nothing linted.

Start-up time matters (a pre-commit hook runs this on every commit): this
module imports only :mod:`os` and :mod:`sys` (and two small modules) at the
top; :mod:`argparse` only for a command line with options
(:mod:`sphinxcontrib_transcript._arguments`), the linter, JSON,
:mod:`difflib` and process pools when used, and Sphinx and docutils never.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator, Sequence

from . import __version__
from ._options import PROG, defaults, note
from ._options import Exit as _Exit
from ._options import Outcome as _Outcome
from ._options import UsageError as _UsageError

TYPE_CHECKING = False  # not typing's: importing typing costs start-up time
if TYPE_CHECKING:
    import argparse
    from typing import NoReturn

    from .lint import Config, Problem
    from .lint.configs import Configs

#: Directories never walked into (hidden ones and virtual environments neither).
SKIP_DIRS = frozenset({"node_modules", "__pycache__", "site-packages", "_build"})

_BUG = "this is a bug in transcript-lint: please report it"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used by the docs)."""
    from ._arguments import build_parser

    return build_parser()


def parse_args(argv: list[str]) -> argparse.Namespace:
    """*argv* read as :func:`build_parser` reads it.

    A pre-commit hook runs ``transcript-lint`` with nothing but file names:
    those are read here directly, which spares importing argparse (and with it
    gettext and locale) and building the parser, a fifth of the start-up time.
    """
    if any(arg.startswith("-") for arg in argv):
        return build_parser().parse_args(argv)
    from types import SimpleNamespace

    namespace = SimpleNamespace(**defaults(), paths=list(argv))
    return namespace  # type: ignore[return-value]  # the attributes a Namespace has


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``transcript-lint``; return the exit status (never raises, never exits)."""
    for stream in (sys.stdout, sys.stderr):
        # A message quoting the file's text must not fail on a terminal that
        # cannot show it (PYTHONIOENCODING=ascii, a Windows console).
        try:  # noqa: SIM105 - contextlib.suppress: importing contextlib costs start-up time
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            pass
    # Linting makes and drops thousands of containers per file, none of them in
    # reference cycles; the cyclic collector would run every 700 of them and
    # now and then walk every object of the process (6 % of a 200-file run).
    # It runs far less often while this call lasts.
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], _GC_THRESHOLD), *thresholds[1:])
    try:
        return _run(list(sys.argv[1:] if argv is None else argv))
    except _Exit as done:
        return done.status
    except _UsageError as exc:
        return _fail(f"{exc} (see {PROG} --help)")
    except KeyboardInterrupt:
        sys.stderr.write(f"{PROG}: interrupted\n")
        return 130
    except BrokenPipeError:
        # Output piped into `head` and the like: stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except Exception as exc:
        from .lint import ConfigError

        if isinstance(exc, ConfigError):
            return _fail(str(exc))
        return _fail(f"internal error ({type(exc).__name__}: {exc}); {_BUG}")
    finally:
        gc.set_threshold(*thresholds)


def run() -> NoReturn:
    """The ``transcript-lint`` command (and ``python -m sphinxcontrib_transcript``):
    :func:`main` on the command line, then exit with its status.

    Before exiting, every object left is moved out of the cyclic garbage
    collector's reach (:func:`gc.freeze`): the interpreter's teardown would
    otherwise walk them all, to find no garbage, and that walk was a tenth of
    a pre-commit hook's run.  Only here, never in :func:`main`, which a
    long-running process may call.
    """
    status = main()
    gc.freeze()
    sys.exit(status)


#: Allocations between runs of the cyclic garbage collector while linting.
_GC_THRESHOLD = 100_000


def _fail(message: str) -> int:
    sys.stderr.write(f"{PROG}: error: {message}\n")
    return 2


def _run(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.version:
        sys.stdout.write(f"{PROG} {__version__}\n")
        return 0
    if args.jobs < 0:
        raise _UsageError(f"--jobs must be 0 (one per CPU) or more, not {args.jobs}")

    from .lint.configs import Configs

    overrides = {
        "select": None if args.select is None else _split(args.select),
        "extend_select": _split(args.extend_select), "ignore": _split(args.ignore),
        "preset": args.preset,
    }
    configs = Configs(args.config, overrides, os.getcwd())
    config = configs.for_directory(os.getcwd())
    if args.verbose:
        _note(f"configuration: {config.source or 'defaults (no config file found)'}")
    if args.list_rules:
        return _list_rules(config, args.format)
    if args.explain is not None:
        return _explain(config, args.explain)

    from ._report import check_options

    check_options(args)
    paths = args.paths or ["."]
    missing = [path for path in paths if not os.path.lexists(path)]
    if missing:
        return _fail(f"{missing[0]}: no such file or directory")
    files, listing_problems, walked = _collect(paths, configs, args.verbose and not args.quiet)
    if not files and not listing_problems:
        if walked:
            _note(f"{PROG}: warning: no transcript files found in {', '.join(paths)}")
        from ._report import empty

        return empty(args)

    mode = "diff" if args.diff else "fix" if (args.fix or args.unsafe_fixes) else "check"
    keyed = bool(args.baseline or args.write_baseline or any(
        c.baseline for c in configs.used()))
    named = frozenset(path for path in paths if not os.path.isdir(path))
    settings = _Settings(configs, mode, args.unsafe_fixes, args.verbose and not args.quiet, keyed,
                         named)
    outcomes = _process_all(files, settings, args.jobs)
    if walked and not listing_problems and all(outcome.skipped for outcome in outcomes):
        for outcome in outcomes:
            for line in outcome.notes:
                _note(line)
        _note(f"{PROG}: warning: no transcript files found in {', '.join(paths)}")
        from ._report import empty

        return empty(args)
    from ._report import report

    return report(args, configs, outcomes, listing_problems)


def _split(values: Sequence[str]) -> list[str]:
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


_note = note


def _list_rules(config: Config, style: str) -> int:
    from .lint.engine import rule_modules
    from .lint.output import rule_records, rule_table

    levels = dict(config.levels)
    if style == "json":
        sys.stdout.write(rule_records(rule_modules(), config.enabled, levels) + "\n")
    else:
        sys.stdout.write(rule_table(rule_modules(), config.enabled, levels) + "\n")
    return 0


def _explain(config: Config, rule_id: str) -> int:
    from .lint.config import check_rule_id
    from .lint.engine import rule_modules
    from .lint.ruledocs import explain

    check_rule_id(rule_id, "--explain")
    module = rule_modules()[rule_id]
    sys.stdout.write(explain(module, config.levels[rule_id], rule_id in config.enabled))
    return 0


# -- finding the files ------------------------------------------------------------


def _collect(
    paths: Sequence[str], configs: Configs, verbose: bool
) -> tuple[list[str], list[Problem], bool]:
    """Files to lint (explicit ones first-come, walked ones sorted), listing problems,
    and whether any directory was walked."""
    files: list[str] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    walked = False
    for path in paths:
        if os.path.isdir(path):
            walked = True
            found = _walk(path, configs, problems, verbose)
        else:
            if configs.excludes(path):
                if verbose:
                    _note(f"{path}: skipped (excluded by the configuration)")
                continue
            found = iter([path])
        for name in found:
            key = os.path.normcase(os.path.abspath(name))
            if key not in seen:
                seen.add(key)
                files.append(name)
    return files, problems, walked


def _skipped_directory(name: str, path: str, configs: Configs) -> str | None:
    """Why a directory is not walked into, or ``None``."""
    if name.startswith("."):
        return "a hidden directory"
    if name in SKIP_DIRS:
        return "a directory of installed or built files"
    if os.path.exists(os.path.join(path, "pyvenv.cfg")):
        return "a virtual environment"
    if configs.excludes(path):
        return "excluded by the configuration"
    return None


def _walk(top: str, configs: Configs, problems: list[Problem], verbose: bool) -> Iterator[str]:
    """Transcript candidates under *top*, in sorted order, symlinked directories not followed."""
    from .lint.problems import io_problem
    from .readers.discover import CANDIDATES

    try:
        entries = sorted(os.scandir(top), key=lambda entry: entry.name)
    except OSError as exc:
        problems.append(io_problem(top, f"cannot list the directory: {exc.strerror or exc}"))
        return
    for entry in entries:
        path = os.path.join(top, entry.name) if top != "." else entry.name
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            reason = _skipped_directory(entry.name, path, configs)
            if reason is not None:
                if verbose:
                    _note(f"{path}{os.sep}: skipped ({reason})")
                continue
            yield from _walk(path, configs, problems, verbose)
            continue
        suffix = os.path.splitext(entry.name)[1].lower()
        if suffix not in CANDIDATES:
            continue
        if configs.excludes(path):
            if verbose:
                _note(f"{path}: skipped (excluded by the configuration)")
            continue
        try:
            regular = entry.is_file() or entry.is_symlink()  # dangling links get reported
        except OSError:
            regular = True
        if regular:
            yield path


# -- linting one file ---------------------------------------------------------------


# Plain classes, not dataclasses: creating a dataclass costs a couple of
# milliseconds at import, and start-up time is what a pre-commit hook pays.
class _Settings:
    """What every file is processed with (pickled to worker processes)."""

    __slots__ = ("configs", "keyed", "mode", "named", "unsafe", "verbose")

    def __init__(  # noqa: PLR0917 - one place makes it, positionally
        self, configs: Configs, mode: str, unsafe: bool, verbose: bool, keyed: bool,
        named: frozenset[str] = frozenset(),
    ) -> None:
        self.configs = configs
        self.mode = mode  # "check", "fix" or "diff"
        self.unsafe = unsafe
        self.verbose = verbose
        self.keyed = keyed  # give each problem its baseline key
        self.named = named  # the files named on the command line


def _process_all(files: list[str], settings: _Settings, jobs: int) -> list[_Outcome]:
    if jobs == 0:
        jobs = os.cpu_count() or 1
    if jobs > 1 and len(files) > 1:
        try:
            from concurrent.futures import ProcessPoolExecutor
            from functools import partial

            workers = min(jobs, len(files))
            with ProcessPoolExecutor(max_workers=workers) as pool:
                chunk = max(1, len(files) // (workers * 4))
                return list(pool.map(partial(process_file, settings=settings), files,
                                     chunksize=chunk))
        except Exception as exc:  # no /dev/shm, fork refused...: one process will do
            _note(f"{PROG}: --jobs {jobs}: no process pool ({type(exc).__name__}: {exc}); "
                  "linting in one process")
    return [process_file(path, settings=settings) for path in files]


def process_file(path: str, *, settings: _Settings) -> _Outcome:
    """Lint (and fix, or diff) one file; every failure becomes a problem, never a raise."""
    outcome = _Outcome(path)
    try:
        _process(path, settings, outcome)
    except Exception as exc:
        from .lint.problems import internal_problem

        outcome.problems.append(internal_problem(path, "linting the file", exc))
    return outcome


def _process(path: str, settings: _Settings, outcome: _Outcome) -> None:
    import stat

    from .lint import lint_bytes
    from .lint.problems import io_problem

    try:
        info = os.stat(path)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        if os.path.islink(path):
            reason = f"it is a symbolic link to {os.readlink(path)!r}, which does not exist"
        outcome.problems.append(io_problem(path, f"cannot read the file: {reason}"))
        return
    if stat.S_ISDIR(info.st_mode):
        outcome.problems.append(io_problem(path, "is a directory, not a transcript file"))
        return
    if not stat.S_ISREG(info.st_mode):
        outcome.problems.append(io_problem(
            path, "not a regular file (a FIFO, socket or device); not read"))
        return
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        outcome.problems.append(io_problem(
            path, f"cannot read the file: {exc.strerror or exc}; check that it is readable"))
        return
    from .decoding import SNIFF_BYTES, is_binary
    from .readers.discover import file_suffix, skip_reason

    skipped = skip_reason(data, file_suffix(path))
    if skipped is not None:
        outcome.skipped = True
        # Named on the command line (a pre-commit hook names every .txt), one
        # line; found by the walk, a line for --verbose.
        if settings.verbose or path in settings.named:
            outcome.notes.append(f"{path}: not a transcript, not linted ({skipped})")
        return
    if is_binary(data[:SNIFF_BYTES]):
        outcome.problems.append(io_problem(
            path,
            "binary content, not text (NUL or control bytes in its first 8 KB); "
            "if it is UTF-16 without a byte order mark, re-save it as UTF-8",
        ))
        return

    config = settings.configs.for_path(path)
    if settings.mode == "check":
        outcome.problems = lint_bytes(data, path, config)
        _key(outcome, data, settings)
        return
    from .lint.fixing import FileState, WriteRefused, fix_report, write_atomic

    result = fix_report(data, path, config, unsafe=settings.unsafe)
    for rule_id, reason in result.rejected:
        outcome.notes.append(f"{path}: fix for [{rule_id}] not applied: {reason}")
    said = [f"{path}: [{rule_id}] {note}" for rule_id, note in result.notes]
    if settings.mode == "diff":
        if result.data != data:
            outcome.diff = unified_diff(path, data, result.data)
            outcome.notes.extend(said)
        # What would remain after the fixes: errors among them still fail the run.
        outcome.problems = lint_bytes(result.data, path, config)
        _key(outcome, result.data, settings)
        return
    final = data
    if result.data != data:
        try:
            write_atomic(path, result.data, data, FileState.of(info))
        except WriteRefused as exc:
            outcome.problems.append(io_problem(path, f"not fixed: {exc}"))
        else:
            final = result.data
            outcome.notes.append(f"{path}: fixed ({', '.join(result.applied)})")
            outcome.notes.extend(said)
    outcome.problems.extend(lint_bytes(final, path, config))
    _key(outcome, final, settings)


def _key(outcome: _Outcome, data: bytes, settings: _Settings) -> None:
    """Give each problem its baseline key (the content of its line), when asked."""
    if settings.keyed and outcome.problems:
        from .lint.baseline import contents

        outcome.keys = contents(outcome.problems, data)


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

