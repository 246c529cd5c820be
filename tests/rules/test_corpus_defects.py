"""Every defect listed in the corpus README is found, at its line; clean files stay clean.

The README (copied as ``tests/data/KNOWN-DEFECTS.md``) gives each defect's
1-based line: the timing line (VTT) or timestamp line (TXT) of the later cue.
"""

from __future__ import annotations

from types import ModuleType

import pytest

from sphinxcontrib_transcript.lint.engine import lint_bytes
from sphinxcontrib_transcript.lint.rules import (
    cue_order,
    cue_overlap,
    untimed_line,
    zero_duration,
)

from ..conftest import CORPUS
from .conftest import findings


def lines(rule: ModuleType, name: str) -> list[int]:
    return [f.line for f in findings(rule, (CORPUS / name).read_bytes(), name)]


@pytest.mark.parametrize(
    ("rule", "name", "expected"),
    [
        (zero_duration, "001_nicola_iarocci_talk_python_to_me.vtt", [1050, 1332]),
        (cue_overlap, "214-Python-3-8-and-beyond.vtt", [1338, 3225]),
        # The README names the later cue of each pair; cue-order names the moved
        # one: line 681 was pasted above 683-691, line 1487 below 1477-1485.
        (cue_order, "484-from-react-to-a-django-htmx-based-stack.txt", [681, 1487]),
        (cue_order, "history-5142ba53c3c9-out-of-order.vtt", [2571, 3439, 5583]),
        (cue_overlap, "history-5142ba53c3c9-out-of-order.vtt", [3255]),
        (zero_duration, "history-5142ba53c3c9-out-of-order.vtt", [3235]),
        (untimed_line, "history-0d5416e8be69-untimed-line.txt", [124]),
    ],
)
def test_listed_defects(rule: ModuleType, name: str, expected: list[int]) -> None:
    assert lines(rule, name) == expected


def test_033_has_six_zero_duration_cues_the_first_at_2364() -> None:
    found = lines(zero_duration, "033-openstack-cloud-computing-built-on-python.vtt")
    assert len(found) == 6
    assert found[0] == 2364


def test_214_overlaps_are_20_and_40_ms() -> None:
    name = "214-Python-3-8-and-beyond.vtt"
    messages = [f.message for f in findings(cue_overlap, (CORPUS / name).read_bytes(), name)]
    assert [message.split(", ")[1].split(" ")[0] for message in messages] == ["20", "40"]


def test_484_messages_name_the_moved_cue_and_where_it_belongs() -> None:
    name = "484-from-react-to-a-django-htmx-based-stack.txt"
    first, second = findings(cue_order, (CORPUS / name).read_bytes(), name)
    assert first.message == (
        "cue starts at 00:28:23, later than the cue below it at line 683 (00:28:17): by its "
        "time it belongs after the cue at line 691 (00:28:21); move it there or fix its time"
    )
    assert second.message == (
        "cue starts at 00:51:28, before the cue above it at line 1485 (00:51:34): by its "
        "time it belongs after the cue at line 1475 (00:51:24); move it there or fix its time"
    )


@pytest.mark.parametrize(
    "name",
    [
        "000_tptm_introducing_the_show.vtt",
        "000_tptm_introducing_the_show.txt",
        "507-agentic-ai-workflows-with-langgraph.vtt",
        "507-agentic-ai-workflows-with-langgraph.txt",
    ],
)
def test_clean_files_have_nothing_at_error_level(name: str) -> None:
    problems = lint_bytes((CORPUS / name).read_bytes(), str(CORPUS / name))
    assert [str(p) for p in problems if p.level == "error"] == []


@pytest.mark.parametrize(
    "name",
    [
        "000_tptm_introducing_the_show.vtt",
        "000_tptm_introducing_the_show.txt",
        "507-agentic-ai-workflows-with-langgraph.vtt",
        "507-agentic-ai-workflows-with-langgraph.txt",
    ],
)
def test_clean_files_have_no_warnings_either(name: str) -> None:
    assert lint_bytes((CORPUS / name).read_bytes(), str(CORPUS / name)) == []


def test_every_default_rule_on_the_defect_files() -> None:
    # What the linter with its defaults says about each defective file: the
    # listed defects, and only warnings besides.
    # Zero-length cues are errors when their words are shown nowhere else,
    # warnings when they repeat a neighbour; overlaps of 20 and 40 ms are
    # near-misses; "Q&A" shows as written.
    expected = {
        "001_nicola_iarocci_talk_python_to_me.vtt": {
            ("zero-duration", "error"): 1, ("zero-duration", "warning"): 1,
        },
        "214-Python-3-8-and-beyond.vtt": {("cue-overlap", "warning"): 2},
        "484-from-react-to-a-django-htmx-based-stack.txt": {("cue-order", "error"): 2},
        "history-0d5416e8be69-untimed-line.txt": {
            ("untimed-line", "error"): 1, ("trailing-whitespace", "warning"): 1,
        },
        "history-5142ba53c3c9-out-of-order.vtt": {
            ("cue-order", "error"): 3, ("cue-overlap", "error"): 1,
            ("zero-duration", "error"): 1,
        },
    }
    for name, counts in expected.items():
        problems = lint_bytes((CORPUS / name).read_bytes(), str(CORPUS / name))
        found: dict[tuple[str, str], int] = {}
        for problem in problems:
            key = (problem.rule, problem.level)
            found[key] = found.get(key, 0) + 1
        assert found == counts, name
