"""Doctree nodes for transcripts, and their HTML, man and Texinfo visitors.

Every node subclasses a standard docutils node, so LaTeX, text, man,
texinfo, EPUB and gettext render it through the base class's visitor (Sphinx
walks the node's MRO).  Visitors are registered under format names only
(``html``, ``man``, ``texinfo``, each also its builder's name): one
registered under a builder name such as ``epub`` would hide every other
extension's HTML visitors from that builder.  Man and Texinfo need one each,
so that a transcript starts a paragraph of its own (see
:func:`visit_transcript_man`).

Cue ids live on :class:`transcript_anchor` targets, because the LaTeX writer
makes labels from targets only; in HTML the id moves to the cue's ``<span>``
so that ``:target`` and the player script see the cue itself.
"""

from __future__ import annotations

import posixpath
import urllib.parse
from html import escape
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import get_translation

from ..timecode import format_seconds as _seconds  # data-start, data-end
from .hosted import SERVICES, Hosted, endpoints

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator

_ = get_translation("sphinxcontrib-transcript")

# Node classes are lowercase, as docutils' are: translators find their
# visit_<name> methods by class name.


class transcript(nodes.container):
    """A whole transcript: optional media, then paragraphs.

    Attributes: ``label`` (accessible name), ``language``, ``name``.
    """


class transcript_media(nodes.paragraph):
    """The media a transcript belongs to.

    Holds a :class:`~sphinx.addnodes.download_reference` (a local file, which
    Sphinx copies into the output) or a :class:`~docutils.nodes.reference`
    (an http(s) URL) as its fallback text; HTML turns it into a player.
    Attributes: ``kind`` (``"audio"`` or ``"video"``), ``fragment`` (a media
    fragment such as ``#t=12,80`` for an excerpt).
    """


class transcript_captions(nodes.Element):
    """The transcript as a video's captions track (:mod:`.captions`); first in its media.

    Attributes: ``vtt`` (the WebVTT text), ``filename`` (``<digest>/<name>.vtt``),
    ``srclang``.
    """


class transcript_paragraph(nodes.paragraph):
    """Consecutive cues of one speaker."""


class transcript_meta(nodes.inline):
    """A paragraph's start time and speaker."""


class transcript_speaker(nodes.strong):
    """The speaker's name."""


class transcript_time(nodes.reference):
    """A shown timestamp: a link (``refid``) to its cue's anchor."""


class transcript_cue(nodes.inline):
    """One cue.  Attributes: ``start`` and ``end`` in milliseconds."""


class transcript_text(nodes.inline):
    """Consecutive plain-text cues of a paragraph, as one text node.

    Attribute ``cues``: ``(anchor, start ms, end ms or None, begin, end)`` per
    cue, *begin* and *end* being offsets in the text; what lies between two
    cues is the space that joins them.  HTML renders a ``<span>`` per cue
    from this; other builders get the nodes of each cue from
    :class:`~.tree.ExpandCues`.
    """


class transcript_search(nodes.inline):
    """Words for the search index only (a paragraph's speaker, shown from attributes).

    HTML skips it; :class:`~.tree.ExpandCues` removes it for other builders.
    """


class transcript_anchor(nodes.target):
    """The stable id of a cue (first child of its :class:`transcript_cue`)."""


class transcript_ruby(nodes.inline):
    """WebVTT ``<ruby>``."""


class transcript_rt(nodes.inline):
    """WebVTT ``<rt>``: a ruby annotation."""


class transcript_rp(nodes.inline):
    """The parenthesis around a ruby annotation, for renderers without ruby."""


def visit_transcript_html(self: HTML5Translator, node: transcript) -> None:
    label = str(node.get("label") or _("Transcript"))
    # "lang" for a language docutils has no quotes for (else a language- class).
    lang = {"lang": node["lang"]} if node.get("lang") else {}
    self.body.append(self.starttag(node, "section", "\n", False, **{
        "aria-label": label, "data-transcript": "", **lang,
    }))


def depart_transcript_html(self: HTML5Translator, node: transcript) -> None:
    self.body.append("</section>\n")


def _media_source(self: HTML5Translator, node: transcript_media) -> str | None:
    builder = self.builder
    for child in node.findall(nodes.reference):
        if isinstance(child, addnodes.download_reference):
            if builder.download_support and "filename" in child:
                return posixpath.join(builder.dlpath, urllib.parse.quote(child["filename"]))
            return None
        if child.get("refuri"):
            return str(child["refuri"])
    return None


