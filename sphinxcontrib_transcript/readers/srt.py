"""Reader for SubRip (``.srt``) subtitles.

A file is a series of cards separated by blank lines::

    1
    00:00:01,000 --> 00:00:04,500
    Ann: Welcome back.

SRT has no specification beyond what players accept, and real files stray
from the shape above in well-known ways.  Each tolerated deviation is read the
way players read it *and* reported at its line and column:

* blank lines before the first card (``leading-junk``);
* an index that is missing, not a whole number, or not the previous one plus
  one (``srt-index``, warning);
* ``.`` (or a full-width ``，``/``．``) before the milliseconds, one-digit
  fields, a fraction that is not three digits (``bad-timestamp``, warning);
  hours left out, ``MM:SS,mmm``, or minutes or seconds over 59
  (``bad-timestamp``, error: many players reject them);
* ``->``, ``- >`` or ``-->`` without spaces around it (``bad-timing-line``,
  warning);
* a card that starts right after the previous card's text with no blank line
  between (``missing-blank-line``);
* text after a blank line that belongs to no card: read as more text of the
  card before (``blank-in-payload``), or, with no card before it, not read
  (``untimed-line``, the message quotes it);
* a card whose timing line cannot be read at all is dropped
  (``bad-timing-line``, the message quotes the text that was not read).

A missing final blank line and CRLF line ends are normal SRT and are not
reported here (line endings are the ``mixed-line-endings`` lint rule's business).

``Cue.text`` is the payload as in the file; ``Cue.plain_text`` has the
``<i>``/``<b>``/``<u>``/``<font>`` markup and ``{\\an8}``-style override tags
removed and no ``Name:`` label; ``Cue.speaker`` comes from a leading
``Name:``; ``Cue.identifier`` is the index as written; ``Cue.settings`` holds
anything written after the end time (SRT coordinates such as ``X1:40``).
"""

# What each report says (rule, level, column, words) is in _srt_messages.py,
# imported at the first thing to report: a clean file never loads it.

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import markup
from ..decoding import split_lines
from ..model import Cue, Diagnostic, Level, Transcript
from ..table import CueTable
from ._bulk import all_canonical, plain_columns, timing_ms
from ._lines import split_speaker as _split_speaker

# A timestamp as written.  Hours are optional because ffmpeg and Whisper tools
# write ``MM:SS,mmm``; field widths are loose so a one-digit field or a
# two-digit fraction is read and reported rather than failing the whole line
# (widths are capped so int() never meets a 5000-digit number); ``.`` and the
# full-width ``，．：`` that East Asian editors produce are accepted the same way.
_COLON = "[:：]"


def _timestamp(prefix: str) -> str:
    return (
        rf"(?P<{prefix}>(?:(?P<{prefix}h>\d{{1,9}}){_COLON})?(?P<{prefix}m>\d{{1,9}}){_COLON}"
        rf"(?P<{prefix}s>\d{{1,9}})(?:(?P<{prefix}sep>[,.，．])(?P<{prefix}f>\d{{1,9}}))?)"
    )


# The arrow: ``-->`` canonically; ``->``, ``--->``, ``- >`` and dash look-alikes
# (word processors turn ``--`` into an en or em dash) are accepted and reported.
_ARROW = r"(?P<arrow>[ \t]*(?:-+|[–—])[ \t]?>[ \t]*)"
# re.ASCII: digits are 0-9; players do not read other scripts' digits.
_TIMING = re.compile(
    rf"[ \t]*{_timestamp('a')}{_ARROW}{_timestamp('b')}(?:[ \t]+(?P<rest>.*?))?[ \t]*",
    re.ASCII,
)
# Only used to explain a timing line that does not match _TIMING.
_START_PART = re.compile(rf"[ \t]*{_timestamp('a')}", re.ASCII)
_ARROW_PART = re.compile(_ARROW)
_END_PART = re.compile(_timestamp("b"), re.ASCII)
# A line meant as a timing line: an arrow, or a digit then an arrow look-alike.
_ARROWISH = re.compile(r"-->|\d[ \t]*(?:-+|[–—])[ \t]?>")
_INDEX = re.compile(r"[0-9]{1,18}")
# ASS/SSA override blocks such as ``{\an8}`` that many SRT files carry.
# "[^{}]", not "[^}]": a block never holds "{", and without that a card of
# thousands of "{\" and no "}" was scanned to its end from each one (quadratic).
_OVERRIDE = re.compile(r"\{\\[^{}]*\}")

