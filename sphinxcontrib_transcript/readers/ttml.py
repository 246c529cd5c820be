"""Reader for TTML and IMSC timed text (``.ttml``, ``.dfxp``, ``.xml``)::

    <tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttm="http://www.w3.org/ns/ttml#metadata"
        xmlns:ttp="http://www.w3.org/ns/ttml#parameter" ttp:frameRate="25">
      <body><div>
        <p begin="00:00:01.000" end="00:00:02.500" ttm:agent="ann">Hello <span>there</span>.</p>
        <p begin="2.5s" dur="40f">Second line<br/>on two rows.</p>
      </div></body>
    </tt>

Each ``<p>`` is a cue.  Times are clock times (``HH:MM:SS.fff``, or
``HH:MM:SS:FF`` in frames) or offsets (``2.5s``, ``40f``, ``1.5m``, ``100ms``,
``9000t``), frames counted at ``ttp:frameRate`` (times
``ttp:frameRateMultiplier``) and ticks at ``ttp:tickRate``; ``begin`` on a
``<body>`` or ``<div>`` moves the times inside it (TTML's parallel time
containers); ``dur`` gives the end where ``end`` is missing.  The text is
the paragraph's, nested ``<span>`` and all, ``<br/>`` a line break and the
layout whitespace of the file collapsed.  ``ttm:agent`` (on the paragraph or
an element around it) names the speaker, by the ``<ttm:name>`` of the agent
declared in the head when there is one.  A ``<span>`` inside a paragraph with
``begin``, ``end`` or ``dur`` (counted from the paragraph's begin) times the
words in it: they are the cue's ``words``, one per timed span, the text
outside any timed span a word without times (but for text right after a
span, such as its punctuation, which ends that span's word).

Parsed with the standard library's expat parser, refusing any entity
declaration (the billion-laughs and external-entity attacks need one), the
way ``defusedxml`` does, but keeping expat's line and column for every
element, which ``defusedxml``'s tree parsers drop.  Problems are
``malformed-markup`` (not well-formed XML, at expat's position; entity
declarations refused; a ``<p>`` with no ``begin``) and ``bad-timestamp`` (a
time in no TTML form), each at the element's line and column.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import unescape
from itertools import accumulate, compress, repeat
from operator import getitem, itemgetter
from xml.parsers import expat

from ..model import Transcript
from ..table import CueTable
from ._bulk import CLOCK, MILLIS, clock_ms

_CLOCK = r"(\d+):(\d\d):(\d\d)(?:(\.\d+)|:(\d+)(?:\.(\d+))?)?"
_OFFSET = r"(\d+(?:\.\d+)?)(h|ms|m|s|f|t)"
_UNIT_MS = {"h": 3_600_000, "m": 60_000, "s": 1000, "ms": 1}
_UNKNOWN = object()


def looks_like_ttml(text: str) -> bool:
    """Whether *text* is a TTML document: a ``<tt`` root element (after any
    XML declaration, comments or doctype)."""
    prolog = r"\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*"
    return re.match(prolog + r"<(?:\w+:)?tt\b", text, re.DOTALL) is not None


class _Refused(Exception):
    """An entity declaration: the document is not read further."""


class _Rates:
    """The time base the root element sets: frame and tick rates."""

    def __init__(self, attrs: dict[str, str]) -> None:
        frame = _number(attrs.get("frameRate")) or 30.0
        numerator, _, denominator = (attrs.get("frameRateMultiplier") or "1 1").partition(" ")
        multiplier = (_number(numerator) or 1.0) / (_number(denominator) or 1.0)
        self.frame = frame * multiplier
        self.sub_frame = _number(attrs.get("subFrameRate")) or 1.0
        self.tick = _number(attrs.get("tickRate")) or (
            self.frame * self.sub_frame if "frameRate" in attrs else 1.0
        )
        self.known: dict[str, object] = {}

    def ms(self, value: str) -> int | None:
        """Milliseconds of a TTML time expression, or ``None`` (remembered: a
        file's times repeat their forms, and many repeat outright)."""
        known = self.known.get(value, _UNKNOWN)
        if known is _UNKNOWN:
            known = self.known[value] = self._ms(value.strip())
        return known  # type: ignore[return-value]

    def _ms(self, value: str) -> int | None:
        if (
            len(value) == 12 and value[2] == value[5] == ":" and value[8] == "."
            and value[3] < "6" and value[6] < "6" and value.isascii()
            and value.replace(":", "").replace(".", "").isdigit()
        ):
            # HH:MM:SS.mmm, what nearly every tool writes: by table, no pattern.
            return CLOCK[value[:8]] + MILLIS[value[9:]]
        clock = re.fullmatch(_CLOCK, value)
        if clock is not None:
            hours, minutes, seconds, fraction, frames, sub = clock.groups()
            if int(minutes) > 59 or int(seconds) > 59:
                return None
            total = (int(hours) * 60 + int(minutes)) * 60 + int(seconds) + float(fraction or 0)
            if frames is not None:
                total += (int(frames) + int(sub or 0) / self.sub_frame) / self.frame
            return round(total * 1000)
        offset = re.fullmatch(_OFFSET, value)
        if offset is None:
            return None
        amount, unit = float(offset[1]), offset[2]
        if unit == "f":
            return round(amount / self.frame * 1000)
        if unit == "t":
            return round(amount / self.tick * 1000)
        return round(amount * _UNIT_MS[unit])


def _number(value: str | None) -> float | None:
    try:
        number = float(value) if value else None
    except ValueError:
        return None
    return number if number and number > 0 else None


# The fast path: paragraphs of text, <span> and <br/> only, times on the <p>
# elements alone, no agents declared (the element walk reads the others).
_P = r"<p\b([^>]*)>((?:[^<]+|<br\s*/>|</?span\b[^>]*>)*)</p>"
_ATTRIBUTE = r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')"""
_TIMED_ELSEWHERE = r"<(?!p\b)[\w:.-]+\b[^>]*\b(?:begin|end|dur|agent)\s*="
_ROOT = r"<(?:[\w.-]+:)?tt\b([^>]*)>"
# The attributes the fast path reads, by local name (a <p> has few others).
_TIMING_ATTRIBUTE = r"""(?<=[\s:])(begin|end|dur|agent)\s*=\s*["']([^"']*)["']"""


def _attributes(source: str) -> dict[str, str]:
    """An element's attributes by local name, references decoded."""
    return {
        name.rpartition(":")[2]: unescape(double if double or not single else single)
        for name, double, single in re.findall(_ATTRIBUTE, source)
    }


def _well_formed(text: str) -> bool:
    """Whether expat reads *text* to the end, no entity declared (in C: no
    handler in Python but the refusal)."""
    parser = expat.ParserCreate(namespace_separator=" ")  # as the walk: prefixes bound
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = _refuse
    try:
        parser.Parse(text, True)
    except (expat.ExpatError, _Refused):
        return False
    return True


def _refuse(*_: object) -> None:
    raise _Refused


def _fast(text: str) -> Transcript | None:
    """The cues of a plain TTML file, by pattern; ``None`` for the element walk."""
    root = re.search(_ROOT, text)
    if root is None or ("agent" in text and re.search(r"<(?:[\w.-]+:)?agent\b", text)):
        return None
    if re.search(_TIMED_ELSEWHERE, text) or not _well_formed(text):
        return None
    rates = _Rates(_attributes(root[1]))
    matches = list(re.finditer(_P, text))
    if not matches or len(matches) != len(re.findall(r"<(?:[\w.-]+:)?p\b", text)):
        return None  # a paragraph the pattern did not take
    # Every field a column, made by map() over all the paragraphs at once.
    attributes = list(map(dict, map(re.compile(_TIMING_ATTRIBUTE).findall,
                                    map(itemgetter(1), matches))))
    begins = _times(rates, list(map(dict.get, attributes, repeat("begin"), repeat(""))))
    if None in begins:
        return None  # the element walk reports it
    ends_given = list(map(dict.get, attributes, repeat("end")))
    ends = (
        _times(rates, ends_given) if None not in ends_given  # type: ignore[arg-type]
        else _ends(rates, attributes, begins)
    )
    if ends is None:
        return None
    bodies = list(map(str.replace, map(itemgetter(2), matches), repeat("\n"), repeat(" ")))
    words = list(map(" ".join, map(str.split, bodies)))
    for index in compress(range(len(bodies)), map(re.compile("[<&]").search, bodies)):
        words[index] = _clean(bodies[index])
    agents: list[str | None] = list(map(dict.get, attributes, repeat("agent")))
    for index in compress(range(len(agents)), map(_has_reference, agents)):
        agents[index] = unescape(agents[index] or "")
    starts = list(map(re.Match.start, matches))
    breaks = map(text.count, repeat("\n"), [0, *starts[:-1]], starts)
    lines = list(accumulate(breaks, initial=1))[1:]
    # The cues are made when first read; the linter reads the table.
    return Transcript("ttml", table=CueTable(
        starts=begins,  # type: ignore[arg-type]  # None is not in it (checked above)
        ends=ends, texts=words, speakers=agents, lines=lines,
    ))


# A column of HH:MM:SS.mmm times, joined by line breaks (what tools write).
_CANONICAL = r"(?:\d\d:[0-5]\d:[0-5]\d\.\d{3}\n)*\d\d:[0-5]\d:[0-5]\d\.\d{3}"


def _times(rates: _Rates, values: list[str]) -> list[int | None]:
    """Milliseconds of a column of time expressions: by the shared clock tables
    in C when all are ``HH:MM:SS.mmm``, else one at a time."""
    joined = "\n".join(values)
    if joined.isascii() and re.fullmatch(_CANONICAL, joined):
        clocks: Iterable[str] = map(getitem, values, repeat(slice(0, 8)))
        millis: Iterable[str] = map(getitem, values, repeat(slice(9, None)))
        return list(clock_ms(clocks, millis))
    return list(map(rates.ms, values))


def _ends(
    rates: _Rates, attributes: list[dict[str, str]], begins: list[int | None]
) -> list[int | None] | None:
    """Each paragraph's end, from ``end`` or ``begin`` + ``dur``; ``None`` when one
    is no time (for the element walk to report)."""
    ends: list[int | None] = []
    for found, begin in zip(attributes, begins, strict=True):
        end, duration = found.get("end"), found.get("dur")
        if end is not None:
            ends.append(rates.ms(end))
        elif duration is not None:
            length = rates.ms(duration)
            ends.append(None if length is None or begin is None else begin + length)
        else:
            ends.append(None)
            continue
        if ends[-1] is None:
            return None
    return ends


def _has_reference(value: str | None) -> bool:
    return value is not None and "&" in value


def _clean(body: str) -> str:
    """A paragraph's text: <span> tags gone, <br/> a line break, references
    decoded, layout whitespace collapsed (line breaks in it are spaces already)."""
    if "<" in body:
        body = re.sub(r"<br\s*/>", "\n", re.sub(r"</?span\b[^>]*>", "", body))
    if "&" in body:
        body = unescape(body)
    return "\n".join(" ".join(part.split()) for part in body.split("\n")).strip()


def parse(text: str) -> Transcript:
    """Read a TTML document (decoded, without a BOM).

    .. doctest::

        >>> t = parse('<tt xmlns="http://www.w3.org/ns/ttml"><body><div>'
        ...           '<p begin="1s" dur="1.5s">Hi<br/>there</p></div></body></tt>')
        >>> cue = t.cues[0]
        >>> cue.start_ms, cue.end_ms, cue.text
        (1000, 2500, 'Hi\\nthere')
    """
    if (fast := _fast(text)) is not None:
        return fast
    from ._ttml_walk import walk  # the element walk: for the files the fast path refuses

    return walk(text)
