"""The timing repairs on real and generated transcripts, and honest ``fixable`` flags.

* Every problem reported as fixable is removed by its rule's fix, on every
  file of the corpus (all rules selected), and no fix is refused there.
* The ``zero-duration`` and ``cue-overlap`` fixes, over the whole corpus and
  over generated WebVTT full of zero-length and overlapping cues: every word
  a player showed before is shown after, in order; the only words to go are
  those of the zero-length cues that repeated a neighbour; no overlap,
  out-of-order or zero-length cue is made; fixing again changes nothing.
"""

from __future__ import annotations

import os
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinxcontrib_transcript.cli import main
from sphinxcontrib_transcript.lint import Config, build_context, fix_report, lint_bytes, resolve
from sphinxcontrib_transcript.model import Cue
from sphinxcontrib_transcript.timecode import format_vtt

from . import strategies  # noqa: F401 - the Hypothesis profiles (base, release)

DATA = Path(__file__).parent / "data"
CORPUS = sorted(
    path for path in DATA.rglob("*") if path.suffix in (".vtt", ".srt", ".txt", ".json")
)
TIMING = ("zero-duration", "cue-overlap")


def select(*rule_ids: str) -> Config:
    return resolve({"select": list(rule_ids)}, source=None, root=os.getcwd())


def dishonest(name: str, data: bytes, rule_ids: list[str]) -> list[str]:
    """Where a problem of *rule_ids* is called fixable but its fix leaves it (or is
    refused): one line per rule; ``[]`` when every flag is kept."""
    problems = lint_bytes(data, name, select(*rule_ids))
    broken = []
    for rule_id in sorted({problem.rule for problem in problems if problem.fixable}):
        own = [problem for problem in problems if problem.rule == rule_id]
        unfixable = sum(1 for problem in own if not problem.fixable)
        config = select(rule_id)
        result = fix_report(data, name, config, unsafe=True)
        left = [problem for problem in lint_bytes(result.data, name, config)
                if problem.rule == rule_id]
        if result.rejected or len(left) > unfixable:
            broken.append(
                f"{name} [{rule_id}]: {len(own) - unfixable} fixable, {len(left)} left "
                f"after its fix (was {unfixable} unfixable) {result.rejected}"
            )
    return broken


def test_every_fixable_problem_of_the_corpus_is_removed_by_its_fix() -> None:
    fixable = Counter(
        problem.rule
        for path in CORPUS
        for problem in lint_bytes(path.read_bytes(), path.name, select("ALL"))
        if problem.fixable
    )
    # Not vacuous: the corpus has fixable problems of the timing rules and others.
    assert fixable["zero-duration"] == 9
    assert fixable["cue-overlap"] == 3
    assert fixable["cue-order"] == 5
    assert sum(fixable.values()) > 20
    broken = [line for path in CORPUS
              for line in dishonest(path.name, path.read_bytes(), ["ALL"])]
    assert broken == []


def test_fixable_flags_of_the_timing_rules_hold_on_fuzzed_variants() -> None:
    from .test_fixing import fuzzed_variants

    rule_ids = ["cue-order", "cue-overlap", "zero-duration", "cue-setting"]
    broken = [line for name, data in fuzzed_variants() for line in dishonest(name, data, rule_ids)]
    assert broken == []


# -- what players show, before and after ----------------------------------------------


def read(data: bytes, name: str) -> list[Cue]:
    return build_context(data, name).transcript.cues


def words(cues: list[Cue], *, shown: bool) -> list[str]:
    """The words of the cues in file order; with *shown*, only of cues players show."""
    return [
        word for cue in cues if not shown or (cue.end_ms or 0) > cue.start_ms
        for word in cue.plain_text.split()
    ]


def is_subsequence(needle: list[str], haystack: list[str]) -> bool:
    rest = iter(haystack)
    return all(word in rest for word in needle)


def timing_defects(cues: list[Cue]) -> Counter[str]:
    found: Counter[str] = Counter()
    for previous, cue in pairwise(cues):
        found["order"] += cue.start_ms < previous.start_ms
        found["overlap"] += previous.end_ms is not None and previous.end_ms > cue.start_ms
    found["zero"] = sum(1 for cue in cues if cue.end_ms == cue.start_ms)
    return found


def repair(data: bytes, name: str) -> dict[str, int]:
    """Run the two timing fixes on *data* and check what players show; returns the
    figures (cues removed, zero-length cues given time, overlaps resolved)."""
    config = select(*TIMING)
    before = read(data, name)
    problems = lint_bytes(data, name, config)
    result = fix_report(data, name, config, unsafe=True)
    assert result.rejected == []
    after = read(result.data, name)
    # The overlap fix moves no line, and runs before zero-duration: the removed
    # cues are the cues of the file at their lines.
    removed = {cue.line for cue in result.removed}
    assert all(cue.start_ms == cue.end_ms for cue in result.removed)
    kept = [cue for cue in before if cue.line not in removed]
    assert words(after, shown=False) == words(kept, shown=False)
    assert is_subsequence(words(before, shown=True), words(after, shown=True))
    # Nothing made: no more overlaps or order problems than the fixes could not
    # resolve, and a zero-length cue only where one was left unfixable.
    reported = Counter(problem.rule for problem in problems)
    unfixable = Counter(problem.rule for problem in problems if not problem.fixable)
    left = Counter(problem.rule for problem in lint_bytes(result.data, name, config))
    old, new = timing_defects(before), timing_defects(after)
    assert new["order"] <= old["order"]
    # Overlaps cue-overlap leaves to cue-order (the later cue starts before the
    # earlier) stay; of the others, only those reported as not fixable.
    assert left["cue-overlap"] <= unfixable["cue-overlap"]
    assert new["overlap"] - left["cue-overlap"] <= old["overlap"] - reported["cue-overlap"]
    assert new["zero"] == left["zero-duration"] <= unfixable["zero-duration"]
    again = fix_report(result.data, name, config, unsafe=True)
    assert again.data == result.data
    return {
        "removed": len(removed),
        "retimed": old["zero"] - len(removed) - new["zero"],
        "overlaps": reported["cue-overlap"] - left["cue-overlap"],
    }


