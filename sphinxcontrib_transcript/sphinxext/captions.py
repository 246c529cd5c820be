"""The transcript of a video, offered to its player as captions.

With a video ``:media:``, the same transcript the page shows becomes a
``<track kind="captions">`` of the ``<video>``: a clean WebVTT file as it
is, anything else (SRT, timestamped text, Podcasting 2.0 JSON, a WebVTT file
not in UTF-8 or with problems a browser would drop cues for) converted to
WebVTT by :func:`~sphinxcontrib_transcript.writers.dumps`
while the page is read.  The HTML writer puts the file in the output
(``_transcripts/<digest>/<name>.vtt``) and writes the ``<track>``; every
other builder drops the node (:class:`DropCaptions`).
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import tempfile
from html import escape
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.osutil import relative_uri

from .. import writers
from . import nodes as tn
from .tree import builder_format

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator

    from ..model import Transcript

_ = get_translation("sphinxcontrib-transcript")

#: Where the HTML output keeps caption files.
FOLDER = "_transcripts"


def captions_node(transcript: Transcript, data: bytes, path: str,
                  language: str) -> tn.transcript_captions:
    """The captions of a video: the WebVTT text, its file name and its language."""
    text = None
    # A file the reader had to repair would lose cues in a browser's parser.
    if transcript.format == "vtt" and not transcript.diagnostics:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = None  # browsers read WebVTT as UTF-8 only: convert it
    if text is None:
        text = writers.dumps(transcript, "vtt")
    digest = hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]
    name = PurePosixPath(path.replace(os.sep, "/")).with_suffix(".vtt").name
    return tn.transcript_captions(vtt=text, filename=f"{digest}/{name}", srclang=language)


def _write_once(path: str, text: str) -> None:
    """Write *text* to *path* atomically, unless an earlier page wrote it already."""
    if os.path.isfile(path):
        return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)
    os.replace(temporary, path)


def visit_transcript_captions_html(self: HTML5Translator, node: tn.transcript_captions) -> None:
    """``<track kind="captions">``, first in the ``<video>``, and its file in the output."""
    media = node.parent
    if (not isinstance(media, tn.transcript_media) or media.get("kind") != "video"
            or tn._media_source(self, media) is None):
        raise nodes.SkipNode  # no <video> player here (EPUB has no downloads)
    builder: Any = self.builder
    target = posixpath.join(FOLDER, node["filename"])
    _write_once(os.path.join(builder.outdir, *target.split("/")), node["vtt"])
    source = relative_uri(builder.get_target_uri(builder.current_docname), target)
    srclang = f' srclang="{escape(node["srclang"])}"' if node.get("srclang") else ""
    self.body.append(
        f'<track kind="captions" src="{escape(source)}"{srclang} '
        f'label="{escape(_("Captions"))}">'
    )
    raise nodes.SkipNode


class DropCaptions(SphinxPostTransform):
    """Builders without a ``<video>`` player have no use for captions."""

    default_priority = 100

    def run(self, **kwargs: Any) -> None:
        if builder_format(self) == "html":
            return
        for node in list(self.document.findall(tn.transcript_captions)):
            node.parent.remove(node)
