"""The hooks, installed for real into throwaway git repositories.

The pre-commit framework only ever sees *committed* code: it clones this
checkout at a commit and pip-installs it into a virtual environment of its
own.  So the framework tests below exercise ``HEAD`` of this checkout (its
``.pre-commit-hooks.yaml`` and package), not the working tree; commit before
trusting them.  The environment is built once per test session in a private
``PRE_COMMIT_HOME`` (pip fetches the build backend and dependencies from the
package index, as it would for any user).

The plain git hook (``hooks/pre-commit``) runs from the working tree, with the
``transcript-lint`` of the interpreter running the tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PRE_COMMIT = shutil.which("pre-commit", path=str(BIN)) or shutil.which("pre-commit")

BROKEN = b"""WEBVTT

00:00:05.000 --> 00:00:06.000
The second line, pasted in the wrong place.

00:00:01.000 --> 00:00:02.000
The first line.
"""
CLEAN = b"""WEBVTT

00:00:01.000 --> 00:00:02.000
The first line.

00:00:03.000 --> 00:00:04.000
The second line.
"""
# What transcript-lint says about BROKEN: the later cue (line 6) starts first.
PROBLEM = "broken.vtt:6:1: error [cue-order]"


def git(repo: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=False,
        timeout=900,
    )


def must(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope="session")
def head() -> str:
    """The commit of this checkout that pre-commit will install."""
    result = subprocess.run(
        ["git", "-C", str(CHECKOUT), "rev-parse", "HEAD"],
        capture_output=True, text=True, check=True,
    )
    return result.stdout.strip()


@pytest.fixture(scope="session")
def environment(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Isolated git identity and config, and one pre-commit cache for the session."""
    home = tmp_path_factory.mktemp("home")
    env = dict(os.environ)
    env.update({
        "HOME": str(home),
        "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")),
        "GIT_CONFIG_GLOBAL": str(home / ".gitconfig"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
        "PATH": f"{BIN}{os.pathsep}{env.get('PATH', '')}",
    })
    for name in ("PRE_COMMIT", "SKIP", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        env.pop(name, None)
    (home / ".gitconfig").write_text("[init]\n\tdefaultBranch = main\n", encoding="utf-8")
    return env


def new_repo(path: Path, env: dict[str, str]) -> Path:
    path.mkdir()
    must(git(path, "init", "-q", env=env))
    return path


def commit(
    repo: Path, name: str, data: bytes, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    (repo / name).parent.mkdir(parents=True, exist_ok=True)
    (repo / name).write_bytes(data)
    must(git(repo, "add", name, env=env))
    return git(repo, "commit", "-q", "-m", f"add {name}", env=env)


@pytest.fixture(scope="session")
def framework_repo(
    tmp_path_factory: pytest.TempPathFactory, environment: dict[str, str], head: str
) -> Path:
    """A repository with the transcript-lint hook installed by ``pre-commit install``."""
    assert PRE_COMMIT is not None, "pre-commit is part of the test extra"
    repo = new_repo(tmp_path_factory.mktemp("framework") / "repo", environment)
    # The path written as `pre-commit try-repo` writes it (relative), so that both
    # name the same repository and share one installed environment.
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {os.path.relpath(CHECKOUT, repo)}\n"
        f"    rev: {head}\n"
        "    hooks:\n"
        "      - id: transcript-lint\n",
        encoding="utf-8",
    )
    must(git(repo, "add", ".pre-commit-config.yaml", env=environment))
    must(git(repo, "commit", "-q", "-m", "pre-commit config", env=environment))
    install = subprocess.run(
        [PRE_COMMIT, "install", "--install-hooks"], cwd=repo, env=environment,
        capture_output=True, text=True, check=False, timeout=900,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    return repo


def test_framework_hook_refuses_a_broken_transcript(
    framework_repo: Path, environment: dict[str, str]
) -> None:
    refused = commit(framework_repo, "broken.vtt", BROKEN, environment)
    assert refused.returncode != 0
    output = refused.stdout + refused.stderr
    assert "transcript-lint" in output
    assert "Failed" in output
    assert PROBLEM in output
    # Nothing was committed: the file is still only staged.
    assert must(git(framework_repo, "diff", "--cached", "--name-only", env=environment)) == (
        "broken.vtt\n"
    )
    must(git(framework_repo, "rm", "-q", "--cached", "broken.vtt", env=environment))
    (framework_repo / "broken.vtt").unlink()


def test_framework_hook_passes_a_clean_transcript_and_other_files(
    framework_repo: Path, environment: dict[str, str]
) -> None:
    # A README.txt and a package.json match the hook's file pattern but are
    # not transcripts: they must not fail the commit.
    (framework_repo / "README.txt").write_bytes(b"Notes for the show.\n")
    (framework_repo / "package.json").write_bytes(b'{"name": "show"}\n')
    must(git(framework_repo, "add", "README.txt", "package.json", env=environment))
    passed = commit(framework_repo, "clean.vtt", CLEAN, environment)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout + passed.stderr
    log = must(git(framework_repo, "log", "--format=%s", "-1", env=environment))
    assert log == "add clean.vtt\n"


def test_framework_hook_refuses_a_utf16_transcript(
    framework_repo: Path, environment: dict[str, str]
) -> None:
    # pre-commit classes UTF-16 files as binary: a hook limited to `types: [text]`
    # never sees this file, and it is committed unchecked.
    data = "\ufeff[00:01] **Ann**: Hello.\n\n[00:05] **Ben**: Hi.\n".encode("utf-16-le")
    refused = commit(framework_repo, "episode.md", data, environment)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "episode.md:1:1: error [utf16-file]" in output
    must(git(framework_repo, "rm", "-q", "--cached", "episode.md", env=environment))
    (framework_repo / "episode.md").unlink()


# A chapters file as podcast hosts publish it, with a chapter pasted too high,
# beside its transcript.
CHAPTERS_OUT_OF_ORDER = b"""{
  "version": "1.2.0",
  "chapters": [
    {"startTime": 0, "title": "Intro", "img": "https://example.org/art.jpg"},
    {"startTime": 3, "title": "Listener questions"},
    {"startTime": 1.5, "title": "Keystone species", "url": "https://example.org/k"}
  ]
}
"""


def test_framework_hook_lints_a_chapter_file_beside_its_transcript(
    framework_repo: Path, environment: dict[str, str]
) -> None:
    (framework_repo / "ep.vtt").write_bytes(CLEAN)
    must(git(framework_repo, "add", "ep.vtt", env=environment))
    refused = commit(framework_repo, "ep.chapters.json", CHAPTERS_OUT_OF_ORDER, environment)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "ep.chapters.json:6:5: error [chapter-order]" in output
    # Read as chapters, not as a broken Podcasting 2.0 transcript.
    assert "json-schema" not in output
    fixed = CHAPTERS_OUT_OF_ORDER.replace(b'"startTime": 3,', b'"startTime": 1,').replace(
        b'"startTime": 1.5,', b'"startTime": 2,')
    passed = commit(framework_repo, "ep.chapters.json", fixed, environment)
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_try_repo_on_this_checkout(
    framework_repo: Path, environment: dict[str, str], head: str
) -> None:
    # --ref pins the commit the framework_repo installed, so the environment is reused.
    (framework_repo / "broken.vtt").write_bytes(BROKEN)
    tried = subprocess.run(
        [PRE_COMMIT, "try-repo", str(CHECKOUT), "transcript-lint", "--ref", head,
         "--files", "broken.vtt"],
        cwd=framework_repo, env=environment, capture_output=True, text=True, check=False,
        timeout=900,
    )
    (framework_repo / "broken.vtt").unlink()
    assert tried.returncode == 1, tried.stdout + tried.stderr
    assert PROBLEM in tried.stdout


def test_plain_git_hook(tmp_path: Path, environment: dict[str, str]) -> None:
    repo = new_repo(tmp_path / "plain", environment)
    must(git(repo, "config", "core.hooksPath", str(CHECKOUT / "hooks"), env=environment))
    # A commit without transcripts does not run the linter at all.
    assert commit(repo, "notes.md", b"# Notes\n", environment).returncode == 0

    refused = commit(repo, "sub dir/broken.vtt", BROKEN, environment)
    assert refused.returncode == 1
    # git shows a hook's standard output on its standard error.
    assert f"sub dir/{PROBLEM}" in refused.stderr
    must(git(repo, "rm", "-q", "--cached", "sub dir/broken.vtt", env=environment))
    (repo / "sub dir" / "broken.vtt").unlink()

    passed = commit(repo, "clean.vtt", CLEAN, environment)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert passed.stdout + passed.stderr == ""


def test_plain_git_hook_without_the_linter(tmp_path: Path, environment: dict[str, str]) -> None:
    repo = new_repo(tmp_path / "plain", environment)
    must(git(repo, "config", "core.hooksPath", str(CHECKOUT / "hooks"), env=environment))
    env = dict(environment, TRANSCRIPT_LINT="no-such-command")
    refused = commit(repo, "clean.vtt", CLEAN, env)
    assert refused.returncode == 1
    assert "pre-commit: could not run 'no-such-command'" in refused.stderr


def test_fixing_hook_fixes_and_fails_once(
    framework_repo: Path, environment: dict[str, str], head: str
) -> None:
    path = framework_repo / "spaces.vtt"
    path.write_bytes(CLEAN.replace(b"The first line.", b"The first line.  "))
    # Staged, as in a commit: pre-commit notices changes to tracked files only.
    must(git(framework_repo, "add", "spaces.vtt", env=environment))

    def try_fix() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [PRE_COMMIT, "try-repo", str(CHECKOUT), "transcript-lint-fix", "--ref", head,
             "--files", "spaces.vtt"],
            cwd=framework_repo, env=environment, capture_output=True, text=True,
            check=False, timeout=900,
        )

    first = try_fix()
    # pre-commit fails a hook that changed files, so the user sees and stages the fix.
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    assert path.read_bytes() == CLEAN
    second = try_fix()
    assert second.returncode == 0, second.stdout + second.stderr
    must(git(framework_repo, "rm", "-q", "-f", "--cached", "spaces.vtt", env=environment))
    path.unlink()
