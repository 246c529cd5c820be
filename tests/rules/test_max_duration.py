from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import max_duration as rule

from .conftest import check, check_example


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(3, 18)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_option() -> None:
    data = b"1\n00:00:01,000 --> 00:00:08,500\nHi\n"
    assert check(rule, data, "x.srt") == [(2, 18)]
    assert check(rule, data, "x.srt", max_ms=8000) == []
