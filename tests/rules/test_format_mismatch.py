from __future__ import annotations

import pytest

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


@pytest.mark.parametrize(
    ("data", "name", "looks"),
    [
        (b'<tt xmlns="http://www.w3.org/ns/ttml"><body><p begin="1s">x</p></body></tt>\n',
         "x.vtt", "TTML; rename it to .ttml"),
        (b"0:00:01.000,0:00:02.000\nHi\n", "x.srt", "SubViewer; rename it to .sbv"),
        (b"<cite>A:</cite><time>0:01</time><p>x</p>\n", "x.vtt", "HTML; rename it to .html"),
    ],
)
def test_the_newer_formats_are_named(data: bytes, name: str, looks: str) -> None:
    [finding] = findings(rule, data, name)
    assert (finding.line, finding.column) == (1, 1)
    assert f"looks like {looks}" in finding.message
