"""The fuzz targets in the test suite: a short, fixed-seed pass of each.

Three layers, each over every target of ``tests/fuzz`` (the readers with each
format and with sniffing, the linter with every rule, the fixes):

* atheris, coverage-guided, in a subprocess: ``-seed=1 -runs=N`` from a
  dozen small seeds (the long runs are ``python -m tests.fuzz --seconds N``);
* hypothesis, derandomized: a corpus excerpt damaged the way transcripts are
  (bytes flipped, cut off, lines repeated, a stray ``-->``, re-encoded as
  cp1252 or UTF-16, CRLF or CR line ends, mojibake), checked against the
  same invariants (:mod:`tests.fuzz.targets`);
* the inputs the fuzzer found failing, reduced by hand, as regressions.

An invariant that fails raises :class:`tests.fuzz.targets.Broken` with what
was wrong; an input slower than its budget raises ``TooSlow``.
"""

from __future__ import annotations

import codecs
import functools
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .fuzz import targets
from .fuzz.seeds import (
    MUTATIONS,
    mutate,
    originals,
    split_input,
    suffix_byte,
    write_dictionary,
    write_seeds,
)

ROOT = Path(__file__).resolve().parent.parent
#: Executions per target in the atheris pass (the seeds included).
RUNS = 150


@functools.cache
def excerpts() -> list[tuple[str, bytes]]:
    """Corpus excerpts of about 2 KB in every format (small: the fix target reads
    each input several times)."""
    return list(originals(size=2000))


# -- atheris ----------------------------------------------------------------------


@pytest.mark.parametrize("target", targets.TARGETS)
def test_short_atheris_pass(target: str, tmp_path: Path) -> None:
    pytest.importorskip(
        "atheris", reason="atheris has wheels for CPython 3.10-3.13 on x86-64 Linux only"
    )
    seeds = tmp_path / "seeds"
    count = write_seeds(seeds, target, mutants=1, size=1500, limit=12)
    assert count == 12
    dictionary = tmp_path / "tokens.dict"
    write_dictionary(dictionary)
    result = subprocess.run(
        [
            sys.executable, "-m", "tests.fuzz.harness", target, "-seed=1", f"-runs={RUNS}",
            "-max_len=4096", f"-dict={dictionary}", f"-artifact_prefix={tmp_path}/",
            "-timeout=120", str(seeds),
        ],
        cwd=ROOT, capture_output=True, text=True, errors="replace", timeout=600, check=False,
    )
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-5000:]
    # libFuzzer may count one run past -runs ("Done 151 runs" for 150).
    done = re.search(r"^Done (\d+) runs", log, re.MULTILINE)
    assert done is not None and int(done[1]) >= RUNS, log[-3000:]
    assert not list(tmp_path.glob("crash-*"))


# -- hypothesis ---------------------------------------------------------------------


def damaged(index: int, seed: int, rounds: int) -> tuple[str, bytes]:
    name, data = excerpts()[index % len(excerpts())]
    return name, mutate(data, random.Random(seed), rounds)


MUTATION = given(
    index=st.integers(0, 10_000), seed=st.integers(0, 2**32 - 1), rounds=st.integers(1, 3)
)


def fixed(examples: int) -> settings:
    """Derandomized (the same examples every run), no deadline, no example database."""
    return settings(
        max_examples=examples, derandomize=True, deadline=None, database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )


@pytest.mark.parametrize("target", targets.READER_TARGETS)
@fixed(100)
@MUTATION
def test_readers_on_damaged_corpus(target: str, index: int, seed: int, rounds: int) -> None:
    _, data = damaged(index, seed, rounds)
    targets.timed(targets.target(target))(data)


@fixed(100)
@MUTATION
def test_lint_on_damaged_corpus(index: int, seed: int, rounds: int) -> None:
    name, data = damaged(index, seed, rounds)
    targets.timed(targets.lint)(suffix_byte(name) + data)


@fixed(60)
@MUTATION
def test_fix_on_damaged_corpus(index: int, seed: int, rounds: int) -> None:
    name, data = damaged(index, seed, rounds)
    targets.timed(targets.fix)(suffix_byte(name) + data)


@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda function: function.__name__)
def test_each_mutation_damages_and_is_repeatable(mutation) -> None:
    name, data = excerpts()[0]
    first = mutation(data, random.Random(7))
    assert first == mutation(data, random.Random(7))
    assert any(mutation(data, random.Random(seed)) != data for seed in range(5)), name


def test_lint_input_names_its_suffix() -> None:
    assert split_input(suffix_byte("a.json") + b"{}") == (".json", b"{}")
    assert split_input(b"") == (".txt", b"")


# -- what the fuzzer found ----------------------------------------------------------

#: (target, input): each failed before its fix (see the commit named in the comment).
REGRESSIONS = [
    # invalid-utf8 placed by counting the bytes of a UTF-16 file: line 9 of 5.
    ("vtt", codecs.BOM_UTF16_LE
     + "WEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nHi\r\n".encode("utf-16-le") + b"\x00"),
    # ... and past the end of its line; cp1252 was guessed for UTF-16 text.
    ("sniff", "00:00:01 Hello\n\n00:00:02 Olá\n".encode("utf-16-le")),
    # mojibake in a text cue's line after a blank line, reported on the blank line.
    ("lint", suffix_byte("x.txt") + "00:00:01 Hello\n\nAlÃ¡n here\n".encode()),
    # a fix refused in the first pass was never tried again: a second --fix changed more.
    ("fix", suffix_byte("x.srt")
     + b"1\n00:00:01,000 --> 00:00:02,000\nHello\n\x0f2\n00:00:02,000 --> 00:00:03,000\nW\n"),
    # a cue identifier "NOTE x" written back read as a comment missing its blank line.
    ("vtt", b"WEBVTT\n\nNOTE x\n00:01.000 --> 00:02.000\nHi\n"),
    # a run of C1 controls lost one character per --fix: never done in one.
    ("fix", suffix_byte("x.srt")
     + "1\n00:00:01,000\x93\x93\x93\x93\x93\x93\x93\x93\x93\x93\x93\x93 --> 00:00:02,000\nx\n"
     .encode()),
    # a JSON endTime of 1e108 s, written as WebVTT, could not be read back.
    ("json", b'{"version": "1.0.0", "segments": [{"startTime": 1, "endTime": 1e108, '
     b'"body": "x"}]}'),
]


@pytest.mark.parametrize(("target", "data"), REGRESSIONS)
def test_what_the_fuzzer_found_stays_fixed(target: str, data: bytes) -> None:
    targets.timed(targets.target(target))(data)
