from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import end_before_start as rule

from .conftest import check, check_example


def test_failing_example_points_at_the_end_time() -> None:
    assert check_example(rule, "failing") == [(3, 18)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_json_segments() -> None:
    data = b'{"version": "1.0.0", "segments": [\n  {"startTime": 2, "endTime": 1, "body": "x"}\n]}'
    assert check(rule, data, "x.json") == [(2, 3)]
