"""Finding transcripts in the directories given to ``transcript-lint``.

Apart from :mod:`~sphinxcontrib_transcript.cli` because only a directory on
the command line needs it: a pre-commit hook names files, and so never
imports this module.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from ._options import note as _note

TYPE_CHECKING = False  # not typing's: importing typing costs start-up time
if TYPE_CHECKING:
    from .lint import Problem
    from .lint.configs import Configs

#: Directories never walked into (hidden ones and virtual environments neither).
SKIP_DIRS = frozenset({"node_modules", "__pycache__", "site-packages", "_build"})


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


def walk(top: str, configs: Configs, problems: list[Problem], verbose: bool) -> Iterator[str]:
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
            yield from walk(path, configs, problems, verbose)
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
