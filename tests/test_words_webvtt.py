"""Word timings from WebVTT inline timestamps (:mod:`sphinxcontrib_transcript.wordtiming`):
what a word is, YouTube's automatic captions raw and de-rolled, and that the
linter never pays for them."""

from __future__ import annotations

import itertools
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinxcontrib_transcript import loads, wordtiming
from sphinxcontrib_transcript.lint import Config
from sphinxcontrib_transcript.lint.engine import lint_bytes
from sphinxcontrib_transcript.markup import parse, plain_text
from sphinxcontrib_transcript.model import Word
from sphinxcontrib_transcript.readers.webvtt import parse as read_vtt
from sphinxcontrib_transcript.rolling import deroll
from sphinxcontrib_transcript.timecode import format_vtt
from sphinxcontrib_transcript.wordtiming import InlineWords, inline_words

from .strategies import text_lines
from .youtube import rolling_vtt, words


def _cue(payload: str, timing: str = "00:00:01.000 --> 00:00:03.000") -> str:
    return f"WEBVTT\n\n{timing}\n{payload}\n"


def test_each_word_runs_from_its_timestamp_to_the_next() -> None:
    [cue] = loads(_cue("Never <00:00:01.500>drink <00:00:02.000>liquid"), format="vtt").cues
    assert cue.words == (
        Word(1000, 1500, "Never "), Word(1500, 2000, "drink "), Word(2000, 3000, "liquid"),
    )


def test_a_timestamp_inside_a_word_cuts_it_and_a_run_of_words_stays_one() -> None:
    found = inline_words("beau<00:00:01.200>tiful day <00:00:02.000>today", 1000, 3000)
    assert found == (
        Word(1000, 1200, "beau"), Word(1200, 2000, "tiful day "), Word(2000, 3000, "today"),
    )


def test_markup_goes_and_whitespace_alone_joins_the_next_word() -> None:
    text = (
        "<v Ann><i>Hi</i><00:00:01.200> <00:00:01.300><b>you</b> &amp; <ruby>漢<rt>kan</rt></ruby>"
    )
    found = inline_words(text, 1000, 2000)
    assert found == (Word(1000, 1200, "Hi"), Word(1300, 2000, " you & 漢"))
    assert "".join(word.text for word in found) == plain_text(parse(text))


def test_a_cue_without_timestamps_has_no_word_timings() -> None:
    transcript = loads(
        _cue("<v Ann>Plain <1 and <b>bold</b>") + "\n00:00:03.000 --> 00:00:04.000\nmore\n",
        format="vtt",
    )
    assert [cue.words for cue in transcript.cues] == [None, None]
    assert inline_words("<00:00:01.000>", 0, 2000) is None  # a time point, no words


def test_times_are_the_files_even_out_of_order() -> None:
    # The inline-timestamp rule reports this cue; the words keep what it says.
    [cue] = loads(_cue("Never <00:00:02.000>drink <00:00:01.500>liquid"), format="vtt").cues
    assert [(w.start_ms, w.end_ms) for w in cue.words or ()] == [
        (1000, 2000), (2000, 1500), (1500, 3000),
    ]


def test_every_reading_path_gives_the_same_words() -> None:
    """The fast paths (canonical, one-line, pattern) and the spec's algorithm (a
    comment forces it) make the same word column."""
    body = "".join(
        f"\n00:00:{n:02d}.000 --> 00:00:{n + 1:02d}.000\nw{n} <00:00:{n:02d}.500>x{n}\n"
        for n in range(10)
    )
    fast = read_vtt("WEBVTT\n" + body)
    spec = read_vtt("WEBVTT\n\nNOTE a comment\n" + body)
    assert isinstance(fast.table.words, InlineWords)
    assert [c.words for c in fast.cues] == [c.words for c in spec.cues]
    assert fast.cues[3].words == (Word(3000, 3500, "w3 "), Word(3500, 4000, "x3"))


def test_the_word_column_indexes_and_slices_like_a_list() -> None:
    transcript = read_vtt(_cue("a <00:00:02.000>b") + "\n00:00:03.000 --> 00:00:04.000\nc\n")
    column = transcript.table.words
    assert len(column) == 2
    assert column[1] is None
    assert column[-2] == (Word(1000, 2000, "a "), Word(2000, 3000, "b"))
    assert column[0:2] == list(column) == [column[0], None]


def test_youtube_automatic_captions_carry_the_spoken_words_times() -> None:
    """yt-dlp's rolling layout, from espeak-ng word timings: each timed line's
    words start when espeak-ng spoke them (its first word when the cue starts),
    raw and de-rolled."""
    timed = words()
    starts = {(word, start) for word, start, _ in timed}
    transcript = loads(rolling_vtt(timed), format="vtt")
    # The cues where a line is written have word timings; the 10 ms holds none.
    stamped = [cue.words is not None for cue in transcript.cues]
    assert stamped == ["<" in cue.text for cue in transcript.cues]
    assert sum(stamped) >= len(stamped) // 2 - 1
    derolled = deroll(transcript.cues)
    # A line of one word has no timestamp: the cue times it, and it has no words.
    said = [w.text.strip() for cue in derolled for w in cue.words or [Word(0, 0, cue.text)]]
    assert said == [word for word, _, _ in timed]
    for cue in derolled:
        if cue.words is None:
            assert " " not in cue.plain_text
            continue
        first, *rest = cue.words
        assert first.start_ms == cue.start_ms
        assert all((w.text.strip(), w.start_ms) in starts for w in rest)
        assert cue.words[-1].end_ms == cue.end_ms
        assert "".join(w.text for w in cue.words) == cue.plain_text


