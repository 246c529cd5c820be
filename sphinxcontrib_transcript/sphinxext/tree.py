"""Turn a :class:`~.render.Plan` into doctree nodes.

Transcript text only ever becomes :class:`docutils.nodes.Text`, which every
writer escapes; WebVTT markup maps to a fixed set of nodes (emphasis, strong,
inline with a class or a language, ruby).  Nothing is passed through as raw
markup, whatever the file contains.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from docutils import nodes

from .. import markup
from . import nodes as tn
from .render import Paragraph, PlacedCue, Plan, display_time

# A BCP 47 language tag, loosely: what may go into a lang attribute.
_LANGUAGE = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
_CLASS_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")

#: How deep WebVTT markup may nest before the rest is shown as plain text.
MAX_DEPTH = 16

#: Shown timestamps: one per paragraph, one per cue, or none.
TIMESTAMPS = ("show", "all", "hide")


@dataclass(frozen=True, slots=True)
class Look:
    """Presentation choices that apply to a whole transcript."""

    timestamps: str = "show"
    markup: bool = False  # the cue text is WebVTT cue text (with markup)


# C0 and C1 controls other than tab and line breaks: invalid in XHTML (EPUB)
# and invisible elsewhere; shown as U+FFFD (the linter names them).
_CONTROLS = {c: "\ufffd" for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20),
                                     *range(0x7F, 0xA0)]}
_EMBEDDINGS = "\u202a\u202b\u202d\u202e"  # LRE RLE LRO RLO, closed by PDF
_ISOLATES = "\u2066\u2067\u2068"  # LRI RLI FSI, closed by PDI
_PDF, _PDI = "\u202c", "\u2069"


def clean(text: str) -> str:
    """Text with control characters replaced by U+FFFD."""
    return text.translate(_CONTROLS)


def bidi_closers(texts: Sequence[str]) -> str:
    """What closes the bidi embeddings and isolates left open in *texts*.

    An unclosed override would reverse everything after it in the paragraph,
    the following cues and timestamps included; closing it where its cue
    ends keeps its effect inside the cue.

    >>> bidi_closers(["a \u202eb", "c \u2067d\u202b"]) == "\u202c\u2069\u202c"
    True
    """
    stack: list[str] = []
    for text in texts:
        for char in text:
            if char in _EMBEDDINGS:
                stack.append(_PDF)
            elif char in _ISOLATES:
                stack.append(_PDI)
            elif char == _PDF and stack and stack[-1] == _PDF:
                stack.pop()
            elif char == _PDI and _PDI in stack:
                while stack.pop() != _PDI:
                    pass
    return "".join(reversed(stack))


def valid_language(tag: str) -> bool:
    """Whether *tag* can go into a ``lang`` attribute."""
    return _LANGUAGE.fullmatch(tag) is not None


def _time_link(anchor: str, ms: int, hours: bool) -> tn.transcript_time:
    text = display_time(ms, hours)
    return tn.transcript_time(
        text, text, refid=anchor, internal=True, classes=["transcript-time"]
    )


def _span(span: markup.Span, voice: str | None, depth: int) -> list[nodes.Node]:
    if depth >= MAX_DEPTH:
        # Deeper markup is kept as text: the writers walk nodes recursively.
        return [nodes.Text(clean(markup.plain_text(span.children).replace("\n", " ")))]
    children = _convert(span.children, voice, depth + 1)
    tag = span.tag
    node: nodes.Element
    if tag == "i":
        node = nodes.emphasis()
    elif tag == "b":
        node = nodes.strong()
    elif tag == "u":
        node = nodes.inline(classes=["transcript-underline"])
    elif tag == "ruby":
        node = tn.transcript_ruby()
    elif tag == "rt":
        rt = tn.transcript_rt()
        rt.extend(children)
        return [tn.transcript_rp("", "("), rt, tn.transcript_rp("", ")")]
    elif tag == "lang" and valid_language(span.annotation):
        node = nodes.inline(classes=[f"language-{span.annotation}"])
    elif tag == "v":
        if span.annotation and span.annotation != voice:
            # A second voice inside one cue: name it where it starts.
            return [speaker_node(span.annotation), nodes.Text(": "), *children]
        return children
    else:
        node = nodes.inline()
    classes = [_CLASS_UNSAFE.sub("", name) for name in span.classes]
    node["classes"].extend(f"vtt-{name}" for name in classes if name)
    node.extend(children)
    return [node]


def _convert(parts: Sequence[markup.Node], voice: str | None, depth: int = 0) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for part in parts:
        if isinstance(part, str):
            if part:
                out.append(nodes.Text(clean(part.replace("\n", " "))))
        elif isinstance(part, markup.Span):
            out.extend(_span(part, voice, depth))
        # Inline timestamps (karaoke timing) are not shown.
    return out


def _trim(children: list[nodes.Node]) -> list[nodes.Node]:
    if children and isinstance(children[0], nodes.Text):
        children[0] = nodes.Text(children[0].astext().lstrip())
    if children and isinstance(children[-1], nodes.Text):
        children[-1] = nodes.Text(children[-1].astext().rstrip())
    return [child for child in children if not (isinstance(child, nodes.Text) and not child)]


def cue_node(placed: PlacedCue, look: Look, hours: bool) -> tn.transcript_cue:
    """One cue: its anchor, its timestamp when every cue shows one, its text."""
    cue = placed.cue
    node = tn.transcript_cue(start=cue.start_ms, end=cue.end_ms)
    node += tn.transcript_anchor("", ids=[placed.anchor])
    if look.timestamps == "all":
        node += _time_link(placed.anchor, cue.start_ms, hours)
        node += nodes.Text(" ")
    if look.markup:
        node.extend(_trim(_convert(markup.parse(cue.text), cue.speaker)))
    else:
        node += nodes.Text(clean(placed.text))
    closers = bidi_closers([child for child in node.findall(nodes.Text)])
    if closers:
        node += nodes.Text(closers)
    return node


def speaker_node(name: str) -> tn.transcript_speaker:
    """A speaker's name, cleaned, its bidi controls closed."""
    text = clean(name)
    text += bidi_closers([text])
    return tn.transcript_speaker(text, text)


def paragraph_node(paragraph: Paragraph, look: Look, hours: bool) -> tn.transcript_paragraph:
    """A paragraph: its start time and speaker, then its cues."""
    node = tn.transcript_paragraph(classes=["transcript-paragraph"], translatable=False)
    meta = tn.transcript_meta(classes=["transcript-meta"])
    first = paragraph.cues[0]
    if look.timestamps == "show":
        meta += _time_link(first.anchor, first.cue.start_ms, hours)
    if paragraph.speaker:
        if len(meta):
            meta += nodes.Text(" ")
        meta += speaker_node(paragraph.speaker)
        meta += nodes.Text(":")
    if len(meta):
        node += meta
        node += nodes.Text(" ")
    for placed in paragraph.cues:
        if placed.joiner:
            node += nodes.Text(placed.joiner)
        node += cue_node(placed, look, hours)
    return node


def transcript_node(plan: Plan, look: Look) -> tn.transcript:
    """The container with every paragraph of *plan* (media is added by the caller)."""
    # The words are the speaker's, verbatim: no smart quotes or dashes
    # ("--verbose" said aloud stays "--verbose").
    container = tn.transcript(classes=["transcript"], support_smartquotes=False)
    for paragraph in plan.paragraphs:
        container += paragraph_node(paragraph, look, plan.hours)
    return container
