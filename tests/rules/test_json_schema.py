from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import json_schema as rule

from .conftest import check, check_example


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(5, 5)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_invalid_json_is_reported_where_the_parser_stopped() -> None:
    assert check(rule, b'{"version": "1.0.0",\n "segments": [}\n', "x.json") == [(2, 15)]
