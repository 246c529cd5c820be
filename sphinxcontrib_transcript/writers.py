"""Writers: cues out as canonical files of each format.

:func:`dumps` writes WebVTT, SRT, timestamped text or Podcasting 2.0 JSON
that the matching reader reads back without a diagnostic and to equal cues.
What "equal" means depends on what the format can hold:

``vtt``
    ``start_ms``, ``end_ms``, ``text``, ``speaker`` (from the ``<v>`` span in
    the text), ``identifier`` and ``settings`` come back as they went in.
``srt``
    ``start_ms``, ``end_ms``, ``text`` and ``speaker`` (from a leading
    ``Name:`` in the text) come back; cards are numbered 1, 2, 3, so
    ``identifier`` is the position; ``settings`` are written only when they
    are SRT coordinates (``X1:40 X2:600 Y1:20 Y2:50``).
``txt``
    ``start_ms`` to the second and ``text`` as one line (its lines joined with
    one space, surrounding whitespace removed); the format has no end times.
``json``
    ``start_ms`` and ``end_ms`` (to the millisecond), ``text`` as ``body`` and
    ``speaker`` come back exactly; ``identifier`` and ``settings`` are not
    written.  A :class:`~sphinxcontrib_transcript.model.Transcript`'s
    ``language`` metadata is written too.

The payload is written as it is (it is the text "exactly as in the file"),
except where the format cannot hold it: empty lines are dropped from WebVTT
text and blank lines from SRT text (they would end the cue), ``-->`` in
WebVTT text is written ``--&gt;``, and an identifier that would break the
file (a line break or ``-->`` in it) or read as a comment or a header block
(``NOTE ...``, ``STYLE``, ``REGION``) is left out.  SRT cannot escape a text
line that is itself a timing line; such text does not read back the same.

A cue's ``speaker`` that its text does not already carry is added the way the
format names speakers (``<v Name>`` for WebVTT, ``Name: `` for SRT and text),
so converting from JSON keeps speakers.  SRT and WebVTT need an end time: a
cue without one ends where the first following cue that starts later starts,
or 5 s after its own start when there is none.

:func:`dumps` never raises on cue content.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable

from . import markup
from .decoding import split_lines
from .model import Cue, Transcript
from .readers import normalize_format
from .readers._lines import split_speaker as _split_speaker
from .readers.srt import plain_and_speaker as srt_plain_and_speaker
from .timecode import format_clock, format_seconds, format_srt, format_vtt

#: How long a cue with no end and no later cue lasts when an end is required.
LAST_CUE_MS = 5000

# Position settings some SRT writers put after the end time; nothing else is
# carried into an SRT file (WebVTT settings would be noise to SRT players).
_SRT_COORDINATES = re.compile(r"(?:[XY][12]:\d+)(?:[ \t]+[XY][12]:\d+)*")

# An identifier that reads as a NOTE, STYLE or REGION line is valid WebVTT,
# but such a line right above a timing line is what a missing blank line looks
# like, and the reader reports it; such an identifier is left out.
_COMMENT = re.compile(r"NOTE(?:[ \t]|\Z)|(?:STYLE|REGION)[\t\f ]*\Z")


def _ends(cues: list[Cue]) -> list[int]:
    """Each cue's end, a missing one filled from the next cue that starts later."""
    ends: list[int] = []
    # Starts of the cues after the current one that no cue between starts at
    # or after: the "next greater element" stack, so this is linear.
    later: list[int] = []
    for cue in reversed(cues):
        start = max(cue.start_ms, 0)
        while later and later[-1] <= start:
            later.pop()
        if cue.end_ms is not None:
            ends.append(max(cue.end_ms, 0))
        else:
            ends.append(later[-1] if later else start + LAST_CUE_MS)
        later.append(start)
    ends.reverse()
    return ends


def _vtt(cues: list[Cue]) -> str:
    out = ["WEBVTT\n"]
    for cue, end in zip(cues, _ends(cues), strict=True):
        text = cue.text
        if cue.speaker and markup.first_voice(markup.parse(text)) != cue.speaker:
            name = " ".join(cue.speaker.replace(">", " ").split())
            text = f"<v {name}>{text}"
        lines = [line.replace("-->", "--&gt;") for line in split_lines(text) if line]
        identifier = cue.identifier
        head = ""
        if (
            identifier and "-->" not in identifier and not split_lines(identifier)[1:]
            and not _COMMENT.match(identifier)
        ):
            head = identifier + "\n"
        settings = " ".join(cue.settings.split())
        timing = f"{format_vtt(max(cue.start_ms, 0))} --> {format_vtt(end)}"
        if settings:
            timing += " " + settings
        out.append(f"\n{head}{timing}\n")
        out.extend(line + "\n" for line in lines)
    return "".join(out)


