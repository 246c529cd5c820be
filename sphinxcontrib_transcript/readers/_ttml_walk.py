"""The TTML reader's element walk: every element in order, with expat.

For the documents :func:`sphinxcontrib_transcript.readers.ttml.parse`'s
fast path refuses: times on elements around the paragraphs, agents, timed
``<span>`` elements (word timings), anything odd; it reports what is wrong.
See :mod:`sphinxcontrib_transcript.readers.ttml` for the format.
"""

from __future__ import annotations

from functools import lru_cache
from xml.parsers import expat

from ..model import Cue, Diagnostic, Transcript, Word
from ..wordtiming import timed_runs
from .ttml import _Rates, _Refused


@lru_cache(maxsize=4096)
def _local(name: str) -> str:
    """An element or attribute name without its namespace (expat gives ``ns name``)."""
    return name.rpartition(" ")[2]


class _Element:
    """An open element: its time base, speaker, the cue it is (for a ``<p>``) and
    the times of the words directly in it (inside a timed ``<span>``)."""

    __slots__ = ("agent", "begin", "cue", "timing")

    def __init__(
        self, begin: int, agent: str | None, cue: tuple[int, int | None, int] | None,
        timing: tuple[int, int | None] | None = None,
    ) -> None:
        self.begin, self.agent, self.cue, self.timing = begin, agent, cue, timing


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.transcript = Transcript("ttml")
        self.rates = _Rates({})
        self.stack: list[_Element] = [_Element(0, None, None)]
        self.paragraph: list[str] | None = None  # the text of the open <p>
        # Its text again as runs (text, start, end), and whether a span timed one.
        self.runs: list[tuple[str, int | None, int | None]] = []
        self.timed = False
        self.agents: dict[str, str] = {}  # xml:id of a ttm:agent -> its ttm:name
        self.naming: tuple[str, list[str]] | None = None
        self.agent_id: str | None = None
        self.parser = expat.ParserCreate(namespace_separator=" ")

    def report(self, line: int, column: int, rule: str, message: str) -> None:
        self.transcript.diagnostics.append(Diagnostic(line, column, rule, "error", message))

    def read(self) -> Transcript:
        parser = self.parser
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.buffer_text = True  # a text run in one call, not one per line
        parser.EntityDeclHandler = self.refuse
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.data
        try:
            parser.Parse(self.text, True)
        except expat.ExpatError as exc:
            self.report(exc.lineno, exc.offset + 1, "malformed-markup",
                        f"not well-formed XML: {expat.errors.messages[exc.code]}; "
                        "the cues before this point were read")
        except _Refused:
            self.report(parser.CurrentLineNumber, parser.CurrentColumnNumber + 1,
                        "malformed-markup", "an entity declaration; timed text needs none and "
                        "it could make the file expand without end, so nothing after it was read")
        self.agents_named()
        return self.transcript

    def refuse(self, *_: object) -> None:
        raise _Refused

    def where(self) -> tuple[int, int]:
        return self.parser.CurrentLineNumber, self.parser.CurrentColumnNumber + 1

    def time(self, attrs: dict[str, str], name: str) -> int | None:
        value = attrs.get(name)
        if value is None:
            return None
        ms = self.rates.ms(value)
        if ms is None:
            self.report(*self.where(), "bad-timestamp",
                        f"{name}={value!r} is no TTML time; write a clock time (00:00:01.500) "
                        "or an offset (1.5s)")
        return ms

    def start(self, name: str, raw: dict[str, str]) -> None:
        tag = _local(name)
        attrs = {_local(key): value for key, value in raw.items()} if raw else raw
        parent = self.stack[-1]
        if tag == "tt":
            self.rates = _Rates(attrs)
        elif tag == "agent":
            self.agent_id = attrs.get("id")
        elif tag == "name" and self.agent_id is not None:
            self.naming = (self.agent_id, [])
        elif tag == "br" and self.paragraph is not None:
            self.paragraph.append("\n")
            self.runs.append(("\n", None, None))
        begin = self.time(attrs, "begin")
        offset = parent.begin + (begin or 0)
        agent = attrs.get("agent", parent.agent)
        cue: tuple[int, int | None, int] | None = None
        timing = parent.timing
        if tag == "p" and self.paragraph is None:
            cue = self.open_paragraph(attrs, begin, offset, parent.begin)
        elif self.paragraph is not None and ("begin" in attrs or "end" in attrs
                                             or "dur" in attrs):
            timing = self.span_timing(attrs, offset, parent)
        self.stack.append(_Element(offset, agent, cue, timing))

    def span_timing(
        self, attrs: dict[str, str], offset: int, parent: _Element
    ) -> tuple[int, int | None]:
        """The times of a timed element inside a paragraph (a word's ``<span>``):
        from its begin to its end, or to the end of what it is in."""
        self.timed = True
        end, duration = self.time(attrs, "end"), self.time(attrs, "dur")
        if end is not None:
            return offset, parent.begin + end
        if duration is not None:
            return offset, offset + duration
        outer = parent.timing or next(
            (element.cue[:2] for element in reversed(self.stack) if element.cue), None
        )
        return offset, outer[1] if outer else None

    def open_paragraph(
        self, attrs: dict[str, str], begin: int | None, offset: int, base: int
    ) -> tuple[int, int | None, int]:
        line, column = self.where()
        end = self.time(attrs, "end")
        duration = self.time(attrs, "dur")
        if begin is None and "begin" not in attrs:
            self.report(line, column, "malformed-markup",
                        "a <p> with no begin time; it is read at the time of the element "
                        "around it")
        end_ms = base + end if end is not None else offset + duration if duration is not None \
            else None
        self.paragraph = []
        self.runs, self.timed = [], False
        return offset, end_ms, line

    def end(self, name: str) -> None:
        element = self.stack.pop()
        tag = _local(name)
        if tag == "name" and self.naming is not None:
            agent, parts = self.naming
            self.agents[agent] = " ".join("".join(parts).split())
            self.naming = None
        elif tag == "agent":
            self.agent_id = None
        if element.cue is None or self.paragraph is None:
            return
        start, end, line = element.cue
        lines = ("".join(self.paragraph)).split("\n")
        text = "\n".join(" ".join(part.split()) for part in lines).strip()
        words = _spoken(self.runs) if self.timed else None
        self.transcript.cues.append(Cue(start, end, text, text, element.agent, "", line, "",
                                        line, words))
        self.paragraph = None

    def data(self, text: str) -> None:
        if self.paragraph is not None:
            # A line break in the file is layout, a space; <br/> is the line break.
            self.paragraph.append(text.replace("\n", " "))
            timing = self.stack[-1].timing or (None, None)
            self.runs.append((text, *timing))
        elif self.naming is not None:
            self.naming[1].append(text)

    def agents_named(self) -> None:
        """Agents are declared in the head, before the body: their names replace the ids."""
        cues = self.transcript.cues
        for index, cue in enumerate(cues):
            if cue.speaker in self.agents:
                cues[index] = cue._replace(speaker=self.agents[cue.speaker] or cue.speaker)


def _spoken(runs: list[tuple[str, int | None, int | None]]) -> tuple[Word, ...] | None:
    """The words of a paragraph with timed spans: text of one timing joined (nested
    untimed markup), layout whitespace collapsed.  Text outside a timed span is
    a word without times, but for text right after a word with no space
    between (``<span ...>friend</span>.``): that is the end of that word."""
    merged: list[tuple[str, int | None, int | None]] = []
    for run in runs:
        untimed = run[1] is None and run[2] is None
        glued = untimed and run[0][:1] not in ("", " ", "\t", "\n", "\r")
        if merged and (merged[-1][1:] == run[1:] or glued):
            text, start, end = merged.pop()
            run = (text + run[0], start, end)  # noqa: PLW2901 - the run, grown
        merged.append(run)
    return timed_runs(merged, collapse=True)


def walk(text: str) -> Transcript:
    """Read a TTML document (decoded, without a BOM) element by element."""
    return _Reader(text).read()
