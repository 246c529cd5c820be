"""Which files hold a transcript: the content test behind the CLI's directory
walk and its pre-commit hook.

A file is a candidate by its suffix (:data:`CANDIDATES`) and a transcript by
its content (:func:`skip_reason`).  The test errs on the side of reading: a
file with one timed line start in any layout the readers know is a
transcript, however many of its lines have no time (a transcript whose
paragraphs continue untimed is still one, and hiding it would hide its
defects).  Only what no reader could read as timed is passed over, with the
reason, for ``--verbose`` and for a file named on the command line.

A chapter file, ``NAME.chapters.json``, ``.vtt`` or ``.txt`` (beside the
transcript ``NAME.<ext>``), is told by its name (:func:`chapters_stem`): its
"suffix" for :func:`skip_reason` is the whole ``.chapters.json`` (see
:func:`file_suffix`), and it is always linted, with the chapter rules.
"""

from __future__ import annotations

import os
import re

from ..decoding import SNIFF_BYTES, is_binary

__all__ = [
    "ALWAYS", "CANDIDATES", "CHAPTERS", "SNIFFED", "SNIFF_BYTES", "chapters_stem",
    "file_suffix", "is_binary", "skip_reason",
]

#: How chapter files' names end, in the order they are looked for beside a transcript.
CHAPTERS = (".chapters.json", ".chapters.vtt", ".chapters.txt")
#: Suffixes linted whatever their content (a broken one is still a transcript,
#: or a chapter file).
ALWAYS = frozenset({".vtt", ".webvtt", ".srt", *CHAPTERS})
#: Suffixes linted when their content is a transcript.
SNIFFED = frozenset({".txt", ".md", ".markdown", ".json", ".sbv", ".ttml", ".xml", ".dfxp",
                     ".html", ".htm"})
#: Every suffix a directory walk considers.
CANDIDATES = ALWAYS | SNIFFED

# A line that starts with a time in one of the text layouts (after Markdown
# bullets, quote marks and bold): the time first; "[Speaker 1] [00:03]";
# "Ann Smith (00:01:12)"; Otter's "Speaker 1  0:03" alone on its line;
# Whisper's "[0.00 --> 2.90]"; a WebVTT, SRT or SubViewer timing line.
_TIMED_LINE = rb"""(?mx)^[ \t]*(?:[-*+>][ \t]+)*(?:\*\*|__)?(?:
    [\[(]?\d{1,3}:\d{1,2}(?::\d{1,2})?(?:[.,]\d+)?[\])]?(?:\*\*|__)?(?:[ \t:,]|\r?$)
  | \[[^\]\r\n]{1,60}\][ \t]+[\[(]\d{1,3}:\d\d
  | [A-Za-z\x80-\xff][^\r\n(\[]{0,60}?[ \t]+\(\d{1,3}:\d\d(?::\d\d)?(?:[.,]\d+)?\)
  | [A-Za-z\x80-\xff][\w.'\x20\x80-\xff-]{0,60}?[ \t]{2,}\d{1,3}:\d\d(?::\d\d)?[ \t]*\r?$
  | \[[\d:.]+[ \t]+-->
)"""
_WEBVTT = rb"(?m)^(?:\xef\xbb\xbf)?WEBVTT(?:[ \t\r\n]|$)|\d:\d\d[.,]\d{1,3}[ \t]*-->[ \t]*\d"


def chapters_stem(path: str) -> str | None:
    """``NAME`` (with its directory) of a chapter file ``NAME.chapters.json|vtt|txt``
    (any case), else ``None``."""
    if path[-14:].lower() in CHAPTERS or path[-13:].lower() in CHAPTERS:
        return path[: path.lower().rindex(".chapters.")]
    return None


def file_suffix(path: str) -> str:
    """The suffix that decides how *path* is treated: ``.chapters.json`` (and so
    on) for a chapter file, else its last suffix; lower case, with its dot."""
    stem = chapters_stem(path)
    if stem is not None:
        return path[len(stem):].lower()
    return os.path.splitext(path)[1].lower()


def _as_utf8(data: bytes) -> bytes:
    """UTF-16 (by its byte order mark) as UTF-8, for the byte patterns; else as is."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace").encode("utf-8")
    return data


def skip_reason(data: bytes, suffix: str) -> str | None:
    """``None`` when *data* (a file's bytes) holds a transcript a reader can read;
    otherwise why it does not, for a note that names the file.

    *suffix* (lower case, with its dot) says which formats to look for: JSON
    for ``.json``, TTML for ``.ttml``/``.xml``/``.dfxp``, Podcasting 2.0 HTML for
    ``.html``; for anything else timed lines, WebVTT, SRT and SubViewer.
    """
    if suffix in ALWAYS:
        return None
    if is_binary(data[:SNIFF_BYTES]):
        return "binary content, not text"
    data = _as_utf8(data)
    if suffix == ".json":
        head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
        if head[:1] == b"{" and b'"segments"' in data:
            return None
        return 'JSON without a "segments" array (neither Podcasting 2.0 nor Whisper)'
    text = data.decode("utf-8", errors="replace")
    if suffix in (".ttml", ".xml", ".dfxp"):
        from .ttml import looks_like_ttml

        return None if looks_like_ttml(text) else "XML that is not a TTML <tt> document"
    if suffix in (".html", ".htm"):
        from .html import looks_like_html_transcript

        if looks_like_html_transcript(text):
            return None
        return "HTML with no <time> clock times (a Podcasting 2.0 transcript has them)"
    if re.search(_TIMED_LINE, data) is not None or re.search(_WEBVTT, data) is not None:
        return None
    return "no line starts with a timestamp"
