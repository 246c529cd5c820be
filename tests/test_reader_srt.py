"""The SRT reader: canonical cards, each tolerated deviation, each diagnostic.

Every deviation test states the exact ``(line, column, rule)`` of what is
reported and the exact cues read.
"""

from __future__ import annotations

import pytest

from sphinxcontrib_transcript.readers import loads, srt

T1 = "00:00:01,000 --> 00:00:02,500"
T2 = "00:00:03,000 --> 00:00:04,000"
T3 = "00:00:05,000 --> 00:00:06,000"


def positions(transcript):
    return [(d.line, d.column, d.rule) for d in transcript.diagnostics]


def core(transcript):
    return [(c.identifier, c.start_ms, c.end_ms, c.text, c.line) for c in transcript.cues]


# -- canonical files -----------------------------------------------------------


def test_canonical_file():
    source = f"1\n{T1}\nHello there.\n\n2\n{T2}\nTwo lines\nof text.\n\n3\n{T3}\nBye.\n\n"
    transcript = srt.parse(source)
    assert transcript.format == "srt"
    assert positions(transcript) == []
    assert core(transcript) == [
        ("1", 1000, 2500, "Hello there.", 2),
        ("2", 3000, 4000, "Two lines\nof text.", 6),
        ("3", 5000, 6000, "Bye.", 11),
    ]
    assert [c.text_line for c in transcript.cues] == [3, 7, 12]
    assert [c.plain_text for c in transcript.cues] == [
        "Hello there.", "Two lines\nof text.", "Bye."
    ]
    assert [c.speaker for c in transcript.cues] == [None, None, None]
    assert [c.settings for c in transcript.cues] == ["", "", ""]


def test_crlf_and_bom_are_normal():
    data = f"\N{BYTE ORDER MARK}1\r\n{T1}\r\nHello.\r\n\r\n2\r\n{T2}\r\nBye.\r\n".encode()
    transcript = loads(data, format="srt")
    assert positions(transcript) == []
    assert core(transcript) == [("1", 1000, 2500, "Hello.", 2), ("2", 3000, 4000, "Bye.", 6)]


def test_cr_only_line_ends():
    transcript = srt.parse(f"1\r{T1}\rHello.\r\r2\r{T2}\rBye.")
    assert positions(transcript) == []
    assert core(transcript) == [("1", 1000, 2500, "Hello.", 2), ("2", 3000, 4000, "Bye.", 6)]


@pytest.mark.parametrize("ending", ["", "\n", "\n\n", "\n\n\n\n"])
def test_no_final_blank_line_or_several(ending):
    transcript = srt.parse(f"1\n{T1}\nHello.{ending}")
    assert positions(transcript) == []
    assert core(transcript) == [("1", 1000, 2500, "Hello.", 2)]


def test_several_blank_lines_between_cards():
    transcript = srt.parse(f"1\n{T1}\nA\n\n\n\n2\n{T2}\nB\n")
    assert positions(transcript) == []
    assert core(transcript) == [("1", 1000, 2500, "A", 2), ("2", 3000, 4000, "B", 8)]


def test_empty_files():
    for source in ("", "\n", "\n\n \n"):
        transcript = srt.parse(source)
        assert (transcript.cues, transcript.diagnostics) == ([], [])


def test_card_with_no_text():
    transcript = srt.parse(f"1\n{T1}\n\n2\n{T2}\nB\n")
    assert positions(transcript) == []
    assert core(transcript) == [("1", 1000, 2500, "", 2), ("2", 3000, 4000, "B", 5)]
    assert transcript.cues[0].text_line == 3


def test_text_kept_as_written():
    payload = "  indented \t\n<i>tags</i> &amp; 42\n7"
    transcript = srt.parse(f"1\n{T1}\n{payload}\n")
    assert positions(transcript) == []
    assert transcript.cues[0].text == payload


def test_index_with_surrounding_spaces_and_timing_line_spaces():
    transcript = srt.parse(" 1 \n  00:00:01,000   -->\t00:00:02,500  \nA\n")
    assert positions(transcript) == []
    assert core(transcript) == [("1", 1000, 2500, "A", 2)]


def test_hours_over_99():
    transcript = srt.parse("1\n100:00:00,000 --> 100:00:01,000\nLate.\n")
    assert positions(transcript) == []
    assert core(transcript) == [("1", 360_000_000, 360_001_000, "Late.", 2)]