_CANONICAL_ARROW = " --> "
# The canonical timing line, for the fast path: HH:MM:SS,mmm --> HH:MM:SS,mmm.
_CANONICAL = re.compile(
    r"(\d{2,9}):([0-5]\d):([0-5]\d),(\d{3}) --> (\d{2,9}):([0-5]\d):([0-5]\d),(\d{3})"
    r"(?:[ \t]+(.*?))?[ \t]*",
    re.ASCII,
)
_CARD_START = frozenset(" \t")


@dataclass(slots=True)
class _Card:
    start: int
    end: int
    identifier: str
    timing: int  # index of the timing line in the list of lines
    settings: str
    stop: int  # index of the line after the text


class _Reader:
    """One pass over the lines; state lives here rather than in closures."""

    def __init__(self, text: str) -> None:
        self.lines = split_lines(text)
        self.transcript = Transcript("srt")
        self.diagnostics = self.transcript.diagnostics
        self.expected_index = 1
        # The card being read, kept open so text after a stray blank line can
        # still join it.
        self.open: _Card | None = None

    def report(self, line: int, column: int, rule: str, level: Level, message: str) -> None:
        self.diagnostics.append(Diagnostic(line, column, rule, level, message))

    # -- cards -------------------------------------------------------------

    def starts_card(self, i: int) -> bool:
        """Whether line *i* begins a card: a timing line, or an index then one."""
        lines = self.lines
        if _TIMING.fullmatch(lines[i]):
            return True
        return (
            _INDEX.fullmatch(lines[i].strip()) is not None
            and i + 1 < len(lines)
            and _TIMING.fullmatch(lines[i + 1]) is not None
        )

    def text_end(self, i: int) -> int:
        """Index of the first line after the text starting at *i*."""
        lines = self.lines
        n = len(lines)
        while i < n:
            line = lines[i]
            if not line or line.isspace():
                return i
            # Only a line starting with a digit or a space can start a card.
            if (line[0] in _CARD_START or line[0].isdigit()) and self.starts_card(i):
                from . import _srt_messages as say

                say.missing_blank_line(self.report, i + 1)
                return i
            i += 1
        return n

    def check_index(self, i: int | None, timing: int) -> str:
        if i is None:
            from . import _srt_messages as say

            say.missing_index(self.report, timing + 1, self.expected_index)
            self.expected_index += 1
            return ""
        written = self.lines[i].strip()
        column = self.lines[i].index(written[0]) + 1
        if _INDEX.fullmatch(written) is None:
            from . import _srt_messages as say

            say.index_not_a_number(self.report, i + 1, column, written, self.expected_index)
            self.expected_index += 1
            return written
        number = int(written)
        if number != self.expected_index:
            from . import _srt_messages as say

            say.index_out_of_sequence(self.report, i + 1, column, number, self.expected_index)
        self.expected_index = number + 1
        return written

    def time(self, match: re.Match[str], p: str, number: int) -> int:
        """Milliseconds of timestamp *p* in *match*, reporting each deviation."""
        hours, minutes, seconds = match[p + "h"], match[p + "m"], match[p + "s"]
        sep, fraction = match[p + "sep"], match[p + "f"]
        ms = (int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)) * 1000
        if fraction:
            ms += int(fraction[:3].ljust(3, "0"))
        # The fast path: canonical HH:MM:SS,mmm (two-digit strings compare like numbers).
        if (
            hours is not None and len(hours) >= 2 and len(minutes) == 2 and len(seconds) == 2
            and sep == "," and fraction is not None and len(fraction) == 3
            and minutes < "60" and seconds < "60" and "：" not in match[p]
        ):
            return ms
        from . import _srt_messages as say

        say.timestamp(self.report, match, p, number, ms)
        return ms

    def explain_timing_line(self, i: int) -> tuple[int, str]:
        """Column and reason for a timing line that _TIMING rejects."""
        line = self.lines[i]
        start = _START_PART.match(line)
        if start is None:
            column = len(line) - len(line.lstrip()) + 1
            return column, "it does not start with a time such as 00:00:01,000"
        arrow = _ARROW_PART.match(line, start.end())
        if arrow is None:
            found = line[start.end() : start.end() + 12]
            return start.end() + 1, f"expected '-->' after the start time, found {found!r}"
        end = _END_PART.match(line, arrow.end())
        if end is None:
            found = line[arrow.end() : arrow.end() + 12]
            return arrow.end() + 1, f"expected the end time after '-->', found {found!r}"
        found = line[end.end() : end.end() + 12]
        return end.end() + 1, f"unexpected {found!r} right after the end time"

    # -- the pass ----------------------------------------------------------

    def close(self) -> None:
        if self.open is None:
            return
        card = self.open
        timing = card.timing
        payload = "\n".join(self.lines[timing + 1 : card.stop])
        plain, speaker = plain_and_speaker(payload)
        self.transcript.cues.append(
            Cue(
                card.start, card.end, payload, plain, speaker, card.identifier, timing + 1,
                card.settings, timing + 2,
            )
        )
        self.open = None

    def read(self) -> Transcript:
        lines = self.lines
        n = len(lines)
        i = 0
        while i < n and not lines[i].strip():
            i += 1
        if 0 < i < n:
            from . import _srt_messages as say

            say.leading_junk(self.report, i)
        last_dropped = False
        while i < n:
            line = lines[i]
            if not line or line.isspace():
                i += 1
                continue
            # The shape nearly every card has, an index and a canonical timing
            # line, is read without the tolerant machinery below.
            if (
                line.isdigit() and line.isascii() and len(line) < 19 and i + 1 < n
                and (canon := _CANONICAL.fullmatch(lines[i + 1])) is not None
            ):
                number = int(line)
                if number != self.expected_index:
                    self.check_index(i, i + 1)
                self.expected_index = number + 1
                self.close()
                stop = self.text_end(i + 2)
                h1, m1, s1, f1, h2, m2, s2, f2, rest = canon.groups()
                start = ((int(h1) * 60 + int(m1)) * 60 + int(s1)) * 1000 + int(f1)
                end = ((int(h2) * 60 + int(m2)) * 60 + int(s2)) * 1000 + int(f2)
                self.open = _Card(start, end, line, i + 1, rest or "", stop)
                last_dropped = False
                i = stop
                continue
            index: int | None
            match = _TIMING.fullmatch(line)
            if match is not None:
                index, timing = None, i
            elif i + 1 < n and (match := _TIMING.fullmatch(lines[i + 1])) is not None:
                index, timing = i, i + 1
            elif _ARROWISH.search(line):
                index, timing = None, i
            elif i + 1 < n and _ARROWISH.search(lines[i + 1]):
                index, timing = i, i + 1
            else:
                i = self.stray_text(i, last_dropped)
                continue
            self.close()
            identifier = self.check_index(index, timing)
            stop = self.text_end(timing + 1)
            if match is None:
                from . import _srt_messages as say

                column, reason = self.explain_timing_line(timing)
                say.unreadable_timing_line(self.report, timing + 1, column, reason,
                                           lines[timing + 1 : stop])
                last_dropped = True
                i = stop
                continue
            last_dropped = False
            number = timing + 1
            start = self.time(match, "a", number)
            end = self.time(match, "b", number)
            arrow = match["arrow"]
            if arrow != _CANONICAL_ARROW and (
                arrow.strip() != "-->" or arrow[0] not in " \t" or arrow[-1] not in " \t"
            ):
                from . import _srt_messages as say

                column = match.start("arrow") + len(arrow) - len(arrow.lstrip(" \t")) + 1
                say.arrow(self.report, number, column, arrow)
            self.open = _Card(start, end, identifier, timing, match["rest"] or "", stop)
            i = stop
        self.close()
        # Cards report their text's problems before their timing line's; put
        # everything back in file order (the sort is stable).
        self.diagnostics.sort(key=lambda d: (d.line, d.column))
        return self.transcript

    def stray_text(self, i: int, last_dropped: bool) -> int:
        """Read text that follows a blank line but starts no card; return where it ends."""
        from . import _srt_messages as say

        stop = self.text_end(i + 1)
        card_line = None if self.open is None else self.open.timing + 1
        say.stray_text(self.report, i + 1, card_line, last_dropped, self.lines[i:stop])
        if self.open is not None:
            self.open.stop = stop
        return stop