def _player_atts(node: transcript_media) -> dict[str, str]:
    """The player box's classes and ``data-*``: stickiness, sharing, the excerpt's bounds."""
    atts = {"CLASS": "transcript-sticky" if node.get("sticky", True) else "transcript-static"}
    if not node.get("share", True):
        atts["data-share"] = "off"  # no "Copy link" control (transcript-share.js)
    for name in ("start", "end"):
        if node.get(name) is not None:
            atts[f"data-{name}"] = _seconds(node[name])
    return atts


def _host(url: str) -> str:
    return urllib.parse.urlsplit(url).netloc


def visit_hosted_html(self: HTML5Translator, node: transcript_media) -> None:
    """A hosted video: a link to it, and a button that loads the service's player.

    Nothing is fetched from the service until the reader presses the button;
    the note next to it says which sites the player connects to.  Without
    JavaScript the button stays hidden and the link remains.
    """
    hosted = Hosted(node["service"], node["video"], node["host"], node["secret"])
    urls = endpoints(self.config)
    embed, api = hosted.embed(urls), urls[hosted.service]["api"]
    atts = _player_atts(node)
    atts["CLASS"] += " transcript-hosted"
    self.body.append(self.starttag(node, "div", "\n", False, **atts, **{
        "data-service": hosted.service, "data-embed": embed, "data-api": api,
        "data-title": _("%s player") % SERVICES[hosted.service],  # the iframe's name
    }))
    self.body.append('<p class="transcript-hosted-link">')
    name = SERVICES[hosted.service]
    hosts = ", ".join(dict.fromkeys(host for host in (_host(embed), _host(api)) if host))
    note = _("Nothing is loaded from %(service)s until you press the button; the player "
             "then connects to %(hosts)s.") % {"service": name, "hosts": hosts}
    self.context.append(
        '</p>\n<p class="transcript-consent" hidden="">'
        f'<button type="button" class="transcript-load">'
        f"{self.encode(_('Load the %s player') % name)}</button> "
        f"<span>{self.encode(note)}</span></p>\n</div>\n"
    )


def visit_transcript_media_html(self: HTML5Translator, node: transcript_media) -> None:
    if node.get("kind") == "hosted":
        visit_hosted_html(self, node)
        return
    source = _media_source(self, node)
    if source is None:
        # No player possible (EPUB has no downloads): the fallback paragraph.
        self.visit_paragraph(node)
        self.context.append("</p>\n")
        return
    kind = "video" if node.get("kind") == "video" else "audio"
    self.body.append(self.starttag(node, "div", "\n", False, **_player_atts(node)))
    self.body.append(
        f'<{kind} class="transcript-player" controls="" preload="metadata" '
        f'src="{escape(source + node.get("fragment", ""), quote=True)}">'
    )
    self.context.append(f"</{kind}></div>\n")


def depart_transcript_media_html(self: HTML5Translator, node: transcript_media) -> None:
    self.body.append(self.context.pop())


def visit_transcript_paragraph_html(self: HTML5Translator, node: transcript_paragraph) -> None:
    self.body.append(self.starttag(node, "p", ""))
    time, speaker = node.get("time"), node.get("speaker")
    if not time and not speaker:
        return
    self.body.append('<span class="transcript-meta">')
    if time:
        # The timestamp is the link to its moment (no separate ¶ permalink).
        self.body.append(f"{_time_start(node, node['anchor'], node['start'])}{time}</a>")
    if speaker:
        self.body.append(f"{' ' if time else ''}<strong>{self.encode(speaker)}</strong>:")
    self.body.append("</span> ")


def depart_transcript_paragraph_html(self: HTML5Translator, node: transcript_paragraph) -> None:
    self.body.append("</p>\n")


def _moment(node: nodes.Element) -> str:
    """The hosted video's moment template of the transcript holding *node*, or ``""``."""
    parent = node.parent
    while parent is not None and not isinstance(parent, transcript):
        parent = parent.parent
    return str(parent.get("moment") or "") if parent is not None else ""


