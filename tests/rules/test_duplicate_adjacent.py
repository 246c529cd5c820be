from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import duplicate_adjacent as rule

from .conftest import check, check_example, findings

LINE = "so today we are talking about"


def vtt(gap_start: str, second: str = LINE) -> bytes:
    return (
        f"WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n{LINE}\n\n"
        f"{gap_start} --> 00:00:09.000\n{second}\n"
    ).encode()


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(7, 1)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_message_quotes_the_text() -> None:
    (finding,) = findings(rule, vtt("00:00:03.000"))
    assert f"line 3 ('{LINE}')" in finding.message


def test_gap_option() -> None:
    assert check(rule, vtt("00:00:03.300")) == []
    assert check(rule, vtt("00:00:03.300"), max_gap_ms=300) == [(7, 1)]


def test_short_replies_and_other_speakers_are_speech() -> None:
    short = b"WEBVTT\n\n00:01.000 --> 00:02.000\nYeah.\n\n00:02.000 --> 00:03.000\nYeah.\n"
    assert check(rule, short) == []
    assert check(rule, short, min_words=1) == [(7, 1)]
    echo = b"00:00:01 Ann: that is a very good point\n\n00:00:04 Bob: that is a very good point\n"
    assert check(rule, echo, "x.txt") == []


def test_timestamped_text_points_after_the_time() -> None:
    data = f"00:00:01 {LINE}\n\n00:01:00 {LINE}\n".encode()
    assert check(rule, data, "x.txt") == [(3, 10)]


def test_a_zero_length_repeat_is_left_to_zero_duration() -> None:
    line = b"The mic back to who rocked his best.\n"
    data = (
        b"WEBVTT\n\n00:22.400 --> 00:24.640\n" + line
        + b"\n00:24.640 --> 00:24.640\n" + line + b"\n00:24.640 --> 00:36.640\n" + line
    )
    assert check(rule, data) == []
    assert check(rule, data.replace(b"00:24.640 --> 00:24.640", b"00:24.640 --> 00:24.700")) == [
        (7, 1), (10, 1),
    ]
