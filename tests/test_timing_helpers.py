"""The helpers every timing rule uses (``lint/rules/_timing.py``), on their own.

Each rule reads its cues through these: which cues are out of order, overlap,
last no time or end before they start, and where to point in the line.
They are checked here on files the fast paths do not read (JSON segments
with and without ends, indented SRT timing lines), whose answers come from
the time columns.
"""

from __future__ import annotations

import pytest

from sphinxcontrib_transcript.lint.rules import _timing, cue_order

from .rules.conftest import context

HEAD = b'{"version": "1.0.0", "segments": [\n'


def segments(*times: tuple[float, float | None]) -> bytes:
    """A JSON transcript of one segment a line, at *times* ``(start, end or None)``."""
    lines = []
    for start, end in times:
        ending = "" if end is None else f', "endTime": {end}'
        lines.append(f'{{"startTime": {start}{ending}, "body": "x"}}')
    return HEAD + ",\n".join(lines).encode() + b"]}\n"


def json_context(*times: tuple[float, float | None]):
    return context(cue_order, segments(*times), "x.json")


def test_cues_with_and_without_ends() -> None:
    # 0: ends later; 1: no end; 2: ends before it starts; 3: lasts no time and
    # starts before cue 2 ended; 4: starts before cue 3 started; 5: no end.
    ctx = json_context((0, 2), (2, None), (5, 4), (3.5, 3.5), (3, 6), (5, None))
    assert _timing.times(ctx) == ([0, 2000, 5000, 3500, 3000, 5000],
                                  [2000, None, 4000, 3500, 6000, None])
    assert _timing.in_sequence(ctx) is False  # unknown with a cue without an end
    assert _timing.ends_before_starts(ctx) == [2]
    assert _timing.zero_durations(ctx) == [3]
    assert _timing.out_of_order(ctx) == [3, 4]
    # Cue 2 follows a cue without an end (not a candidate); cues 3, 4 and 5
    # start before the cue above ends (4, 3.5 and 6 s).
    assert _timing.overlap_candidates(ctx) == [3, 4, 5]


def test_the_second_cue_overlapping_the_first_when_a_later_one_has_no_end() -> None:
    ctx = json_context((0, 3), (2, 4), (4, None))
    assert _timing.overlap_candidates(ctx) == [1]


def test_touching_cues_do_not_overlap_and_equal_times_are_not_backwards() -> None:
    ctx = json_context((0, 1), (1, 1), (1, None), (2, 3))
    assert _timing.ends_before_starts(ctx) == []
    assert _timing.out_of_order(ctx) == []
    assert _timing.overlap_candidates(ctx) == []
    assert _timing.zero_durations(ctx) == [1]


def test_cues_in_sequence_have_nothing_to_report() -> None:
    ctx = json_context((0, 1), (1, 2), (2.5, 3))
    assert _timing.in_sequence(ctx) is True
    assert _timing.out_of_order(ctx) == []
    assert _timing.ends_before_starts(ctx) == []
    assert _timing.overlap_candidates(ctx) == []
    assert _timing.zero_durations(ctx) == []


def test_in_sequence_needs_each_cue_to_end_after_it_starts_and_before_the_next() -> None:
    assert _timing.in_sequence(json_context((0, 1), (1, 0.5))) is False
    assert _timing.in_sequence(json_context((0, 2), (1, 3))) is False
    assert _timing.in_sequence(json_context((0, 0), (0, 0))) is True


@pytest.mark.parametrize(("fmt", "ms", "written"), [
    ("vtt", 3_723_004, "01:02:03.004"),
    ("srt", 3_723_004, "01:02:03,004"),
    ("txt", 3_723_004, "01:02:03"),
    ("json", 3_723_004, "3723.004 s"),
    ("json", 4_250, "4.25 s"),
    ("json", 4_000, "4 s"),
    ("json", 10, "0.01 s"),
    ("json", 0, "0 s"),
])
def test_stamp_writes_times_as_the_format_does(fmt: str, ms: int, written: str) -> None:
    assert _timing.stamp(fmt, ms) == written  # type: ignore[arg-type]


SRT = b"1\n  00:00:01,000 --> 00:00:02,000\nA\n\n2\n\t00:00:03,000  -->   00:00:04,000"


def test_columns_on_indented_timing_lines() -> None:
    ctx = context(cue_order, SRT, "x.srt")
    first, last = ctx.cues
    assert (_timing.start_column_at(ctx, 2), _timing.end_column_at(ctx, 2)) == (3, 20)
    # The last line of the file, with a tab and extra spaces around the arrow.
    assert (_timing.start_column_at(ctx, 6), _timing.end_column_at(ctx, 6)) == (2, 22)
    assert _timing.start_column(ctx, last) == 2
    assert _timing.end_column(ctx, first) == 20


def test_columns_on_the_first_line() -> None:
    ctx = context(cue_order, b" 00:00:01,000 --> 00:00:02,000\nA\n", "x.srt")  # no index
    assert (_timing.start_column_at(ctx, 1), _timing.end_column_at(ctx, 1)) == (2, 19)


def test_columns_of_lines_outside_the_file_are_1() -> None:
    ctx = context(cue_order, SRT, "x.srt")
    for number in (0, 7, -1):
        assert _timing.start_column_at(ctx, number) == 1
        assert _timing.end_column_at(ctx, number) == 1


def test_an_arrow_in_json_text_is_not_an_end_time() -> None:
    data = HEAD + b'  {"startTime": 1, "endTime": 1, "body": "a --> b"}]}\n'
    ctx = context(cue_order, data, "x.json")
    assert _timing.end_column_at(ctx, 2) == _timing.start_column_at(ctx, 2) == 3


def test_canonical_webvtt_columns_are_known_without_the_lines() -> None:
    data = b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA\n\n00:00:03.000 --> 00:00:03.000\nB\n"
    ctx = context(cue_order, data, "x.vtt")
    assert (_timing.start_column_at(ctx, 6), _timing.end_column_at(ctx, 6)) == (1, 18)
