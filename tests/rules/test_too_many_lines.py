from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import too_many_lines as rule

from .conftest import check, check_example


def test_failing_example_points_at_the_first_extra_line() -> None:
    assert check_example(rule, "failing") == [(6, 1)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_options() -> None:
    data = b"1\n00:00:01,000 --> 00:00:02,000\na\nb\n"
    assert check(rule, data, "x.srt") == []
    assert check(rule, data, "x.srt", max=1) == [(4, 1)]
    assert check(rule, data, "x.srt", max=1, srt_max=2) == []
