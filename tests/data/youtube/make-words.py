"""Real word timings for the rolling-caption tests, made with espeak-ng.

Each word of the script below is spoken on its own by espeak-ng (one WAV a
word, as a slow, careful speaker says it); the words' audio is laid end to end
with a pause after each sentence, and each word's start and end are where its
audio lies in that track.  The result, ``words.json``, is a list of
``[word, start_ms, end_ms]``: the timings an aligner would give for that
track.  The tests turn them into YouTube's rolling-caption layout.

Run from this directory (needs espeak-ng); the output is committed.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
import wave
from pathlib import Path

SCRIPT = """\
Welcome back to the show, everyone.
Today we look at how captions roll on a video page.
Each line is shown twice, and then it moves up to make room.
So a transcript saved from those captions says every line three times.
We want each word once, in order, with its own time.
That is what the linter's fix does, and the converter too.
Yeah.
Yeah.
Thanks for listening, and see you next week.
"""
PAUSE_MS = 350


def duration_ms(path: Path) -> int:
    with wave.open(str(path)) as audio:
        return round(audio.getnframes() * 1000 / audio.getframerate())


def main() -> None:
    words: list[list[object]] = []
    now = 120
    with tempfile.TemporaryDirectory() as tmp:
        for sentence in SCRIPT.splitlines():
            for word in sentence.split():
                wav = Path(tmp) / f"{len(words)}.wav"
                subprocess.run(
                    ["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(wav), word], check=True
                )
                length = duration_ms(wav)
                words.append([word, now, now + length])
                now += length
            now += PAUSE_MS
    Path("words.json").write_text(
        "[\n" + ",\n".join(json.dumps(w) for w in words) + "\n]\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