@st.composite
def timed_payloads(draw: st.DrawFn) -> tuple[int, int, str, list[int]]:
    """Cue text with inline timestamps between words, the times in order inside
    the cue; markup around some words."""
    start = draw(st.integers(0, 10_000))
    pieces = draw(st.lists(text_lines(), min_size=1, max_size=6))
    gaps = draw(st.lists(st.integers(1, 900), min_size=len(pieces), max_size=len(pieces)))
    times = list(itertools.accumulate(gaps, initial=start))
    stamps, end = times[1:-1], times[-1]
    parts = [draw(st.sampled_from(["{}", "<i>{}</i>", "<c> {}</c>", "{}\n"])).format(piece)
             for piece in pieces]
    text = parts[0] + "".join(
        f"<{format_vtt(at)}>{part}" for at, part in zip(stamps, parts[1:], strict=True)
    )
    return start, end, text, stamps


@given(timed_payloads())
def test_words_are_in_order_and_spell_the_cues_plain_text(
    case: tuple[int, int, str, list[int]],
) -> None:
    start, end, text, stamps = case
    vtt = f"WEBVTT\n\n{format_vtt(start)} --> {format_vtt(end)}\n{text}\n"
    [cue] = loads(vtt, format="vtt").cues
    found = cue.words
    if not stamps:
        assert found is None
        return
    assert found is not None
    assert "".join(w.text for w in found) == plain_text(parse(cue.text))
    assert " ".join("".join(w.text for w in found).split()) == " ".join(cue.plain_text.split())
    bounds = [t for w in found for t in (w.start_ms, w.end_ms)]
    assert bounds == sorted(bounds)
    assert found[0].start_ms == start and found[-1].end_ms == end
    assert {w.start_ms for w in found[1:]} <= set(stamps)


def test_linting_never_reads_the_word_timings(monkeypatch: pytest.MonkeyPatch) -> None:
    """The linter reads the table, never its word column: a file of YouTube's
    automatic captions (inline timestamps everywhere, and findings) is linted
    with the word parser out of action."""

    def refuse(*_: object) -> None:
        raise AssertionError("the linter asked for word timings")

    monkeypatch.setattr(wordtiming, "inline_words", refuse)
    problems = lint_bytes(rolling_vtt(words()).encode(), "auto.vtt", Config.default())
    assert "[rolling-captions]" in str(problems[0])
    backwards = _cue("Never <00:00:02.000>drink <00:00:01.500>liquid <00:00:04.000>nitrogen.")
    problems = lint_bytes(backwards.encode(), "karaoke.vtt", Config.default())
    assert [str(p).count("[inline-timestamp]") for p in problems] == [1, 1]


def test_cues_made_for_the_linter_parse_no_words_until_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Making the cues (a rule reporting them does) leaves the words to be parsed
    when read; they compare, hash, print and pickle as the words."""
    transcript = read_vtt(_cue("a <00:00:02.000>b"))
    calls: list[str] = []
    real = wordtiming.inline_words

    def counting(text: str, start: int, end: int | None) -> object:
        calls.append(text)
        return real(text, start, end)

    monkeypatch.setattr(wordtiming, "inline_words", counting)
    [cue] = transcript.cues
    assert calls == []
    expected = (Word(1000, 2000, "a "), Word(2000, 3000, "b"))
    assert cue.words == expected
    assert cue.words == expected  # parsed once
    assert calls == ["a <00:00:02.000>b"]
    eager = cue._replace(words=expected)
    assert cue == eager and hash(cue) == hash(eager) and repr(cue) == repr(eager)
    assert pickle.loads(pickle.dumps(cue)).words == expected


def test_a_file_without_markup_has_no_word_column_to_look_through() -> None:
    """No payload with markup, so none with a ``<``: the word column is the
    table's default (nothing to iterate when the cues are made)."""
    body = "".join(f"\n00:00:{n:02d}.000 --> 00:00:{n + 1:02d}.000\nline {n}\n" for n in range(5))
    for text in ("WEBVTT\n" + body, "WEBVTT\n\nNOTE spec path\n" + body):
        table = read_vtt(text).table
        assert table.plain_texts is table.texts
        assert not isinstance(table.words, InlineWords)
        assert list(table.words) == [None] * 5
    marked = read_vtt("WEBVTT\n" + body + "\n00:00:09.000 --> 00:00:10.000\na <b>b</b>\n")
    assert isinstance(marked.table.words, InlineWords)
