from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import orphan_identifier as rule

from .conftest import check, check_example


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(6, 1)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_notes_are_not_orphans() -> None:
    data = b"WEBVTT\n\nNOTE a comment\n\n00:01.000 --> 00:02.000\nHi\n"
    assert check(rule, data) == []
