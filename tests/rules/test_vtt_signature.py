from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import vtt_signature as rule

from .conftest import check, check_example


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(1, 1)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_lowercase_and_glued_signatures() -> None:
    assert check(rule, b"webvtt\n\n00:01.000 --> 00:02.000\nHi\n") == [(1, 1)]
    assert check(rule, b"WEBVTTX\n\n00:01.000 --> 00:02.000\nHi\n") == [(1, 7)]


def test_signature_with_title_and_bom_is_fine() -> None:
    assert check(rule, b"\xef\xbb\xbfWEBVTT - Episode 1\n\n00:01.000 --> 00:02.000\nHi\n") == []
