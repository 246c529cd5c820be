from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import cue_order as rule

from ..conftest import CORPUS
from .conftest import check, check_example, findings, fix

OUT_OF_ORDER = (
    b"WEBVTT\n\nNOTE kept at the top\n\n"
    b"a\n00:00:01.000 --> 00:00:02.000\nfirst\n\n"
    b"c\n00:00:05.000 --> 00:00:06.000\nthird\n\nNOTE travels with c\n\n"
    b"b\n00:00:03.000 --> 00:00:04.000\nsecond\nstill second\n\n"
    b"00:00:07.000 --> 00:00:08.000\nfourth"
)


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(5, 1)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_message_names_the_earlier_cue_and_both_times() -> None:
    (finding,) = findings(rule, OUT_OF_ORDER)
    assert (finding.line, finding.column) == (16, 1)
    assert finding.message == (
        "cue starts at 00:00:03.000, before the cue above it at line 10 (00:00:05.000): "
        "by its time it belongs after the cue at line 6 (00:00:01.000); move it there or "
        "fix its time"
    )


def test_equal_starts_are_in_order() -> None:
    data = b"WEBVTT\n\n00:01.000 --> 00:02.000\na\n\n00:01.000 --> 00:03.000\nb\n"
    assert check(rule, data) == []


def test_fix_of_the_example() -> None:
    before = (
        b"00:00:01 Welcome to the show.\n\n00:00:09 Let's start with the walrus.\n\n"
        b"00:00:05 Today we talk about Python 3.8.\n"
    )
    after = (
        b"00:00:01 Welcome to the show.\n\n00:00:05 Today we talk about Python 3.8.\n\n"
        b"00:00:09 Let's start with the walrus.\n"
    )
    assert fix(rule, before, "x.txt") == after


def test_fix_moves_whole_blocks_and_keeps_the_file_end() -> None:
    assert fix(rule, OUT_OF_ORDER) == (
        b"WEBVTT\n\nNOTE kept at the top\n\n"
        b"a\n00:00:01.000 --> 00:00:02.000\nfirst\n\n"
        b"b\n00:00:03.000 --> 00:00:04.000\nsecond\nstill second\n\n"
        b"c\n00:00:05.000 --> 00:00:06.000\nthird\n\nNOTE travels with c\n\n"
        b"00:00:07.000 --> 00:00:08.000\nfourth"
    )


def test_fix_of_a_last_block_moving_up() -> None:
    b = b"1\r\n00:00:02,000 --> 00:00:03,000\r\nB"
    a = b"2\r\n00:00:01,000 --> 00:00:02,000\r\nA"
    assert fix(rule, b + b"\r\n\r\n" + a, "x.srt") == a + b"\r\n\r\n" + b


def test_timestamped_text_with_untimed_lines_moves_them_along() -> None:
    before = b"00:00:05 b\ncontinued\n\n00:00:01 a\n"
    assert check(rule, before, "x.txt") == [(4, 1)]
    assert fix(rule, before, "x.txt") == b"00:00:01 a\n\n00:00:05 b\ncontinued\n"


def test_fix_of_corpus_file_484_moves_the_two_stray_paragraphs() -> None:
    name = "484-from-react-to-a-django-htmx-based-stack.txt"
    before = (CORPUS / name).read_bytes()
    after = fix(rule, before, name)
    assert after is not None
    assert check(rule, after, name) == []
    assert sorted(after.split(b"\n")) == sorted(before.split(b"\n"))  # every line kept
    pairs = zip(before.split(b"\n"), after.split(b"\n"), strict=True)
    changed = [number for number, (a, b) in enumerate(pairs, 1) if a != b]
    # Line 681 (00:28:23) goes down past the five paragraphs of 00:28:17-21;
    # line 1487 (00:51:28) goes up past the five of 00:51:29-34.
    assert changed == [*range(681, 693, 2), *range(1477, 1489, 2)]


