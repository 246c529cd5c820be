"""The oldest Sphinx the package declares (``sphinx>=X.Y`` in ``pyproject.toml``) works.

The rest of the suite runs on the Sphinx that ``pip`` resolves for the
``test`` extra, the newest release.  Here a second virtual environment,
``.venv-sphinx-oldest`` in the repository (ignored by git, kept between runs
and rebuilt when what it should hold changes), gets ``sphinx==X.Y.*`` and
this package (editable, so it runs the code under test); then the project's
own docs are built there with ``-W``, and the Sphinx tests
(``tests/test_sphinx_*.py``, each building real projects, less those marked
``browser``) are run there.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv-sphinx-oldest"
MARKER = VENV / "installed-for-tests.txt"


def oldest_sphinx() -> str:
    """``X.Y`` from ``sphinx>=X.Y`` in the ``sphinx`` extra."""
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    extra = re.search(r'^sphinx = \["sphinx>=(\d+\.\d+)"\]$', pyproject, flags=re.M)
    assert extra is not None, "the sphinx extra declares no minimum"
    return extra[1]


def requirements() -> list[str]:
    return [f"sphinx=={oldest_sphinx()}.*", "myst-parser>=2", "pytest>=8", "-e", str(ROOT)]


def run(*args: str, timeout: int = 600, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=False, timeout=timeout,
                          env={**os.environ, "NO_COLOR": "1"}, **kwargs)  # type: ignore[call-overload]


@pytest.fixture(scope="module")
def python() -> Path:
    """The oldest environment's interpreter, made (or refreshed) when needed."""
    interpreter = VENV / "bin" / "python"
    wanted = "\n".join(requirements()) + "\n"
    if not (interpreter.exists() and MARKER.exists() and MARKER.read_text() == wanted):
        venv.EnvBuilder(clear=True, with_pip=True).create(VENV)
        result = run(str(interpreter), "-m", "pip", "install", "--quiet",
                     "--disable-pip-version-check", *requirements())
        assert result.returncode == 0, result.stdout + result.stderr
        MARKER.write_text(wanted)
    return interpreter


def test_the_environment_has_the_oldest_sphinx(python):
    result = run(str(python), "-c", "import sphinx; print(sphinx.__version__)")
    assert result.stdout.startswith(oldest_sphinx() + "."), result.stdout + result.stderr
    newest = run(sys.executable, "-c", "import sphinx; print(sphinx.__version_info__[:2])")
    assert newest.stdout.strip() != str(tuple(map(int, oldest_sphinx().split(".")))), \
        "the main suite should run on a newer Sphinx than the oldest"


def test_the_docs_build_with_warnings_as_errors(python, tmp_path):
    result = run(str(python), "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html",
                 str(ROOT / "docs"), str(tmp_path / "html"), cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert 'id="ep33-t-00-28-40"' in (tmp_path / "html" / "demo" / "episode-033.html").read_text(
        encoding="utf-8")


def test_the_sphinx_tests_pass(python, tmp_path):
    tests = sorted(str(path.relative_to(ROOT))
                   for path in (ROOT / "tests").glob("test_sphinx_*.py"))
    assert len(tests) >= 10
    # The browser tests drive Chromium, not Sphinx: they run in the main suite.
    result = run(str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not browser",
                 f"--basetemp={tmp_path / 'inner'}", *tests, cwd=ROOT)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    summary = result.stdout.strip().splitlines()[-1]
    assert re.search(r"\d+ passed", summary) and "failed" not in summary, summary
