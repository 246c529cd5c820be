"""Reader for Markdown transcripts (``.md``).

The timed-line layouts of the text reader, as ASR services and note-taking
tools write them in Markdown::

    **SPEAKER_00:**

    [00:00] Hello and welcome.

    [00:19] **Ann**: Good morning.

What is Markdown and not what was said stays out of the cues' plain text:
headings without a time or speaker, YAML front matter, rules (``---``),
fences, HTML comments, list bullets and quote marks before a line, and the
emphasis, links and code marks around words.  Positions are those of the
file as written.
"""

from __future__ import annotations

from ..model import Transcript
from ._lines import read


def parse(text: str) -> Transcript:
    """Read a Markdown transcript (already decoded, without a BOM)."""
    return read(text, "md")
