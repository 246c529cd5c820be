from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import zero_duration as rule

from .conftest import check_example, example, findings, fix, repair


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(6, 18)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_message() -> None:
    (finding,) = findings(rule, b"1\n00:00:04,000 --> 00:00:04,000\nUm.\n", "x.srt")
    assert (finding.line, finding.column) == (2, 18)
    assert "00:00:04,000" in finding.message


def test_fix_of_the_example_gives_the_last_cue_time_from_the_gap_after_it() -> None:
    name, data = example(rule, "failing")
    # No cue after it: min-ms (500), or 50 ms per character when longer.
    assert fix(rule, data, name) == data.replace(
        b"00:00:04.000 --> 00:00:04.000", b"00:00:04.000 --> 00:00:04.500"
    )
    long = data.replace(b"Um.", b"Um, well, let me think about that one.")
    assert fix(rule, long, name) == long.replace(
        b"00:00:04.000 --> 00:00:04.000", b"00:00:04.000 --> 00:00:05.900"
    )


def test_a_repeat_of_the_cue_before_is_removed_and_named() -> None:
    # talk-python's commonest shape: a zero-length copy of the cue before.
    data = (
        b"WEBVTT\n\n00:41:35.400 --> 00:41:35.800\nyou know,\n\n"
        b"00:41:35.800 --> 00:41:35.800\nYou know\n\n"
        b"00:41:35.800 --> 00:41:36.700\nif your clouds,\n"
    )
    (finding,) = findings(rule, data)
    assert finding.fixable
    assert finding.message.endswith("remove it (its words are in the cue beside it)")
    done = repair(rule, data)
    assert done.data == (
        b"WEBVTT\n\n00:41:35.400 --> 00:41:35.800\nyou know,\n\n"
        b"00:41:35.800 --> 00:41:36.700\nif your clouds,\n"
    )
    assert done.removed == (1,)
    assert done.notes == (
        "removed the zero-length cue at line 6 (00:41:35.800): its words are in the cue "
        "at line 3",
    )


def test_a_repeat_of_the_shown_cue_after_is_removed_with_its_identifier() -> None:
    data = (
        b"1\n00:00:01,000 --> 00:00:02,000\nHello.\n\n"
        b"2\n00:00:02,000 --> 00:00:02,000\nIt is.\n\n"
        b"3\n00:00:02,000 --> 00:00:03,000\nIt is, it is.\n"
    )
    done = repair(rule, data, "x.srt")
    assert done.data == (
        b"1\n00:00:01,000 --> 00:00:02,000\nHello.\n\n"
        b"3\n00:00:02,000 --> 00:00:03,000\nIt is, it is.\n"
    )
    assert done.removed == (1,)


def test_a_last_cue_repeat_goes_with_the_blank_line_above_it() -> None:
    data = b"WEBVTT\n\n00:01.000 --> 00:02.000\nBye.\n\n00:02.000 --> 00:02.000\nbye"
    assert fix(rule, data) == b"WEBVTT\n\n00:01.000 --> 00:02.000\nBye."


def test_own_words_take_time_from_the_cue_before_in_proportion() -> None:
    # No gap after: the start moves back into the cue before, which keeps its
    # share of the 2 s in proportion to the lengths of the two texts.
    data = (
        b"WEBVTT\n\n00:11.000 --> 00:13.000\nbut at some point,\n\n"
        b"00:13.000 --> 00:13.000\nAll right, we take what it gives us\n\n"
        b"00:13.000 --> 00:15.000\nafter a couple of rounds.\n"
    )
    done = repair(rule, data)
    assert done.data == (
        b"WEBVTT\n\n00:11.000 --> 00:11.679\nbut at some point,\n\n"
        b"00:11.679 --> 00:13.000\nAll right, we take what it gives us\n\n"
        b"00:13.000 --> 00:15.000\nafter a couple of rounds.\n"
    )
    assert done.removed == ()
    assert done.notes == (
        "gave the zero-length cue at line 6 (00:00:13.000) the time 00:00:11.679 --> "
        "00:00:13.000",
    )
    # Each keeps min-ms: a long text does not squeeze the cue before below it.
    assert fix(rule, data, min_ms=900) is not None
    assert b"00:11.000 --> 00:11.900" in (fix(rule, data, min_ms=900) or b"")


def test_a_short_cue_before_is_split_in_the_middle() -> None:
    data = (
        b"WEBVTT\n\n00:01.000 --> 00:01.600\nSo.\n\n00:01.600 --> 00:01.600\nWell.\n\n"
        b"00:01.600 --> 00:03.000\nNext.\n"
    )
    assert fix(rule, data) == (
        b"WEBVTT\n\n00:01.000 --> 00:01.300\nSo.\n\n00:01.300 --> 00:01.600\nWell.\n\n"
        b"00:01.600 --> 00:03.000\nNext.\n"
    )


