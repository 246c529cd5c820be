"""Format readers: bytes or text in, a :class:`~sphinxcontrib_transcript.model.Transcript` out.

Each reader module has one function, ``parse(text: str) -> Transcript``, that
takes decoded text without a byte order mark and never raises on bad content.
This package adds the one read pipeline all callers share (:func:`read`:
decode, choose the format, read) and the functions on top of it:
:func:`load`, :func:`loads`, :func:`read_file`, and :func:`is_transcript`
for a directory walk.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable

from ..decoding import decode
from ..model import FORMATS, Format, Transcript


# Each reader module is imported when a file of its format is first read: a
# pre-commit hook linting one WebVTT file need not load (and compile the
# patterns of) the SRT, JSON and text readers.
def _read_vtt(text: str) -> Transcript:
    from . import webvtt

    return webvtt.parse(text)


def _read_srt(text: str) -> Transcript:
    from . import srt

    return srt.parse(text)


def _read_txt(text: str) -> Transcript:
    from . import text as text_reader

    return text_reader.parse(text)


def _read_json(text: str) -> Transcript:
    # One suffix, two formats: Whisper's JSON is told from Podcasting 2.0's by
    # its segments' keys, whether the suffix or the caller said "json".
    from .whisper import looks_like_whisper

    if looks_like_whisper(text):
        return _read_whisper(text)
    from . import json as json_reader

    return json_reader.parse(text)


def _read_whisper(text: str) -> Transcript:
    from . import whisper

    return whisper.parse(text)


def _read_md(text: str) -> Transcript:
    from . import markdown

    return markdown.parse(text)


def _read_sbv(text: str) -> Transcript:
    from . import sbv

    return sbv.parse(text)


def _read_ttml(text: str) -> Transcript:
    from . import ttml

    return ttml.parse(text)


def _read_html(text: str) -> Transcript:
    from . import html

    return html.parse(text)


#: The reader of each format.
READERS: dict[Format, Callable[[str], Transcript]] = {
    "vtt": _read_vtt,
    "srt": _read_srt,
    "txt": _read_txt,
    "json": _read_json,
    "md": _read_md,
    "whisper": _read_whisper,
    "sbv": _read_sbv,
    "ttml": _read_ttml,
    "html": _read_html,
}

#: File suffixes that name a format outright.  ``.txt`` is not here: a text
#: file may hold any of the formats and is sniffed.
SUFFIXES: dict[str, Format] = {
    ".vtt": "vtt",
    ".webvtt": "vtt",
    ".srt": "srt",
    ".json": "json",
    ".md": "md",
    ".markdown": "md",
    ".sbv": "sbv",
    ".ttml": "ttml",
    ".dfxp": "ttml",
    ".xml": "ttml",
    ".html": "html",
    ".htm": "html",
}

#: Names accepted for ``format``: short names, suffixes and MIME types
#: (the Podcasting 2.0 ``<podcast:transcript type=...>`` values).
FORMAT_ALIASES: dict[str, Format] = {
    **{name: name for name in FORMATS},
    "webvtt": "vtt",
    "subrip": "srt",
    "text": "txt",
    "text/vtt": "vtt",
    "application/x-subrip": "srt",
    "application/srt": "srt",
    "text/srt": "srt",
    "text/plain": "txt",
    "application/json": "json",
    "markdown": "md",
    "text/markdown": "md",
    "whisperx": "whisper",
    "subviewer": "sbv",
    "dfxp": "ttml",
    "imsc": "ttml",
    "application/ttml+xml": "ttml",
    "text/html": "html",
}

# Strings: re compiles them on first use, which most runs never reach.
_SRT_TIMING = r"(?m)^\s*\d+\s*\r?\n\s*\d+:\d\d:\d\d[,.]\d+\s*-->"
_WEBVTT_LINE = r"(?m)^WEBVTT(?:[ \t]|$)"
_SBV_TIMING = r"\d{1,3}:\d\d:\d\d\.\d{3},\d{1,3}:\d\d:\d\d\.\d{3}[ \t]*\r?\n"
_VERBOSE_LINE = r"\[[\d:.]+ --> [\d:.]+\]"


def _suffix(path: str | os.PathLike[str]) -> str:
    # os.path, not pathlib: importing pathlib costs the CLI several milliseconds
    # of start-up (fnmatch, urllib.parse...), and a pre-commit hook pays them.
    return os.path.splitext(os.fspath(path))[1].lower()


def normalize_format(name: str) -> Format:
    """Map a format name, suffix or MIME type to a short format name.

    :raises ValueError: for a name no reader handles; the message lists the
        accepted names.
    """
    key = name.strip().lower()
    key = key.split(";", 1)[0].strip()  # "text/vtt; charset=utf-8"
    if key.startswith(".") and key in SUFFIXES:
        return SUFFIXES[key]
    if key.startswith("."):
        key = key[1:]
    try:
        return FORMAT_ALIASES[key]
    except KeyError:
        accepted = ", ".join(FORMATS)
        raise ValueError(
            f"unknown transcript format {name!r}; use one of {accepted} "
            "(or a suffix or MIME type such as .vtt or text/vtt)"
        ) from None


def sniff(sample: str) -> Format:
    """Guess the format of decoded text from its content.

    WebVTT when a line starts with ``WEBVTT`` (wherever it is: a web page
    capture may put page chrome before it) or when timing lines use ``.``
    without numbered blocks; SRT for numbered blocks of ``-->`` timing lines;
    JSON when the text starts with ``{`` or ``[`` and a JSON value (Whisper's
    when its segments have Whisper's keys); TTML for a ``<tt>`` document, HTML
    for a page with ``<time>`` clock times; SubViewer when the first line is
    its timing line; timestamped text otherwise (``[00:03]`` and
    ``[Speaker 1]`` lines, and Whisper's ``[0.00 --> 2.90]`` console lines).
    """
    head = sample.lstrip("\ufeff \t\r\n")
    # "[" opens a JSON array, or a "[00:03]" or "[Speaker 1]" line.
    if head[:1] == "{" or (head[:1] == "[" and head[1:].lstrip()[:1] in ('"', "{", "[", "]", "")):
        from .whisper import looks_like_whisper

        return "whisper" if looks_like_whisper(sample) else "json"
    if head.startswith("WEBVTT"):
        return "vtt"
    if head[:1] == "<":
        markup = _sniff_markup(sample)
        if markup is not None:
            return markup
    if re.match(_SBV_TIMING, head) is not None:
        return "sbv"
    if "-->" not in sample:  # no timing line anywhere: one C scan, not a regex one
        return "txt"
    if re.match(_VERBOSE_LINE, head) is not None:
        return "txt"
    if re.search(_WEBVTT_LINE, sample) is not None:
        return "vtt"
    if re.search(_SRT_TIMING, sample) is not None:
        return "srt"
    return "vtt"


def _sniff_markup(sample: str) -> Format | None:
    """TTML or Podcasting 2.0 HTML, for text that starts with a tag."""
    from .html import looks_like_html_transcript
    from .ttml import looks_like_ttml

    if looks_like_ttml(sample):
        return "ttml"
    if looks_like_html_transcript(sample):
        return "html"
    return None


def format_for(path: str | os.PathLike[str], sample: str) -> Format:
    """The format to read a file as when none is given: the one its suffix names
    (``.vtt``, ``.srt``, ``.json``), else the content's (:func:`sniff`).

    The suffix comes first because players go by it: a ``.vtt`` holding SRT is
    read by a browser as WebVTT, and that is what must be linted
    (``format-mismatch`` says what the content looks like).  A suffix that names
    no format (``.txt``, none) leaves it to the content.
    """
    suffix = _suffix(path)
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    return sniff(sample)


def is_transcript(data: bytes, suffix: str) -> bool:
    """Whether a file with *suffix* (lower case, with its dot) holds a transcript
    a reader can read (see :func:`.discover.skip_reason`)."""
    from .discover import skip_reason

    return skip_reason(data, suffix) is None


def read(
    data: bytes | str,
    *,
    name: str | os.PathLike[str] = "",
    format: str | None = None,
    encoding: str | None = None,
) -> tuple[Transcript, str]:
    """The one read pipeline: bytes (or text) in, the transcript and its text out.

    Every caller reads through here (:func:`load`, :func:`loads`, the linter
    and its sibling files, the Sphinx extension), so they agree on what a file
    holds.  Three steps:

    1. decode (:func:`~sphinxcontrib_transcript.decoding.decode`: BOM, then
       *encoding*, then UTF-8, then a guess), keeping its diagnostics; a
       string is taken as decoded (a BOM at its start is dropped);
    2. choose the format: *format* when given, else :func:`format_for` the
       file *name* and the content;
    3. read with that format's reader.

    The decoder's diagnostics come first in the transcript's.  The cues may
    still be a table (see :attr:`Transcript.table`); the text is what the
    linter's rules read.

    :raises ValueError: only for an unknown *format* name, never for content.
    """
    fmt = normalize_format(format) if format else None
    if isinstance(data, str):
        text = data[1:] if data.startswith("\ufeff") else data
        used, decode_diagnostics = "utf-8", []
    else:
        decoded = decode(data, encoding)
        del data  # a caller that passed the bytes on frees them before the cues are made
        text, used, decode_diagnostics = decoded.text, decoded.encoding, decoded.diagnostics
        del decoded
    if fmt is None:
        fmt = format_for(name, text) if name else sniff(text)
    transcript = READERS[fmt](text)
    transcript.encoding = used
    if decode_diagnostics:
        transcript.diagnostics[:0] = decode_diagnostics
    return transcript, text


def read_file(
    path: str | os.PathLike[str], *, format: str | None = None, encoding: str | None = None
) -> tuple[Transcript, str, bytes]:
    """:func:`read` of the file at *path*, with the file's bytes.

    :raises OSError: when the file cannot be read; the message names the path.
    """
    data = _bytes_of(path)
    transcript, text = read(data, name=path, format=format, encoding=encoding)
    return transcript, text, data


def _bytes_of(path: str | os.PathLike[str]) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        message = f"cannot read transcript {os.fspath(path)!r}: {reason}"
        raise type(exc)(exc.errno, message) from exc


def loads(
    data: bytes | str, *, format: str | None = None, encoding: str | None = None
) -> Transcript:
    """Read a transcript from bytes or text.

    :param data: the file's content.  Bytes are decoded (BOM, then *encoding*,
        then UTF-8, then a guess, with an ``invalid-utf8`` diagnostic); a
        string is taken as already decoded.
    :param format: ``"vtt"``, ``"srt"``, ``"txt"`` or ``"json"`` (or a suffix
        or MIME type); guessed from the content when omitted.
    :param encoding: the encoding of *data* when it is bytes and not UTF-8.
    :returns: the transcript; problems are in its ``diagnostics``.
    :raises ValueError: only for an unknown *format* name, never for content.

    .. doctest::

        >>> t = loads("WEBVTT\\n\\n00:01.000 --> 00:02.500\\n<v Ann>Hi &amp; bye", format="vtt")
        >>> cue = t.cues[0]
        >>> cue.start_ms, cue.end_ms, cue.speaker, cue.plain_text, cue.line
        (1000, 2500, 'Ann', 'Hi & bye', 3)
    """
    transcript, _ = read(data, format=format, encoding=encoding)
    transcript.cues  # noqa: B018 - made here: a caller of loads() wants them
    return transcript


def load(
    path: str | os.PathLike[str], *, format: str | None = None, encoding: str | None = None
) -> Transcript:
    """Read the transcript file at *path*.

    The format comes from *format*, else from the suffix (``.vtt``, ``.srt``,
    ``.json``), else from the content (a ``.txt`` may hold WebVTT).

    :raises OSError: when the file cannot be read; the message names the path.
    :raises ValueError: only for an unknown *format* name.
    """
    if format is not None:
        normalize_format(format)  # a bad name fails before the file is read
    # The bytes go to read() alone, which lets go of them once decoded, and the
    # text goes once read: only the transcript is left when its cues are made.
    transcript, _ = read(_bytes_of(path), name=path, format=format, encoding=encoding)
    transcript.cues  # noqa: B018 - made here: a caller of load() wants them
    return transcript
