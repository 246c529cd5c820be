"""A transcript read in one format, written in another: what each target can hold.

The writers (:mod:`.writers`) write a cue's text as it is, the text "exactly as
in the file" of the format it was read from.  Converting, the text must be what
the *target* format means by text:

* to the format it came from, the cues go as they are (markup, speaker labels
  and all);
* to WebVTT from another format, the words are escaped (``&``, ``<``, ``>``),
  the speaker becomes a ``<v Name>`` span and word timings (a cue's ``words``,
  where a reader gives them) become inline timestamps;
* to SRT, timestamped text and Podcasting 2.0 JSON, the cue's plain text (what
  a screen reader reads: no markup, references decoded), the speaker as that
  format names one (``Name:`` or ``"speaker"``).

YouTube's rolling captions are de-rolled (:mod:`.rolling`) unless asked not
to be.  Nothing here reads or writes a file: :mod:`.convert` is the command,
and the Sphinx directive converts for its downloads with :func:`convert`.
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import Cue, Transcript
from .rolling import deroll, first_rolling
from .timecode import format_vtt
from .writers import WRITERS, writer_format

__all__ = ["WRITERS", "convert", "prepare", "word_count"]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _timed_words(cue: Cue) -> str | None:
    """The cue's words with their times as WebVTT inline timestamps, or ``None``
    when the cue has no word timings.

    The words' texts are joined as they are (a word's space, before or after it,
    is its own: a syllable after a timestamp stays in its word), whitespace
    collapsed.  A word gets a timestamp when its start lies inside the cue and
    after the last one written, as WebVTT requires; any other word (no start,
    or one out of order) runs on from the word before it.
    """
    out: list[str] = []
    spaced = True  # what is written so far ends with a space (or is nothing)
    last = cue.start_ms
    for word in cue.words or ():
        text = str(word.text)
        body = _escape(" ".join(text.split()))
        if not body:
            continue
        if text[:1].isspace() and not spaced:
            out.append(" ")
        start = word.start_ms
        if out and isinstance(start, int) and last < start and (
            cue.end_ms is None or start < cue.end_ms
        ):
            out.append(f"<{format_vtt(start)}>")
            last = start
        out.append(body)
        spaced = text[-1:].isspace()
        if spaced:
            out.append(" ")
    return "".join(out).rstrip(" ") or None


def _for_target(cue: Cue, source: str, target: str) -> Cue:
    if source == target:
        return cue
    if target == "vtt":
        text = _timed_words(cue) or "\n".join(
            _escape(line) for line in cue.plain_text.split("\n")
        )
        return cue._replace(text=text, settings="")
    # Identifiers and settings mean something only in their own format.
    return cue._replace(text=cue.plain_text, identifier="", settings="")


def prepare(transcript: Transcript, target: str, *, derolled: bool = True) -> list[Cue]:
    """The cues of *transcript* as the writer of *target* should get them.

    :param derolled: give each line of YouTube's rolling captions once.
    :raises ValueError: for a *target* with no writer.
    """
    fmt = writer_format(target)
    cues = transcript.cues
    source = transcript.format
    if derolled and first_rolling(cues) is not None:
        cues = deroll(cues)
    return [_for_target(cue, source, fmt) for cue in cues]


def convert(transcript: Transcript, target: str, *, derolled: bool = True) -> str:
    """The text of *transcript* written as *target* (a format name or suffix).

    .. doctest::

        >>> from sphinxcontrib_transcript import loads
        >>> t = loads("1\\n00:00:01,000 --> 00:00:02,000\\nAnn: Q&A <i>now</i>\\n", format="srt")
        >>> print(convert(t, "vtt"), end="")
        WEBVTT
        <BLANKLINE>
        00:00:01.000 --> 00:00:02.000
        <v Ann>Q&amp;A now

    :raises ValueError: for a *target* with no writer.
    """
    fmt = writer_format(target)
    metadata = transcript.metadata if fmt == "json" else {}
    return WRITERS[fmt](prepare(transcript, fmt, derolled=derolled), metadata)


def word_count(cues: Sequence[Cue]) -> int:
    """Words said in *cues*, speakers' names included (a format may carry a name in
    the text or apart from it: counted either way, the total is the same)."""
    return sum(
        len(cue.plain_text.split()) + len((cue.speaker or "").split()) for cue in cues
    )
