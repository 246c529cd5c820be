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


# -- from a mutation run: boundaries of the plan and the retiming arithmetic ----------


def test_min_ms_is_at_least_one_and_its_help_says_what_it_is() -> None:
    import os

    import pytest

    from sphinxcontrib_transcript.lint import ConfigError, resolve

    def configured(value: int) -> object:
        table = {"rules": {"zero-duration": {"min-ms": value}}}
        return resolve(table, source="x.toml", root=os.getcwd()).options["zero-duration"]

    assert configured(1) == {"min-ms": 1}
    with pytest.raises(ConfigError) as raised:
        configured(0)
    assert str(raised.value) == (
        "x.toml: rules.zero-duration: min-ms must be at least 1, not 0; the shortest "
        "duration the fix gives a cue and leaves its neighbour"
    )


def test_a_repeat_of_the_second_cue_is_not_called_blank() -> None:
    # The cue it repeats is at index 1: a sentinel for "blank" must be no index.
    data = (
        b"WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nFirst.\n\n"
        b"00:00:01.000 --> 00:00:02.000\nyou know,\n\n00:00:02.000 --> 00:00:02.000\nYou know\n"
    )
    (finding,) = findings(rule, data)
    assert finding.message == (
        "cue starts and ends at 00:00:02.000, so players never show it; remove it (its "
        "words are in the cue beside it)"
    )
    assert repair(rule, data).notes == (
        "removed the zero-length cue at line 9 (00:00:02.000): its words are in the cue "
        "at line 6",
    )


def test_the_last_cue_starting_earlier_leaves_it_unfixable() -> None:
    data = (
        b"WEBVTT\n\n00:00:05.000 --> 00:00:05.000\nHello there.\n\n"
        b"00:00:04.000 --> 00:00:06.000\nOther words.\n"
    )
    (finding,) = findings(rule, data)
    assert not finding.fixable
    assert fix(rule, data) is None


def test_a_first_cue_at_zero_before_a_cue_at_zero_has_no_room() -> None:
    data = (
        b"WEBVTT\n\n00:00:00.000 --> 00:00:00.000\nHello there.\n\n"
        b"00:00:00.000 --> 00:00:02.000\nOther words.\n"
    )
    (finding,) = findings(rule, data)
    assert not finding.fixable
    assert fix(rule, data) is None


def test_two_milliseconds_are_shared_one_each() -> None:
    data = (
        b"WEBVTT\n\n00:00:01.000 --> 00:00:01.001\nA.\n\n00:00:01.001 --> 00:00:01.001\nB.\n\n"
        b"00:00:01.002 --> 00:00:02.000\nC.\n"
    )
    (finding,) = findings(rule, data)
    assert finding.fixable
    assert fix(rule, data) == data.replace(
        b"00:00:01.001 --> 00:00:01.001", b"00:00:01.001 --> 00:00:01.002"
    )
    # One millisecond (C starts where B is): nothing to share.
    one = data.replace(b"00:00:01.002 --> 00:00:02.000", b"00:00:01.001 --> 00:00:02.000")
    (finding,) = findings(rule, one)
    assert not finding.fixable


def test_the_share_follows_the_length_of_one_character_texts() -> None:
    # Far apart, so min-ms does not clamp the boundary: 18 characters to 1.
    words = b"Hello there friend"
    data = (
        b"WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n" + words + b"\n\n"
        b"00:00:19.800 --> 00:00:19.800\nA\n\n00:00:20.000 --> 00:00:21.000\nC.\n"
    )
    assert fix(rule, data) == data.replace(
        b"00:00:19.800 --> 00:00:19.800", b"00:00:18.947 --> 00:00:20.000"
    )
    swapped = data.replace(words, b"B").replace(b"\nA\n", b"\n" + words + b"\n")
    assert fix(rule, swapped) == swapped.replace(
        b"00:00:19.800 --> 00:00:19.800", b"00:00:01.053 --> 00:00:20.000"
    )


def test_after_a_zero_length_cue_left_at_the_same_time() -> None:
    # B overlaps A's end, so it is left; C starts with B and ends before D: it
    # may follow B (start and end no later than its own start) and takes half
    # of the 200 ms to D, starting later than it said only because B is there.
    data = (
        b"WEBVTT\n\n00:00:01.000 --> 00:00:10.000\nAlpha words.\n\n"
        b"00:00:05.000 --> 00:00:05.000\nBeta.\n\n00:00:05.000 --> 00:00:05.000\nGamma.\n\n"
        b"00:00:05.200 --> 00:00:06.000\nDelta.\n"
    )
    left, given = findings(rule, data)
    assert (left.fixable, given.fixable) == (False, True)
    assert fix(rule, data) == data.replace(
        b"00:00:05.000 --> 00:00:05.000\nGamma.", b"00:00:05.100 --> 00:00:05.200\nGamma."
    )


def test_the_cue_before_is_not_rewritten_when_its_end_stays() -> None:
    # It starts where A ends and takes the gap after it: A keeps its end, and
    # its timing line stays as written (short form and all).
    data = (
        b"WEBVTT\n\n00:00.000 --> 00:00.100\nA\n\n00:00.100 --> 00:00.100\nOwn words.\n\n"
        b"00:00.500 --> 00:01.000\nC.\n"
    )
    done = repair(rule, data)
    assert done.data == data.replace(b"00:00.100 --> 00:00.100", b"00:00.100 --> 00:00.500")
    assert done.notes == (
        "gave the zero-length cue at line 6 (00:00:00.100) the time "
        "00:00:00.100 --> 00:00:00.500",
    )