def txt(*seconds: int) -> bytes:
    return b"".join(b"00:00:%02d line %d\n\n" % (second, n) for n, second in enumerate(seconds))


def test_a_line_pasted_too_high_is_named_not_the_cue_below_it() -> None:
    # The 00:00:09 paragraph belongs after 00:00:08, four paragraphs down.
    data = txt(1, 9, 5, 6, 7, 8, 10)
    (finding,) = findings(rule, data, "x.txt")
    assert finding.line == 3
    assert finding.message == (
        "cue starts at 00:00:09, later than the cue below it at line 5 (00:00:05): by its "
        "time it belongs after the cue at line 11 (00:00:08); move it there or fix its time"
    )


def test_a_line_pasted_too_low_is_named() -> None:
    data = txt(1, 2, 3, 4, 5, 0, 6)
    (finding,) = findings(rule, data, "x.txt")
    assert finding.line == 11
    assert finding.message.endswith(
        "by its time it belongs before the cue at line 1 (00:00:01); move it there or fix "
        "its time"
    )


def test_one_problem_per_moved_cue_and_equal_starts_in_order() -> None:
    assert check(rule, txt(1, 5, 5, 2, 3, 4, 6, 7, 0), "x.txt") == [(3, 1), (5, 1), (17, 1)]


def test_the_longest_run_is_found_in_n_log_n() -> None:
    # 200,000 cues in order but 991 pasted 500 cues too high: each moved cue
    # is named, none of the 500 it jumped (a quadratic search would not finish).
    starts = list(range(0, 2_000_000, 10))
    moved = list(range(1_000, 199_001, 200))
    for index in moved:
        starts[index] = starts[index + 500] + 5
    kept = rule._outside_run(starts)
    assert [index for index, flag in enumerate(kept) if not flag] == moved


def test_json_segments_are_reported_but_not_fixable() -> None:
    data = (
        b'{"version": "1.0.0", "segments": [{"startTime": 5, "endTime": 6, "body": "b"},'
        b' {"startTime": 1, "endTime": 2, "body": "a"}]}'
    )
    assert [f.fixable for f in findings(rule, data, "x.json")] == [False]


# -- from a mutation run: every format it reads, and what the fix cannot move ---------


def test_markdown_and_html_transcripts_are_checked_too() -> None:
    markdown = b"[00:05] **Ann**: Later.\n\n[00:01] **Ann**: Earlier.\n\n[00:09] **Ann**: Last.\n"
    assert check(rule, markdown, "x.md") == [(3, 1)]
    html = (
        b"<!DOCTYPE html>\n<html><body>\n<time>0:05</time>\n<p>Later.</p>\n"
        b"<time>0:01</time>\n<p>Earlier.</p>\n<time>0:09</time>\n<p>Last.</p>\n</body></html>\n"
    )
    assert [f.line for f in findings(rule, html, "x.html")] == [5]


def test_cues_sharing_a_line_are_not_fixable() -> None:
    # Two TTML paragraphs on one line: the fix moves lines, so it cannot part them.
    ttml = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<tt xmlns="http://www.w3.org/ns/ttml">\n'
        b"<body><div>\n"
        b'<p begin="00:00:05.000" end="00:00:06.000">Later.</p>'
        b'<p begin="00:00:01.000" end="00:00:02.000">Earlier.</p>\n'
        b'<p begin="00:00:09.000" end="00:00:10.000">Last.</p>\n'
        b"</div></body>\n</tt>\n"
    )
    found = findings(rule, ttml, "x.ttml")
    assert found and not any(f.fixable for f in found)
    assert fix(rule, ttml, "x.ttml") is None


def test_json_segments_are_not_moved() -> None:
    data = (
        b'{"version": "1.0.0", "segments": [\n{"startTime": 5, "endTime": 6, "body": "b"},\n'
        b'{"startTime": 1, "endTime": 2, "body": "a"}\n]}\n'
    )
    assert [f.fixable for f in findings(rule, data, "x.json")] == [False]
    assert fix(rule, data, "x.json") is None
