"""Write demo-clip.srt, .json and .txt from demo-clip.vtt with the package's writers.

Run from this directory: ``python3 convert-clip.py``.  The cue text goes out
without its WebVTT markup, so ``<v Ann>`` becomes the ``Ann:`` label of SRT
and timestamped text and the ``speaker`` of JSON.
"""

from __future__ import annotations

from pathlib import Path

import sphinxcontrib_transcript as st
from sphinxcontrib_transcript.writers import dumps

HERE = Path(__file__).parent


def converted() -> dict[str, str]:
    """File name -> text, for each of the other formats."""
    clip = st.load(HERE / "demo-clip.vtt")
    cues = [cue._replace(text=cue.plain_text) for cue in clip.cues]
    return {f"demo-clip.{fmt}": dumps(cues, fmt) for fmt in ("srt", "json", "txt")}


if __name__ == "__main__":
    for name, text in converted().items():
        (HERE / name).write_text(text, encoding="utf-8", newline="")
        print(f"wrote {name}")