def plain_and_speaker(payload: str) -> tuple[str, str | None]:
    """A card's text without markup and ``Name:`` label, and the name (also what
    the SRT writer asks, to know whether a card already names its speaker)."""
    # SRT players read tag names case-insensitively (<I> is <i>).
    stripped = _OVERRIDE.sub("", payload) if "{\\" in payload else payload
    nodes = markup.parse(stripped, fold_case=True)
    speaker, plain = _split_speaker(markup.plain_text(nodes))
    return plain, speaker


def _one_line_cards(text: str) -> Transcript | None:
    """The cues of a file of nothing but cards numbered from 1, each an index, a
    canonical timing line (``HH:MM:SS,mmm --> HH:MM:SS,mmm``), one line of text
    and a blank line (what most tools write), made a column at a time; ``None``,
    having made none, for any other file (the line-by-line reader takes it).

    Such a file has nothing to report, and its lines fall in fours, so every
    field is a slice of the list of lines.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    end = len(text)
    while end and text[end - 1] == "\n":
        end -= 1
    if not text.startswith("1\n"):
        return None  # blank lines first, or not card 1
    lines = text[:end].split("\n")
    count, rest = divmod(len(lines) + 1, 4)
    if rest or any(lines[3::4]) or lines[0::4] != list(map(str, range(1, count + 1))):
        return None
    payloads = lines[2::4]
    if not all(payloads) or any(map(str.isspace, payloads)):
        return None  # a card without text
    joined = "\n".join(lines[1::4])
    # No "-->" but in the timing lines (text holding one would start a card), and
    # those canonical: "," before the milliseconds (a "." is reported), the rest
    # as WebVTT's canonical line.
    if (
        text.count("-->", 0, end) != count or joined.count(",") != 2 * count or "." in joined
        or not all_canonical(joined.replace(",", "."), count)
    ):
        return None
    starts, ends = timing_ms(joined, ",")
    # Only text with markup, a reference, an override block or a colon (a
    # speaker's label) needs more than itself.
    plain, speakers = plain_columns(payloads, "<&{:", plain_and_speaker)
    # The cues are made when first read; the linter reads the table.
    return Transcript("srt", table=CueTable(
        starts=list(starts), ends=list(ends), texts=payloads, plain_texts=plain,
        speakers=speakers, identifiers=lines[0::4], lines=range(2, 4 * count, 4),
        text_lines=range(3, 4 * count, 4),
    ))


def parse(text: str) -> Transcript:
    """Read SRT (already decoded, without a BOM) into a transcript.

    Never raises; see the module docstring for what is tolerated and reported.

    .. doctest::

        >>> t = parse("1\\n00:00:01,000 --> 00:00:02,500\\nAnn: <i>Hi</i>\\n")
        >>> cue = t.cues[0]
        >>> cue.start_ms, cue.end_ms, cue.speaker, cue.plain_text, cue.identifier, cue.line
        (1000, 2500, 'Ann', 'Hi', '1', 2)
        >>> parse("00:00:01.000 --> 00:00:02,000\\nHi").diagnostics[1].rule
        'timestamp-form'
    """
    fast = _one_line_cards(text)
    if fast is not None:
        return fast
    return _Reader(text).read()
