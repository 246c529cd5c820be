"""The readers' fast paths against their slow paths, and the columns they hand the linter.

The WebVTT and timestamped-text readers read the layout most tools write in
bulk (a regular expression or a split over the whole file, fields as
columns); anything else goes line by line.  These tests pin that both ways
give the same transcript, and that the table a fast path hands over
(``Transcript.table``, read by the linter) is exactly the cues' fields.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinxcontrib_transcript.lint.base import Context
from sphinxcontrib_transcript.lint.rules import _timing
from sphinxcontrib_transcript.model import Cue, Transcript
from sphinxcontrib_transcript.readers import _bulk, _webvtt_body, srt, text, webvtt
from sphinxcontrib_transcript.table import Constant
from sphinxcontrib_transcript.timecode import format_srt, format_vtt

DATA = Path(__file__).parent / "data" / "talk-python"
KEPT = ("start_ms", "end_ms", "text", "plain_text", "identifier", "settings")


def _slow_text(source: str, monkeypatch: pytest.MonkeyPatch) -> Transcript:
    with monkeypatch.context() as patch:
        patch.setattr(text, "_one_line_cues", lambda source: None)
        return text.parse(source)


def _kept(transcript: Transcript) -> dict[str, list[object]]:
    """The reader's table as lists (a reader may keep a range or an array), taken
    before the cues are made; ``{}`` when the reader made cue objects."""
    if transcript.cues_made:
        return {}
    return {name: list(transcript.table.column(name)) for name in KEPT}


@pytest.mark.parametrize("path", sorted(DATA.glob("*.txt")), ids=lambda p: p.name)
def test_text_fast_path_matches_the_line_by_line_reader(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = path.read_text(encoding="utf-8")
    assert text.parse(source) == _slow_text(source, monkeypatch)


@pytest.mark.parametrize(
    "source",
    [
        "00:00:01 A\n\n00:00:02 B\n",
        "\n\n00:00:01 Ann Lee: A\n\n[00:01:02] B\n\n1:00:00 \n\n",  # leading blank lines, speaker
        "00:00:01 A\r\n\r\n00:00:02 B\r\n",
        "00:00:01 A\n\n[00:00:02 B\n",  # unpaired bracket: slow path
        "00:00:01 A\n\n\n00:00:02 B\n",  # two blank lines: slow path
        "00:00:01 A\nmore\n\n00:00:02 B\n",  # untimed line: slow path
        "00:00:01 A\n \n00:00:02 B\n",  # a blank line of a space: slow path
        "00:61:00 A\n\n00:00:02 B\n",  # no valid time: slow path
        "00:00:01\tnote: lower case is no speaker\n\n00:00:02 Dr. Who: Hi\n",
        "",
    ],
)
def test_text_fast_path_matches_on_small_cases(
    source: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert text.parse(source) == _slow_text(source, monkeypatch)


@pytest.mark.parametrize(
    "path", sorted(DATA.glob("*.vtt")) + sorted(DATA.glob("*.txt")), ids=lambda p: p.name
)
def test_kept_columns_are_the_cue_fields(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    transcript = (webvtt if path.suffix == ".vtt" else text).parse(source)
    kept = _kept(transcript)
    for name, column in kept.items():
        assert column == [getattr(cue, name) for cue in transcript.cues], name


def _facts(cues: list[Cue]) -> dict[str, object]:
    """The WebVTT fast paths' facts, worked out from the cues one by one."""
    times = [time for cue in cues for time in (cue.start_ms, cue.end_ms)]
    pairs = list(pairwise(cues))
    return {
        "canonical": True,
        "in_sequence": all(a <= b for a, b in pairwise(times)),
        "zero_durations": [i for i, cue in enumerate(cues) if cue.start_ms == cue.end_ms],
        "ends_before_starts": [i for i, cue in enumerate(cues) if cue.end_ms < cue.start_ms],
        "out_of_order": [i + 1 for i, (a, b) in enumerate(pairs) if b.start_ms < a.start_ms],
        "overlaps": [i + 1 for i, (a, b) in enumerate(pairs) if a.end_ms > b.start_ms],
    }


def _timing_facts(transcript: Transcript) -> dict[str, object]:
    """The timing summary a fast path handed over (``{}`` when none did)."""
    if transcript.cues_made or not transcript.timing.canonical:
        return {}
    timing = transcript.timing
    return {name: getattr(timing, name) for name in (
        "canonical", "in_sequence", "zero_durations", "ends_before_starts", "out_of_order",
        "overlaps",
    )}


