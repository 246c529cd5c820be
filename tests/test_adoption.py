"""Adopting transcript-lint in a dirty repository, end to end, with the real
pre-commit framework (as ``docs/adopting.rst`` tells it).

A throwaway git repository holds copies of real talk-python transcripts with
known defects.  The baseline is written and committed, and from then on the
hook (installed by ``pre-commit install`` from ``HEAD`` of this checkout, like
``tests/test_precommit.py``: commit before trusting it) lets old problems
pass, wherever they move, and refuses new ones.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import CORPUS
from .test_precommit import CHECKOUT, PRE_COMMIT, environment, git, head, must, new_repo

__all__ = ["environment", "head"]  # fixtures shared with test_precommit

VTT = "214-Python-3-8-and-beyond.vtt"
TXT = "484-from-react-to-a-django-htmx-based-stack.txt"
BASELINE = "transcript-lint-baseline.json"


def lint(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sphinxcontrib_transcript", *args], cwd=repo,
        capture_output=True, text=True, check=False, timeout=300,
    )


def commit_all(repo: Path, message: str, env: dict[str, str]) -> tuple[int, str]:
    """Commit everything; the status and what the hook printed (git shows it on stderr)."""
    must(git(repo, "add", "-A", env=env))
    done = git(repo, "commit", "-q", "-m", message, env=env)
    return done.returncode, done.stdout + done.stderr


def known(output: str) -> int:
    """How many problems the baseline hid, over every batch pre-commit ran."""
    return sum(int(n) for n in re.findall(r"^(\d+) known problems? not shown", output, re.M))


def insert(path: Path, before_line: int, text: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[before_line - 1 : before_line - 1] = text.split("\n")
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture
def dirty_repo(
    tmp_path: Path, environment: dict[str, str], head: str
) -> Path:
    """Every corpus transcript under ``talks/``, the hook installed, nothing committed."""
    assert PRE_COMMIT is not None, "pre-commit is part of the test extra"
    repo = new_repo(tmp_path / "show", environment)
    (repo / "talks").mkdir()
    for path in CORPUS.iterdir():
        if path.suffix in (".vtt", ".txt"):
            shutil.copy(path, repo / "talks" / path.name)
    (repo / "pyproject.toml").write_text(
        f'[tool.transcript-lint]\nbaseline = "{BASELINE}"\n', encoding="utf-8")
    # verbose: pre-commit shows a passing hook's output too (the baseline's notices).
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {os.path.relpath(CHECKOUT, repo)}\n"
        f"    rev: {head}\n"
        "    hooks:\n"
        "      - id: transcript-lint\n"
        "        verbose: true\n",
        encoding="utf-8",
    )
    install = subprocess.run(
        [PRE_COMMIT, "install", "--install-hooks"], cwd=repo, env=environment,
        capture_output=True, text=True, check=False, timeout=900,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    return repo


def test_adopting_on_a_dirty_repository(dirty_repo: Path, environment: dict[str, str]) -> None:
    repo, env = dirty_repo, environment
    before = lint(repo, "talks")
    assert before.returncode == 1
    problems = before.stdout.count("\n")
    assert problems > 20

    # Before the baseline is written, the hook refuses the dirty files.
    status, output = commit_all(repo, "transcripts", env)
    assert status != 0
    assert f"{BASELINE} (the configuration's baseline) does not exist yet" in output
    assert f"talks/{TXT}:681:1: error [cue-order]" in output  # the cue pasted too high
    must(git(repo, "reset", "-q", env=env))

    # 1. Record today's problems and commit: the hook passes.
    written = lint(repo, "--write-baseline", BASELINE, ".")
    assert written.returncode == 0, written.stderr
    assert f"recorded {problems} problems" in written.stderr
    status, output = commit_all(repo, "transcripts and their baseline", env)
    assert status == 0, output
    assert "Passed" in output and known(output) == problems

    # 2. Blank lines above old problems move them all down: still known, still passes.
    insert(repo / "talks" / VTT, 3, "\n\n")
    insert(repo / "talks" / TXT, 1, "\n\n\n\n")
    status, output = commit_all(repo, "blank lines", env)
    assert status == 0, output
    assert "Passed" in output and known(output) == 4  # the two files' problems

    # 3. A new out-of-order cue in a baselined file (one with cue-order entries): refused,
    # naming the line.
    insert(repo / "talks" / TXT, 25, "00:02:00 A line pasted in the wrong place.\n")
    status, output = commit_all(repo, "a new problem", env)
    assert status != 0
    assert "Failed" in output
    assert f"talks/{TXT}:" in output and ": error [cue-order]" in output
    lines = [line for line in output.splitlines() if f"talks/{TXT}:" in line]
    assert len(lines) == 1, output
    line = int(lines[0].split(":")[1])
    text = (repo / "talks" / TXT).read_text(encoding="utf-8").split("\n")
    after = next(number for number in range(26, len(text)) if text[number - 1].strip())
    assert line == 25 != after  # the pasted line, not the cue after it
    must(git(repo, "reset", "-q", env=env))
    must(git(repo, "checkout", "-q", "--", f"talks/{TXT}", env=env))

    # 4. Fix an old problem: the stale entry is reported (not a failure) ...
    text = (repo / "talks" / TXT).read_text(encoding="utf-8")
    (repo / "talks" / TXT).write_text(
        text.replace("00:28:23 the moment", "00:28:16 the moment"), encoding="utf-8")
    status, output = commit_all(repo, "fix a cue's time", env)
    assert status == 0, output
    assert (
        f"1 baseline entry no longer found (fixed?): talks/{TXT} [cue-order] "
        "'00:28:23 the moment. I have a one that I created for a Ji...'"
    ) in output

    # ... and writing the baseline again prunes it.
    pruned = lint(repo, "--write-baseline", BASELINE, ".")
    assert "1 stale entry pruned" in pruned.stderr
    entries = json.loads((repo / BASELINE).read_text(encoding="utf-8"))["files"]
    assert not any(key.startswith("00:28:") for key in entries[f"talks/{TXT}"]["cue-order"])
    status, output = commit_all(repo, "prune the baseline", env)
    assert status == 0, output
    assert "no longer found" not in output
