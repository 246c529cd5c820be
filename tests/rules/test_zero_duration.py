from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import zero_duration as rule

from .conftest import check_example, findings


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(6, 18)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_message() -> None:
    (finding,) = findings(rule, b"1\n00:00:04,000 --> 00:00:04,000\nUm.\n", "x.srt")
    assert (finding.line, finding.column) == (2, 18)
    assert "00:00:04,000" in finding.message