def test_coordinates_after_the_end_time_are_kept_as_settings():
    transcript = srt.parse(f"1\n{T1} X1:100 X2:600 Y1:20 Y2:50\nA\n")
    assert positions(transcript) == []
    assert transcript.cues[0].settings == "X1:100 X2:600 Y1:20 Y2:50"


# -- index ---------------------------------------------------------------------


def test_missing_index():
    transcript = srt.parse(f"{T1}\nA\n\n2\n{T2}\nB\n")
    assert positions(transcript) == [(1, 1, "srt-index")]
    assert transcript.diagnostics[0].level == "warning"
    assert core(transcript) == [("", 1000, 2500, "A", 1), ("2", 3000, 4000, "B", 5)]


def test_non_integer_index():
    transcript = srt.parse(f"1\n{T1}\nA\n\n  two\n{T2}\nB\n\n3\n{T3}\nC\n")
    assert positions(transcript) == [(5, 3, "srt-index")]
    assert [c.identifier for c in transcript.cues] == ["1", "two", "3"]


def test_negative_index_is_not_a_whole_number():
    transcript = srt.parse(f"-1\n{T1}\nA\n")
    assert positions(transcript) == [(1, 1, "srt-index")]
    assert core(transcript) == [("-1", 1000, 2500, "A", 2)]


def test_wrong_index_then_counting_goes_on_from_it():
    transcript = srt.parse(f"1\n{T1}\nA\n\n3\n{T2}\nB\n\n4\n{T3}\nC\n")
    assert positions(transcript) == [(5, 1, "srt-index")]
    assert "should be 2" in transcript.diagnostics[0].message
    assert [c.identifier for c in transcript.cues] == ["1", "3", "4"]


def test_index_not_starting_at_one():
    transcript = srt.parse(f"0\n{T1}\nA\n\n1\n{T2}\nB\n")
    assert positions(transcript) == [(1, 1, "srt-index")]
    assert [c.identifier for c in transcript.cues] == ["0", "1"]


def test_duplicate_index():
    transcript = srt.parse(f"1\n{T1}\nA\n\n1\n{T2}\nB\n")
    assert positions(transcript) == [(5, 1, "srt-index")]


# -- timestamps ----------------------------------------------------------------


def test_dot_before_milliseconds():
    transcript = srt.parse("1\n00:00:01.000 --> 00:00:02.500\nA\n")
    assert positions(transcript) == [(2, 9, "timestamp-form"), (2, 26, "timestamp-form")]
    assert {d.level for d in transcript.diagnostics} == {"warning"}
    assert "players accept it; write ','" in transcript.diagnostics[0].message
    assert core(transcript) == [("1", 1000, 2500, "A", 2)]


def test_full_width_punctuation():
    transcript = srt.parse("1\n00：00：01，000 --> 00:00:02．500\nA\n")
    assert positions(transcript) == [
        (2, 3, "timestamp-form"),  # the first full-width colon
        (2, 9, "timestamp-form"),  # the full-width comma
        (2, 26, "timestamp-form"),  # the full-width full stop
    ]
    assert core(transcript) == [("1", 1000, 2500, "A", 2)]


def test_hours_omitted():
    transcript = srt.parse("1\n00:01,000 --> 00:02,500\nA\n")
    assert positions(transcript) == [(2, 1, "bad-timestamp"), (2, 15, "bad-timestamp")]
    assert {d.level for d in transcript.diagnostics} == {"error"}
    assert core(transcript) == [("1", 1000, 2500, "A", 2)]


def test_hours_omitted_with_dot():
    transcript = srt.parse("1\n01:02.003 --> 01:04.000\nA\n")
    assert positions(transcript) == [
        (2, 1, "bad-timestamp"), (2, 6, "timestamp-form"),
        (2, 15, "bad-timestamp"), (2, 20, "timestamp-form"),
    ]
    assert core(transcript) == [("1", 62_003, 64_000, "A", 2)]


def test_minutes_and_seconds_over_59_are_read_and_reported():
    transcript = srt.parse("1\n00:61:00,000 --> 00:00:75,000\nA\n")
    assert positions(transcript) == [(2, 4, "bad-timestamp"), (2, 24, "bad-timestamp")]
    assert {d.level for d in transcript.diagnostics} == {"error"}
    assert core(transcript) == [("1", 3_660_000, 75_000, "A", 2)]


