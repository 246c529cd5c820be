"""The ``formats`` section: each newer reader's time per MB against the WebVTT reader's.

The corpus's ``.vtt`` cues are written out in each format, one file per
episode, in the layout people really keep (see ``docs/formats.rst``); ``load()``
reads every file of a format, and its best time per MB is compared with
``load()`` over the ``.vtt`` files.  The target: at most twice the WebVTT
reader's time per MB.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from .corpus import Corpus, Cue, parse_vtt
from .timing import best, interleaved

if TYPE_CHECKING:
    from .run import Results

_NAMES = ("Ann Lee", "Ben", "Speaker 1")


def _mmss(ms: int) -> str:
    minutes, seconds = divmod(ms // 1000, 60)
    return f"{minutes:02d}:{seconds:02d}"


def _hms(ms: int, fraction: bool = True) -> str:
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    clock = f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{clock}.{millis:03d}" if fraction else clock


def write_speaker_first(cues: Sequence[Cue]) -> str:
    """``[Speaker 1] [03:40] text`` lines (Whisper and diarisation pipelines)."""
    return "".join(
        f"[{_NAMES[n % 3]}] [{_mmss(c.start)}] {' '.join(c.lines)}\n" for n, c in enumerate(cues)
    )


def write_markdown(cues: Sequence[Cue]) -> str:
    """``[MM:SS] **Name**: text`` paragraphs under a heading (call notes)."""
    body = "".join(
        f"[{_mmss(c.start)}] **{_NAMES[n % 3]}**: {' '.join(c.lines)}\n\n"
        for n, c in enumerate(cues)
    )
    return "# Episode\n\n" + body


def write_whisper(cues: Sequence[Cue]) -> str:
    """WhisperX JSON, one segment per cue, each word timed."""
    segments = []
    for n, c in enumerate(cues):
        words = " ".join(c.lines).split()
        step = (c.end - c.start) / max(len(words), 1) / 1000
        segments.append({
            "start": c.start / 1000, "end": c.end / 1000, "text": " " + " ".join(words),
            "words": [{"word": word, "start": round(c.start / 1000 + k * step, 3),
                       "end": round(c.start / 1000 + (k + 1) * step, 3), "score": 0.9}
                      for k, word in enumerate(words)],
            "speaker": f"SPEAKER_{n % 3:02d}",
        })
    # As Whisper writes it: json.dump with the default separators, no indent.
    return json.dumps({"segments": segments, "language": "en"})


def write_sbv(cues: Sequence[Cue]) -> str:
    return "\n".join(f"{_hms(c.start)},{_hms(c.end)}\n" + "\n".join(c.lines) + "\n"
                     for c in cues)


def write_ttml(cues: Sequence[Cue]) -> str:
    # TTML clock times have two-digit hours at least.
    paragraphs = "".join(
        f'  <p begin="0{_hms(c.start)}" end="0{_hms(c.end)}" ttm:agent="a{n % 3}">'
        + "<br/>".join(escape(line, quote=False) for line in c.lines) + "</p>\n"
        for n, c in enumerate(cues)
    )
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<tt xmlns="http://www.w3.org/ns/ttml" '
            'xmlns:ttm="http://www.w3.org/ns/ttml#metadata" xml:lang="en">\n<body><div>\n'
            f"{paragraphs}</div></body>\n</tt>\n")


def write_html(cues: Sequence[Cue]) -> str:
    return "".join(
        f"<cite>{_NAMES[n % 3]}:</cite>\n<time>{_hms(c.start, False)}</time>\n"
        f"<p>{escape(' '.join(c.lines), quote=False)}</p>\n"
        for n, c in enumerate(cues)
    )


#: Each new reader's suffix and writer.
WRITERS: dict[str, tuple[str, Callable[[Sequence[Cue]], str]]] = {
    "timed lines (speaker first)": (".txt", write_speaker_first),
    "Markdown": (".md", write_markdown),
    "Whisper JSON": (".json", write_whisper),
    "SubViewer": (".sbv", write_sbv),
    "TTML": (".ttml", write_ttml),
    "Podcasting 2.0 HTML": (".html", write_html),
}


def generate(corpus: Corpus, directory: Path) -> dict[str, list[Path]]:
    """Every format's files, written from the corpus's ``.vtt`` cues."""
    made: dict[str, list[Path]] = {name: [] for name in WRITERS}
    for name, (suffix, write) in WRITERS.items():
        folder = directory / suffix.lstrip(".")
        folder.mkdir(parents=True, exist_ok=True)
        for vtt in corpus.vtt:
            cues = parse_vtt(vtt.read_text(encoding="utf-8-sig"))
            path = folder / (vtt.stem + suffix)
            path.write_text(write(cues), encoding="utf-8")
            made[name].append(path)
    return made


def section_formats(corpus: Corpus, repeat: int, scratch: Path, results: Results) -> None:
    from sphinxcontrib_transcript import load

    from .run import Row

    made = generate(corpus, scratch / "formats")
    vtt_mb = corpus.size(corpus.vtt) / 1e6
    print(f"formats: each new reader's time per MB against WebVTT's ({vtt_mb:.1f} MB); "
          f"best of {repeat}")

    def each(paths: Sequence[Path]) -> Callable[[], object]:
        def run() -> object:
            for path in paths:
                if load(path).diagnostics:
                    raise AssertionError(f"{path}: {load(path).diagnostics[0]}")
            return None
        return run

    contenders = {"vtt": each(corpus.vtt), **{name: each(paths) for name, paths in made.items()}}
    times, failed = interleaved(contenders, repeat)
    for name, reason in failed.items():
        results.unavailable("formats", f"{name}: {reason}")
    if "vtt" not in times:
        return
    vtt_per_mb = best(times["vtt"]) / vtt_mb
    for name, paths in made.items():
        if name not in times:
            continue
        megabytes = corpus.size(paths) / 1e6
        per_mb = best(times[name]) / megabytes
        ratio = per_mb / vtt_per_mb
        results.add(Row(
            "formats", f"read {name} ({megabytes:.1f} MB), s per MB vs WebVTT's",
            per_mb, "WebVTT load()", vtt_per_mb, ratio, f"{ratio:.2f}x WebVTT's time per MB",
            "<= 2x", ratio <= 2,
        ))
