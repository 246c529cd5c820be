from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import blank_in_payload as rule

from .conftest import check_example, fix


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(5, 1)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_fix_joins_the_text_to_its_card() -> None:
    before = (
        b"1\n00:00:01,000 --> 00:00:02,000\nHello, and welcome\n\n\nto the show.\n\n"
        b"2\n00:00:02,000 --> 00:00:03,000\nLet's start.\n"
    )
    after = (
        b"1\n00:00:01,000 --> 00:00:02,000\nHello, and welcome\nto the show.\n\n"
        b"2\n00:00:02,000 --> 00:00:03,000\nLet's start.\n"
    )
    assert fix(rule, before, "x.srt") == after