@pytest.mark.parametrize("path", sorted(DATA.glob("*.vtt")), ids=lambda p: p.name)
def test_the_readers_timing_facts_are_true(path: Path) -> None:
    transcript = webvtt.parse(path.read_text(encoding="utf-8"))
    facts = _timing_facts(transcript)
    if facts:
        assert facts == _facts(transcript.cues)
    assert transcript.cues_made and not transcript.timing.canonical  # a summary of the list


# Each cue list breaks the sequence in one way; with a window of one timing line,
# each break falls between windows.
_BREAKS = [
    "00:00:01.000 --> 00:00:02.000\nA\n\n00:00:02.000 --> 00:00:02.000\nB\n",
    "00:00:01.000 --> 00:00:03.000\nA\n\n00:00:02.000 --> 00:00:04.000\nB\n",
    "00:00:05.000 --> 00:00:06.000\nA\n\n00:00:01.000 --> 00:00:02.000\nB\n",
    "00:00:02.000 --> 00:00:01.000\nA\n",
    "00:00:01.000 --> 00:00:02.000\n\n00:00:03.000 --> 00:00:04.000\nB\n",
    # ends before it starts, then a cue after its end but before its start
    "00:00:10.000 --> 00:00:05.000\nA\n\n00:00:07.000 --> 00:00:08.000\nB\n",
    "00:00:01.000 --> 00:00:09.000\nA\n\n00:00:02.000 --> 00:00:03.000\nB\n\n"
    "00:00:04.000 --> 00:00:05.000\nC\n",
]


