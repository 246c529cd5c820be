from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import min_duration as rule

from .conftest import check, check_example

CUE = b"WEBVTT\n\n00:01.000 --> 00:01.900\nHi\n\n00:02.000 --> 00:02.000\nUm\n"


def test_off_by_default() -> None:
    assert rule.ENABLED is False


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(3, 18)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_option_and_zero_durations_left_out() -> None:
    assert check(rule, CUE) == []
    assert check(rule, CUE, min_ms=1000) == [(3, 15)]
