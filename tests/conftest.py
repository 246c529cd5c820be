"""Shared fixtures: paths to the test data, and Sphinx's own testing fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["sphinx.testing.fixtures"]

# Sphinx test projects are built by tests, not collected as tests.
collect_ignore = ["roots", "data", "benchmarks"]

TESTS = Path(__file__).parent
DATA = TESTS / "data"
CORPUS = DATA / "talk-python"
SEEDS = DATA / "seeds"
#: Warnings end in their "[type.subtype]", as from Sphinx 8.0 on by default
#: (7.4, the oldest supported, needs asking).
WARNING_TYPES = {"show_warning_types": True}


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``@pytest.mark.sphinx(testroot=...)`` finds ``test-<name>`` projects."""
    return TESTS / "roots"


@pytest.fixture(scope="session")
def corpus() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def seeds() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def build_root(tmp_path_factory, rootdir):
    """Build a fresh copy of ``tests/roots/test-NAME`` once per session and arguments.

    ``build_root(name, builder="html", parallel=0, **confoverrides)`` returns the
    finished :class:`~sphinx.testing.util.SphinxTestApp` (cleaned up, so the
    next build starts from Sphinx's pristine global state); several tests can
    assert on one build.  ``setup`` (a callable taking the source directory)
    runs before the build, e.g. to copy corpus files in.
    """
    # Imported here so that only the Sphinx tests pay for them (this file is appended to).
    import shutil
    from io import StringIO

    from sphinx.testing.util import SphinxTestApp
    from sphinx.util.docutils import patch_docutils

    cache: dict = {}

    def build(name, builder="html", parallel=0, setup=None, **confoverrides):
        key = (name, builder, parallel, setup, repr(sorted(confoverrides.items())))
        if key not in cache:
            srcdir = tmp_path_factory.mktemp(f"{name}-{builder}")
            shutil.copytree(rootdir / f"test-{name}", srcdir, dirs_exist_ok=True)
            if setup is not None:
                setup(srcdir)
            # As sphinx-build does: patch_docutils reads the project's docutils.conf.
            with patch_docutils(srcdir):
                app = SphinxTestApp(
                    builder, srcdir=srcdir, freshenv=True,
                    confoverrides={**WARNING_TYPES, **confoverrides},
                    status=StringIO(), warning=StringIO(), parallel=parallel,
                )
                try:
                    app.build()
                finally:
                    app.cleanup()
            cache[key] = app
        return cache[key]

    return build


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium (the system's) for every browser test of the session."""
    from playwright.sync_api import sync_playwright

    from .browser_util import ARGS, CHROMIUM

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
