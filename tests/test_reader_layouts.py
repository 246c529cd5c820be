"""Timed lines in every layout people keep, in text and Markdown: one test per
layout of the survey of public repositories (docs/formats.rst lists them),
each with a small file written for it, asserting cues, times, speakers and
positions exactly.  The fast paths give what the line reader gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinxcontrib_transcript.readers import _lines, loads, sniff
from sphinxcontrib_transcript.readers.discover import skip_reason


def cues(transcript):
    return [(c.start_ms, c.end_ms, c.speaker, c.plain_text, c.line, c.text_line)
            for c in transcript.cues]


def problems(transcript):
    return [(d.line, d.column, d.rule) for d in transcript.diagnostics]


# -- 1. speaker first (Whisper + diarisation pipelines) ------------------------------


SPEAKER_FIRST = """\
[Speaker 1] [00:00] Welcome back, everyone.
[Speaker 2] [00:04] Thanks for having me.
[Speaker 1] [04:03] Later.
[Speaker 2] [03:50] Earlier: a real backwards time.
[Adam Leventhal] [59:58] Two more minutes.
[Adam Leventhal] [01:00:10] And we're past the hour.
"""


@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_speaker_first(fmt: str) -> None:
    assert sniff(SPEAKER_FIRST) == "txt"  # not JSON, though it starts with "["
    transcript = loads(SPEAKER_FIRST, format=fmt)
    assert transcript.format == fmt
    assert problems(transcript) == []
    assert cues(transcript) == [
        (0, None, "Speaker 1", "Welcome back, everyone.", 1, 1),
        (4000, None, "Speaker 2", "Thanks for having me.", 2, 2),
        (243_000, None, "Speaker 1", "Later.", 3, 3),
        (230_000, None, "Speaker 2", "Earlier: a real backwards time.", 4, 4),
        (3_598_000, None, "Adam Leventhal", "Two more minutes.", 5, 5),
        (3_610_000, None, "Adam Leventhal", "And we're past the hour.", 6, 6),
    ]
    assert skip_reason(SPEAKER_FIRST.encode(), ".txt") is None


def test_speaker_first_backwards_time_is_linted() -> None:
    from sphinxcontrib_transcript.lint import lint_bytes

    found = [(p.line, p.rule) for p in lint_bytes(SPEAKER_FIRST.encode(), "ep.txt")]
    assert found == [(4, "cue-order")]


# -- 2. time first, speaker in bold (LLM-cleaned call notes) ------------------------

CALL_NOTES = """\
[00:19] **Ann**: Good morning, can you all hear me?

[00:31] **Ben**: Loud and clear.

A paragraph without a time continues Ben's turn.

[60:25] **Ann**: Minutes keep counting past sixty in *long* calls.
"""


def test_time_first_speaker_in_bold() -> None:
    transcript = loads(CALL_NOTES, format="md")
    assert cues(transcript) == [
        (19_000, None, "Ann", "Good morning, can you all hear me?", 1, 1),
        (31_000, None, "Ben", "Loud and clear.\nA paragraph without a time continues Ben's turn.",
         3, 3),
        (3_625_000, None, "Ann", "Minutes keep counting past sixty in long calls.", 7, 7),
    ]
    # [60:25] is 1:00:25: neither bad-timestamp nor untimed-line; the untimed
    # paragraph is reported once.
    assert problems(transcript) == [(5, 1, "untimed-line")]
    # The speaker is in Cue.speaker, not in the text a reader sees.
    assert all("*" not in c.plain_text and "Ann" not in c.plain_text for c in transcript.cues)


def test_many_untimed_paragraphs_do_not_hide_the_file() -> None:
    data = ("[00:01] **Ann**: Hello.\n\n" + "An untimed paragraph.\n\n" * 50).encode()
    assert skip_reason(data, ".md") is None
    assert skip_reason(data, ".txt") is None


# -- 3. speaker heading, then timed lines (Markdown of ASR services) -----------------

HEADINGS = """\
# Release call

**SPEAKER_00:**