def _time_start(node: nodes.Element, anchor: str, start: int) -> str:
    """The ``<a>`` of a timestamp: to its cue, or to the hosted video at that second.

    With a hosted video the link works without JavaScript (the service's
    page at the moment); the script turns it back into ``#anchor`` and keeps
    the cue in ``data-cue``.
    """
    moment = _moment(node)
    if not moment:
        return f'<a class="transcript-time reference internal" href="#{anchor}">'
    href = escape(moment.format(start // 1000), quote=True)
    return f'<a class="transcript-time reference external" href="{href}" data-cue="{anchor}">'


def visit_transcript_time_html(self: HTML5Translator, node: transcript_time) -> None:
    self.body.append(_time_start(node, node["refid"], node["start"]))


def depart_transcript_time_html(self: HTML5Translator, node: transcript_time) -> None:
    self.body.append("</a>")


def visit_transcript_cue_html(self: HTML5Translator, node: transcript_cue) -> None:
    # Built by hand: one <span> per cue is the bulk of the page, and the id
    # comes from the anchor child (ids are [a-z0-9-] by construction).
    first = node.children[0] if node.children else None
    ident = f' id="{escape(first["ids"][0])}"' if isinstance(first, transcript_anchor) else ""
    end = f' data-end="{_seconds(node["end"])}"' if node.get("end") is not None else ""
    words = f' data-w="{node["words"]}"' if node.get("words") else ""  # see .words
    self.body.append(
        f'<span class="transcript-cue"{ident} data-start="{_seconds(node["start"])}"{end}{words}>'
    )


def depart_transcript_cue_html(self: HTML5Translator, node: transcript_cue) -> None:
    self.body.append("</span>")


def visit_transcript_text_html(self: HTML5Translator, node: transcript_text) -> None:
    text = node.astext()
    encode = self.encode
    out = []
    position = 0
    words = node.get("words") or [""] * len(node["cues"])  # see .words
    for (anchor, start, end, begin, finish), timed in zip(node["cues"], words, strict=True):
        if begin > position:
            out.append(encode(text[position:begin]))
        data_end = "" if end is None else f' data-end="{_seconds(end)}"'
        data_words = f' data-w="{timed}"' if timed else ""
        out.append(
            f'<span class="transcript-cue" id="{anchor}" data-start="{_seconds(start)}"'
            f"{data_end}{data_words}>{encode(text[begin:finish])}</span>"
        )
        position = finish
    out.append(encode(text[position:]))
    self.body.append("".join(out))
    raise nodes.SkipNode


def skip_html(self: HTML5Translator, node: nodes.Node) -> None:
    """Nothing to write: an anchor's id is on its cue's ``<span>`` already."""
    raise nodes.SkipNode


def _tag_visitors(tag: str) -> tuple[object, object]:
    def visit(self: HTML5Translator, node: nodes.Element) -> None:
        self.body.append(self.starttag(node, tag, ""))

    def depart(self: HTML5Translator, node: nodes.Element) -> None:
        self.body.append(f"</{tag}>")

    return visit, depart


def visit_transcript_man(self: Any, node: transcript) -> None:
    """Start the transcript's first paragraph ("Audio: ...") on a line of its own.

    The man writer puts no ``.sp`` before the first paragraph of a container,
    so the media line would run into the paragraph before the transcript.
    """
    self.ensure_eol()
    self.body.append(".sp\n")


def visit_transcript_texinfo(self: Any, node: transcript) -> None:
    """As for man: a blank line, which the target before a transcript would take."""
    self.body.append("\n")


def depart_nothing(self: Any, node: nodes.Node) -> None:
    """Nothing to close."""


#: ``{format: {node class: (visit, depart)}}`` beyond HTML, for :meth:`Sphinx.add_node`.
OTHER_VISITORS: dict[str, dict[type[nodes.Element], tuple[object, object]]] = {
    "man": {transcript: (visit_transcript_man, depart_nothing)},
    "texinfo": {transcript: (visit_transcript_texinfo, depart_nothing)},
}

#: ``{node class: (visit, depart)}`` for :meth:`Sphinx.add_node` under ``html``.
HTML_VISITORS: dict[type[nodes.Element], tuple[object, object]] = {
    transcript: (visit_transcript_html, depart_transcript_html),
    transcript_media: (visit_transcript_media_html, depart_transcript_media_html),
    transcript_paragraph: (visit_transcript_paragraph_html, depart_transcript_paragraph_html),
    transcript_time: (visit_transcript_time_html, depart_transcript_time_html),
    transcript_cue: (visit_transcript_cue_html, depart_transcript_cue_html),
    transcript_text: (visit_transcript_text_html, None),
    transcript_anchor: (skip_html, None),
    transcript_search: (skip_html, None),
    transcript_ruby: _tag_visitors("ruby"),
    transcript_rt: _tag_visitors("rt"),
    transcript_rp: _tag_visitors("rp"),
}

#: Nodes that render through their base class's visitor in every builder.
PLAIN_NODES: tuple[type[nodes.Element], ...] = (transcript_meta, transcript_speaker)