def _srt(cues: list[Cue]) -> str:
    out: list[str] = []
    for number, (cue, end) in enumerate(zip(cues, _ends(cues), strict=True), 1):
        text = cue.text
        # The speaker the SRT reader would read from the text: the label is
        # added only when it would not.
        if cue.speaker and srt_plain_and_speaker(text)[1] != cue.speaker:
            text = f"{cue.speaker}: {text}"
        settings = " ".join(cue.settings.split())
        timing = f"{format_srt(max(cue.start_ms, 0))} --> {format_srt(end)}"
        if settings and _SRT_COORDINATES.fullmatch(settings):
            timing += " " + settings
        out.append(f"{number}\n{timing}\n")
        out.extend(line + "\n" for line in split_lines(text) if line.strip())
        out.append("\n")
    return "".join(out)


def _txt(cues: list[Cue]) -> str:
    out: list[str] = []
    for cue in cues:
        text = " ".join(line.strip() for line in split_lines(cue.text) if line.strip())
        if cue.speaker and _split_speaker(text)[0] != cue.speaker:
            text = f"{cue.speaker}: {text}"
        stamp = format_clock(max(cue.start_ms, 0))
        out.append(f"{stamp} {text}\n\n" if text else f"{stamp}\n\n")
    return "".join(out)


def _json(cues: list[Cue], metadata: dict[str, str]) -> str:
    head = '{\n  "version": "1.0.0",\n'
    if metadata.get("language"):
        head += f'  "language": {json.dumps(metadata["language"], ensure_ascii=False)},\n'
    segments: list[str] = []
    for cue in cues:
        parts = []
        if cue.speaker:
            parts.append(f'"speaker": {json.dumps(cue.speaker, ensure_ascii=False)}')
        parts.append(f'"startTime": {format_seconds(cue.start_ms)}')
        if cue.end_ms is not None:
            parts.append(f'"endTime": {format_seconds(cue.end_ms)}')
        parts.append(f'"body": {json.dumps(cue.text, ensure_ascii=False)}')
        segments.append("    {" + ", ".join(parts) + "}")
    if not segments:
        return head + '  "segments": []\n}\n'
    return head + '  "segments": [\n' + ",\n".join(segments) + "\n  ]\n}\n"


#: The writer of each format: cues and the transcript's metadata in, the file's text out.
WRITERS: dict[str, Callable[[list[Cue], dict[str, str]], str]] = {
    "vtt": lambda cues, metadata: _vtt(cues),
    "srt": lambda cues, metadata: _srt(cues),
    "txt": lambda cues, metadata: _txt(cues),
    "json": _json,
}


def writer_format(name: str) -> str:
    """The short name of a format there is a writer for (a name, suffix or MIME type).

    :raises ValueError: for a format no reader knows, or one without a writer;
        the message lists those with one.
    """
    try:
        fmt: str = normalize_format(name)
    except ValueError:
        fmt = ""
    if fmt not in WRITERS:
        raise ValueError(
            f"transcripts cannot be written as {name!r}; write one of {', '.join(WRITERS)}"
        )
    return fmt


def dumps(transcript: Transcript | Iterable[Cue], format: str) -> str:
    """Write cues as a file of *format*.

    :param transcript: a :class:`~sphinxcontrib_transcript.model.Transcript`
        or any iterable of :class:`~sphinxcontrib_transcript.model.Cue`.
    :param format: ``"vtt"``, ``"srt"``, ``"txt"`` or ``"json"`` (or a suffix
        or MIME type, as for :func:`~sphinxcontrib_transcript.readers.loads`).
    :returns: the file's text, with ``\\n`` line ends.
    :raises ValueError: only for an unknown *format* name.

    .. doctest::

        >>> from sphinxcontrib_transcript.model import Cue
        >>> print(dumps([Cue(1000, 2500, "Hi there", speaker="Ann")], "srt"), end="")
        1
        00:00:01,000 --> 00:00:02,500
        Ann: Hi there
        <BLANKLINE>
        >>> print(dumps([Cue(61_000, None, "Hi")], "txt"), end="")
        00:01:01 Hi
        <BLANKLINE>
    """
    fmt = normalize_format(format)
    if fmt not in WRITERS:
        writer_format(format)  # raises, naming the formats there are writers for
    if isinstance(transcript, Transcript):
        cues, metadata = list(transcript.cues), transcript.metadata
    else:
        cues, metadata = list(transcript), {}
    writer = WRITERS.get(fmt)
    if writer is None:
        raise ValueError(f"no writer for {fmt!r} transcripts; write one of {', '.join(WRITERS)}")
    return writer(cues, metadata)
