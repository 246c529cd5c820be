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
