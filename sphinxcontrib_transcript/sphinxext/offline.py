"""Builders without a player: the media and the transcript file as links that work.

HTML turns ``:media:`` into a player and ``:download:`` into a link to the
copy Sphinx makes in ``_downloads/``.  LaTeX renders a
:class:`~sphinx.addnodes.download_reference` as plain text, so in a PDF
"Audio: talk.mp3" and "Download the transcript" would lead nowhere.
:class:`LinkFiles` makes them ``\\href`` links: to the published HTML copy
when ``html_baseurl`` says where the HTML build lives, else to a copy of the
file placed beside the PDF (``_downloads/<digest>/<name>``, the same path
the HTML build uses), which a reader keeps with the PDF.

Man pages and Texinfo have no such links; their layout is in :mod:`.nodes`.
"""

from __future__ import annotations

import os
import shutil
import urllib.parse
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from . import nodes as tn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: Where the HTML builders put downloads, and where the copies for a PDF go.
DOWNLOADS = "_downloads"


class LinkFiles(SphinxPostTransform):
    """In LaTeX, each file a transcript offers (media, download) becomes an ``\\href``."""

    default_priority = 100
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for transcript in list(self.document.findall(tn.transcript)):
            for download in list(transcript.findall(addnodes.download_reference)):
                uri = self.uri(download)
                if uri is not None:
                    link = nodes.reference("", "", *download.children, refuri=uri,
                                           internal=False)
                    download.replace_self(link)

    def uri(self, download: addnodes.download_reference) -> str | None:
        """Where the link goes; ``None`` for a file Sphinx did not register."""
        filename = download.get("filename")  # "<digest>/<name>", from Sphinx
        if not filename:
            return None
        path = f"{DOWNLOADS}/{urllib.parse.quote(filename)}"
        base = self.config.html_baseurl
        if base:
            return urllib.parse.urljoin(str(base).rstrip("/") + "/", path)
        source = os.path.join(self.env.srcdir, download["reftarget"].lstrip("/"))
        if not os.path.isfile(source):
            return None
        _to_copy.setdefault(self.env, {})[filename] = source
        return path


# Files the PDF links to, per build: {"<digest>/<name>": source path}.
_to_copy: WeakKeyDictionary[BuildEnvironment, dict[str, str]] = WeakKeyDictionary()


def copy_linked_files(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: put the files the PDF links to beside it."""
    for filename, source in _to_copy.pop(app.env, {}).items():
        target = os.path.join(app.builder.outdir, DOWNLOADS, filename)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(source, target)
