from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import cue_overlap as rule

from ..conftest import CORPUS
from .conftest import check, check_example, findings, fix

VTT = (
    b"WEBVTT\n\n00:01.000 --> 00:04.040\na\n\n00:04.000 --> 00:06.000\nb\n\n"
    b"00:05.990 --> 00:07.000\nc\n"
)


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(6, 1)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_message_names_the_other_cue_and_the_overlap() -> None:
    first, second = findings(rule, VTT)
    assert (first.line, first.column, second.line) == (6, 1, 9)
    assert first.message == (
        "cue starts at 00:00:04.000, 40 ms before the cue above it at line 3 ends "
        "(00:00:04.040); end that cue earlier or start this one later"
    )


def test_tolerance() -> None:
    assert check(rule, VTT, tolerance_ms=10) == [(6, 1)]
    assert check(rule, VTT, tolerance_ms=40) == []


def test_out_of_order_cues_are_left_to_cue_order() -> None:
    data = b"WEBVTT\n\n00:05.000 --> 00:06.000\na\n\n00:01.000 --> 00:02.000\nb\n"
    assert check(rule, data) == []


def test_fix_trims_the_earlier_end_in_the_file_style() -> None:
    assert fix(rule, VTT) == (
        b"WEBVTT\n\n00:01.000 --> 00:04.000\na\n\n00:04.000 --> 00:05.990\nb\n\n"
        b"00:05.990 --> 00:07.000\nc\n"
    )


def test_fix_of_the_example() -> None:
    before = (
        b"WEBVTT\n\n00:00:01.000 --> 00:00:04.040\nWelcome to the show.\n\n"
        b"00:00:04.000 --> 00:00:06.000\nToday we talk about Python 3.8.\n"
    )
    after = before.replace(b"00:00:04.040", b"00:00:04.000")
    assert fix(rule, before) == after


def test_srt_fix_keeps_settings_after_the_time() -> None:
    before = (
        b"1\n00:00:01,000 --> 00:00:04,500 X1:10\nA\n\n2\n00:00:04,000 --> 00:00:05,000\nB\n"
    )
    assert check(rule, before, "x.srt") == [(6, 1)]
    assert fix(rule, before, "x.srt") == before.replace(b"00:00:04,500", b"00:00:04,000")


def test_fix_of_corpus_file_214_changes_two_end_times() -> None:
    name = "214-Python-3-8-and-beyond.vtt"
    before = (CORPUS / name).read_bytes()
    after = fix(rule, before, name)
    assert after is not None
    assert check(rule, after, name) == []
    pairs = zip(before.split(b"\n"), after.split(b"\n"), strict=True)
    assert [(a, b) for a, b in pairs if a != b] == [
        (b"00:23:12.140 --> 00:23:16.800", b"00:23:12.140 --> 00:23:16.780"),
        (b"00:59:24.180 --> 00:59:28.940", b"00:59:24.180 --> 00:59:28.900"),
    ]
