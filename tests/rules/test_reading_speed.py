from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import reading_speed as rule

from .conftest import check, check_example, findings


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(3, 1)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_counts_spaces_and_punctuation_but_not_markup_or_breaks() -> None:
    # "Hi, you!" + "Bye." = 12 characters in 0.5 s: 24 per second.
    data = b"WEBVTT\n\n00:01.000 --> 00:01.500\n<v Ann>Hi, <i>you</i>!\nBye.\n"
    (finding,) = findings(rule, data)
    assert finding.message.startswith("24.0 characters per second (12 in 0.5 s)")
    assert check(rule, data, max_cps=24.0) == []