[00:00] Hello and welcome.
[00:07] Today we look at the [release](https://example.org/r).

**SPEAKER_01:**

[00:15] Thanks.
"""


def test_speaker_heading_then_timed_lines() -> None:
    transcript = loads(HEADINGS, format="md")
    assert problems(transcript) == []
    assert cues(transcript) == [
        (0, None, "SPEAKER_00", "Hello and welcome.", 5, 5),
        (7000, None, "SPEAKER_00", "Today we look at the release.", 6, 6),
        (15_000, None, "SPEAKER_01", "Thanks.", 10, 10),
    ]


def test_untimed_speaker_paragraphs_are_no_timed_transcript() -> None:
    # The plain-text siblings of layout 3: no times, so skipping them is right.
    data = b"SPEAKER_00: Hello and welcome.\n\nSPEAKER_01: Thanks.\n"
    assert skip_reason(data, ".txt") == "no line starts with a timestamp"


# -- 4. talk-python (the fast path) --------------------------------------------------


def test_talk_python_layout() -> None:
    transcript = loads("00:00:01 Michael: Welcome.\n\n00:16:18 Hannah Sim: Yes.\n", format="txt")
    assert problems(transcript) == []
    assert cues(transcript) == [
        (1000, None, "Michael", "Welcome.", 1, 1),
        (978_000, None, "Hannah Sim", "Yes.", 3, 3),
    ]


# -- 5. other line layouts: Otter, Rev, Whisper's console ---------------------------

OTHERS = """\
Speaker 1  0:03
Otter puts the speaker and time on one line
and the paragraph below.

Ann Smith (00:01:12):
Rev puts the time in parentheses after the name.

A second paragraph of Ann's turn.

Ben (00:01:30): Rev with the text on the line.

[0.00 --> 2.90]  Whisper's --verbose console output.
[00:03.500 --> 00:05.000]  And its clock form.
"""


def test_otter_rev_and_whisper_console_lines() -> None:
    transcript = loads(OTHERS, format="txt")
    # Paragraphs under a timed heading are that layout, not untimed lines.
    assert problems(transcript) == []
    assert cues(transcript) == [
        (3000, None, "Speaker 1",
         "Otter puts the speaker and time on one line\nand the paragraph below.", 1, 2),
        (72_000, None, "Ann Smith", "Rev puts the time in parentheses after the name.\n"
         "A second paragraph of Ann's turn.", 5, 6),
        (90_000, None, "Ben", "Rev with the text on the line.", 10, 10),
        (0, 2900, None, "Whisper's --verbose console output.", 12, 12),
        (3500, 5000, None, "And its clock form.", 13, 13),
    ]
    assert skip_reason(OTHERS.encode(), ".txt") is None


def test_a_sentence_with_a_time_is_not_a_speaker_heading() -> None:
    transcript = loads("00:00:01 Hi.\n\nMeet At 10:30 tomorrow.\n", format="txt")
    assert cues(transcript) == [(1000, None, None, "Hi.\nMeet At 10:30 tomorrow.", 1, 1)]
    assert problems(transcript) == [(3, 1, "untimed-line")]


# -- one defect, one report ----------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "column", "token"),
    [
        ("[00:61:10] **Ann**: Minutes over 59 with hours.", 1, "[00:61:10]"),
        ("[Speaker 1] [00:75] Seconds over 59.", 13, "[00:75]"),
        ("(1:2:3) One-digit fields.", 1, "(1:2:3)"),
    ],
)
@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_a_bad_time_is_one_finding(fmt: str, line: str, column: int, token: str) -> None:
    transcript = loads(f"[00:01] First.\n\n{line}\n", format=fmt)
    assert problems(transcript) == [(3, column, "bad-timestamp")]
    assert repr(token) in transcript.diagnostics[0].message
    assert cues(transcript)[0][3] == "First.\n" + _lines.markdown_plain(line) if fmt == "md" \
        else "First.\n" + line


def test_markdown_furniture_is_not_cue_text() -> None:
    source = """\
---
title: Episode 12
---

# Episode 12

- [00:01] **Ann**: A bullet.
> [00:02] Ben: A quote with `code` and \\*stars\\*.

<!-- an editor's note -->
"""
    transcript = loads(source, format="md")
    assert problems(transcript) == []
    assert cues(transcript) == [
        (1000, None, "Ann", "A bullet.", 7, 7),
        (2000, None, "Ben", "A quote with code and *stars*.", 8, 8),
    ]


# -- the fast paths agree with the line reader ----------------------------------------

_PIECES = st.sampled_from([
    "[00:01]", "[59:59]", "[60:25]", "[1:00:00]", "[00:61]", "[Speaker 1]", "[Ann Lee]",
    "**Ann**:", "**Ben:**", "Ann:", "At 10:", "*em*", "[a](b)", "# Head", "## 00:03", " ",
    "\t", "x", "é", "\n", "\n\n", "`c`",
])


@settings(max_examples=600, deadline=None)
@given(st.lists(_PIECES, max_size=14), st.sampled_from(["txt", "md"]))
def test_fast_path_agrees_with_the_line_reader(pieces: list[str], fmt: str) -> None:
    source = " ".join(pieces)
    fast = _lines._fast(source, fmt)
    if fast is not None:
        assert fast == _lines._Reader(source, fmt).read()
