"""Benchmark inputs: a realistic corpus of any size, scaled files and adversarial files.

The generated corpus is made from the real talk-python episodes in
``tests/data/talk-python/``: each generated episode takes one real ``.vtt``,
stretches its times by a factor near 1 and shifts them (so order, overlaps and
zero-duration cues stay as they were), and deals its words out again in a
shuffled order, keeping every cue's word count (so line lengths and reading
speeds stay realistic).  The episode's ``.txt`` merges consecutive cues into
paragraphs the way talk-python's ``.txt`` files do, with the same words and
times, so the pair agrees; its ``.srt`` is the same cues as SubRip, for the
SRT comparison.  Everything is deterministic for a given seed.

This module parses and writes the formats itself, with nothing from the
project, so the inputs do not depend on the code under test.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent / "data" / "talk-python"

_TIMING = re.compile(
    r"^(?:(\d+):)?(\d\d):(\d\d)[.,](\d{3})[ \t]+-->[ \t]+(?:(\d+):)?(\d\d):(\d\d)[.,](\d{3})"
)


@dataclass(frozen=True)
class Cue:
    """A cue as the generator sees it: times in milliseconds and its text lines."""

    start: int
    end: int
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Corpus:
    """Where the benchmark's files are.

    :param root: the directory linted as a whole (``.vtt`` and ``.txt``).
    :param vtt: every ``.vtt`` file under *root*.
    :param txt: every ``.txt`` file under *root*.
    :param srt: the SRT versions of the ``.vtt`` files, outside *root*.
    :param generated: whether the corpus was generated (else given).
    """

    root: Path
    vtt: tuple[Path, ...]
    txt: tuple[Path, ...]
    srt: tuple[Path, ...]
    generated: bool

    def size(self, paths: Iterable[Path]) -> int:
        return sum(path.stat().st_size for path in paths)


def _ms(hours: str | None, minutes: str, seconds: str, millis: str) -> int:
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(millis)


def parse_vtt(text: str) -> list[Cue]:
    """The cues of a WebVTT file: a timing line, then text lines up to a blank or ``-->`` line.

    Enough for the talk-python files and for anything a corpus directory
    holds; lines that are not timing lines outside a cue are skipped.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cues: list[Cue] = []
    index = 0
    while index < len(lines):
        match = _TIMING.match(lines[index])
        index += 1
        if match is None:
            continue
        groups = match.groups()
        body: list[str] = []
        while index < len(lines) and lines[index].strip() and "-->" not in lines[index]:
            body.append(lines[index])
            index += 1
        cues.append(Cue(_ms(*groups[:4]), _ms(*groups[4:]), tuple(body)))
    return cues


def _clock(ms: int, separator: str) -> str:
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{separator}{millis:03d}"


def write_vtt(cues: Iterable[Cue]) -> str:
    blocks = [
        f"{_clock(c.start, '.')} --> {_clock(c.end, '.')}\n" + "\n".join(c.lines) for c in cues
    ]
    return "WEBVTT\n\n" + "\n\n".join(blocks) + "\n"


def write_srt(cues: Iterable[Cue]) -> str:
    blocks = [
        f"{number}\n{_clock(c.start, ',')} --> {_clock(c.end, ',')}\n" + "\n".join(c.lines)
        for number, c in enumerate(cues, 1)
    ]
    return "\n\n".join(blocks) + "\n"


def write_txt(cues: list[Cue], rng: random.Random) -> str:
    """Timestamped text: consecutive cues merged into paragraphs of 60 to 240 characters."""
    paragraphs: list[str] = []
    words: list[str] = []
    start = 0
    target = rng.randint(60, 240)
    for cue in cues:
        if not words:
            start = cue.start
        words.extend(" ".join(cue.lines).split())
        if sum(len(word) + 1 for word in words) >= target:
            paragraphs.append(f"{_clock(start, '.')[:8]} {' '.join(words)}")
            words, target = [], rng.randint(60, 240)
    if words:
        paragraphs.append(f"{_clock(start, '.')[:8]} {' '.join(words)}")
    return "\n\n".join(paragraphs) + "\n"


def vary(cues: list[Cue], rng: random.Random) -> list[Cue]:
    """New times (stretched by 0.9-1.1, shifted by 0-5 s) and the words dealt out anew."""
    scale = rng.uniform(0.9, 1.1)
    offset = rng.randrange(5000)
    pool = [word for cue in cues for line in cue.lines for word in line.split()]
    rng.shuffle(pool)
    words = iter(pool)
    varied = []
    for cue in cues:
        lines = tuple(" ".join(next(words) for _ in line.split()) for line in cue.lines)
        varied.append(
            Cue(round(cue.start * scale) + offset, round(cue.end * scale) + offset, lines)
        )
    return varied


def bases(source: Path = SOURCE) -> list[tuple[str, list[Cue]]]:
    """The real episodes the generator varies: every ``.vtt`` but the historical versions."""
    found = []
    for path in sorted(source.glob("*.vtt")):
        if path.name.startswith("history-"):
            continue
        found.append((path.stem, parse_vtt(path.read_text(encoding="utf-8"))))
    return found


