"""The timestamped-text reader (``readers/text.py``), on real files and small cases.

Expectations were taken from the files with grep and sed, not from the reader.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinxcontrib_transcript import load
from sphinxcontrib_transcript.readers import _lines, loads, text

from .conftest import CORPUS, SEEDS


def positions(transcript):
    return [(d.line, d.column, d.rule) for d in transcript.diagnostics]


def read(source: str):
    return text.parse(source)


# -- real files ----------------------------------------------------------------

# (file, cues, first line's text, (last start, last line, last text))
FILES = [
    (
        CORPUS / "000_tptm_introducing_the_show.txt", 52,
        "Talk Python To Me, episode number zero, recorded Saturday, March 21st, 2015.",
        (3 * 60_000 + 21_000, 103, "developers, developers, developers, developers."),
    ),
    (
        CORPUS / "033-openstack-cloud-computing-built-on-python.txt", 812,
        "You've probably heard of infrastructure-as-a-service cloud providers such as "
        "Amazon AWS and, to a lesser degree, Microsoft's Azure cloud platform.",
        (56 * 60_000 + 24_000, 1623, "The mic back to who rocked his best."),
    ),
    (
        CORPUS / "484-from-react-to-a-django-htmx-based-stack.txt", 852,
        "Have you heard about HTMX? We've discussed it a time or two on the show.",
        (57 * 60_000 + 39_000, 1703, "you you Thank you."),
    ),
    (
        CORPUS / "507-agentic-ai-workflows-with-langgraph.txt", 673,
        None,
        (3_600_000 + 3 * 60_000 + 36_000, 1345, "Now get out there and write some Python code."),
    ),
    (
        SEEDS / "001_3a7808dbd959b39c.txt", 812,
        "You've probably heard of infrastructure-as-a-service cloud providers such as "
        "Amazon AWS and, to a lesser degree, Microsoft's Azure cloud platform.",
        (56 * 60_000 + 24_000, 1623, "The mic back to who rocked his best."),
    ),
]


@pytest.mark.parametrize(
    ("path", "count", "first_text", "last"), FILES, ids=[f[0].name for f in FILES]
)
def test_real_file(path: Path, count, first_text, last):
    transcript = load(path)
    assert transcript.format == "txt"
    assert transcript.diagnostics == []
    assert len(transcript.cues) == count
    first = transcript.cues[0]
    assert (first.start_ms, first.end_ms, first.line, first.text_line) == (0, None, 1, 1)
    if first_text is not None:
        assert first.text == first_text
    last_start, last_line, last_text = last
    cue = transcript.cues[-1]
    assert (cue.start_ms, cue.line, cue.text) == (last_start, last_line, last_text)
    # One cue per timed line, every other line blank: cue k is on line 2k - 1.
    assert [c.line for c in transcript.cues] == list(range(1, 2 * count, 2))
    assert all(c.end_ms is None and c.speaker is None for c in transcript.cues)


def test_second_cue_of_the_first_episode():
    cue = load(CORPUS / "000_tptm_introducing_the_show.txt").cues[1]
    assert (cue.start_ms, cue.line) == (6000, 3)
    assert cue.text == "Hello, and welcome to Talk Python To Me, a weekly podcast on Python."
    assert cue.plain_text == cue.text


def test_seed_differs_from_corpus_copy_only_in_words():
    seed = load(SEEDS / "001_3a7808dbd959b39c.txt").cues
    corpus = load(CORPUS / "033-openstack-cloud-computing-built-on-python.txt").cues
    assert [(c.start_ms, c.line) for c in seed] == [(c.start_ms, c.line) for c in corpus]
    differ = [c.line for c, d in zip(seed, corpus, strict=True) if c.text != d.text]
    assert differ == [13, 117, 583, 587, 1101, 1211, 1477, 1569, 1579]  # `diff` of the two files
    assert seed[6].text.startswith("Welcome to Talk Python to Me, a weekly")


def test_time_going_backwards_is_read_as_written():
    # 484 line 683 (00:28:17) comes after 00:28:23 at line 681; ordering is lint's business.
    cues = load(CORPUS / "484-from-react-to-a-django-htmx-based-stack.txt").cues
    by_line = {c.line: c for c in cues}
    assert by_line[681].start_ms == 28 * 60_000 + 23_000
    assert by_line[683].start_ms == 28 * 60_000 + 17_000
    assert by_line[683].text == "Yeah."
    assert by_line[1485].start_ms == 51 * 60_000 + 34_000
    assert by_line[1487].start_ms == 51 * 60_000 + 28_000


def test_untimed_line_continues_the_cue_above():
    path = CORPUS / "history-0d5416e8be69-untimed-line.txt"
    transcript = load(path)
    assert positions(transcript) == [(124, 1, "untimed-line")]
    assert "line 123" in transcript.diagnostics[0].message
    assert len(transcript.cues) == 128
    lines = path.read_text(encoding="utf-8").split("\n")
    by_line = {c.line: c for c in transcript.cues}
    cue = by_line[123]
    assert cue.start_ms == 34 * 60_000 + 1_000
    assert cue.text == lines[122][len("00:34:01 ") :] + "\n" + lines[123]
    assert cue.text.endswith("more productive.")
    assert cue.text.split("\n")[0].endswith("do it I was  ")  # trailing spaces kept in text
    assert cue.plain_text.split("\n")[0].endswith("do it I was")  # and trimmed in plain text
    assert cue.text_line == 123
    assert 124 not in by_line
    assert by_line[126].start_ms == 35 * 60_000 + 38_000
    last = transcript.cues[-1]
    assert (last.start_ms, last.line) == (3_600_000 + 6 * 60_000 + 27_000, 256)


# -- time notations ------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "start_ms", "payload"),
    [
        ("00:04:23 Yes.", 263_000, "Yes."),
        ("[00:04:23] Yes.", 263_000, "Yes."),
        ("1:02:03 Yes.", 3_723_000, "Yes."),
        ("[1:02:03] Yes.", 3_723_000, "Yes."),
        ("04:23 Yes.", 263_000, "Yes."),
        ("4:23 Yes.", 263_000, "Yes."),
        ("[04:23] Yes.", 263_000, "Yes."),
        ("100:00:00 Yes.", 360_000_000, "Yes."),
        ("00:04:23\tYes.", 263_000, "Yes."),
        ("00:04:23    Yes.", 263_000, "Yes."),
        ("00:04:23", 263_000, ""),
        ("00:04:23.5 Yes.", 263_500, "Yes."),
        ("[04:23,25] Yes.", 263_250, "Yes."),
        ("(04:23) Yes.", 263_000, "Yes."),
        ("[60:25] Yes.", 3_625_000, "Yes."),
        ("125:00 Yes.", 7_500_000, "Yes."),
    ],
)
def test_time_notations(line, start_ms, payload):
    transcript = read(line + "\n")
    assert positions(transcript) == []
    [cue] = transcript.cues
    assert (cue.start_ms, cue.end_ms, cue.text, cue.line) == (start_ms, None, payload, 1)


@pytest.mark.parametrize(
    ("line", "column"),
    [
        ("00:61:10 Minutes over 59.", 1),
        ("00:05:61 Seconds over 59.", 1),
        ("1:2:3 One-digit fields.", 1),
        ("[00:04:23 Unclosed bracket.", 1),
        ("00:04:23] Unopened bracket.", 1),
        ("00:04:23,5000 A long fraction.", 1),
    ],
)
def test_bad_timestamp_is_kept_as_text_of_the_cue_above(line, column):
    # One defect, one report: no untimed-line for the line the bad time leaves untimed.
    transcript = read(f"00:00:01 First.\n\n{line}\n")
    assert positions(transcript) == [(3, column, "bad-timestamp")]
    [cue] = transcript.cues
    assert cue.text == "First.\n" + line
    assert repr(line.split()[0]) in transcript.diagnostics[0].message


def test_bad_timestamp_before_any_cue_starts_a_cue_at_zero():
    transcript = read("00:61:10 Hello.\n\n00:01:00 Next.\n")
    assert positions(transcript) == [(1, 1, "bad-timestamp")]
    assert [(c.start_ms, c.text, c.line) for c in transcript.cues] == [
        (0, "00:61:10 Hello.", 1),
        (60_000, "Next.", 3),
    ]


def test_text_before_the_first_timestamp():
    transcript = read("Episode 12\n\n00:00:05 Welcome.\n")
    assert positions(transcript) == [(1, 1, "untimed-line")]
    assert [(c.start_ms, c.text, c.line) for c in transcript.cues] == [
        (0, "Episode 12", 1),
        (5000, "Welcome.", 3),
    ]


def test_indented_time_is_read_as_a_time():
    transcript = read("00:00:01 First.\n\n  00:00:05 Indented.\n")
    assert positions(transcript) == [(3, 3, "timestamp-form")]
    assert transcript.diagnostics[0].level == "warning"
    assert [(c.start_ms, c.text, c.line) for c in transcript.cues] == [
        (1000, "First.", 1),
        (5000, "Indented.", 3),
    ]


def test_no_blank_lines_between_cues_is_fine():
    transcript = read("00:00:01 One.\n00:00:02 Two.\n00:00:03 Three.")
    assert positions(transcript) == []
    assert [(c.start_ms, c.line) for c in transcript.cues] == [(1000, 1), (2000, 2), (3000, 3)]


def test_line_ends():
    for source in ("00:00:01 One.\r\n\r\n00:00:02 Two.\r\n", "00:00:01 One.\r\r00:00:02 Two.\r"):
        transcript = read(source)
        assert positions(transcript) == []
        assert [(c.text, c.line) for c in transcript.cues] == [("One.", 1), ("Two.", 3)]


def test_whitespace_only_lines_are_blank():
    transcript = read("00:00:01 One.\n \t \n00:00:02 Two.\n")
    assert positions(transcript) == []
    assert [c.line for c in transcript.cues] == [1, 3]


def test_empty_and_blank_files():
    assert read("").cues == [] and read("").diagnostics == []
    assert read("\n\n  \n").cues == []


# -- speakers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "speaker", "plain"),
    [
        ("00:00:01 Hannah Sim: Yes, that's it.", "Hannah Sim", "Yes, that's it."),
        ("00:00:01 Michael: Welcome.", "Michael", "Welcome."),
        ("00:00:01 Dr. Jane van Doe: Hi.", None, "Dr. Jane van Doe: Hi."),  # "van" is lower case
        ("00:00:01 Dr. Jane Van Doe: Hi.", "Dr. Jane Van Doe", "Hi."),
        ("00:00:01 José Núñez: Hola.", "José Núñez", "Hola."),
        ("00:00:01 O'Brien: Right.", "O'Brien", "Right."),
        ("00:00:01 one two: lower case.", None, "one two: lower case."),
        ("00:00:01 A B C D E: five words.", None, "A B C D E: five words."),
        ("00:00:01 Note:no space after the colon.", None, "Note:no space after the colon."),
        ("00:00:01 At 10: numbers are not names.", None, "At 10: numbers are not names."),
        ("[00:00:01] Ann:\tTabbed.", "Ann", "Tabbed."),
    ],
)
def test_speaker(line, speaker, plain):
    [cue] = read(line).cues
    assert cue.speaker == speaker
    assert cue.plain_text == plain
    assert cue.text == line.split(None, 1)[1]


def test_speaker_label_kept_in_text_and_continuation_in_plain_text():
    transcript = read("00:00:01 Ann: Hello\nand more.\n")
    [cue] = transcript.cues
    assert cue.text == "Ann: Hello\nand more."
    assert (cue.speaker, cue.plain_text) == ("Ann", "Hello\nand more.")
    assert positions(transcript) == [(2, 1, "untimed-line")]


def test_loads_sniffs_text_and_decodes_bytes():
    transcript = loads("\N{BYTE ORDER MARK}00:00:01 Café.\n".encode())
    assert transcript.format == "txt"
    assert [c.text for c in transcript.cues] == ["Café."]
    assert positions(transcript) == []


# -- the one-regex fast path against the line-by-line reader --------------------------


def _line_by_line(source: str, monkeypatch: pytest.MonkeyPatch):
    with monkeypatch.context() as patch:
        patch.setattr(text, "_one_line_cues", lambda source: None)
        return text.parse(source)


@pytest.mark.parametrize(
    ("source", "fast"),
    [
        ("00:00:01 A\n\n[00:00:02] B\n\n1:00:00\t C\n\n12:34 D", True),
        ("\n00:00:01 A\n\n00:00:02 B\n", True),  # one leading blank line
        ("\n\n\n00:00:01 A\n\n00:00:02 B\n\n\n", True),  # three, and at the end
        ("00:00:01\n\n00:00:02   \n\n00:00:03 B  \n", True),  # no text, trailing blanks
        ("000:00:01 A\n\n00:00:02 Ann Lee: B\n", True),  # three-digit hours, a speaker
        ("0٠:0١:0٢ A\n\n00:00:03 B\n", True),  # \d takes any decimal digit, as _TIMED does
        ("٠٠:٠١:٠٢ A\n\n00:00:03 B\n", False),  # but tens of minutes and seconds are 0-5
        ("00:00:01 A\x0bB\n\n00:00:02 C\x85D\n", True),  # breaks only CR and LF break
        ("00:00:01abc A\n\n00:00:02 B\n", False),  # a time glued to a word
        ("00:00:01\xa0A\n\n00:00:02 B\n", False),  # no-break space is no separator
        ("[00:00:01 A\n\n00:00:02 B\n", False),  # unpaired brackets
        ("00:00:01] A\n\n00:00:02 B\n", False),
        ("[[00:00:01]] A\n\n00:00:02 B\n", False),
        ("00:00:01:02 A\n\n00:00:02 B\n", False),
        ("0000:00:01 A\n\n00:00:02 B\n", False),  # four-digit hours
        (" 00:00:01 A\n\n00:00:02 B\n", False),  # indented first line
        ("00:00:01 A\n\n\t00:00:02 B\n", False),  # indented later line
        ("00:00:01 A\n00:00:02 B\n", False),  # no blank line between
        ("00:00:01 A\n\n\n00:00:02 B\n", False),  # two blank lines
        ("00:00:01 A\n\nwords\n", False),  # an untimed line
        ("00:00:01 A\n\n00:00:02 B\nmore", False),
        ("\n\n\n", False),
        ("00:60:00 A\n\n00:00:02 B\n", False),
    ],
)
def test_fast_path_gives_what_the_line_by_line_reader_gives(
    source: str, fast: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (text._one_line_cues(source) is not None) == fast
    assert text.parse(source) == _line_by_line(source, monkeypatch)


_PIECES = st.sampled_from([
    "00:00:01", "[00:01:02]", "1:00:00", "12:34", "00:61:00", "[00:00:03", "00:00:04]",
    "٠٠:٠١:٠٢", "0٠:0١:0٢", "000:00:05", "00:00:06x", " ", "\t", "\xa0", "\x0b", "Ann Lee:",
    "a", "é", "\n", "\n\n", "\r\n",
])


@settings(max_examples=600, deadline=None)
@given(st.lists(_PIECES, max_size=16))
def test_fast_path_agrees_with_the_line_by_line_reader(pieces: list[str]) -> None:
    source = "".join(pieces)
    with pytest.MonkeyPatch.context() as patch:
        slow = _line_by_line(source, patch)
    assert text.parse(source) == slow


def _as_the_line_reader_reads(token: str) -> int | None:
    inner = token[1:-1] if token[:1] == "[" and token[-1:] == "]" else token
    if re.fullmatch(_lines._SHAPE, inner) is None or "[" in inner or "]" in inner:
        return None
    return _lines.time_ms(inner)


_TOKENS = st.one_of(
    st.text(alphabet="0123456789:[]٠x", max_size=11),
    st.builds(
        "{}{}:{}{}:{}{}".format,
        *(st.sampled_from("0123456789٠x:") for _ in range(6)),
    ),
)


@settings(max_examples=2000, deadline=None)
@given(_TOKENS)
def test_time_tokens_read_as_the_line_reader_reads_them(token: str) -> None:
    # The table for HH:MM:SS and the pattern for the rest give what the line
    # reader gives, where they give a time (minutes past 59 are the line reader's).
    fast = text._token_ms(token)
    if fast is not None:
        assert fast == _as_the_line_reader_reads(token)


@pytest.mark.parametrize(
    ("token", "ms"),
    [("00:00:00", 0), ("99:59:59", 359_999_000), ("[01:02:03]", 3_723_000),
     ("1:02:03", 3_723_000), ("02:03", 123_000), ("000:00:01", 1000), ("00:60:00", None),
     ("00:00:60", None), ("0x:00:00", None), ("00:00:0٠", 0), ("[00:00:01", None)],
)
def test_time_tokens(token: str, ms: int | None) -> None:
    assert text._token_ms(token) == ms


@settings(max_examples=1000, deadline=None)
@given(st.lists(_TOKENS, min_size=1, max_size=6))
def test_times_read_by_table_are_the_tokens_times(tokens: list[str]) -> None:
    """The table read of a file's time tokens gives each token's time, or leaves the
    file to the token-by-token read (None) when one is not plain HH:MM:SS."""
    by_table = text._clock_times(tokens)
    one_by_one = [text._token_ms(token) for token in tokens]
    if by_table is not None:
        assert by_table == one_by_one
    plain = all(re.fullmatch(r"[0-9]{2}:[0-5][0-9]:[0-5][0-9]", token) for token in tokens)
    assert (by_table is not None) == plain
