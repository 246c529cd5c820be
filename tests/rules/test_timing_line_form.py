from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import timing_line_form as rule

from .conftest import check, check_example


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(2, 13)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_webvtt_arrow_without_spaces_is_reported_on_each_side() -> None:
    assert check(rule, b"WEBVTT\n\n00:01.000-->00:02.000\nHi\n") == [(3, 10), (3, 13)]


def test_an_unreadable_timing_line_is_not_this_rule() -> None:
    assert check(rule, b"1\n00:00:01,000 -> 00:00:02,000\nHi\n", "x.srt") == []
