"""The player script and style sheet: shipped with the package, loaded only where needed.

The package's ``static/`` directory joins ``html_static_path`` at
``builder-inited``, for HTML-format builders only.  ``transcript.js``
(with ``transcript-players.js``, ``transcript-dock.js`` and
``transcript-share.js``) and
``transcript.css`` are then added in ``html-page-context`` to pages whose
doctree holds a transcript (or to every page under
``app.set_html_assets_policy("always")``), the pattern of
:mod:`sphinx.ext.mathjax`.  Configuration reaches the script as ``data-*``
attributes of its ``<script>`` tag.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.locale import get_translation

from . import nodes as tn

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

_ = get_translation("sphinxcontrib-transcript")

#: The directory holding ``transcript.js`` and ``transcript.css``.
STATIC_DIR = Path(__file__).resolve().parent.parent / "static"


def on_builder_inited(app: Sphinx) -> None:
    """Make the static files available to HTML builders."""
    if app.builder.format != "html":
        return
    static = str(STATIC_DIR)
    if static not in app.config.html_static_path:
        # Absolute entries are allowed; appending after the builder computed
        # its config hash keeps incremental builds incremental.
        app.config.html_static_path.append(static)


def _has_transcript(doctree: nodes.document | None) -> bool:
    return doctree is not None and next(doctree.findall(tn.transcript), None) is not None


def on_html_page_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """Add the script and style sheet to pages that show a transcript."""
    if app.builder.format != "html":
        return
    if app.registry.html_assets_policy != "always" and not _has_transcript(doctree):
        return
    app.add_css_file("transcript.css")
    data: dict[str, Any] = {
        "data-scroll-offset": str(app.config.transcript_scroll_offset),
        "data-autoscroll-label": str(_("Follow the media")),
    }
    # One interface over <audio>, <video> and hosted players, and the
    # docking player box: both run before transcript.js, which uses them.
    app.add_js_file("transcript-players.js", 498, "defer")
    app.add_js_file("transcript-dock.js", 499, "defer")
    # Before transcript.js too: it listens for each transcript that script binds.
    app.add_js_file("transcript-share.js", 499, "defer", **{
        "data-button-label": str(_("Copy link")),
        "data-button-name": str(_("Copy link to this moment")),
        "data-copied-message": str(_("Link copied")),
        "data-manual-message": str(_("Copy the selected link")),
        "data-field-label": str(_("Link to this moment")),
    })
    app.add_js_file("transcript-words.js", 499, "defer")  # word by word, where timed
    app.add_js_file("transcript.js", 500, "defer", **data)
