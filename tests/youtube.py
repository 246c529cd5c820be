"""YouTube's rolling-caption layout, written from word timings, for the tests.

:func:`rolling_vtt` lays words out exactly as YouTube's automatic captions
come from yt-dlp: a ``Kind:``/``Language:`` header, ``align:start
position:0%`` on every cue, and each caption line in three cues (written word
by word under the line before, with ``<HH:MM:SS.mmm><c> word</c>`` timings;
held alone for 10 ms over a line holding one space; then carried as the upper
line of the next cue).  The first cue's upper line is one space.

``tests/data/youtube/words.json`` holds real word timings (espeak-ng speech,
see ``make-words.py`` there).
"""

from __future__ import annotations

import json
from pathlib import Path

from sphinxcontrib_transcript.timecode import format_vtt

WORDS = Path(__file__).parent / "data" / "youtube" / "words.json"
HOLD_MS = 10
SETTINGS = "align:start position:0%"


def words() -> list[tuple[str, int, int]]:
    """The real word timings: ``(word, start_ms, end_ms)``."""
    return [(word, start, end) for word, start, end in json.loads(WORDS.read_text())]


def caption_lines(
    timed: list[tuple[str, int, int]], width: int = 32
) -> list[list[tuple[str, int, int]]]:
    """Words grouped into caption lines of at most *width* characters."""
    lines: list[list[tuple[str, int, int]]] = [[]]
    for word in timed:
        length = sum(len(w) + 1 for w, _, _ in lines[-1]) + len(word[0])
        if lines[-1] and length > width:
            lines.append([])
        lines[-1].append(word)
    return [line for line in lines if line]


def _timed_line(line: list[tuple[str, int, int]]) -> str:
    first, *rest = line
    return first[0] + "".join(f"<{format_vtt(start)}><c> {word}</c>" for word, start, _ in rest)


def _plain(line: list[tuple[str, int, int]]) -> str:
    return " ".join(word for word, _, _ in line)


def rolling_vtt(timed: list[tuple[str, int, int]], width: int = 32) -> str:
    """The rolling-caption WebVTT file yt-dlp would save for these words."""
    lines = caption_lines(timed, width)
    out = ["WEBVTT\nKind: captions\nLanguage: en\n"]

    def cue(start: int, end: int, upper: str, lower: str) -> None:
        out.append(f"{format_vtt(start)} --> {format_vtt(end)} {SETTINGS}\n{upper}\n{lower}\n")

    start = lines[0][0][1]
    for index, line in enumerate(lines):
        last = index + 1 == len(lines)
        end = line[-1][2] if last else lines[index + 1][0][1]
        upper = " " if index == 0 else _plain(lines[index - 1])
        cue(start, end, upper, _timed_line(line))
        cue(end, end + HOLD_MS, _plain(line), " ")
        start = end + HOLD_MS
    return "\n".join(out)
