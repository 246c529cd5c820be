"""The code passes the project's static checks, run as part of the test suite.

``ruff check`` (config in ``pyproject.toml``) over the package and the tests,
and ``mypy`` (``strict = true`` over the package, from ``pyproject.toml``).
Both run from the interpreter running the tests, so the versions are the ones
the ``test`` extra installed; the tool's output is the assertion message.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )


def test_ruff_check_is_clean() -> None:
    result = _run("ruff", "check", "--no-cache", "sphinxcontrib_transcript", "tests")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_is_clean() -> None:
    result = _run("mypy")
    assert "strict = true" in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout, result.stdout
