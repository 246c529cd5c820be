"""The CLI starts light: no Sphinx, no docutils, and nothing heavy it does not use.

A pre-commit hook runs ``transcript-lint`` on every commit, so what it imports
is part of its contract.  These tests run it in a fresh interpreter and look at
what got imported (``-X importtime`` lists every module as it is imported).
The time itself is measured by the benchmark, not asserted here.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = ("sphinx", "docutils")
CLEAN_VTT = (
    b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello.\n\n00:00:02.000 --> 00:00:03.000\nBye.\n"
)


def imported(*args: str, cwd: Path) -> set[str]:
    """Module names imported by ``python -X importtime -m sphinxcontrib_transcript ARGS``."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "sphinxcontrib_transcript", *args],
        cwd=cwd, capture_output=True, text=True, check=False, timeout=120,
    )
    assert result.returncode in (0, 1), result.stderr[-2000:]
    names = set()
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip())
    assert "sphinxcontrib_transcript.cli" in names
    return names


def forbidden(names: set[str]) -> list[str]:
    return sorted(
        name for name in names
        if name in FORBIDDEN or name.startswith(tuple(f"{root}." for root in FORBIDDEN))
    )


@pytest.fixture
def clean_file(tmp_path: Path) -> Path:
    path = tmp_path / "episode.vtt"
    path.write_bytes(CLEAN_VTT)
    return path


def test_version_imports_neither_sphinx_nor_the_linter(tmp_path: Path) -> None:
    names = imported("--version", cwd=tmp_path)
    assert forbidden(names) == []
    # --version answers before the linter, its rules or any reader-heavy module loads.
    assert "sphinxcontrib_transcript.lint" not in names
    assert "tomllib" not in names


def test_linting_imports_no_sphinx_and_nothing_unused(clean_file: Path) -> None:
    names = imported(str(clean_file), cwd=clean_file.parent)
    assert forbidden(names) == []
    assert "sphinxcontrib_transcript.lint.engine" in names
    # Only needed for other options: --diff, --jobs, --fix, and problems to summarise.
    # (json is not in this list: the JSON reader imports it.)  shutil is what
    # argparse imports to learn the terminal width; difflib suggests rule names.
    for unused in (
        "difflib", "concurrent.futures", "multiprocessing", "tempfile", "shutil",
        "sphinxcontrib_transcript.lint.fixing", "sphinxcontrib_transcript.lint.output",
        # The CI formats and the baseline load only when asked for.
        "sphinxcontrib_transcript.lint.sarif", "sphinxcontrib_transcript.lint.junit",
        "sphinxcontrib_transcript.lint.baseline", "xml.etree.ElementTree",
        # A command line of paths alone (what pre-commit passes) needs no parser.
        "argparse", "gettext", "locale", "sphinxcontrib_transcript._arguments",
        # Chapter files are read by their own module, loaded for them alone.
        "sphinxcontrib_transcript.chapters", "sphinxcontrib_transcript._chapters_json",
    ):
        assert unused not in names, unused


def test_a_chapter_file_loads_the_chapter_reader_and_still_no_sphinx(tmp_path: Path) -> None:
    (tmp_path / "episode.vtt").write_bytes(CLEAN_VTT)
    chapters = tmp_path / "episode.chapters.json"
    chapters.write_bytes(b'{"version": "1.2.0", "chapters": [{"startTime": 1, "title": "Hi"}]}')
    names = imported(str(chapters), cwd=tmp_path)
    assert forbidden(names) == []
    assert "sphinxcontrib_transcript.chapters" in names
    assert "sphinxcontrib_transcript._chapters_json" in names


def test_a_command_line_with_an_option_uses_argparse(clean_file: Path) -> None:
    names = imported("--strict", str(clean_file), cwd=clean_file.parent)
    assert "argparse" in names


def test_every_option_works_with_sphinx_and_docutils_blocked(clean_file: Path) -> None:
    # Importing either would raise ImportError, which would show as an internal
    # error and a non-zero status in this script.
    script = f"""
import sys
sys.modules["sphinx"] = None
sys.modules["docutils"] = None
from sphinxcontrib_transcript.cli import main
path = {str(clean_file)!r}
runs = [
    [path], ["--format", "json", path], ["--format", "github", path], ["--diff", path],
    ["--fix", path], ["--unsafe-fixes", path], ["--jobs", "2", path, path],
    ["--list-rules"], ["--explain", "cue-order"], ["--version"], ["--strict", path],
    ["--format", "sarif", path], ["--format", "junit", path], ["--statistics", path],
    ["--quiet", path], ["--write-baseline", path + ".baseline.json", path],
    ["--baseline", path + ".baseline.json", path],
]
statuses = [main(argv) for argv in runs]
assert statuses == [0] * len(runs), statuses
loaded = [m for m in sys.modules if m.split(".")[0] in ("sphinx", "docutils")]
assert all(sys.modules[m] is None for m in loaded), loaded
print("ok")
"""
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=clean_file.parent, capture_output=True,
        text=True, check=False, timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().endswith("ok")
    assert "Traceback" not in result.stderr
    assert "internal-error" not in result.stdout


def test_python_dash_m_exit_statuses(tmp_path: Path) -> None:
    broken = tmp_path / "broken.vtt"
    broken.write_bytes(
        b"WEBVTT\n\n00:00:05.000 --> 00:00:06.000\nLate.\n\n"
        b"00:00:01.000 --> 00:00:02.000\nEarly.\n"
    )

    def status(*args: str) -> int:
        return subprocess.run(
            [sys.executable, "-m", "sphinxcontrib_transcript", *args], cwd=tmp_path,
            capture_output=True, check=False, timeout=120,
        ).returncode

    broken.with_name("clean.vtt").write_bytes(CLEAN_VTT)
    assert status("clean.vtt") == 0
    assert status("broken.vtt") == 1
    assert status("--no-such-option") == 2
