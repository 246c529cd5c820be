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
from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .. import markup
from . import nodes as tn
from . import words as timed_words
from .render import Paragraph, PlacedCue, Plan, display_time
from .safety import UNSAFE, bidi_closers, clean, valid_language

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
    words: bool = False  # word timings on the page, where cues have them (:mod:`.words`)


def _time_link(anchor: str, ms: int, hours: bool) -> tn.transcript_time:
    text = display_time(ms, hours)
    return tn.transcript_time(
        text, text, refid=anchor, internal=True, classes=["transcript-time"], start=ms
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


def _plain_text(placed: PlacedCue, look: Look) -> str | None:
    """The cue's text when plain text shows it fully, else ``None`` (it needs nodes)."""
    if look.timestamps == "all":
        return None
    if look.markup and "<" in placed.cue.text:
        parts = markup.parse(placed.cue.text)
        voice = placed.cue.speaker
        for part in parts:
            if isinstance(part, markup.Span) and not (
                part.tag == "v" and part.annotation in ("", voice)
                and all(isinstance(child, str) for child in part.children)
            ):
                return None
    text = placed.text
    if UNSAFE.search(text) is None:  # the common case, checked once
        return text
    text = clean(text)
    return text + bidi_closers([text])


def paragraph_node(paragraph: Paragraph, look: Look, hours: bool) -> tn.transcript_paragraph:
    """A paragraph: its start time and speaker (as attributes), then its cues.

    The doctree stays small because every transform and writer walks all of
    it: the start time and speaker are attributes (``anchor``, ``time``,
    ``speaker``) that the HTML visitor renders and :class:`ExpandCues` turns
    into nodes for other builders; consecutive cues of plain text share one
    :class:`~.nodes.transcript_text` node; only cues with markup get their
    own nodes.
    """
    first = paragraph.cues[0]
    speaker = clean(paragraph.speaker) if paragraph.speaker else ""
    node = tn.transcript_paragraph(
        classes=["transcript-paragraph"], translatable=False,
        anchor=first.anchor, start=first.cue.start_ms,
        time=display_time(first.cue.start_ms, hours) if look.timestamps == "show" else "",
        speaker=speaker + bidi_closers([speaker]),
    )
    if speaker:  # so that the search finds who speaks, too
        node += tn.transcript_search("", speaker)
    run: list[str] = []
    spans: list[tuple[str, int, int | None, int, int]] = []
    length = 0
    for placed in paragraph.cues:
        text = _plain_text(placed, look)
        if text is None:
            if spans:
                node += tn.transcript_text("", "".join(run), cues=spans)
                run, spans, length = [], [], 0
            elif run:
                node += nodes.Text("".join(run))
                run, length = [], 0
            if placed.joiner:
                node += nodes.Text(placed.joiner)
            node += cue_node(placed, look, hours)
            continue
        if placed.joiner:
            run.append(placed.joiner)
            length += len(placed.joiner)
        cue = placed.cue
        spans.append((placed.anchor, cue.start_ms, cue.end_ms, length, length + len(text)))
        run.append(text)
        length += len(text)
    if spans:
        node += tn.transcript_text("", "".join(run), cues=spans)
    return node


def meta_nodes(paragraph: tn.transcript_paragraph) -> list[nodes.Node]:
    """A paragraph's start time and speaker as nodes, for builders other than HTML."""
    meta = tn.transcript_meta(classes=["transcript-meta"])
    if paragraph.get("time"):
        text = paragraph["time"]
        meta += tn.transcript_time(text, text, refid=paragraph["anchor"], internal=True,
                                   classes=["transcript-time"], start=paragraph["start"])
    if paragraph.get("speaker"):
        if len(meta):
            meta += nodes.Text(" ")
        meta += tn.transcript_speaker(paragraph["speaker"], paragraph["speaker"])
        meta += nodes.Text(":")
    return [meta, nodes.Text(" ")] if len(meta) else []


def builder_format(transform: SphinxPostTransform) -> str:
    """The format of the builder a post-transform runs for (``"html"``, ``"latex"``...)."""
    builder = getattr(transform.env, "_builder_cls", None)  # Sphinx >= 8.2
    return str(builder.format if builder is not None else transform.app.builder.format)


class ExpandCues(SphinxPostTransform):
    """Give every cue of a :class:`~.nodes.transcript_text` run its own nodes.

    For builders other than HTML, whose writers make labels from targets
    only: each cue becomes a :class:`~.nodes.transcript_cue` holding its
    :class:`~.nodes.transcript_anchor`, and each paragraph gets its start
    time and speaker as nodes, as the HTML visitors render them.
    """

    default_priority = 100

    def run(self, **kwargs: Any) -> None:
        if builder_format(self) == "html":
            return
        for paragraph in list(self.document.findall(tn.transcript_paragraph)):
            for child in list(paragraph.children):
                if isinstance(child, tn.transcript_text):
                    child.replace_self(expand(child))
                elif isinstance(child, tn.transcript_search):
                    paragraph.remove(child)
            paragraph[:0] = meta_nodes(paragraph)
        for container in self.document.findall(tn.transcript):
            if container.get("moment"):
                link_moments(container, container["moment"])


def link_moments(container: tn.transcript, moment: str) -> None:
    """Point each timestamp at the hosted video's page at that second.

    Where the embedded player cannot follow (PDF, EPUB, man pages), a
    timestamp of a YouTube, Vimeo or PeerTube transcript opens the video there.
    """
    for time in container.findall(tn.transcript_time):
        del time["refid"]
        time["internal"] = False
        time["refuri"] = moment.format(time["start"] // 1000)


def expand(run: tn.transcript_text) -> list[nodes.Node]:
    """The nodes of each cue in *run*, with the text between them."""
    text = run.astext()
    out: list[nodes.Node] = []
    position = 0
    for anchor, start, end, begin, finish in run["cues"]:
        if begin > position:
            out.append(nodes.Text(text[position:begin]))
        cue = tn.transcript_cue(start=start, end=end)
        cue += tn.transcript_anchor("", ids=[anchor])
        cue += nodes.Text(text[begin:finish])
        out.append(cue)
        position = finish
    if position < len(text):
        out.append(nodes.Text(text[position:]))
    return out


def transcript_node(plan: Plan, look: Look) -> tn.transcript:
    """The container with every paragraph of *plan* (media is added by the caller)."""
    # The words are the speaker's, verbatim: no smart quotes or dashes
    # ("--verbose" said aloud stays "--verbose").
    container = tn.transcript(classes=["transcript"], support_smartquotes=False)
    for paragraph in plan.paragraphs:
        node = paragraph_node(paragraph, look, plan.hours)
        if look.words:
            timed_words.annotate(node, paragraph)
        container += node
    return container
