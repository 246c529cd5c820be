"""The transcript linter: public API for the CLI and the Sphinx extension.

.. code-block:: python

    from sphinxcontrib_transcript.lint import load_config, lint_bytes, fix_bytes

    config = load_config(None, ".")          # [tool.transcript-lint], found upwards
    for problem in lint_bytes(data, "episode.vtt", config):
        print(problem)                        # episode.vtt:12:1: error [cue-order] ...
    fixed = fix_bytes(data, "episode.vtt", config, unsafe=False)

Nothing here imports Sphinx or docutils.
"""

from __future__ import annotations

from .config import Config, resolve
from .configs import load_config
from .engine import Problem, build_context, fix_kind, lint_bytes, lint_path
from .validation import ConfigError

# Not typing.TYPE_CHECKING: importing typing costs a pre-commit hook start-up
# time; checkers treat any TYPE_CHECKING name alike.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .fixing import FixResult, WriteRefused, fix_bytes, fix_report, write_atomic

# The fix machinery loads on first use: a plain lint run (the pre-commit hook's
# usual case) does not pay for its import.
_FIXING = frozenset({"FixResult", "WriteRefused", "fix_bytes", "fix_report", "write_atomic"})


def __getattr__(name: str) -> Any:
    if name in _FIXING:
        from . import fixing

        return getattr(fixing, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "Config",
    "ConfigError",
    "FixResult",
    "Problem",
    "WriteRefused",
    "build_context",
    "fix_bytes",
    "fix_kind",
    "fix_report",
    "lint_bytes",
    "lint_path",
    "load_config",
    "resolve",
    "write_atomic",
]
