"""The demo clip's word timings: espeak-ng's own, and still the clip's.

``docs/demo/clip-words.py`` says each line of the clip again through the
espeak-ng library and takes each word's start from its word events.  Run
again here, it must give the committed files byte for byte (so they are what
espeak-ng says, not numbers typed in), and the files must hold the cues of
``demo-clip.vtt``, word for word.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from sphinxcontrib_transcript import load

DEMO = Path(__file__).parent.parent / "docs" / "demo"


def test_clip_words_makes_the_committed_files_again(tmp_path):
    shutil.copy(DEMO / "demo-clip.vtt", tmp_path / "demo-clip.vtt")
    done = subprocess.run([sys.executable, str(DEMO / "clip-words.py"), str(tmp_path)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    for name in ("demo-words.vtt", "demo-words.json"):
        assert (tmp_path / name).read_bytes() == (DEMO / name).read_bytes(), name


def test_the_words_are_the_clips_cues_word_for_word():
    clip = load(DEMO / "demo-clip.vtt").cues
    vtt = load(DEMO / "demo-words.vtt")
    whisper = load(DEMO / "demo-words.json")
    assert vtt.diagnostics == [] and whisper.diagnostics == []
    for cues in (vtt.cues, whisper.cues):
        assert [(c.start_ms, c.end_ms, c.speaker, c.plain_text) for c in cues] == [
            (c.start_ms, c.end_ms, c.speaker, c.plain_text) for c in clip]
    segments = json.loads((DEMO / "demo-words.json").read_text(encoding="utf-8"))["segments"]
    for cue, from_vtt, segment in zip(clip, vtt.cues, segments, strict=True):
        assert "".join(word.text for word in from_vtt.words) == cue.plain_text
        words = segment["words"]
        assert [w["word"].strip() for w in words] == cue.plain_text.split()
        starts = [round(w["start"] * 1000) for w in words]
        assert starts == sorted(starts) and cue.start_ms <= starts[0] and starts[-1] < cue.end_ms
        # The WebVTT file's words start where the JSON's do (the first at its
        # cue's start when espeak-ng starts it there).
        assert [word.start_ms for word in from_vtt.words] == starts
