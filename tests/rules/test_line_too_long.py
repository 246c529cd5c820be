from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import line_too_long as rule

from .conftest import check, check_example


def test_failing_example_points_past_the_limit() -> None:
    assert check_example(rule, "failing") == [(4, 43)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_markup_is_not_counted() -> None:
    text = "<v Michael Kennedy>" + "x" * 40 + "</v>"
    data = f"WEBVTT\n\n00:01.000 --> 00:02.000\n{text}\n{'y' * 43}\n".encode()
    assert check(rule, data) == [(5, 43)]
    assert check(rule, data, max=30) == [(4, 1), (5, 31)]


def test_srt_limit_and_label() -> None:
    data = b"1\n00:00:01,000 --> 00:00:02,000\nAnn: <i>" + b"x" * 28 + b"</i>\n"
    assert check(rule, data, "x.srt") == []
    assert check(rule, data, "x.srt", srt_max=32) == [(3, 1)]