def test_the_timing_fixes_over_the_whole_corpus() -> None:
    figures: Counter[str] = Counter()
    for path in CORPUS:
        if path.suffix == ".vtt":
            figures.update(repair(path.read_bytes(), path.name))
    # 9 zero-length cues: 6 repeat a neighbour and go, 3 hold their own words
    # and get time; 3 overlaps (20 ms, 40 ms, 2.16 s) resolved.
    assert (figures["removed"], figures["retimed"], figures["overlaps"]) == (6, 3, 3)


VOCABULARY = [
    "you know,", "It is.", "Not really.", "So that's fantastic.", "Um.", "right?",
    "Not really.|you know,", "<v Ann>It is.</v>", " ", " |you know,",
]


@st.composite
def tangled(draw: st.DrawFn) -> tuple[str, bytes]:
    """A WebVTT or SRT file, mostly in start order, with many zero-length cues,
    repeats, cues starting together and overlaps; with or without identifiers,
    settings, notes, short WebVTT times and CRLF."""
    srt = draw(st.booleans())
    short = not srt and draw(st.booleans())
    count = draw(st.integers(1, 12))
    start = draw(st.integers(0, 5_000))
    blocks = [] if srt else ["WEBVTT", ""]
    for number in range(1, count + 1):
        start += draw(st.sampled_from([0, 0, 10, 100, 400, 1_000, 3_000, -700]))
        start = max(start, 0)
        length = draw(st.sampled_from([0, 0, 1, 2, 20, 300, 600, 1_000, 2_500, 6_000]))
        times = [format_vtt(start), format_vtt(start + length)]
        if srt:
            times = [time.replace(".", ",") for time in times]
        elif short:
            times = [time[3:] if time.startswith("00:") else time for time in times]
        timing = " --> ".join(times)
        if not srt and draw(st.booleans()):
            timing += " align:start line:0"
        if srt or draw(st.booleans()):
            blocks.append(str(number) if srt else f"cue-{number}")
        blocks += [timing, *draw(st.sampled_from(VOCABULARY)).split("|"), ""]
        if not srt and draw(st.integers(0, 5)) == 0:
            blocks += ["NOTE kept where it is", ""]
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    return ("x.srt" if srt else "x.vtt"), ending.join(blocks).encode()


@given(tangled())
def test_the_timing_fixes_on_generated_files(case: tuple[str, bytes]) -> None:
    name, data = case
    repair(data, name)


def test_the_command_line_says_which_cues_it_removed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("ep.vtt").write_bytes(
        b"WEBVTT\n\n00:01.000 --> 00:02.000\nSo that's fantastic.\n\n"
        b"00:02.000 --> 00:02.000\nThat sounds great.\n\n"
        b"00:02.000 --> 00:03.000\nNot really.\n\n00:03.000 --> 00:03.000\nNot really.\n\n"
        b"00:03.000 --> 00:04.000\nWhat I would like.\n"
    )
    assert main(["--unsafe-fixes", "ep.vtt"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "ep.vtt: fixed (zero-duration)\n"
        "ep.vtt: [zero-duration] gave the zero-length cue at line 6 (00:00:02.000) the time "
        "00:00:01.500 --> 00:00:02.000\n"
        "ep.vtt: [zero-duration] removed the zero-length cue at line 12 (00:00:03.000): its "
        "words are in the cue at line 9\n"
    )
    assert Path("ep.vtt").read_bytes() == (
        b"WEBVTT\n\n00:01.000 --> 00:01.500\nSo that's fantastic.\n\n"
        b"00:01.500 --> 00:02.000\nThat sounds great.\n\n"
        b"00:02.000 --> 00:03.000\nNot really.\n\n"
        b"00:03.000 --> 00:04.000\nWhat I would like.\n"
    )


def test_json_output_and_summary_count_only_what_the_fix_repairs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    monkeypatch.chdir(tmp_path)
    # b cannot start later than c, which starts with it: not fixable until c moves.
    Path("ep.vtt").write_bytes(
        b"WEBVTT\n\n00:01.000 --> 00:04.000\na\n\n00:01.000 --> 00:03.000\nb\n\n"
        b"00:01.000 --> 00:05.000\nc\n"
    )
    assert main(["--format", "json", "ep.vtt"]) == 1
    captured = capsys.readouterr()
    assert [(p["line"], p["rule"], p["fixable"]) for p in json.loads(captured.out)] == [
        (6, "cue-overlap", False), (9, "cue-overlap", True),
    ]
    assert captured.err.endswith("; 1 with --unsafe-fixes\n")
    # Fixing takes two passes of the loop, and then nothing is left.
    assert main(["--unsafe-fixes", "ep.vtt"]) == 0
    assert lint_bytes(Path("ep.vtt").read_bytes(), "ep.vtt") == []
