from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import untimed_line as rule

from .conftest import check, check_example


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(2, 1)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_text_before_the_first_timestamp() -> None:
    assert check(rule, b"Transcript of episode 1\n\n00:00:01 Hi\n", "x.txt") == [(1, 1)]
