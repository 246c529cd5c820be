from __future__ import annotations

import time

from sphinxcontrib_transcript.lint.rules import pair_drift as rule

from ..conftest import CORPUS
from .conftest import check, check_example, example, findings

EPISODE = "033-openstack-cloud-computing-built-on-python"


def test_off_by_default() -> None:
    assert rule.ENABLED is False


def test_failing_example_reports_in_both_files() -> None:
    assert check_example(rule, "failing", ".vtt") == [(7, 28)]
    assert check_example(rule, "failing", ".txt") == [(3, 37)]


def test_passing_example_is_clean_in_both_files() -> None:
    assert check_example(rule, "passing", ".vtt") == []
    assert check_example(rule, "passing", ".txt") == []


def test_message_names_the_other_file_and_line() -> None:
    _, vtt = example(rule, "failing", ".vtt")
    _, txt = example(rule, "failing", ".txt")
    (finding,) = findings(rule, vtt, "talk.vtt", siblings={".txt": txt})
    assert finding.message == (
        "words differ from talk.txt (line 3): here 'Kenedy.', there 'Kennedy.'; "
        "a correction made to one file only?"
    )


def test_no_sibling_no_finding() -> None:
    _, vtt = example(rule, "failing", ".vtt")
    assert check(rule, vtt, "talk.vtt") == []


def test_a_time_changed_in_one_file() -> None:
    vtt = (
        b"WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nHello there.\n\n"
        b"00:00:09.000 --> 00:00:11.000\nBye now.\n"
    )
    txt = b"00:00:01 Hello there.\n\n00:00:05 Bye now.\n"
    assert check(rule, txt, "a.txt", siblings={".vtt": vtt}) == [(3, 1)]
    (finding,) = findings(rule, vtt, "a.vtt", siblings={".txt": txt})
    assert (finding.line, finding.column) == (3, 1)
    assert "a.txt has a paragraph at 00:00:05 (line 3)" in finding.message


def test_unrelated_files_get_one_finding() -> None:
    vtt = b"WEBVTT\n\n00:00:01.000 --> 00:00:03.000\none two three four\n"
    txt = b"00:00:01 five six seven eight\n"
    assert check(rule, txt, "a.txt", siblings={".vtt": vtt}) == [(1, 1)]


def test_corpus_pair_033_differs_in_three_dropped_repeats() -> None:
    # With the fillers (um, uh...) ignored, the .txt of episode 33 still drops
    # three repeated words of the .vtt ("Like I, I normally", ...).
    vtt = (CORPUS / f"{EPISODE}.vtt").read_bytes()
    txt = (CORPUS / f"{EPISODE}.txt").read_bytes()
    started = time.perf_counter()
    assert check(rule, vtt, f"{EPISODE}.vtt", siblings={".txt": txt}) == [
        (2356, 6), (2701, 21), (3451, 1),
    ]
    assert check(rule, txt, f"{EPISODE}.txt", siblings={".vtt": vtt}) == [
        (1101, 15), (1211, 30), (1477, 12),
    ]
    # Reading both files twice and comparing 9,600 words each way: linear, not
    # a quadratic alignment of whole episodes.
    assert time.perf_counter() - started < 2.0


def test_corpus_pairs_000_and_507_agree() -> None:
    for stem in ("000_tptm_introducing_the_show", "507-agentic-ai-workflows-with-langgraph"):
        vtt = (CORPUS / f"{stem}.vtt").read_bytes()
        txt = (CORPUS / f"{stem}.txt").read_bytes()
        assert check(rule, vtt, f"{stem}.vtt", siblings={".txt": txt}) == []
        assert check(rule, txt, f"{stem}.txt", siblings={".vtt": vtt}) == []


def test_fillers_count_when_not_ignored() -> None:
    vtt = (CORPUS / f"{EPISODE}.vtt").read_bytes()
    txt = (CORPUS / f"{EPISODE}.txt").read_bytes()
    assert len(check(rule, txt, f"{EPISODE}.txt", siblings={".vtt": vtt}, ignore_words=())) > 3
