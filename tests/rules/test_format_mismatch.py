from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import format_mismatch as rule

from .conftest import check, check_example, findings

SRT = b"1\n00:00:01,000 --> 00:00:02,000\nHello.\n"
VTT = b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello.\n"


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(1, 1)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_message_says_what_to_do() -> None:
    (finding,) = findings(rule, SRT, "episode.vtt")
    assert "looks like SRT" in finding.message and "rename it to .srt" in finding.message


def test_webvtt_saved_as_srt() -> None:
    assert check(rule, VTT, "x.srt") == [(1, 1)]


def test_timestamped_text_saved_as_vtt() -> None:
    assert check(rule, b"00:00:01 Hello.\n\n00:00:05 World.\n", "x.vtt") == [(1, 1)]


def test_garbage_is_not_called_timestamped_text() -> None:
    assert check(rule, b"just some words\n", "x.vtt") == []


def test_matching_and_sniffed_files_are_clean() -> None:
    assert check(rule, VTT, "x.vtt") == []
    assert check(rule, SRT, "x.srt") == []
    assert check(rule, b"", "x.vtt") == []
