from __future__ import annotations

import pytest

from sphinxcontrib_transcript.lint.rules import no_cues as rule

from .conftest import check, check_example


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(1, 1)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


@pytest.mark.parametrize(
    ("data", "path"),
    [
        (b"", "x.vtt"),
        (b"", "x.srt"),
        (b"\n\n", "x.txt"),
        (b'{"version": "1.0.0", "segments": []}', "x.json"),
    ],
)
def test_empty_files_of_every_format(data: bytes, path: str) -> None:
    assert check(rule, data, path) == [(1, 1)]
