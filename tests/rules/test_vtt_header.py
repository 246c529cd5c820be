from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import vtt_header as rule

from .conftest import check, check_example


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(2, 1)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_style_after_the_first_cue() -> None:
    data = b"WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n\nSTYLE\n::cue { color: red }\n"
    assert check(rule, data) == [(6, 1)]


def test_youtube_header_lines_are_fine() -> None:
    data = b"WEBVTT\nKind: captions\nLanguage: en\n\n00:01.000 --> 00:02.000\nHi\n"
    assert check(rule, data) == []
