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
        return [nodes.Text(markup.plain_text(span.children).replace("\n", " "))]
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
            label = tn.transcript_speaker(span.annotation, span.annotation)
            return [label, nodes.Text(": "), *children]
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
                out.append(nodes.Text(part.replace("\n", " ")))
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
        node += nodes.Text(placed.text)
    return node


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
        meta += tn.transcript_speaker(paragraph.speaker, paragraph.speaker)
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
    container = tn.transcript(classes=["transcript"])
    for paragraph in plan.paragraphs:
        container += paragraph_node(paragraph, look, plan.hours)
    return container