@pytest.mark.parametrize("cues", _BREAKS)
@pytest.mark.parametrize("window", [30 * 4096, 30, 60])
def test_timing_facts_across_windows(
    cues: str, window: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Facts gathered a window of timing lines at a time hold across windows."""
    monkeypatch.setattr(_bulk, "WINDOW", window)
    transcript = webvtt.parse("WEBVTT\n\n" + cues)
    facts = _timing_facts(transcript)
    assert facts == _facts(transcript.cues)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 5000), st.integers(0, 5000)), min_size=1, max_size=12),
    st.sampled_from([30, 60, 90, 30 * 4096]),
)
def test_timing_facts_and_look_ups_on_any_times(
    times: list[tuple[int, int]], window: int
) -> None:
    """For any times, the facts are those of the cues, and a time looked up where it
    stands is the time made in bulk."""
    source = "WEBVTT\n\n" + "".join(
        f"{format_vtt(start)} --> {format_vtt(end)}\nx\n\n" for start, end in times
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_bulk, "WINDOW", window)
        transcript = webvtt.parse(source)
    facts = _timing_facts(transcript)
    starts, ends = transcript.table.starts, transcript.table.ends
    looked_up = [(starts[i], ends[i]) for i in range(len(times))]
    assert looked_up == [(starts[i - len(times)], ends[i - len(times)])
                         for i in range(len(times))]  # negative indexes too
    assert looked_up == times
    assert list(starts) == [start for start, _ in times]  # made in bulk
    assert facts == _facts(transcript.cues)


def test_a_time_column_makes_every_time_after_many_look_ups() -> None:
    source = _one_line_layout(200)
    transcript = webvtt.parse(source)
    starts = transcript.table.starts
    expected = [cue.start_ms for cue in webvtt.parse(source).cues]
    assert [starts[i] for i in range(200)] == expected  # past 64 look-ups: made in bulk
    assert list(starts[10:13]) == expected[10:13]
    assert None not in starts and expected[5] in starts
    with pytest.raises(IndexError):
        webvtt.parse(source).table.starts[200]


@pytest.mark.parametrize(
    "path", [*sorted(DATA.glob("*.vtt")), Path("breaks.vtt")], ids=lambda p: p.name
)
def test_timing_rules_find_the_same_with_and_without_the_readers_facts(path: Path) -> None:
    """The timing rules on a file the fast paths read (facts, times looked up) and
    on the same cues as objects (times as lists) report exactly the same."""
    from sphinxcontrib_transcript.lint import Config
    from sphinxcontrib_transcript.lint.engine import lint_context

    if path.name == "breaks.vtt":
        source = "WEBVTT\n\n" + "\n".join(_BREAKS)
    else:
        source = path.read_text(encoding="utf-8")
    config = Config.default()
    fast = Context(path.name, source.encode(), source, webvtt.parse(source))
    slow_transcript = webvtt.parse(source)
    slow_transcript.cues = list(slow_transcript.cues)  # objects: no columns, no facts
    slow = Context(path.name, source.encode(), source, slow_transcript)
    assert fast.timing.canonical or path.name != "breaks.vtt"
    assert not slow.timing.canonical
    rules = {"cue-order", "cue-overlap", "end-before-start", "zero-duration"}
    # Every rule, not only the timing ones: each reads columns where it can.
    found = [
        sorted((p.line, p.column, p.rule, p.message) for p in lint_context(ctx, config))
        for ctx in (fast, slow)
    ]
    assert found[0] == found[1]
    if path.name == "breaks.vtt":
        assert {rule for _, _, rule, _ in found[0]} >= rules


def _one_line_layout(count: int, step: int = 117_331) -> str:
    """*count* cues in the layout most tools write; 3,000 of them span 98 hours, so
    every field of the time varies (hours stay two digits: canonical)."""
    return "WEBVTT\n\n" + "".join(
        f"{format_vtt(i * step)} --> {format_vtt(i * step + 999)}\n"
        f"Words {i} \u2026 and more.\n\n"
        for i in range(count)
    )


@pytest.mark.parametrize(("span", "window"), [(1 << 17, 30 * 4096), (100, 30), (31, 60)])
def test_one_line_cues_in_spans_and_windows_match_the_spec_path(
    span: int, window: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The one-line fast path cuts the body into spans at blank lines and converts
    times a window at a time: any size of either gives the spec's cues."""
    source = _one_line_layout(3000)
    with monkeypatch.context() as patch:
        patch.setattr(_webvtt_body, "_SETTERS", ())
        slow = webvtt.parse(source)
    monkeypatch.setattr(_webvtt_body, "_SPAN", span)
    monkeypatch.setattr(_bulk, "WINDOW", window)
    fast = webvtt.parse(source)
    assert fast.timing.canonical  # the fast path took it
    assert isinstance(fast.table.lines, range)
    assert list(fast.table.starts) == [cue.start_ms for cue in slow.cues]
    assert fast.cues == slow.cues
    assert fast == slow


@pytest.mark.parametrize(
    "defect",
    ["\n", "NOTE x\n\n", "00:00:00.000 --> 00:00:01.000\n\n", "x\n", "a\nb\n"],
    ids=["two-blank-lines", "note", "empty-payload", "stray-line", "two-payload-lines"],
)
def test_one_line_cues_fall_back_whole_for_a_defect_in_any_span(
    defect: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A body that is not all one-line cues, found wrong in a late span, is read by
    the other paths as a whole: no half-made columns."""
    source = _one_line_layout(400)
    at = source.index("\n\n", len(source) * 3 // 4) + 2
    source = source[:at] + defect + source[at:]
    with monkeypatch.context() as patch:
        patch.setattr(_webvtt_body, "_SETTERS", ())
        slow = webvtt.parse(source)
    monkeypatch.setattr(_webvtt_body, "_SPAN", 64)
    fast = webvtt.parse(source)
    assert fast.cues == slow.cues
    assert fast.diagnostics == slow.diagnostics


def test_the_common_layouts_keep_columns() -> None:
    vtt = webvtt.parse("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA\n\n"
                       "00:00:02.000 --> 00:00:03.000\n<v Ann>B &amp; C\n")
    assert _kept(vtt) == {
        "start_ms": [1000, 2000], "end_ms": [2000, 3000], "text": ["A", "<v Ann>B &amp; C"],
        "plain_text": ["A", "B & C"], "identifier": ["", ""], "settings": ["", ""],
    }
    txt = text.parse("00:00:01 Ann: A\n\n00:00:02 B\n")
    assert _kept(txt)["plain_text"] == ["A", "B"]
    assert _kept(txt)["end_ms"] == [None, None]


def test_the_table_follows_the_cue_list_once_it_is_made() -> None:
    source = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA\n"
    transcript = webvtt.parse(source)
    assert not transcript.cues_made and list(transcript.table.starts) == [1000]
    assert transcript.timing.canonical
    transcript.cues.append(Cue(5000, 6000, "B"))  # made, then changed
    assert list(transcript.table.starts) == [1000, 5000]
    assert not transcript.timing.canonical and transcript.timing.in_sequence
    transcript.cues.append(Cue(100, 200, "C"))
    assert transcript.timing.out_of_order == [2]
    replaced = webvtt.parse(source)
    replaced.cues = [Cue(7000, 8000, "C")]
    assert list(replaced.table.starts) == [7000]
    assert len(Transcript("vtt").table) == 0


@pytest.mark.parametrize(
    ("cues", "expected"),
    [
        ("00:00:01.000 --> 00:00:02.000\nA\n\n00:00:02.000 --> 00:00:02.000\nB\n", True),
        ("00:00:01.000 --> 00:00:03.000\nA\n\n00:00:02.000 --> 00:00:04.000\nB\n", False),
        ("00:00:05.000 --> 00:00:06.000\nA\n\n00:00:01.000 --> 00:00:02.000\nB\n", False),
        ("00:00:02.000 --> 00:00:01.000\nA\n", False),
        # non-canonical timing lines: no keys kept, the times decide the same way
        ("00:00:01.000 --> 00:00:02.000 align:start\nA\n", True),
        ("00:01.000 --> 00:02.000\nA\n\n00:01.500 --> 00:03.000\nB\n", False),
    ],
)
def test_in_sequence_is_the_timing_rules_shortcut(cues: str, expected: bool) -> None:
    source = "WEBVTT\n\n" + cues
    ctx = Context("x.vtt", source.encode(), source, webvtt.parse(source))
    assert _timing.in_sequence(ctx) is expected


def test_in_sequence_is_unknown_when_a_cue_has_no_end() -> None:
    source = "00:00:01 A\n\n00:00:02 B\n"
    ctx = Context("x.txt", source.encode(), source, text.parse(source))
    assert _timing.in_sequence(ctx) is False


_TIMING_PIECES = st.sampled_from([
    "00:00:01.000 --> 00:00:02.000", "00:59:59.999 --> 01:00:00.000", "99:00:00.000",
    "00:60:00.000 --> 00:00:02.000", "00:00:61.000 --> 00:00:02.000", "0a:00:01.000",
    "00:00:01.000 --> 00:00:02.00", "00:00:01.000  --> 00:00:02.000", "٠٠:00:01.000",
    "00:00:01.000 --> 00:00:02.000 ", "00:00:01,000 --> 00:00:02,000", "x", "--> ",
])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(_TIMING_PIECES, min_size=1, max_size=3).map("".join), min_size=1,
                max_size=6))
def test_canonical_check_by_bytes_agrees_with_the_pattern(lines: list[str]) -> None:
    joined = "\n".join(lines)
    expected = _webvtt_body._ALL_CANONICAL.compiled.fullmatch(joined) is not None
    assert _bulk.all_canonical(joined, len(lines)) is expected


_TEXT_LINES = st.sampled_from([
    "00:00:01 Hello there.", "[00:01:02] Ann Lee: Hi.", "1:00:00 Later.", "00:61:00 Bad.",
    "[00:00:03 Unpaired.", "untimed words", "", "", "", " ", "\t00:00:04 Indented.",
    "12:34 Short form.", "00:00:05", "٠٠:٠١:٠٢ Arabic-Indic digits.", "Dr. Who: 00:00:06",
])


@settings(max_examples=500, deadline=None)
@given(st.lists(_TEXT_LINES, max_size=10), st.sampled_from(["\n", "\r\n"]))
def test_text_fast_path_agrees_with_the_line_by_line_reader(
    lines: list[str], newline: str
) -> None:
    source = newline.join(lines)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(text, "_one_line_cues", lambda source: None)
        slow = text.parse(source)
    assert text.parse(source) == slow


@pytest.mark.parametrize("marked", ["Q&amp;A", "<i>A</i>", "<v Bo>A &lt; B"])
def test_one_line_layout_with_one_kind_of_mark(marked: str) -> None:
    source = (
        f"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA\n\n00:00:02.000 --> 00:00:03.000\n{marked}\n"
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_webvtt_body, "_SETTERS", ())
        slow = webvtt.parse(source)
    fast = webvtt.parse(source)
    assert list(fast.table.plain_texts) == [cue.plain_text for cue in slow.cues]
    assert fast.cues == slow.cues


# -- SRT ---------------------------------------------------------------------------


def _slow_srt(source: str) -> Transcript:
    return srt._Reader(source).read()


@pytest.mark.parametrize("path", sorted(DATA.glob("*.vtt")), ids=lambda p: p.name)
def test_srt_fast_path_matches_the_line_by_line_reader_on_the_corpus(path: Path) -> None:
    """Each corpus episode written as SRT the way tools write it: the fast path
    takes it and gives what the line-by-line reader gives."""
    cues = webvtt.parse(path.read_text(encoding="utf-8")).cues
    source = "".join(
        f"{number}\n{format_srt(cue.start_ms)} --> {format_srt(cue.end_ms or 0)}\n"
        f"{cue.text}\n\n"
        for number, cue in enumerate(cues, 1)
        if cue.text.strip() and "\n" not in cue.text
    )
    fast = srt.parse(source)
    assert not fast.cues_made  # the fast path took it
    assert fast == _slow_srt(source)


_CARD_TEXTS = st.sampled_from([
    "Hello.", "Ann Lee: hi", "<i>Hi</i> there", "{\\an8}Top", "Q&amp;A", "A & B", "x:y",
    "Dr. Who: <b>yes</b>", "  padded  ", " ", "", "00:00:01,000 --> 00:00:02,000", "42",
    "two\nlines", "é ü", "<I>caps</I>",
])
_CARD_TIMES = st.sampled_from([
    "00:00:01,000 --> 00:00:02,000", "01:59:59,999 --> 02:00:00,000",
    "00:00:01.000 --> 00:00:02,000", "0:00:01,000 --> 00:00:02,000",
    "100:00:01,000 --> 100:00:02,000", "00:00:01,000 --> 00:00:02,000 X1:40",
    "00:00:01,000-->00:00:02,000", "00:61:00,000 --> 00:00:02,000",
])


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.tuples(_CARD_TEXTS, _CARD_TIMES, st.sampled_from(["", "x", "skip"])),
             min_size=1, max_size=6),
    st.sampled_from(["\n", "\r\n"]), st.sampled_from(["", "\n", "\n\n"]),
)
def test_srt_fast_path_agrees_with_the_line_by_line_reader(
    cards: list[tuple[str, str, str]], newline: str, before: str
) -> None:
    blocks = []
    for number, (payload, timing, index) in enumerate(cards, 1):
        written = {"": str(number), "x": "x", "skip": str(number + 1)}[index]
        blocks.append(f"{written}\n{timing}\n{payload}")
    source = (before + "\n\n".join(blocks) + "\n").replace("\n", newline)
    fast = srt.parse(source)
    assert fast == _slow_srt(source)


@pytest.mark.parametrize(
    "payload",
    ["Hello.", "Ann Lee: hi", "<i>Hi</i> there", "{\\an8}Top", "Q&amp;A", "A & B", "x:y",
     "Dr. Who: <b>yes</b>", "  padded  ", "<I>caps</I>", "é ü", "42"],
)
def test_srt_fast_path_reads_each_kind_of_text(payload: str) -> None:
    source = (
        f"1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:02,000 --> 00:00:03,000\n{payload}\n"
    )
    fast = srt.parse(source)
    assert not fast.cues_made  # the fast path took it
    assert fast == _slow_srt(source)
    assert fast.cues[1].line == 6 and fast.cues[1].text_line == 7


@pytest.mark.parametrize(
    "source",
    [
        "\n1\n00:00:01,000 --> 00:00:02,000\nA\n",  # leading blank line
        "1\n00:00:01,000 --> 00:00:02,000\nA\n\n3\n00:00:02,000 --> 00:00:03,000\nB\n",
        "1\n00:00:01.000 --> 00:00:02,000\nA\n",  # '.' before the milliseconds
        "1\n00:00:01,000 --> 00:00:02,000 X1:40\nA\n",  # coordinates
        "1\n00:00:01,000 --> 00:00:02,000\nA\nB\n",  # two lines of text
        "1\n00:00:01,000 --> 00:00:02,000\n \n",  # a blank line for text
        "1\n00:00:01,000 --> 00:00:02,000\nA --> B\n",
    ],
)
def test_srt_fast_path_leaves_anything_to_report_to_the_line_reader(source: str) -> None:
    fast = srt.parse(source)
    assert fast.cues_made
    assert fast == _slow_srt(source)


def test_a_constant_column_is_the_list_it_stands_for() -> None:
    column = Constant("", 4)
    assert list(column) == [""] * 4 and len(column) == 4
    assert column[0] == column[-4] == "" and column[1:3] == ["", ""] and column[::3] == ["", ""]
    assert "" in column and None not in column and column.count("") == 4
    with pytest.raises(IndexError):
        column[4]


def test_a_repeated_cue_is_reported_from_the_columns_without_making_the_cues() -> None:
    from sphinxcontrib_transcript.lint import Config
    from sphinxcontrib_transcript.lint.engine import lint_context

    said = "<v Ann>the same five words here"
    source = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nFirst.\n\n"
        f"00:00:02.000 --> 00:00:03.000\n{said}\n\n00:00:03.000 --> 00:00:04.000\n{said}\n"
    )
    transcript = webvtt.parse(source)
    ctx = Context("x.vtt", source.encode(), source, transcript)
    problems = [p for p in lint_context(ctx, Config.default()) if p.rule == "duplicate-adjacent"]
    assert [(p.line, p.column) for p in problems] == [(10, 1)]
    assert not transcript.cues_made  # no Cue object was made


def _wide_layout(count: int) -> str:
    """One-line cues of a long recording: hours from 98 to three digits."""
    base = 98 * 3_600_000
    return "WEBVTT\n\n" + "".join(
        f"{format_vtt(base + i * 997_331)} --> {format_vtt(base + i * 997_331 + 999)}\n"
        f"Words {i}.\n\n"
        for i in range(count)
    )


def test_hours_of_three_digits_keep_the_one_line_path() -> None:
    source = _wide_layout(400)
    assert "100:" in source and "99:" in source
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_webvtt_body, "_SETTERS", ())
        slow = webvtt.parse(source)
    fast = webvtt.parse(source)
    assert isinstance(fast.table.lines, range)  # the one-line path took it
    assert fast.timing.canonical
    assert fast == slow


@pytest.mark.parametrize("defect", [
    "00:00:00.000 --> 00:00:01.000\n", "x\n", "NOTE a comment\n",
    "00:00:01.000 --> 00:00:00.500\nB\n",
])
def test_a_long_body_read_span_by_span_gives_the_spec_cues(
    defect: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A body too long to take whole, with odd pieces in it, is read a span at a
    time: any span size gives the spec's cues, diagnostics and lint problems."""
    from sphinxcontrib_transcript.lint import Config
    from sphinxcontrib_transcript.lint.engine import lint_context

    source = _one_line_layout(300).replace("\n\n", "\nsecond line\n\n", 50)
    at = source.index("\n\n", len(source) // 2) + 2
    source = source[:at] + defect + "\n" + source[at:]
    with monkeypatch.context() as patch:
        patch.setattr(_webvtt_body, "_SETTERS", ())
        slow = webvtt.parse(source)
    for span in (50, 700, 1 << 16):
        monkeypatch.setattr(_webvtt_body, "_SPAN", span)
        fast = webvtt.parse(source)
        assert fast.cues == slow.cues
        assert fast.diagnostics == slow.diagnostics
    found = [
        sorted(lint_context(Context("x.vtt", source.encode(), source, transcript),
                            Config.default()))
        for transcript in (webvtt.parse(source), slow)
    ]
    assert found[0] == found[1]


def test_the_table_builder_keeps_sparse_columns_constant_until_a_cue_differs() -> None:
    builder = _bulk.TableBuilder()
    builder.extend([1], [2], ["a"], ["a"], Constant(None, 1), [""], [3], [""], [4])
    table = builder.table()
    assert isinstance(table.speakers, Constant) and isinstance(table.identifiers, Constant)
    builder.append((5, 6, "<v Bo>b", "b", "Bo", "id", 7, "align:start", 8))
    table = builder.table()
    assert list(table.speakers) == [None, "Bo"] and list(table.identifiers) == ["", "id"]
    assert list(table.plain_texts) == ["a", "b"] and list(table.settings) == ["", "align:start"]
    assert list(table.starts) == [1, 5] and list(table.text_lines) == [4, 8]


@pytest.mark.parametrize("span", [60, 1 << 16])
def test_hours_of_three_digits_keep_the_canonical_path(
    span: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cues of more than one line (so not the one-line path) past hour 99."""
    source = _wide_layout(300).replace("\n\n", "\nand a second line\n\n")
    with monkeypatch.context() as patch:
        patch.setattr(_webvtt_body, "_SETTERS", ())
        slow = webvtt.parse(source)
    monkeypatch.setattr(_webvtt_body, "_SPAN", span)
    fast = webvtt.parse(source)
    assert not fast.cues_made and fast.timing.canonical  # the canonical path took it
    assert fast == slow
