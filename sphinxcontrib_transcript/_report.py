"""What ``transcript-lint`` does once every file is linted: the baseline, then the
report (problems, statistics, diffs), where it goes, and the exit status.

Apart from :mod:`~sphinxcontrib_transcript.cli`, which finds and lints the
files, to keep each module to one job.  Like it, this module imports only
what the options given need.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from ._options import PROG
from ._options import UsageError as _UsageError
from ._options import note as _note

TYPE_CHECKING = False  # not typing's: importing typing costs start-up time
if TYPE_CHECKING:
    import argparse

    from ._options import Outcome as _Outcome
    from .lint import Problem
    from .lint.baseline import Baseline, Stale
    from .lint.configs import Configs

#: Problems shown per stale baseline notice before "and N more".
_STALE_SHOWN = 5


def check_options(args: argparse.Namespace) -> None:
    """Refuse combinations of options that make no sense together."""
    if args.write_baseline and (args.fix or args.unsafe_fixes or args.diff):
        raise _UsageError(
            "--write-baseline records problems as they are: not with --fix or --diff")
    if args.write_baseline and args.baseline:
        raise _UsageError(
            "--write-baseline writes a baseline: --baseline would hide what it records")
    if args.statistics and args.format in ("github", "sarif", "junit"):
        raise _UsageError(f"--statistics prints text or json, not {args.format}")


def empty(args: argparse.Namespace) -> int:
    """No transcript found: formats that are documents still print one."""
    if args.write_baseline:
        baseline = _load(args.write_baseline, missing_ok=True)
        baseline.record([], [], [])
        baseline.write()
    if args.format in ("json", "sarif", "junit") and not args.diff:
        _emit(args, _text([], args, [], None))
    return 0


def report(
    args: argparse.Namespace,
    configs: Configs,
    outcomes: Sequence[_Outcome],
    listing: list[Problem],
) -> int:
    """Print what the run found (and write the baseline); return the exit status."""
    if not args.quiet:
        for outcome in outcomes:
            for note in outcome.notes:
                _note(note)
    files = [outcome.path for outcome in outcomes]
    if args.write_baseline:
        return _write_baseline(args.write_baseline, outcomes, files)

    stale: list[tuple[Baseline, list[Stale]]] = []
    problems = list(listing)
    accepted = 0
    for baseline, group in _by_baseline(args, configs, outcomes):
        found = [problem for outcome in group for problem in outcome.problems]
        if baseline is None:
            problems += found
            continue
        keys = [key for outcome in group for key in _keys(outcome)]
        new, lost = baseline.filter(found, keys, [outcome.path for outcome in group])
        accepted += len(found) - len(new)
        problems += new
        if lost:
            stale.append((baseline, lost))
    problems.sort()

    failing = [p for p in problems if args.strict or p.level == "error"]
    shown = failing if args.quiet else problems
    diffs = [outcome.diff for outcome in outcomes if outcome.diff]
    if args.diff:
        sys.stdout.write("".join(diffs))
        if failing:  # what no fix repairs: on stderr, so stdout stays a patch
            _note("".join(f"{problem}\n" for problem in failing).rstrip("\n"))
    else:
        _emit(args, _text(shown, args, files, configs))
    if not args.quiet:
        _notices(args, problems, diffs, accepted, stale)
        if args.verbose:
            _unmatched(configs, files)
    failed = bool(failing) or bool(diffs) or (args.strict and bool(stale))
    return 1 if failed else 0


def _notices(
    args: argparse.Namespace,
    problems: list[Problem],
    diffs: list[str],
    accepted: int,
    stale: list[tuple[Baseline, list[Stale]]],
) -> None:
    if args.diff and diffs:
        _note(f"{len(diffs)} file{'s' if len(diffs) != 1 else ''} would be fixed")
    elif problems and not args.diff:
        from .lint import fix_kind
        from .lint.output import summary

        # Only what the fixes will change (a rule marks what its fix leaves alone).
        safe = sum(1 for p in problems if p.fixable and fix_kind(p.rule) == "safe")
        unsafe = sum(1 for p in problems if p.fixable and fix_kind(p.rule) == "unsafe")
        _note(summary(problems, safe, unsafe))
    if accepted:
        _note(f"{accepted} known problem{'s' if accepted != 1 else ''} not shown "
              "(in the baseline)")
    for baseline, lost in stale:
        count = sum(entry.count for entry in lost)
        listed = "; ".join(str(entry) for entry in lost[:_STALE_SHOWN])
        more = f"; and {len(lost) - _STALE_SHOWN} more" if len(lost) > _STALE_SHOWN else ""
        _note(
            f"{PROG}: notice: {_shown_path(baseline.path)}: {count} baseline "
            f"entr{'ies' if count != 1 else 'y'} no longer found (fixed?): {listed}{more}; "
            f"prune them with --write-baseline {_shown_path(baseline.path)}"
        )


def _text(
    problems: list[Problem], args: argparse.Namespace, files: list[str], configs: Configs | None
) -> str:
    """The report in the chosen format, with a final line break (or ``""``)."""
    if args.statistics:
        from .lint.output import statistics

        shown = problems or args.format == "json"
        return statistics(problems, args.format) + "\n" if shown else ""
    if not problems and args.format in ("text", "github"):
        return ""
    if args.format == "text":
        return "".join(f"{problem}\n" for problem in problems)
    from .lint.output import format_problems

    config_for = configs.for_path if configs is not None else None
    return format_problems(problems, args.format, files, config_for) + "\n"


def _emit(args: argparse.Namespace, text: str) -> None:
    if args.output_file:
        from .lint.output import write_file

        try:
            write_file(args.output_file, text)
        except OSError as exc:
            raise _UsageError(
                f"--output-file {args.output_file}: cannot write it: {exc.strerror or exc}"
            ) from None
    elif text:
        sys.stdout.write(text)


def _keys(outcome: _Outcome) -> list[str]:
    # A file that could not be read has problems but no content to key them on.
    keys = outcome.keys
    return keys if len(keys) == len(outcome.problems) else [""] * len(outcome.problems)


def _load(path: str, *, missing_ok: bool = False) -> Baseline:
    """The baseline at *path* (a new one if it may be missing); a bad one raises
    :class:`~.lint.baseline.BaselineError`, a configuration error."""
    from .lint.baseline import Baseline

    if missing_ok and not os.path.exists(path):
        return Baseline(path)
    return Baseline.load(_shown_path(path))


def _by_baseline(
    args: argparse.Namespace, configs: Configs, outcomes: Sequence[_Outcome]
) -> list[tuple[Baseline | None, list[_Outcome]]]:
    """The outcomes grouped by the baseline that applies to their file: ``--baseline``,
    else their configuration's ``baseline``, else none."""
    groups: dict[str | None, list[_Outcome]] = {}
    for outcome in outcomes:
        path = args.baseline or configs.for_path(outcome.path).baseline
        groups.setdefault(path and os.path.abspath(path), []).append(outcome)
    found: list[tuple[Baseline | None, list[_Outcome]]] = []
    for path, group in groups.items():
        if path is None:
            found.append((None, group))
        elif not args.baseline and not os.path.exists(path):
            # Named by the configuration but not written yet: nothing is known,
            # everything is shown (while --baseline FILE missing is an error).
            _note(f"{PROG}: notice: {_shown_path(path)} (the configuration's baseline) does "
                  f"not exist yet; write it with --write-baseline {_shown_path(path)}")
            found.append((None, group))
        else:
            found.append((_load(path), group))
    return found


