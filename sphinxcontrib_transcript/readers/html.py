"""Reader for Podcasting 2.0 HTML transcripts (``text/html`` in ``<podcast:transcript>``)::

    <cite>Ann:</cite>
    <time>0:00</time>
    <p>Welcome to the show.</p>

Each ``<p>`` is a cue, timed by the ``<time>`` before it and spoken by the
``<cite>`` before it (its colon dropped).  Read with the standard library's
:class:`html.parser.HTMLParser`, which never refuses a page: character
references are decoded, ``<br>`` is a line break, ``<script>`` and
``<style>`` are passed over.  A cue's ``text`` and ``plain_text`` are the
paragraph's text; its line is the line of its ``<time>``.

Deviations, at their line and column: a ``<time>`` that is not ``H:MM:SS`` or
``M:SS`` (``bad-timestamp``; the paragraph runs on from the cue above), a
``<p>`` with no new ``<time>`` before it (``untimed-line``, read the same way;
before any time, as a cue at 0:00).
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser

from ..model import Cue, Diagnostic, Transcript
from ._lines import time_ms

_CLOCK = r"\d{1,3}:\d{1,2}(?::\d{1,2})?(?:[.,]\d{1,3})?"


def looks_like_html_transcript(text: str) -> bool:
    """Whether *text* holds a ``<time>`` element whose text is a clock time."""
    return re.search(r"<time\b[^>]*>\s*" + _CLOCK + r"\s*</time", text, re.IGNORECASE) is not None


class _Parser(HTMLParser):
    """Collects cite, time and paragraph text in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.transcript = Transcript("html")
        self.collecting: str | None = None  # "cite", "time" or "p"
        self.buffer: list[str] = []
        self.where = (1, 1)
        self.speaker: str | None = None
        # The time read for the next paragraph: (ms, line), or None once used.
        self.time: tuple[int, int] | None = None
        self.bad_time = False  # the last <time> was reported: its paragraph is not
        self.skipping = 0  # inside <script> or <style>

    def report(self, where: tuple[int, int], rule: str, message: str) -> None:
        self.transcript.diagnostics.append(Diagnostic(*where, rule, "error", message))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skipping += 1
        elif tag in ("cite", "time", "p") and self.collecting is None:
            line, offset = self.getpos()
            self.collecting, self.buffer, self.where = tag, [], (line, offset + 1)
        elif tag == "br" and self.collecting == "p":
            self.buffer.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skipping = max(0, self.skipping - 1)
        elif tag == self.collecting:
            self.finish()

    def handle_data(self, data: str) -> None:
        if self.collecting is not None and not self.skipping:
            self.buffer.append(data)

    def finish(self) -> None:
        kind, self.collecting = self.collecting, None
        text = "".join(self.buffer)
        if kind == "cite":
            name = " ".join(text.split()).rstrip(":").strip()
            self.speaker = name or None
        elif kind == "time":
            self.timed(text.strip())
        elif kind == "p":
            self.paragraph("\n".join(" ".join(line.split()) for line in text.split("\n")).strip())

    def timed(self, token: str) -> None:
        ms = time_ms(token) if re.fullmatch(_CLOCK, token) else None
        if ms is None:
            self.report(self.where, "bad-timestamp",
                        f"{token!r} is not a valid time; write H:MM:SS or M:SS with seconds 0-59 "
                        "(the paragraph after it runs on from the cue above)")
            self.time = None
            self.bad_time = True
            return
        self.time = (ms, self.where[0])
        self.bad_time = False

    def paragraph(self, text: str) -> None:
        cues = self.transcript.cues
        if self.time is not None:
            ms, line = self.time
            self.time = None
            cues.append(Cue(ms, None, text, text, self.speaker, "", line, "", self.where[0]))
            return
        if not self.bad_time:  # one defect, one report
            where = f"the cue at line {cues[-1].line}" if cues else "a cue at 0:00"
            self.report(self.where, "untimed-line",
                        f"a paragraph with no <time> before it, so it runs on from {where}; "
                        "give it its own <cite> and <time>")
        if not cues:
            cues.append(Cue(0, None, text, text, self.speaker, "", self.where[0], "",
                            self.where[0]))
            return
        last = cues[-1]
        joined = f"{last.text}\n{text}"
        cues[-1] = last._replace(text=joined, plain_text=joined)


# A turn as feeds write it, nothing inside the elements but text, entities and
# <br>: the common file is read by one pattern pass, not a tag at a time.
_TURN = (
    r"<cite>([^<]*)</cite>\s*<time>([^<]*)</time>\s*<p>((?:[^<]+|<br\s*/?>)*)</p>"
)
# What must not stand between turns (else the parser reads the file).
_OTHER_ELEMENTS = r"<(?:p|time|cite|script|style)\b|<!--"


@lru_cache(maxsize=1 << 16)
def _time(token: str) -> int | None:
    token = token.strip()
    return time_ms(token) if re.fullmatch(_CLOCK, token) else None


def _clean(text: str) -> str:
    """Element text as the parser gives it: references decoded, layout spaces
    collapsed, ``<br>`` a line break."""
    if "&" in text:
        text = unescape(text)
    if "<" in text:
        text = re.sub(r"<br\s*/?>", "\n", text, flags=re.IGNORECASE)
    if "\n" in text:
        return "\n".join(" ".join(part.split()) for part in text.split("\n")).strip()
    return " ".join(text.split())


def _fast(text: str) -> Transcript | None:
    """The cues of a file of well-formed turns (any page around them), or ``None``."""
    transcript = Transcript("html")
    cues = transcript.cues
    position, line = 0, 1
    count = text.count
    for match in re.finditer(_TURN, text, re.IGNORECASE):
        start = match.start()
        if "<" in text[position:start] and re.search(
            _OTHER_ELEMENTS, text[position:start], re.IGNORECASE
        ):
            return None
        line += count("\n", position, start)
        name, token, body = match.groups()
        ms = _time(token)
        if ms is None:
            return None
        time_line = line + count("\n", start, match.start(2))
        text_line = time_line + count("\n", match.start(2), match.start(3))
        speaker = _clean(name).rstrip(":").strip() or None
        words = _clean(body)
        cues.append(Cue(ms, None, words, words, speaker, "", time_line, "", text_line))
        position = match.end()
        line = text_line + count("\n", match.start(3), position)
    if not cues or re.search(_OTHER_ELEMENTS, text[position:], re.IGNORECASE):
        return None
    return transcript


def parse(text: str) -> Transcript:
    """Read a Podcasting 2.0 HTML transcript (decoded, without a BOM).

    .. doctest::

        >>> cue = parse("<cite>Ann:</cite>\\n<time>0:04</time>\\n<p>Hi &amp; bye.</p>").cues[0]
        >>> cue.start_ms, cue.speaker, cue.text, cue.line
        (4000, 'Ann', 'Hi & bye.', 2)
    """
    if "\r" in text:  # the parser counts lines at "\n" only
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    fast = _fast(text)
    if fast is not None:
        return fast
    parser = _Parser()
    parser.feed(text)
    parser.close()
    if parser.collecting is not None:  # an element left open at the end
        parser.finish()
    return parser.transcript
