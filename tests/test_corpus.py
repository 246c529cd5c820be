"""Every real transcript in ``tests/data`` reads to exactly the cues in the file.

The expectations below were computed from the files themselves, independently
of the readers, with ``grep``/``awk`` and a 40-line string-splitting script
(no project code): for ``.vtt`` every line holding ``-->`` starts a cue whose
text is the lines after it up to a blank line, another ``-->`` line or the end
(the WebVTT rule); for ``.txt`` every ``HH:MM:SS text`` line starts a cue and
a non-blank line without a time runs on from the cue before it.  For example::

    grep -c -- '-->' FILE                                  # count (.vtt)
    awk -F'[:. ]' '/-->/ {s += (($1*60+$2)*60+$3)*1000+$4} END {printf "%.0f", s}' FILE

``sum_start``/``sum_end`` (sums of all start and end times in milliseconds)
and ``text_chars`` (characters of all cue texts) check every cue's times and
text at once; the sampled cues (first, middle, last and those at the lines
listed in ``tests/data/KNOWN-DEFECTS.md``) say which cue is wrong when one is.

Seed ``000`` is a web-page capture of the 033 episode: page chrome and a line
number gutter before ``WEBVTT`` at line 1010, and no blank lines between cues.
It is sniffed as WebVTT (its suffix is ``.txt``); the reader reports the
misplaced signature and reads the cues after it, ending each cue's text at
the next ``-->`` line as a browser does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from sphinxcontrib_transcript import Cue, Transcript, load

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Long:
    """A cue text too long to write out: how it starts, how it ends, its length."""

    head: str
    tail: str
    length: int


#: (start_ms, end_ms, line, text_line, text) of one cue.
Sample = tuple[int, "int | None", int, int, "str | Long"]


@dataclass(frozen=True)
class Expected:
    """What one file must read to."""

    path: str
    count: int
    sum_start: int
    sum_end: int | None
    text_chars: int
    #: cue index -> the cue's expected values
    cues: dict[int, Sample] = field(default_factory=dict)


EXPECTED = [
    Expected(
        "seeds/000_1b2830ceb1e7f2ab.txt",
        count=333, sum_start=251864041, sum_end=253354220, text_chars=23275,
        cues={
            0: (1, 8120, 1011, 1012,
                Long("You've probably heard of infra", "'s Azure cloud platform.", 146)),
            166: (734660, 735820, 1343, 1344, "It's probably one of the oldest one."),
            332: (1548520, 1552940, 1675, 1676,
                "and that your data is in the right volume or whatever,"),
        },
    ),
    Expected(
        "talk-python/000_tptm_introducing_the_show.txt",
        count=52, sum_start=6166000, sum_end=None, text_chars=2837,
        cues={
            0: (0, None, 1, 1,
                Long("Talk Python To Me, episode num", "urday, March 21st, 2015.", 76)),
            26: (129000, None, 53, 53, "Should be a fascinating conversation."),
            51: (201000, None, 103, 103, "developers, developers, developers, developers."),
        },
    ),
    Expected(
        "talk-python/000_tptm_introducing_the_show.vtt",
        count=52, sum_start=6191841, sum_end=6393020, text_chars=2837,
        cues={
            0: (1, 6440, 3, 4,
                Long("Talk Python To Me, episode num", "urday, March 21st, 2015.", 76)),
            26: (129860, 131840, 81, 82, "Should be a fascinating conversation."),
            51: (201040, 203520, 156, 157, "developers, developers, developers, developers."),
        },
    ),
    Expected(
        "seeds/001_3a7808dbd959b39c.txt",
        count=812, sum_start=1480851000, sum_end=None, text_chars=51767,
        cues={
            0: (0, None, 1, 1,
                Long("You've probably heard of infra", "'s Azure cloud platform.", 146)),
            406: (1922000, None, 813, 813, "but some others have dropped it."),
            811: (3384000, None, 1623, 1623, "The mic back to who rocked his best."),
        },
    ),
    Expected(
        "talk-python/001_nicola_iarocci_talk_python_to_me.vtt",
        count=468, sum_start=588244981, sum_end=590675880, text_chars=31367,
        cues={
            0: (1, 8740, 3, 4,
                Long("Talk Python To Me, episode num", "esday, March 31st, 2015.", 101)),
            234: (1273640, 1277220, 705, 706,
                "Are you looking for new contributors or what's the status there?"),
            349: (1918580, 1918580, 1050, 1051, "That sounds great."),
            443: (2398920, 2398920, 1332, 1333, "Not really."),
            467: (2479100, 2482100, 1404, 1405, "Developers, developers, developers, developers."),
        },
    ),
    Expected(
        "talk-python/033-openstack-cloud-computing-built-on-python.txt",
        count=812, sum_start=1480851000, sum_end=None, text_chars=51751,
        cues={
            0: (0, None, 1, 1,
                Long("You've probably heard of infra", "'s Azure cloud platform.", 146)),
            406: (1922000, None, 813, 813, "but some others have dropped it."),
            811: (3384000, None, 1623, 1623, "The mic back to who rocked his best."),
        },
    ),
    Expected(
        "talk-python/033-openstack-cloud-computing-built-on-python.vtt",
        count=1261, sum_start=2596712441, sum_end=2600013580, text_chars=51577,
        cues={
            0: (1, 8120, 3, 4,
                Long("You've probably heard of infra", "'s Azure cloud platform.", 146)),
            630: (2220960, 2222520, 1893, 1894,
                "Do you want to talk about what you got there a little bit?"),
            787: (2495800, 2495800, 2364, 2365, "you know,"),
            1260: (3384640, 3396640, 3783, 3784, "The mic back to who rocked his best."),
        },
    ),
    Expected(
        "talk-python/214-Python-3-8-and-beyond.vtt",
        count=1081, sum_start=1885775397, sum_end=1889031107, text_chars=60113,
        cues={
            0: (20, 5040, 3, 4,
                Long("Python 3 .8 is coming soon. It", "ctober 2019, and you can", 94)),
            45: (157340, 160780, 138, 139,
                "I've had a talk about Black and then an extended Q &A"),
            445: (1396780, 1401260, 1338, 1339,
                Long("implementation to leak out and", "mething like this? Yeah,", 77)),
            540: (1712100, 1717120, 1623, 1624,
                Long("So to kind of set the stage fo", " there's plenty of cases", 90)),
            1074: (3568900, 3573080, 3225, 3226,
                Long("all the different types of asy", "And of course, if you're", 91)),
            1080: (3598360, 3599820, 3243, 3244, "Now get out there and write some Python code."),
        },
    ),
    Expected(
        "talk-python/484-from-react-to-a-django-htmx-based-stack.txt",
        count=852, sum_start=1644879000, sum_end=None, text_chars=60608,
        cues={
            0: (0, None, 1, 1,
                Long("Have you heard about HTMX? We'", "time or two on the show.", 72)),
            340: (1703000, None, 681, 681,
                Long("the moment. I have a one that ", "als and also a chameleon", 92)),
            341: (1697000, None, 683, 683, "Yeah."),
            426: (2095000, None, 853, 853, "And then Postgres."),
            742: (3094000, None, 1485, 1485, "I think that was the one I said."),
            743: (3088000, None, 1487, 1487,
                Long("it's priced in dollars. Yeah. ", "_Python, talk underscore", 96)),
            851: (3459000, None, 1703, 1703, "you you Thank you."),
        },
    ),
    Expected(
        "talk-python/507-agentic-ai-workflows-with-langgraph.txt",
        count=673, sum_start=1319731000, sum_end=None, text_chars=64710,
        cues={
            0: (0, None, 1, 1,
                Long("If you want to leverage the po", "LangChain and LangGraph.", 487)),
            336: (1910000, None, 673, 673, "Do you struggle with authentication?"),
            672: (3816000, None, 1345, 1345, "Now get out there and write some Python code."),
        },
    ),
    Expected(
        "talk-python/507-agentic-ai-workflows-with-langgraph.vtt",
        count=714, sum_start=1384074366, sum_end=1387642157, text_chars=64669,
        cues={
            0: (20, 26660, 3, 4,
                Long("If you want to leverage the po", "LangChain and LangGraph.", 487)),
            357: (1869620, 1869760, 1074, 1075, "For"),
            713: (3816240, 3817820, 2142, 2143, "Now get out there and write some Python code."),
        },
    ),
    Expected(
        "talk-python/history-0d5416e8be69-untimed-line.txt",
        count=128, sum_start=268731000, sum_end=None, text_chars=72275,
        cues={
            0: (0, None, 1, 1,
                Long("When you think about embedded ", "5, recorded July 8 2021.", 703)),
            61: (2041000, None, 123, 123,
                Long("Yeah, so they don't really sup", "orkflow more productive.", 1470)),
            62: (2138000, None, 126, 126,
                Long("Yeah, it's neat. When I want t", "ry look like over there?", 555)),
            64: (2183000, None, 130, 130,
                Long("We don't have a sort of recomm", "f answers your question,", 172)),
            127: (3987000, None, 256, 256,
                Long("I look forward to seeing you b", "d write some Python code", 1919)),
        },
    ),
    Expected(
        "talk-python/history-5142ba53c3c9-out-of-order.vtt",
        count=1434, sum_start=2907938960, sum_end=2911884800, text_chars=69102,
        cues={
            0: (0, 2200, 3, 4, "AI has taken the world by storm."),
            642: (1800440, 1806440, 2571, 2572,
                Long("The core thing was, so those r", " right now. And when you", 88)),
            717: (2023820, 2026820, 2871, 2872,
                "I don't see it used often, but it is somewhere in the docs."),
            808: (2293160, 2293160, 3235, 3236,
                '"All right, well we\'re going to take what it gives me'),
            813: (2302560, 2305200, 3255, 3256,
                "a lot more, but with these ones, it's almost always good."),
            859: (2415840, 2418080, 3439, 3440,
                "answer the question with code that will answer the question."),
            1395: (3829660, 3831500, 5583, 5584, "- Yeah, yeah, whatever you want."),
            1433: (3916880, 3938880, 5735, 5736, "[MUSIC]"),
        },
    ),
]

BY_PATH = {expected.path: expected for expected in EXPECTED}
IDS = [Path(expected.path).name for expected in EXPECTED]


def _read(expected: Expected) -> Transcript:
    return load(DATA / expected.path)


def _actual(cue: Cue) -> tuple[int, int | None, int, int, str]:
    return (cue.start_ms, cue.end_ms, cue.line, cue.text_line, cue.text)


def _matches(text: str, want: str | Long) -> bool:
    if isinstance(want, str):
        return text == want
    return len(text) == want.length and text.startswith(want.head) and text.endswith(want.tail)


def test_every_corpus_file_has_expectations() -> None:
    on_disk = {
        f"{path.parent.name}/{path.name}"
        for pattern in ("talk-python/*.vtt", "talk-python/*.txt", "seeds/*.txt")
        for path in DATA.glob(pattern)
    }
    assert on_disk == set(BY_PATH)


@pytest.mark.parametrize("expected", EXPECTED, ids=IDS)
def test_format(expected: Expected) -> None:
    want = "vtt" if expected.sum_end is not None else "txt"
    assert _read(expected).format == want


@pytest.mark.parametrize("expected", EXPECTED, ids=IDS)
def test_count_times_and_text_of_every_cue(expected: Expected) -> None:
    cues = _read(expected).cues
    assert len(cues) == expected.count
    assert sum(cue.start_ms for cue in cues) == expected.sum_start
    if expected.sum_end is None:
        assert [cue for cue in cues if cue.end_ms is not None] == []
    else:
        assert sum(cue.end_ms or 0 for cue in cues) == expected.sum_end
    assert sum(len(cue.text) for cue in cues) == expected.text_chars


@pytest.mark.parametrize("expected", EXPECTED, ids=IDS)
def test_sampled_cues(expected: Expected) -> None:
    cues = _read(expected).cues
    assert len(cues) == expected.count
    for index, (*where, text) in expected.cues.items():
        *got, got_text = _actual(cues[index])
        assert got == where, f"cue {index} (start, end, line, text_line)"
        assert _matches(got_text, text), f"cue {index} text: {got_text!r} != {text!r}"


@pytest.mark.parametrize(
    "expected", [e for e in EXPECTED if e.sum_end is not None], ids=lambda e: Path(e.path).name
)
def test_vtt_cues_without_markup_read_as_written(expected: Expected) -> None:
    # The files hold no "<" and no character reference (the one "&" is "Q &A"),
    # and no <v> voice: what a screen reader reads is the text itself.
    cues = _read(expected).cues
    assert [cue.line for cue in cues if cue.plain_text != cue.text] == []
    assert [cue.line for cue in cues if cue.speaker is not None] == []
    assert [cue.line for cue in cues if cue.identifier or cue.settings] == []


@pytest.mark.parametrize(
    "name",
    [
        "000_tptm_introducing_the_show.txt",
        "000_tptm_introducing_the_show.vtt",
        "001_nicola_iarocci_talk_python_to_me.vtt",
        "033-openstack-cloud-computing-built-on-python.txt",
        "033-openstack-cloud-computing-built-on-python.vtt",
        "484-from-react-to-a-django-htmx-based-stack.txt",
        "507-agentic-ai-workflows-with-langgraph.txt",
        "507-agentic-ai-workflows-with-langgraph.vtt",
        "history-5142ba53c3c9-out-of-order.vtt",
    ],
)
def test_well_formed_files_have_no_reader_diagnostics(name: str) -> None:
    # Their defects (order, overlap, zero duration) are for the linter to judge:
    # the files are valid WebVTT or timestamped text, so the reader says nothing.
    assert load(DATA / "talk-python" / name).diagnostics == []


def test_bare_ampersand_is_text() -> None:
    # "Q &A": "&A" is no character reference, so it is kept as written.
    transcript = load(DATA / "talk-python/214-Python-3-8-and-beyond.vtt")
    cue = transcript.cues[45]
    assert cue.line == 138
    assert cue.plain_text == "I've had a talk about Black and then an extended Q &A"
    assert [d.rule for d in transcript.diagnostics if d.line != 139] == []


def test_untimed_line_runs_on_from_the_previous_cue() -> None:
    transcript = load(DATA / "talk-python/history-0d5416e8be69-untimed-line.txt")
    cue = transcript.cues[61]
    assert cue.line == 123
    assert "if you really need speed" in cue.text
    assert cue.text.count("\n") == 1
    assert "do it I was  \nOS.lister, you actually can list the files" in cue.text
    assert [(d.line, d.column, d.rule) for d in transcript.diagnostics] == [
        (124, 1, "untimed-line")
    ]


def test_web_page_capture_reports_the_misplaced_signature() -> None:
    transcript = load(DATA / "seeds/000_1b2830ceb1e7f2ab.txt")
    rules = {d.rule for d in transcript.diagnostics}
    assert "vtt-signature" in rules
    # Nothing before the signature becomes a cue, and nothing else is wrong
    # with the cues but their missing blank lines.
    assert rules <= {"vtt-signature", "vtt-header", "missing-blank-line"}
    assert min(cue.line for cue in transcript.cues) == 1011


def test_seed_text_matches_the_episode_text() -> None:
    # Seed 001 is the 033 episode's timestamped text with nine lines edited
    # (``diff`` lists them): same times, same lines, different words there.
    seed = load(DATA / "seeds/001_3a7808dbd959b39c.txt")
    episode = load(DATA / "talk-python/033-openstack-cloud-computing-built-on-python.txt")
    assert [(c.start_ms, c.line) for c in seed.cues] == [
        (c.start_ms, c.line) for c in episode.cues
    ]
    differ = [a.line for a, b in zip(seed.cues, episode.cues, strict=True) if a.text != b.text]
    assert differ == [13, 117, 583, 587, 1101, 1211, 1477, 1569, 1579]
    assert seed.diagnostics == []