def generate(directory: Path, size: int, seed: int = 0, source: Path = SOURCE) -> Corpus:
    """Write *size* episodes (``.vtt`` + ``.txt``) under ``directory/episodes`` and their
    ``.srt`` under ``directory/srt``."""
    episodes = directory / "episodes"
    srt_dir = directory / "srt"
    episodes.mkdir(parents=True, exist_ok=True)
    srt_dir.mkdir(parents=True, exist_ok=True)
    real = bases(source)
    vtt, txt, srt = [], [], []
    for number in range(size):
        stem, cues = real[number % len(real)]
        rng = random.Random(f"{seed}:{number}")
        varied = vary(cues, rng)
        name = f"{number:04d}-{stem}"
        for suffix, text, into, folder in (
            (".vtt", write_vtt(varied), vtt, episodes),
            (".txt", write_txt(varied, rng), txt, episodes),
            (".srt", write_srt(varied), srt, srt_dir),
        ):
            path = folder / (name + suffix)
            path.write_text(text, encoding="utf-8", newline="\n")
            into.append(path)
    return Corpus(episodes, tuple(vtt), tuple(txt), tuple(srt), generated=True)


def given(root: Path, scratch: Path) -> Corpus:
    """A corpus directory given on the command line; its ``.srt`` versions go to *scratch*."""
    vtt = tuple(sorted(root.rglob("*.vtt")))
    txt = tuple(sorted(root.rglob("*.txt")))
    srt_dir = scratch / "srt"
    srt_dir.mkdir(parents=True, exist_ok=True)
    srt = []
    for number, path in enumerate(vtt):
        cues = parse_vtt(path.read_text(encoding="utf-8", errors="replace"))
        target = srt_dir / f"{number:04d}-{path.stem}.srt"
        target.write_text(write_srt(cues), encoding="utf-8", newline="\n")
        srt.append(target)
    return Corpus(root, vtt, txt, tuple(srt), generated=False)


def typical(paths: Iterable[Path], size: int = 100_000) -> Path:
    """The file whose size is closest to *size* bytes (a typical 100 KB episode)."""
    return min(paths, key=lambda path: (abs(path.stat().st_size - size), path.name))


def repeated(episode: Path, times: int) -> str:
    """*episode*'s cues *times* over, each copy after the previous one: one long valid file."""
    cues = parse_vtt(episode.read_text(encoding="utf-8", errors="replace"))
    length = max((cue.end for cue in cues), default=0) + 1000

    def copies() -> Iterator[Cue]:
        for copy in range(times):
            shift = copy * length
            for cue in cues:
                yield Cue(cue.start + shift, cue.end + shift, cue.lines)

    return write_vtt(copies())


_STAMP = re.compile(r"(?:(\d+):)?(\d\d):(\d\d)\.(\d{3})")


def end_to_end(size: int, source: Path = SOURCE) -> str:
    """The real ``.vtt`` episodes one after the other, over and over, until *size*
    bytes: each cue block as written (defects and all), only its timing line's
    times shifted past the episodes before it.  A long file of real content: at
    50 MB its hours run to three digits."""
    episodes = []
    for path in sorted(source.glob("*.vtt")):
        text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
        body = text.split("\n\n", 1)[1] if "\n\n" in text else ""
        cues = parse_vtt(text)
        episodes.append((body, max((cue.end for cue in cues), default=0) + 1000))
    parts = ["WEBVTT\n\n"]
    total, shift, turn = 0, 0, 0
    while total < size:
        body, length = episodes[turn % len(episodes)]
        shifted = "\n".join(
            _STAMP.sub(lambda m, s=shift: _clock(_ms(*m.groups()) + s, "."), line)
            if "-->" in line else line
            for line in body.split("\n")
        )
        parts.append(shifted.rstrip("\n") + "\n\n")
        total += len(parts[-1].encode())
        shift += length
        turn += 1
    return "".join(parts)


def adversarial(scale: int) -> list[tuple[str, str, str]]:
    """Inputs made to find super-linear code, as ``(label, suffix, text)``.

    ``scale=10`` gives the sizes the issue names (a 5 MB line, 100,000 lines,
    100,000 nested tags); ``scale=1`` a tenth of them, so that the pair shows
    how time grows with size.  Each comes in every format it can upset.
    """
    digits = "0123456789:" * (scale * 500_000 // 11) + "\n"
    arrows = "-->\n" * (scale * 10_000)
    tags = "<b>" * (scale * 10_000) + "x\n"
    vtt, srt = "WEBVTT\n\n", "1\n00:00:00,000 --> 00:00:01,000\n"
    return [
        ("one line of digits and colons", ".vtt", vtt + digits),
        ("one line of digits and colons", ".srt", digits),
        ("one line of digits and colons", ".txt", digits),
        ("lines of -->", ".vtt", vtt + arrows),
        ("lines of -->", ".srt", arrows),
        ("nested <b> cue tags", ".vtt", vtt + "00:00.000 --> 00:01.000\n" + tags),
        ("nested <b> cue tags", ".srt", srt + tags),
    ]