def test_one_digit_fields():
    transcript = srt.parse("1\n0:0:1,000 --> 00:00:02,000\nA\n")
    assert positions(transcript) == [(2, 1, "timestamp-form")]
    assert transcript.diagnostics[0].level == "warning"
    assert core(transcript) == [("1", 1000, 2000, "A", 2)]


@pytest.mark.parametrize(
    ("fraction", "ms"), [("5", 1500), ("50", 1500), ("5000", 1500), ("123456", 1123)]
)
def test_fraction_not_three_digits_is_a_decimal_fraction(fraction, ms):
    transcript = srt.parse(f"1\n00:00:01,{fraction} --> 00:00:02,000\nA\n")
    assert positions(transcript) == [(2, 10, "timestamp-form")]
    assert transcript.diagnostics[0].level == "warning"
    assert transcript.cues[0].start_ms == ms


def test_no_milliseconds():
    transcript = srt.parse("1\n00:00:01 --> 00:00:02\nA\n")
    assert positions(transcript) == [(2, 9, "timestamp-form"), (2, 22, "timestamp-form")]
    assert core(transcript) == [("1", 1000, 2000, "A", 2)]


# -- the arrow -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("timing", "column", "rule", "level"),
    [
        # Spacing only: players read it.
        ("00:00:01,000-->00:00:02,500", 13, "timing-line-form", "warning"),
        ("00:00:01,000 -->00:00:02,500", 14, "timing-line-form", "warning"),
        # Another arrow: players (ffmpeg's and VLC's readers) drop the card.
        ("00:00:01,000 -> 00:00:02,500", 14, "bad-timing-line", "error"),
        ("00:00:01,000 - > 00:00:02,500", 14, "bad-timing-line", "error"),
        ("00:00:01,000 ---> 00:00:02,500", 14, "bad-timing-line", "error"),
        ("00:00:01,000 —> 00:00:02,500", 14, "bad-timing-line", "error"),
    ],
)
def test_arrow_variants_are_read_and_reported(timing, column, rule, level):
    transcript = srt.parse(f"1\n{timing}\nA\n")
    assert positions(transcript) == [(2, column, rule)]
    assert transcript.diagnostics[0].level == level
    assert core(transcript) == [("1", 1000, 2500, "A", 2)]


# -- blank lines ---------------------------------------------------------------


def test_leading_blank_lines():
    transcript = srt.parse(f"\n \n1\n{T1}\nA\n")
    assert positions(transcript) == [(1, 1, "leading-junk")]
    assert transcript.diagnostics[0].level == "warning"
    assert core(transcript) == [("1", 1000, 2500, "A", 4)]


def test_missing_blank_line_between_cards():
    transcript = srt.parse(f"1\n{T1}\nA\n2\n{T2}\nB\n")
    assert positions(transcript) == [(4, 1, "missing-blank-line")]
    assert core(transcript) == [("1", 1000, 2500, "A", 2), ("2", 3000, 4000, "B", 5)]


def test_missing_blank_line_and_index():
    transcript = srt.parse(f"1\n{T1}\nA\n{T2}\nB\n")
    assert positions(transcript) == [(4, 1, "missing-blank-line"), (4, 1, "srt-index")]
    assert core(transcript) == [("1", 1000, 2500, "A", 2), ("", 3000, 4000, "B", 4)]


def test_number_in_text_not_followed_by_a_timing_line_is_text():
    transcript = srt.parse(f"1\n{T1}\n42\nA\n")
    assert positions(transcript) == []
    assert core(transcript) == [("1", 1000, 2500, "42\nA", 2)]


def test_blank_line_inside_the_text_keeps_the_words_in_the_cue():
    transcript = srt.parse(f"1\n{T1}\nFirst part\n\nsecond part.\n\n2\n{T2}\nB\n")
    assert positions(transcript) == [(5, 1, "blank-in-payload")]
    assert "line 2" in transcript.diagnostics[0].message
    assert core(transcript) == [
        ("1", 1000, 2500, "First part\n\nsecond part.", 2),
        ("2", 3000, 4000, "B", 8),
    ]


def test_blank_line_after_the_timing_line():
    transcript = srt.parse(f"1\n{T1}\n\nDetached.\n")
    assert positions(transcript) == [(4, 1, "blank-in-payload")]
    assert core(transcript) == [("1", 1000, 2500, "\nDetached.", 2)]
    assert transcript.cues[0].text_line == 3


def test_text_before_the_first_card_is_reported_not_read():
    transcript = srt.parse(f"My subtitles\n\n1\n{T1}\nA\n")
    assert positions(transcript) == [(1, 1, "untimed-line")]
    assert "'My subtitles' was not read" in transcript.diagnostics[0].message
    assert core(transcript) == [("1", 1000, 2500, "A", 4)]


def test_card_without_arrow_is_reported_not_read():
    transcript = srt.parse("1\n00:00:01,000 00:00:02,000\nLost.\n")
    assert positions(transcript) == [(1, 1, "untimed-line")]
    assert "'1 00:00:01,000 00:00:02,000 Lost.' was not read" in transcript.diagnostics[0].message
    assert transcript.cues == []


# -- unreadable timing lines ---------------------------------------------------


@pytest.mark.parametrize(
    ("timing", "column"),
    [
        ("00:00:01,000 --> soon", 18),
        ("00:00:0x,000 --> 00:00:02,000", 8),
        ("-00:00:01,000 --> 00:00:02,000", 1),
        ("00:00:01,000 --> 00:00:02,000abc", 30),
        ("--> 00:00:02,000", 1),
    ],
)
def test_unreadable_timing_line_drops_the_card_and_names_its_text(timing, column):
    transcript = srt.parse(f"1\n{timing}\nLost words\nhere.\n\n2\n{T2}\nKept.\n")
    assert positions(transcript) == [(2, column, "bad-timing-line")]
    assert transcript.diagnostics[0].level == "error"
    assert "'Lost words here.' was not read" in transcript.diagnostics[0].message
    assert core(transcript) == [("2", 3000, 4000, "Kept.", 7)]


def test_text_after_a_dropped_card_is_reported_not_read():
    transcript = srt.parse(f"1\n00:00:01,000 --> x\nLost\n\nmore lost\n\n2\n{T2}\nKept.\n")
    assert positions(transcript) == [(2, 18, "bad-timing-line"), (5, 1, "untimed-line")]
    assert "'more lost' was not read" in transcript.diagnostics[1].message
    assert core(transcript) == [("2", 3000, 4000, "Kept.", 8)]


def test_dropped_card_without_text():
    transcript = srt.parse("1\n00:00:01,000 --> x\n")
    assert positions(transcript) == [(2, 18, "bad-timing-line")]
    assert "(the card has no text)" in transcript.diagnostics[0].message


def test_long_numbers_do_not_break_the_reader():
    transcript = srt.parse(f"{'9' * 5000}\n{'1' * 5000}:00:00,000 --> 00:00:01,000\nA\n")
    assert positions(transcript) == [(1, 1, "srt-index"), (2, 1, "bad-timing-line")]
    assert all(len(d.message) < 300 for d in transcript.diagnostics)


# -- speakers and plain text ---------------------------------------------------


@pytest.mark.parametrize(
    ("payload", "speaker", "plain"),
    [
        ("Ann: Hello.", "Ann", "Hello."),
        ("Ann Lee: Hello.\nSecond line.", "Ann Lee", "Hello.\nSecond line."),
        ("ann: lower case is not a name.", None, "ann: lower case is not a name."),
        ("Note: a capitalised word and a colon.", "Note", "a capitalised word and a colon."),
        ("At 10:30 we start.", None, "At 10:30 we start."),
        ("<i>Ann: Hello.</i>", "Ann", "Hello."),
        ("<i>Hello</i> <b>there</b>, <u>you</u>.", None, "Hello there, you."),
        ("{\\an8}Ann: On top.", "Ann", "On top."),
        ("<I>Upper-case</I> <B>tags</B>", None, "Upper-case tags"),
        ("Fish &amp; chips", None, "Fish & chips"),
    ],
)
def test_speaker_and_plain_text(payload, speaker, plain):
    transcript = srt.parse(f"1\n{T1}\n{payload}\n")
    [cue] = transcript.cues
    assert (cue.text, cue.speaker, cue.plain_text) == (payload, speaker, plain)


def test_font_tag_is_removed_from_plain_text():
    [cue] = srt.parse(f'1\n{T1}\n<font color="#ff0000">Red</font> text\n').cues
    assert cue.plain_text == "Red text"


def test_sniffed_as_srt():
    transcript = loads(f"1\n{T1}\nHello.\n".encode())
    assert transcript.format == "srt"
    assert core(transcript) == [("1", 1000, 2500, "Hello.", 2)]
