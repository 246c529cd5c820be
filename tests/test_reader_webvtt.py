"""The WebVTT reader: the cues a browser creates, and what the linter is told.

Each edge case of the W3C parser algorithm states the cues exactly, as
``(start_ms, end_ms, text, identifier)``, worked out by hand from the spec's
"WebVTT parser algorithm", "collect a WebVTT block", "collect WebVTT cue
timings and settings" and "collect a WebVTT timestamp".  Diagnostics are
compared by ``(line, column, rule)``, never by wording.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinxcontrib_transcript import loads
from sphinxcontrib_transcript.model import Cue, Transcript
from sphinxcontrib_transcript.readers import _webvtt_body
from sphinxcontrib_transcript.readers.webvtt import parse

DATA = Path(__file__).parent / "data"
HEAD = "WEBVTT\n\n"


def cues(text: str) -> list[tuple[int, int | None, str, str]]:
    return [(c.start_ms, c.end_ms, c.text, c.identifier) for c in parse(text).cues]


def found(text: str) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.rule) for d in parse(text).diagnostics]


# -- timestamps -----------------------------------------------------------------------


def test_minutes_and_seconds_form() -> None:
    transcript = parse(HEAD + "00:01.000 --> 00:02.500\nHello")
    assert cues(HEAD + "00:01.000 --> 00:02.500\nHello") == [(1000, 2500, "Hello", "")]
    cue = transcript.cues[0]
    assert (cue.line, cue.text_line, cue.settings, cue.speaker) == (3, 4, "", None)
    assert transcript.diagnostics == []


def test_hours_form() -> None:
    assert cues(HEAD + "01:02:03.004 --> 01:02:04.000\nx") == [(3723004, 3724000, "x", "")]


def test_each_time_may_take_either_form() -> None:
    assert cues(HEAD + "59:59.999 --> 01:00:00.000\nx") == [(3599999, 3600000, "x", "")]
    assert found(HEAD + "59:59.999 --> 01:00:00.000\nx") == []


def test_hours_may_have_more_than_two_digits_and_exceed_59() -> None:
    text = HEAD + "100:00:00.000 --> 100:00:01.000\na\n\n60:00:00.000 --> 60:00:01.000\nb"
    assert cues(text) == [(360_000_000, 360_001_000, "a", ""), (216_000_000, 216_001_000, "b", "")]
    assert found(text) == []


def test_one_digit_hours_are_accepted_by_browsers_and_reported() -> None:
    # The parser reads "1" as hours (not two digits), so the cue is created;
    # the syntax wants two digits: a warning at each time.
    text = HEAD + "1:00:00.000 --> 1:00:01.000\nx"
    assert cues(text) == [(3_600_000, 3_601_000, "x", "")]
    assert found(text) == [(3, 1, "timestamp-form"), (3, 17, "timestamp-form")]
    assert {d.level for d in parse(text).diagnostics} == {"warning"}


@pytest.mark.parametrize(
    ("timing", "column"),
    [
        ("00:01.0000 --> 00:02.000", 7),  # four digits of milliseconds
        ("00:01.00 --> 00:02.000", 7),  # two digits of milliseconds
        ("00:01 --> 00:02.000", 6),  # no milliseconds
        ("00:001.000 --> 00:02.000", 4),  # three digits of seconds
        ("00:1.000 --> 00:02.000", 4),  # one digit of seconds
        ("000:01.000 --> 00:02.000", 7),  # three-digit first field: hours, then no seconds
        ("0:01.000 --> 00:02.000", 5),  # one-digit first field: hours, then no seconds
        ("00:60.000 --> 01:00.000", 4),  # seconds over 59
        ("60:00.000 --> 61:00.000", 6),  # over 59, so hours, then no seconds
        ("00:60:00.000 --> 01:00:00.000", 4),  # minutes over 59
        ("00:00:60.000 --> 00:01:00.000", 7),  # seconds over 59
        ("00:01,000 --> 00:02,000", 6),  # comma before the milliseconds
        ("00:01.000 --> 00:02.0001", 21),  # end time with four digits of milliseconds
    ],
)
def test_bad_timestamp_drops_the_cue(timing: str, column: int) -> None:
    text = HEAD + f"{timing}\ndropped\n\n00:05.000 --> 00:06.000\nkept"
    assert cues(text) == [(5000, 6000, "kept", "")]
    assert found(text) == [(3, column, "bad-timestamp")]
    assert parse(text).diagnostics[0].level == "error"


@pytest.mark.parametrize(
    ("timing", "column"),
    [
        ("00:01.000 -> 00:02.000 -->", 11),  # no "-->" after the start time
        ("00:01.000 -->", 14),  # no end time
        ("--> 00:02.000", 1),  # no start time
        ("start --> end", 1),
    ],
)
def test_bad_timing_line_drops_the_cue(timing: str, column: int) -> None:
    text = HEAD + f"{timing}\ndropped"
    assert cues(text) == []
    assert found(text) == [(3, column, "bad-timing-line")]


def test_text_after_the_end_time_becomes_settings() -> None:
    # The parser stops after the three digits of milliseconds; the rest is the
    # settings string, which browsers parse and ignore when it means nothing.
    assert cues(HEAD + "00:01.000 --> 00:02.000abc\nx") == [(1000, 2000, "x", "")]
    assert parse(HEAD + "00:01.000 --> 00:02.000abc\nx").cues[0].settings == "abc"
    assert found(HEAD + "00:01.000 --> 00:02.000abc\nx") == [(3, 24, "timing-line-form")]
    spaced = parse(HEAD + "00:01.000 --> 00:02.000 some junk\nx")
    assert spaced.cues[0].settings == "some junk"
    assert spaced.diagnostics == []


def test_settings_kept_as_written() -> None:
    transcript = parse(HEAD + "00:01.000 --> 00:02.000  align:start\tline:0%  \nx")
    assert transcript.cues[0].settings == "align:start\tline:0%"
    assert transcript.diagnostics == []


def test_tabs_around_the_arrow_are_valid() -> None:
    text = HEAD + "00:01.000\t-->\t\t00:02.000\nx"
    assert cues(text) == [(1000, 2000, "x", "")]
    assert found(text) == []


def test_form_feeds_are_whitespace_to_the_parser() -> None:
    # "Skip whitespace" skips form feeds too; the syntax allows only spaces and tabs.
    text = HEAD + "\f00:01.000\f-->\f00:02.000\fline:0\nx"
    assert cues(text) == [(1000, 2000, "x", "")]
    assert parse(text).cues[0].settings == "line:0"
    assert found(text) == [(3, 1, "timing-line-form"), (3, 11, "timing-line-form"),
                           (3, 15, "timing-line-form"), (3, 25, "timing-line-form")]


def test_arrow_without_spaces_is_accepted_and_reported() -> None:
    text = HEAD + "00:01.000-->00:02.000\nx"
    assert cues(text) == [(1000, 2000, "x", "")]
    assert found(text) == [(3, 10, "timing-line-form"), (3, 13, "timing-line-form")]


# -- blocks ---------------------------------------------------------------------------


def test_identifier() -> None:
    text = HEAD + "intro 1\n00:01.000 --> 00:02.000\nHi\n\n2\n00:03.000 --> 00:04.000\nYo"
    assert cues(text) == [(1000, 2000, "Hi", "intro 1"), (3000, 4000, "Yo", "2")]
    assert [(c.line, c.text_line) for c in parse(text).cues] == [(4, 5), (8, 9)]


def test_multi_line_text_and_whitespace_lines_are_text() -> None:
    # Only an empty line ends a cue; a line of spaces is text.
    text = HEAD + "00:01.000 --> 00:02.000\nA\n  \nB\n\n00:03.000 --> 00:04.000\nC"
    assert cues(text) == [(1000, 2000, "A\n  \nB", ""), (3000, 4000, "C", "")]


def test_empty_cue_text() -> None:
    assert cues(HEAD + "00:01.000 --> 00:02.000\n\n00:03.000 --> 00:04.000") == [
        (1000, 2000, "", ""), (3000, 4000, "", ""),
    ]


def test_missing_blank_line_starts_a_new_cue() -> None:
    text = HEAD + "00:01.000 --> 00:02.000\nA\nB\n00:02.000 --> 00:03.000\nC"
    assert cues(text) == [(1000, 2000, "A\nB", ""), (2000, 3000, "C", "")]
    assert found(text) == [(6, 1, "missing-blank-line")]


def test_timing_line_right_after_a_timing_line() -> None:
    text = HEAD + "00:01.000 --> 00:02.000\n00:02.000 --> 00:03.000\nC"
    assert cues(text) == [(1000, 2000, "", ""), (2000, 3000, "C", "")]
    assert found(text) == [(4, 1, "missing-blank-line")]


def test_identifier_after_text_without_blank_line_is_text() -> None:
    # "2" is line 3 of the first block, so it is cue text; the timing line
    # then starts a cue with no identifier.
    text = HEAD + "1\n00:01.000 --> 00:02.000\nA\n2\n00:03.000 --> 00:04.000\nB"
    assert cues(text) == [(1000, 2000, "A\n2", "1"), (3000, 4000, "B", "")]
    assert found(text) == [(7, 1, "missing-blank-line")]


def test_arrow_in_identifier_makes_it_a_bad_timing_line() -> None:
    # Line 1 of a block holding "-->" is read as the timing line; it fails, and
    # the real timing line (line 2 after an arrow line) starts the next cue.
    text = HEAD + "a --> b\n00:01.000 --> 00:02.000\nHi"
    assert cues(text) == [(1000, 2000, "Hi", "")]
    assert found(text) == [(3, 1, "bad-timing-line")]


def test_arrow_in_cue_text_ends_the_cue_and_drops_what_follows() -> None:
    text = HEAD + "00:01.000 --> 00:02.000\nA\nsay --> this\nmore\n\n00:03.000 --> 00:04.000\nB"
    assert cues(text) == [(1000, 2000, "A", ""), (3000, 4000, "B", "")]
    assert found(text) == [(5, 1, "bad-timing-line")]


def test_blank_line_in_cue_text_orphans_the_rest() -> None:
    text = HEAD + "00:01.000 --> 00:02.000\nA\n\nB"
    assert cues(text) == [(1000, 2000, "A", "")]
    assert found(text) == [(6, 1, "orphan-identifier")]


def test_orphan_identifier() -> None:
    text = HEAD + "intro\n\n00:01.000 --> 00:02.000\nHi"
    assert cues(text) == [(1000, 2000, "Hi", "")]
    assert found(text) == [(3, 1, "orphan-identifier")]


def test_lines_before_an_identifier_are_not_part_of_the_cue() -> None:
    text = HEAD + "stray\nintro\n00:01.000 --> 00:02.000\nHi"
    assert cues(text) == [(1000, 2000, "Hi", "")]
    assert found(text) == [(3, 1, "orphan-identifier")]


def test_more_blank_lines_between_cues() -> None:
    text = HEAD + "00:01.000 --> 00:02.000\nA\n\n\n\n\n00:03.000 --> 00:04.000\nB\n\n\n"
    assert cues(text) == [(1000, 2000, "A", ""), (3000, 4000, "B", "")]
    assert [c.line for c in parse(text).cues] == [3, 9]
    assert found(text) == []


def test_cue_at_end_of_file_without_final_newline() -> None:
    assert cues(HEAD + "00:01.000 --> 00:02.000") == [(1000, 2000, "", "")]


# -- line ends and characters -------------------------------------------------------------


def test_nul_becomes_replacement_character() -> None:
    text = HEAD + "id\0\n00:01.000 --> 00:02.000\nA\0B"
    assert cues(text) == [(1000, 2000, "A\ufffdB", "id\ufffd")]


def test_cr_only_line_ends() -> None:
    text = "WEBVTT\r\r1\r00:01.000 --> 00:02.000\rA\rB\r\r00:03.000 --> 00:04.000\rC\r"
    assert cues(text) == [(1000, 2000, "A\nB", "1"), (3000, 4000, "C", "")]
    assert [c.line for c in parse(text).cues] == [4, 8]


def test_crlf_line_ends() -> None:
    text = (
        "WEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nA\r\nB\r\n\r\n"
        "00:03.000 --> 00:04.000\r\nC\r\n"
    )
    assert cues(text) == [(1000, 2000, "A\nB", ""), (3000, 4000, "C", "")]
    assert [c.line for c in parse(text).cues] == [3, 7]


def test_mixed_line_ends() -> None:
    text = "WEBVTT\n\r\n00:01.000 --> 00:02.000\rA\r\n\n00:03.000 --> 00:04.000\nC"
    assert cues(text) == [(1000, 2000, "A", ""), (3000, 4000, "C", "")]


def test_byte_order_mark_through_loads() -> None:
    data = b"\xef\xbb\xbfWEBVTT\n\n00:01.000 --> 00:02.000\nCaf\xc3\xa9"
    transcript = loads(data, format="vtt")
    assert [(c.start_ms, c.end_ms, c.text) for c in transcript.cues] == [(1000, 2000, "Café")]
    assert transcript.diagnostics == []


def test_byte_order_mark_in_text_is_dropped() -> None:
    assert cues("\ufeffWEBVTT\n\n00:01.000 --> 00:02.000\nx") == [(1000, 2000, "x", "")]


# -- signature and header -----------------------------------------------------------------


def test_empty_file() -> None:
    assert cues("") == []
    assert found("") == [(1, 1, "vtt-signature")]


@pytest.mark.parametrize("text", ["WEBVTT", "WEBVTT\n", "WEBVTT\n\n\n", "WEBVTT - title"])
def test_only_a_signature(text: str) -> None:
    assert cues(text) == []
    assert found(text) == []


def test_signature_with_title() -> None:
    transcript = parse("WEBVTT - Talk Python\n\n00:01.000 --> 00:02.000\nx")
    assert cues("WEBVTT - Talk Python\n\n00:01.000 --> 00:02.000\nx") == [(1000, 2000, "x", "")]
    assert transcript.metadata == {"title": "- Talk Python"}
    assert transcript.diagnostics == []
    assert found("WEBVTT\ttab\n\n00:01.000 --> 00:02.000\nx") == []


@pytest.mark.parametrize(
    ("first", "column"), [("WEBVTTX", 7), ("WEBVTT\fx", 7), ("webvtt", 1), ("WEBVT", 1)]
)
def test_invalid_signature_still_read_for_the_linter(first: str, column: int) -> None:
    # A browser shows no cue of these files; the linter reads them anyway.
    text = first + "\n\n00:01.000 --> 00:02.000\nx"
    assert cues(text) == [(1000, 2000, "x", "")]
    assert found(text) == [(1, column, "vtt-signature")]
    assert parse(text).diagnostics[0].level == "error"


def test_no_signature_at_all() -> None:
    text = "00:01.000 --> 00:02.000\nx\n\n00:03.000 --> 00:04.000\ny"
    assert cues(text) == [(1000, 2000, "x", ""), (3000, 4000, "y", "")]
    assert found(text) == [(1, 1, "vtt-signature")]
    assert parse(text).cues[0].line == 1


def test_signature_on_a_later_line() -> None:
    text = "page chrome\n1\n2\nWEBVTT\n00:01.000 --> 00:02.000\nx\n00:03.000 --> 00:04.000\ny"
    transcript = parse(text)
    assert cues(text) == [(1000, 2000, "x", ""), (3000, 4000, "y", "")]
    assert [c.line for c in transcript.cues] == [5, 7]
    assert found(text) == [(1, 1, "vtt-signature"), (5, 1, "vtt-header"),
                           (7, 1, "missing-blank-line")]
    assert "line 4" in transcript.diagnostics[0].message


def test_header_lines_are_metadata() -> None:
    text = "WEBVTT\nKind: captions\nLanguage: en\n\n00:01.000 --> 00:02.000\nx"
    transcript = parse(text)
    assert cues(text) == [(1000, 2000, "x", "")]
    assert transcript.metadata == {"header": "Kind: captions\nLanguage: en", "language": "en"}
    assert transcript.diagnostics == []


def test_header_without_blank_line_before_the_first_cue() -> None:
    # The header block ends at the line holding "-->", which starts a cue.
    text = "WEBVTT\nKind: captions\n00:01.000 --> 00:02.000\nx"
    assert cues(text) == [(1000, 2000, "x", "")]
    assert found(text) == [(3, 1, "vtt-header")]
    assert cues("WEBVTT\n00:01.000 --> 00:02.000\nx") == [(1000, 2000, "x", "")]


def test_timing_on_the_signature_line_is_ignored() -> None:
    text = "WEBVTT 00:01.000 --> 00:02.000\nx"
    assert cues(text) == []
    assert found(text) == [(1, 18, "vtt-header")]


# -- NOTE, STYLE and REGION -----------------------------------------------------------


def test_note_blocks_are_not_cues() -> None:
    text = (
        HEAD + "NOTE this is a comment\nover two lines\n\nNOTE\nanother\n\n"
        "00:01.000 --> 00:02.000\nx\n\nNOTE\ta comment after a cue"
    )
    assert cues(text) == [(1000, 2000, "x", "")]
    assert found(text) == []


def test_note_holding_an_arrow() -> None:
    # Line 1 holds "-->": read as a timing line that fails; the block is dropped.
    text = HEAD + "NOTE a --> b\nmore\n\n00:01.000 --> 00:02.000\nx"
    assert cues(text) == [(1000, 2000, "x", "")]
    assert found(text) == [(3, 8, "bad-timing-line")]


def test_note_holding_an_arrow_on_its_second_line() -> None:
    text = HEAD + "NOTE\nfrom --> to\n\n00:01.000 --> 00:02.000\nx"
    assert cues(text) == [(1000, 2000, "x", "")]
    assert found(text) == [(4, 6, "bad-timing-line")]


def test_note_followed_by_a_timing_line_becomes_a_cue() -> None:
    # Browsers take "NOTE" for the identifier of a cue.
    text = HEAD + "NOTE\n00:01.000 --> 00:02.000\nx"
    assert cues(text) == [(1000, 2000, "x", "NOTE")]
    assert found(text) == [(4, 1, "missing-blank-line")]


def test_style_and_region_blocks_before_the_first_cue() -> None:
    text = (
        HEAD + "STYLE\n::cue { color: yellow }\n\nREGION\nid:fred width:40%\n\n"
        "NOTE between\n\nSTYLE \n::cue(b) { color: red }\n\n00:01.000 --> 00:02.000\nx"
    )
    assert cues(text) == [(1000, 2000, "x", "")]
    assert found(text) == []


def test_style_after_the_first_cue_is_ignored_and_reported() -> None:
    text = HEAD + "00:01.000 --> 00:02.000\nx\n\nSTYLE\n::cue { color: red }"
    assert cues(text) == [(1000, 2000, "x", "")]
    assert found(text) == [(6, 1, "vtt-header")]


def test_style_holding_an_arrow() -> None:
    text = HEAD + "STYLE\n::cue { }\n/* --> */\n\n00:01.000 --> 00:02.000\nx"
    assert cues(text) == [(1000, 2000, "x", "")]
    assert found(text) == [(5, 4, "vtt-header")]


# -- cue text ---------------------------------------------------------------------------


def test_markup_gives_plain_text_and_speaker() -> None:
    payload = "<v.loud Roger Bingham>We are in <i>New York</i> &amp; so"
    cue = parse(HEAD + "00:01.000 --> 00:02.000\n" + payload).cues[0]
    assert cue.text == payload
    assert (cue.plain_text, cue.speaker) == ("We are in New York & so", "Roger Bingham")


def test_text_without_markup_is_its_own_plain_text() -> None:
    cue = parse(HEAD + "00:01.000 --> 00:02.000\nI'm 5 > 4").cues[0]
    assert (cue.plain_text, cue.speaker) == ("I'm 5 > 4", None)


# -- the real corpus ----------------------------------------------------------------------


def _read(path: Path) -> Transcript:
    return loads(path.read_bytes(), format="vtt")


def test_talk_python_episode_zero() -> None:
    # 52 timing lines (grep -c -- '-->'); first and last cue copied from the file.
    transcript = _read(DATA / "talk-python/000_tptm_introducing_the_show.vtt")
    assert len(transcript.cues) == 52
    assert transcript.cues[0] == Cue(
        1, 6440,
        "Talk Python To Me, episode number zero, recorded Saturday, March 21st, 2015.",
        "Talk Python To Me, episode number zero, recorded Saturday, March 21st, 2015.",
        None, "", 3, "", 4,
    )
    assert transcript.cues[-1] == Cue(
        201040, 203520, "developers, developers, developers, developers.",
        "developers, developers, developers, developers.", None, "", 156, "", 157,
    )
    assert transcript.diagnostics == []


def test_web_page_capture_seed() -> None:
    # WEBVTT at line 1010 after page chrome; 333 timing lines after it (awk
    # 'NR>1010' | grep -c -- '-->'), none before, no blank line between cues.
    transcript = _read(DATA / "seeds/000_1b2830ceb1e7f2ab.txt")
    assert len(transcript.cues) == 333
    first = transcript.cues[0]
    assert (first.start_ms, first.end_ms, first.line, first.text_line) == (1, 8120, 1011, 1012)
    assert first.text == (
        "You've probably heard of infrastructure-as-a-service cloud providers such as Amazon "
        "AWS and, to a lesser degree, Microsoft's Azure cloud platform."
    )
    rules = [(d.line, d.rule) for d in transcript.diagnostics]
    assert rules[:3] == [(1, "vtt-signature"), (1011, "vtt-header"), (1013, "missing-blank-line")]
    assert len(rules) == 2 + 332  # every cue after the first lacks its blank line
    assert "line 1010" in transcript.diagnostics[0].message


# -- the fast path and the spec's algorithm agree --------------------------------------------


def _spec_only(text: str, monkeypatch: pytest.MonkeyPatch) -> Transcript:
    # With no slot setters the reader sends every block through the spec's
    # line-by-line algorithm.
    with monkeypatch.context() as patch:
        patch.setattr(_webvtt_body, "_SETTERS", ())
        return parse(text)


@pytest.mark.parametrize("path", sorted(DATA.glob("talk-python/*.vtt")), ids=lambda p: p.name)
def test_fast_path_matches_the_spec_algorithm_on_the_corpus(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = path.read_text(encoding="utf-8")
    fast, slow = parse(text), _spec_only(text, monkeypatch)
    assert fast.cues == slow.cues
    assert fast.diagnostics == slow.diagnostics


@pytest.mark.parametrize(
    "text",
    [
        # identifiers and settings: by columns, with groups
        HEAD + "1\n00:00:01.000 --> 00:00:02.000 align:start\nA\n\n2\n00:00:03.000 --> "
        "00:00:04.000\nB\n",
        # the short form, markup, more blank lines
        HEAD + "00:01.000 --> 00:02.000\n<v Ann>A &amp; B\n\n\n\n00:03.000 --> 00:04.000\nC",
        # runs of good blocks around odd ones
        "WEBVTT\nKind: captions\n\nSTYLE\n::cue {}\n\n00:00:01.000 --> 00:00:02.000\nA\n\n"
        "NOTE x\n\n00:00:03.000 --> 00:00:04.000\nB\n00:00:05.000 --> 00:00:06.000\nC\n\n"
        "00:00:07.000-->00:00:08.000\nD\n\n00:00:09.000 --> 00:00:10.000\nE\n\nlost\n",
        # canonical, then one block the canonical pattern refuses
        HEAD + "00:00:01.000 --> 00:00:02.000\nA\n\n00:00:03.000 --> 00:00:04.000 line:0\nB",
        # canonical timing lines, but blank lines that leave an empty piece and an
        # arrow in the text: as many "-->" as pieces, yet not one cue per piece
        HEAD + "00:00:01.000 --> 00:00:02.000\n\n\n\n\n00:00:03.000 --> 00:00:04.000\nx --> y",
    ],
)
def test_fast_paths_match_the_spec_algorithm(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, slow = parse(text), _spec_only(text, monkeypatch)
    assert fast.cues == slow.cues
    assert fast.diagnostics == slow.diagnostics
    assert len(fast.cues) >= 2


def test_runs_of_good_blocks_around_odd_ones() -> None:
    text = (
        HEAD + "00:00:01.000 --> 00:00:02.000\nA\n\nNOTE x\n\nid\n00:00:03.000 --> "
        "00:00:04.000\nB\n00:00:05.000 --> 00:00:06.000\nC\n\n00:00:07.000 --> 00:00:08.000\nD"
    )
    assert cues(text) == [
        (1000, 2000, "A", ""), (3000, 4000, "B", "id"), (5000, 6000, "C", ""),
        (7000, 8000, "D", ""),
    ]
    assert [(c.line, c.text_line) for c in parse(text).cues] == [(3, 4), (9, 10), (11, 12),
                                                                  (14, 15)]
    assert found(text) == [(11, 1, "missing-blank-line")]


_PIECES = st.sampled_from([
    "WEBVTT", "WEBVTT - t", "NOTE x", "NOTE", "STYLE", "REGION", "id", "7", "a --> b", "",
    "", "", "00:01.000 --> 00:02.000", "00:00:03.000 --> 00:00:04.000 align:start",
    "00:00:05.000 --> 00:00:06.000", "00:00:05.000 --> 00:00:06.000",
    "00:03.000 --> 00:00:04.000", "1:00:00.000 --> 1:00:01.000", "00:05.000-->00:06.000",
    "00:61.000 --> 00:62.000", "00:01.000 --> 00:02.000 x-->y", "<v Ann>Hi &amp; bye",
    "<i>open", "text", "\0", " ", "\t", "-->", "Kind: captions",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=14), st.sampled_from(["\n", "\r\n", "\r"]))
def test_any_arrangement_reads_without_error_and_both_paths_agree(
    pieces: list[str], newline: str
) -> None:
    text = newline.join(pieces)
    fast = parse(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_webvtt_body, "_SETTERS", ())
        slow = parse(text)
    assert fast.cues == slow.cues
    assert fast.diagnostics == slow.diagnostics
    assert all(d.line >= 1 and d.column >= 1 for d in fast.diagnostics)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    transcript = parse(text)
    assert transcript.format == "vtt"