def test_a_gap_after_is_used_before_the_cue_before_is_touched() -> None:
    data = (
        b"WEBVTT\n\n00:01.000 --> 00:02.000\nSo.\n\n00:02.000 --> 00:02.000\nWell.\n\n"
        b"00:02.800 --> 00:03.000\nNext.\n"
    )
    assert fix(rule, data) == data.replace(
        b"00:02.000 --> 00:02.000", b"00:02.000 --> 00:02.500"
    )


def test_neighbours_out_of_order_or_overlapping_leave_it_unfixable() -> None:
    overlapping = (
        b"WEBVTT\n\n00:01.000 --> 00:03.000\nSo.\n\n00:02.000 --> 00:02.000\nWell.\n\n"
        b"00:02.000 --> 00:04.000\nNext.\n"
    )
    assert [f.fixable for f in findings(rule, overlapping)] == [False]
    assert fix(rule, overlapping) is None
    json = b'{"version": "1.0.0", "segments": [{"startTime": 1, "endTime": 1, "body": "a"}]}'
    assert [f.fixable for f in findings(rule, json, "x.json")] == [False]


def test_three_zero_length_repeats_all_go() -> None:
    line = b"The mic back to who rocked his best.\n"
    data = (
        b"WEBVTT\n\n00:22.400 --> 00:24.640\n" + line
        + b"\n00:24.640 --> 00:24.640\n" + line
        + b"\n00:24.640 --> 00:24.640\n" + line
        + b"\n00:24.640 --> 00:36.640\n" + line
    )
    done = repair(rule, data)
    assert done.removed == (1, 2)
    assert done.data == (
        b"WEBVTT\n\n00:22.400 --> 00:24.640\n" + line + b"\n00:24.640 --> 00:36.640\n" + line
    )


def test_hidden_words_are_an_error_a_repeat_only_a_warning() -> None:
    data = (
        b"WEBVTT\n\n00:01.000 --> 00:02.000\nSo that's fantastic.\n\n"
        b"00:02.000 --> 00:02.000\nThat sounds great.\n\n"
        b"00:02.000 --> 00:03.000\nNot really.\n\n00:03.000 --> 00:03.000\nNot really.\n\n"
        b"00:03.000 --> 00:04.000\nWhat I would like.\n"
    )
    assert [(f.line, f.level) for f in findings(rule, data)] == [(6, None), (12, "warning")]
    assert rule.LEVEL == "error"


def test_a_blank_zero_length_cue_is_removed() -> None:
    # A line of one space is the cue's payload (WebVTT): it goes with the cue.
    first = b"WEBVTT\n\n00:01.000 --> 00:02.000\nSo.\n\n"
    last = b"00:02.000 --> 00:03.000\nNext.\n"
    data = first + b"00:02.000 --> 00:02.000\n \n\n" + last
    (finding,) = findings(rule, data)
    assert finding.level == "warning"
    assert finding.message.endswith("remove it (it is blank)")
    assert fix(rule, data) == first + last


def test_messages_and_notes_are_whole() -> None:
    first = b"WEBVTT\n\n00:01.000 --> 00:02.000\nSo.\n\n"
    data = first + b"00:02.000 --> 00:02.000\n \n\n00:02.000 --> 00:03.000\nNext.\n"
    assert [f.message for f in findings(rule, data)] == [
        "cue starts and ends at 00:00:02.000, so players never show it; "
        "remove it (it is blank)",
    ]
    assert repair(rule, data).notes == (
        "removed the zero-length cue at line 6 (00:00:02.000): it was blank",
    )


def test_a_first_cue_takes_its_time_before_a_short_gap() -> None:
    # No cue before it: the time ends where the next starts, min-ms before that
    # (or from 0).
    after = b"\n\n00:00:01.300 --> 00:00:02.000\nNext.\n"
    data = b"WEBVTT\n\n00:00:01.000 --> 00:00:01.000\nHello there." + after
    done = repair(rule, data)
    assert done.data == b"WEBVTT\n\n00:00:00.800 --> 00:00:01.300\nHello there." + after
    assert done.notes == (
        "gave the zero-length cue at line 3 (00:00:01.000) the time "
        "00:00:00.800 --> 00:00:01.300",
    )
    early = b"WEBVTT\n\n00:00:00.000 --> 00:00:00.000\nHi.\n\n00:00:00.300 --> 00:00:02.000\nN.\n"
    assert fix(rule, early) == early.replace(
        b"00.000 --> 00:00:00.000", b"00.000 --> 00:00:00.300"
    )


def test_a_gap_of_exactly_min_ms_is_used() -> None:
    data = (
        b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA.\n\n00:00:02.000 --> 00:00:02.000\nB.\n\n"
        b"00:00:02.500 --> 00:00:03.000\nC.\n"
    )
    assert fix(rule, data) == data.replace(
        b"00:00:02.000 --> 00:00:02.000", b"00:00:02.000 --> 00:00:02.500"
    )