def _write_baseline(path: str, outcomes: Sequence[_Outcome], files: list[str]) -> int:
    baseline = _load(path, missing_ok=True)
    problems = [problem for outcome in outcomes for problem in outcome.problems]
    keys = [key for outcome in outcomes for key in _keys(outcome)]
    stale = baseline.filter(problems, keys, files)[1]
    recorded = baseline.record(problems, keys, files)
    try:
        baseline.write()
    except OSError as exc:
        raise _UsageError(
            f"--write-baseline {path}: cannot write it: {exc.strerror or exc}") from None
    pruned = sum(entry.count for entry in stale)
    detail = f"; {pruned} stale entr{'ies' if pruned != 1 else 'y'} pruned" if pruned else ""
    unrecorded = len(problems) - recorded
    if unrecorded:
        detail += (f"; {unrecorded} I/O or internal error{'s' if unrecorded != 1 else ''} "
                   "not recorded")
    _note(f"{PROG}: recorded {recorded} problem{'s' if recorded != 1 else ''} in "
          f"{len(files)} file{'s' if len(files) != 1 else ''} in {path}{detail}")
    return 1 if unrecorded else 0


def _unmatched(configs: Configs, files: list[str]) -> None:
    """``-v``: the globs of each configuration used that matched no path."""
    from .lint.configs import unmatched

    for config in configs.used():
        mine = [path for path in files if configs.for_path(path) is config]
        for glob in unmatched(config, mine, configs.excluded):
            _note(f"{config.source or 'configuration'}: {glob} matches no file")


def _shown_path(path: str) -> str:
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative
