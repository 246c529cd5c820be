"""The ``:media:`` and ``:download:`` options: nodes that reference files.

A local media file or transcript goes through Sphinx's own download
machinery (:class:`~sphinx.addnodes.download_reference`): Sphinx records the
dependency, copies the file into ``_downloads/`` for HTML builders, and
renders a plain link or text elsewhere.  A remote media file must be an
http(s) URL of a file a browser plays (an audio or video suffix) or of a
video on YouTube, Vimeo or PeerTube (:mod:`.hosted`, whose player the page
embeds); anything else (``javascript:``, ``data:``, ``file:``, an HLS
``.m3u8`` playlist, a web page) is refused with a warning naming what is
accepted.
"""

from __future__ import annotations

import os
import posixpath
import urllib.parse
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import get_translation
from sphinx.util import logging

from ..timecode import format_seconds
from . import nodes as tn
from .hosted import SERVICES, Hosted, recognise

if TYPE_CHECKING:
    from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)
_ = get_translation("sphinxcontrib-transcript")

VIDEO_SUFFIXES = frozenset({".mp4", ".m4v", ".webm", ".ogv", ".mov", ".mkv"})
AUDIO_SUFFIXES = frozenset(
    {".mp3", ".m4a", ".aac", ".oga", ".ogg", ".opus", ".wav", ".flac", ".weba"}
)


def confined(path: str, srcdir: str | os.PathLike[str]) -> bool:
    """Whether *path*, symlinks followed, lies inside *srcdir*.

    Sphinx 8 hands out resolved paths, Sphinx 7.4 only normalised ones: a
    symlink inside the sources that points out must be followed here.
    """
    return Path(path).resolve().is_relative_to(Path(srcdir).resolve())


def media_kind(path: str) -> str:
    """``"video"`` for a video suffix, else ``"audio"``.

    >>> media_kind("talk.webm"), media_kind("https://x.org/ep.mp3?x=1")
    ('video', 'audio')
    """
    suffix = PurePosixPath(urllib.parse.urlsplit(path).path).suffix.lower()
    return "video" if suffix in VIDEO_SUFFIXES else "audio"


def classify(value: str) -> str:
    """``"url"``, ``"local"`` or ``"refused"`` for a ``:media:`` value.

    >>> [classify(v) for v in ("https://x.org/a.mp3", "a.mp3", "/media/a b.mp3",
    ...                        "javascript:alert(1)", "data:audio/wav;base64,AA", "file:///a")]
    ['url', 'local', 'local', 'refused', 'refused', 'refused']
    """
    if any(ord(char) < 0x20 or ord(char) == 0x7F for char in value):
        return "refused"
    parts = urllib.parse.urlsplit(value)
    if parts.scheme in ("http", "https") and parts.netloc:
        return "url"
    if not parts.scheme and not parts.netloc and ":" not in value.split("/", 1)[0]:
        return "local"
    return "refused"


#: What a refused URL's warning says is accepted.
ACCEPTED = (
    "give a local file (relative to this document), an http(s) URL of an audio or video "
    f"file ({', '.join(sorted(AUDIO_SUFFIXES | VIDEO_SUFFIXES))}) or a "
    f"{', '.join(SERVICES.values())} video URL"
)


def _url_refusal(value: str) -> str | None:
    """Why the http(s) URL *value* cannot be played, or ``None`` if it can.

    >>> _url_refusal("https://x.org/a.mp3") is None, _url_refusal("https://x.org/live.m3u8")[:9]
    (True, 'an HLS pl')
    """
    suffix = PurePosixPath(urllib.parse.urlsplit(value).path).suffix.lower()
    if suffix in AUDIO_SUFFIXES or suffix in VIDEO_SUFFIXES:
        return None
    if suffix == ".m3u8":
        return ("an HLS playlist (.m3u8) plays in Safari only, without a player library; "
                "link the stream in the text and " + ACCEPTED)
    return "it is neither an audio or video file nor a known video service; " + ACCEPTED


def _fragment(start: int | None, end: int | None) -> str:
    """A media fragment (``#t=12,80``) that plays just the excerpt."""
    if start is None and end is None:
        return ""
    first = format_seconds(start or 0)
    return f"#t={first}" + (f",{format_seconds(end)}" if end is not None else "")


def media_node(
    directive: SphinxDirective, value: str, start: int | None, end: int | None
) -> tn.transcript_media | None:
    """The player node for ``:media: value``, or ``None`` (with a warning) if refused."""
    value = value.strip()
    kind = media_kind(value)
    label = _("Video") if kind == "video" else _("Audio")
    node = tn.transcript_media(kind=kind, fragment=_fragment(start, end),
                               classes=["transcript-media"], start=start, end=end)
    kind_of = classify(value)
    location = directive.get_location()
    if kind_of == "url":
        hosted = recognise(value)
        if hosted is not None:
            node.update_all_atts({"kind": "hosted", "service": hosted.service,
                                  "video": hosted.video, "host": hosted.host,
                                  "secret": hosted.secret, "fragment": ""})
            node += nodes.Text(_("%s video: ") % hosted.name)
            node += nodes.reference(hosted.watch(), hosted.watch(), refuri=hosted.watch())
            return node
        refusal = _url_refusal(value)
        if refusal is not None:
            logger.warning("media %r refused: %s", value, refusal,
                           location=location, type="transcript", subtype="media")
            return None
        shown = posixpath.basename(urllib.parse.urlsplit(value).path) or value
        node += nodes.Text(f"{label}: ")
        node += nodes.reference(shown, shown, refuri=value)
        return node
    if kind_of == "refused":
        logger.warning(
            "media %r refused: %s", value, ACCEPTED,
            location=location, type="transcript", subtype="media",
        )
        return None
    env = directive.env
    rel, path = env.relfn2path(value, env.docname)
    if not confined(path, env.srcdir):
        logger.warning(
            "media %r resolves outside the source directory (%s) and is not copied; keep "
            "media files inside the documentation sources", value, path,
            location=location, type="transcript", subtype="media",
        )
        return None
    if not os.path.isfile(path):
        env.note_dependency(rel)  # a file added later rebuilds the page
        logger.warning(
            "media file %r not found (looked for %s); the player is left out",
            value, path, location=location, type="transcript", subtype="media",
        )
        return None
    shown = posixpath.basename(rel)
    node += nodes.Text(f"{label}: ")
    node += addnodes.download_reference(shown, shown, reftarget="/" + rel, refexplicit=True)
    return node


def configure_player(
    directive: SphinxDirective, container: tn.transcript, player: tn.transcript_media
) -> None:
    """Settle how the player behaves: sticky or not, shared or not, and hosted moments.

    ``:sticky-player: no`` (or ``transcript_sticky_player = False``) keeps the
    player in the flow of the page; ``:share: no`` (or ``transcript_share =
    False``) leaves out the control that copies a link to the moment.  A
    hosted video gives the transcript a ``moment`` template, so that each
    timestamp links to the service's page at that second where the embedded
    player cannot follow (no JavaScript, PDF, EPUB).
    """
    option = directive.options.get("sticky-player")
    sticky = directive.config.transcript_sticky_player if option is None else option == "yes"
    player["sticky"] = bool(sticky)
    option = directive.options.get("share")
    share = directive.config.transcript_share if option is None else option == "yes"
    player["share"] = bool(share)
    if player.get("kind") == "hosted":
        hosted = Hosted(player["service"], player["video"], player["host"], player["secret"])
        container["moment"] = hosted.template()


def download_node(rel: str, shown: str, text: str) -> nodes.paragraph:
    """A paragraph offering the transcript file itself for download."""
    label = text or _("Download the transcript (%s)") % shown
    paragraph = nodes.paragraph(classes=["transcript-download"])
    paragraph += addnodes.download_reference(label, label, reftarget="/" + rel, refexplicit=True)
    return paragraph
