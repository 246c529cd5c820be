"""The Sphinx side of sphinxcontrib-transcript.

Enabled with ``extensions = ["sphinxcontrib_transcript"]``, whose ``setup``
imports this package lazily, so that the linter and its command line never
import Sphinx.  :func:`setup_extension` registers:

* the ``transcript`` directive (:mod:`.directive`);
* the ``transcript`` domain and the ``:transcript:`` role (:mod:`.domain`),
  with chapters (:mod:`.chapter_refs`) and intersphinx fallbacks (:mod:`.external`);
* chapters as sections (:mod:`.chapters`, :mod:`.chapter_sections`);
* the doctree nodes, with HTML visitors and two for man and Texinfo (:mod:`.nodes`);
* links to the media and the transcript file in LaTeX (:mod:`.offline`);
* a video's captions track, from the transcript (:mod:`.captions`);
* the player script and style sheet (:mod:`.assets`);
* the ``transcript_*`` configuration values below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx.config import ENUM
from sphinx.util import logging

from .. import __version__
from . import (
    assets,
    captions,
    chapter_sections,
    chapters,
    domain,
    external,
    hosted,
    offline,
    problems,
)
from . import nodes as tn
from .directive import TranscriptDirective
from .tree import TIMESTAMPS, ExpandCues
from .words import WORDS

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

#: Bumped whenever what the extension stores in the environment changes shape.
ENV_VERSION = 1


def _on_builder_inited(app: Sphinx) -> None:
    assets.on_builder_inited(app)
    problems.lint_config(app.config, str(app.confdir))
    for problem in hosted.config_problems(app.config.transcript_hosted_players):
        logger.warning("transcript_hosted_players: %s; the default is used", problem,
                       type="transcript", subtype="config")


def _on_before_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    problems.forget(env)


def setup_extension(app: Sphinx) -> dict[str, Any]:
    """Register the directive, the role, the domain, the nodes and the config values."""
    app.add_config_value("transcript_merge", "speaker", "env", types=frozenset({str}))
    app.add_config_value("transcript_timestamps", "show", "env", types=ENUM(*TIMESTAMPS))
    app.add_config_value("transcript_download", False, "env", types=frozenset({bool}))
    app.add_config_value("transcript_language", None, "env", types=frozenset({str, type(None)}))
    app.add_config_value("transcript_encoding", None, "env", types=frozenset({str, type(None)}))
    app.add_config_value("transcript_lint", True, "env", types=frozenset({bool}))
    app.add_config_value("transcript_lint_level", "error", "env", types=ENUM("warning", "error"))
    app.add_config_value(
        "transcript_lint_config", None, "env", types=frozenset({dict, str, type(None)})
    )
    app.add_config_value(
        "transcript_lint_select", None, "env", types=frozenset({list, tuple, type(None)})
    )
    app.add_config_value("transcript_lint_ignore", [], "env", types=frozenset({list, tuple}))
    app.add_config_value("transcript_scroll_offset", 0, "html", types=frozenset({int}))
    app.add_config_value("transcript_sticky_player", True, "env", types=frozenset({bool}))
    app.add_config_value("transcript_share", True, "env", types=frozenset({bool}))
    app.add_config_value("transcript_hosted_players", {}, "html", types=frozenset({dict}))
    app.add_config_value("transcript_words", "auto", "env", types=ENUM(*WORDS))

    for node_class, (visit, depart) in tn.HTML_VISITORS.items():
        others = {fmt: table[node_class] for fmt, table in tn.OTHER_VISITORS.items()
                  if node_class in table}
        app.add_node(node_class, html=(visit, depart), **others)  # type: ignore[arg-type]
    for node_class in tn.PLAIN_NODES:
        app.add_node(node_class)
    app.add_post_transform(ExpandCues)
    app.add_node(chapters.transcript_part)
    app.add_node(chapters.transcript_marker)
    app.add_transform(chapter_sections.CheckPlacement)
    app.add_post_transform(chapter_sections.Regroup)
    app.add_post_transform(chapter_sections.LinkChapterMoments)
    app.add_post_transform(offline.LinkFiles)
    app.add_node(tn.transcript_captions, html=(captions.visit_transcript_captions_html, None))
    app.add_post_transform(captions.DropCaptions)
    app.add_directive("transcript", TranscriptDirective)
    app.add_domain(domain.TranscriptDomain)
    app.add_role("transcript", domain.TranscriptRole(warn_dangling=True))

    app.connect("builder-inited", _on_builder_inited)
    app.connect("env-before-read-docs", _on_before_read)
    app.connect("env-get-updated", domain.referrers_to_update)
    # After intersphinx (priority 500), which matches names exactly.
    app.connect("missing-reference", external.resolve_external, priority=800)
    app.connect("warn-missing-reference", domain.warn_missing)
    app.connect("html-page-context", assets.on_html_page_context)
    app.connect("build-finished", offline.copy_linked_files)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
