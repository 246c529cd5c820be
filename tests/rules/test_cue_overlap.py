from __future__ import annotations

import pytest

from sphinxcontrib_transcript.lint import ConfigError, resolve
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


def test_near_misses_are_warnings_longer_overlaps_keep_the_rule_level() -> None:
    # 40 ms and 10 ms are near-misses; 200 ms is the default limit, 201 ms is not.
    assert [f.level for f in findings(rule, VTT)] == ["warning", "warning"]
    long = VTT.replace(b"00:04.040", b"00:04.201")
    assert [f.level for f in findings(rule, long)] == [None, "warning"]
    assert [f.level for f in findings(rule, long, near_miss_ms=0)] == [None, None]


def test_a_negative_tolerance_is_refused_with_a_clear_message() -> None:
    with pytest.raises(ConfigError) as caught:
        resolve({"rules": {"cue-overlap": {"tolerance-ms": -5}}}, source="t.toml", root=".")
    assert str(caught.value) == (
        "t.toml: rules.cue-overlap: tolerance-ms must be at least 0, not -5; overlaps up "
        "to this many milliseconds are accepted"
    )


SAME_START = b"WEBVTT\n\n00:01.000 --> 00:04.000\na\n\n00:01.000 --> 00:03.000\nb\n"


def test_two_cues_starting_together_are_reported_and_split() -> None:
    (finding,) = findings(rule, SAME_START)
    assert (finding.line, finding.fixable) == (6, True)
    assert "3000 ms before the cue above it at line 3 ends" in finding.message
    # The first keeps min-ms (500), the second starts then and keeps the rest.
    assert fix(rule, SAME_START) == (
        b"WEBVTT\n\n00:01.000 --> 00:01.500\na\n\n00:01.500 --> 00:03.000\nb\n"
    )
    assert fix(rule, SAME_START, min_ms=1000) == (
        b"WEBVTT\n\n00:01.000 --> 00:02.000\na\n\n00:02.000 --> 00:03.000\nb\n"
    )


def test_a_short_earlier_cue_keeps_its_time_and_the_later_starts_after_it() -> None:
    # Trimming to 00:01.100 would leave a 100 ms cue; instead the later cue waits.
    data = b"WEBVTT\n\n00:01.000 --> 00:01.300\na\n\n00:01.100 --> 00:06.000\nb\n"
    assert fix(rule, data) == data.replace(b"00:01.100", b"00:01.300")
    # A longer earlier cue keeps min-ms rather than the 120 ms trimming left it.
    data = b"WEBVTT\n\n00:01.000 --> 00:03.000\nA whole sentence.\n\n00:01.120 --> 00:06.000\nb\n"
    assert fix(rule, data) == (
        b"WEBVTT\n\n00:01.000 --> 00:01.500\nA whole sentence.\n\n00:01.500 --> 00:06.000\nb\n"
    )


def test_without_room_for_min_ms_the_boundary_goes_to_the_middle() -> None:
    data = b"WEBVTT\n\n00:01.000 --> 00:04.000\na\n\n00:01.000 --> 00:01.600\nb\n"
    assert fix(rule, data) == (
        b"WEBVTT\n\n00:01.000 --> 00:01.300\na\n\n00:01.300 --> 00:01.600\nb\n"
    )


def test_a_boundary_that_would_leave_a_zero_length_cue_is_not_fixable() -> None:
    # Two cues of 2 and 1 ms starting together: the middle of the overlap is the
    # common start, so either cue would lose all its time.
    data = b"WEBVTT\n\n00:01.000 --> 00:01.002\na\n\n00:01.000 --> 00:01.001\nb\n"
    (finding,) = findings(rule, data)
    assert finding.fixable is False
    assert fix(rule, data) is None
    # A zero-length later cue has nothing to share: zero-duration's business.
    data = b"WEBVTT\n\n00:01.000 --> 00:04.000\na\n\n00:01.000 --> 00:01.000\nb\n"
    assert [f.fixable for f in findings(rule, data)] == [False]
    assert fix(rule, data) is None


def test_three_cues_starting_together_are_fixed_in_two_runs() -> None:
    data = (
        b"WEBVTT\n\n00:01.000 --> 00:04.000\na\n\n00:01.000 --> 00:03.000\nb\n\n"
        b"00:01.000 --> 00:05.000\nc\n"
    )
    # b cannot start later than c: not fixable until c has moved.
    assert [(f.line, f.fixable) for f in findings(rule, data)] == [(6, False), (9, True)]
    once = fix(rule, data)
    assert once == data.replace(b"00:01.000 --> 00:03.000", b"00:01.000 --> 00:01.500").replace(
        b"00:01.000 --> 00:05.000", b"00:01.500 --> 00:05.000"
    )
    assert [f.fixable for f in findings(rule, once)] == [True]
    twice = fix(rule, once)
    assert twice is not None and check(rule, twice) == []


def test_fix_rewrites_short_times_with_settings_after_them() -> None:
    data = (
        b"WEBVTT\n\n00:01.000 --> 00:04.040 align:start line:0\na\n\n"
        b"00:02.000 --> 00:06.000 align:end\nb\n"
    )
    assert fix(rule, data) == data.replace(b"00:04.040", b"00:02.000")


def test_fix_rewrites_times_around_an_arrow_without_spaces() -> None:
    data = b"WEBVTT\n\n00:01.000-->00:04.040\na\n\n00:01.000-->00:06.000\nb\n"
    assert fix(rule, data) == (
        b"WEBVTT\n\n00:01.000-->00:01.500\na\n\n00:01.500-->00:06.000\nb\n"
    )


def test_fix_writes_hours_once_a_short_time_passes_the_hour() -> None:
    data = b"WEBVTT\n\n59:59.000 --> 01:00:09.000\na\n\n59:59.800 --> 01:00:09.000\nb\n"
    assert fix(rule, data, min_ms=1500) == (
        b"WEBVTT\n\n59:59.000 --> 01:00:00.500\na\n\n01:00:00.500 --> 01:00:09.000\nb\n"
    )
