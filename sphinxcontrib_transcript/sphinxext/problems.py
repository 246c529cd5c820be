"""Lint on build: read a transcript once, report what the linter finds as Sphinx warnings.

Every problem becomes ``logger.warning(..., type="transcript", subtype=RULE)``
at the transcript file's own line, so ``suppress_warnings =
["transcript.cue-overlap"]`` silences one rule and ``sphinx-build -W`` fails
on a broken transcript.  The bytes are decoded and parsed once; the same
:class:`~sphinxcontrib_transcript.model.Transcript` is linted and rendered.

Configuration (``conf.py``):

``transcript_lint``
    ``False`` turns lint warnings off.
``transcript_lint_level``
    ``"error"`` (the default) reports only error-level problems, which a
    reader would get wrong, so that a ``-W`` build embedding a real, slightly
    untidy transcript stays green; ``"warning"`` reports every problem.
``transcript_lint_config``
    ``None`` (the default) reads the same configuration file the
    ``transcript-lint`` command would find from the configuration directory
    (``.transcript-lint.toml`` or ``[tool.transcript-lint]`` in
    ``pyproject.toml``); a ``dict`` is such a table written in ``conf.py``;
    a string is the path of a file, relative to the configuration directory.
``transcript_lint_select`` / ``transcript_lint_ignore``
    rule IDs that replace the selection / are switched off, on top.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from sphinx.util import logging

from ..lint import Config as LintConfig
from ..lint import ConfigError, build_context, load_config, resolve
from ..lint.base import Context
from ..lint.engine import SiblingFiles, lint_context
from ..model import Transcript

if TYPE_CHECKING:
    from sphinx.config import Config as SphinxConfig
    from sphinx.environment import BuildEnvironment

    from ..chapters import Chapters
    from ..model import Format

logger = logging.getLogger(__name__)

# One resolved lint configuration per Sphinx configuration (per build).
_configs: WeakKeyDictionary[SphinxConfig, LintConfig | None] = WeakKeyDictionary()
# Files already reported in this build, so excerpts of one file on several
# pages report its problems once.
_reported: WeakKeyDictionary[BuildEnvironment, set[tuple[str, int, int, str | None]]] = (
    WeakKeyDictionary()
)


def _build_config(config: SphinxConfig, confdir: str) -> LintConfig:
    select = config.transcript_lint_select
    ignore = config.transcript_lint_ignore or ()
    table: Any = config.transcript_lint_config
    if table is None:
        return load_config(None, confdir, select=select, ignore=ignore)
    if isinstance(table, str):
        return load_config(os.path.join(confdir, table), confdir, select=select, ignore=ignore)
    return resolve(table, source="conf.py", root=confdir, select=select, ignore=ignore)


def lint_config(config: SphinxConfig, confdir: str) -> LintConfig | None:
    """The linter configuration for this build; ``None`` when linting is off.

    A mistake in it is reported once, and the rules' defaults are used.
    """
    if not config.transcript_lint:
        return None
    if config not in _configs:
        try:
            _configs[config] = _build_config(config, confdir)
        except ConfigError as exc:
            logger.warning(
                "%s; transcripts are linted with the default rules", exc,
                type="transcript", subtype="config",
            )
            _configs[config] = LintConfig.default()
    return _configs[config]


class _NotedSiblings(SiblingFiles):
    """Sibling files (``pair-drift``) that the build depends on: a page whose
    transcript is compared with its sibling is rebuilt when the sibling changes."""

    def __init__(self, path: str, env: BuildEnvironment) -> None:
        super().__init__(path)
        self.env = env

    def __call__(self, suffix: str) -> tuple[str, Transcript] | None:
        candidate = self.candidate(suffix)
        if candidate is not None and os.path.exists(candidate):
            self.env.note_dependency(os.path.abspath(candidate))
        return super().__call__(suffix)


def read(
    data: bytes, path: str, fmt: Format | None, encoding: str | None, env: BuildEnvironment
) -> Context:
    """Read *data* once, through the same pipeline as the CLI, for the linter and
    the page."""
    return build_context(data, path, fmt, encoding=encoding, sibling=_NotedSiblings(path, env))


def read_and_lint(
    data: bytes,
    path: str,
    fmt: Format | None,
    encoding: str | None,
    env: BuildEnvironment,
) -> Transcript:
    """Read a transcript and report its problems as warnings at its own lines."""
    context = read(data, path, fmt, encoding, env)
    # The encoding is part of the key: the same bytes read with another
    # :encoding: have problems of their own (U+FFFD where bytes did not fit).
    _report(context, (path, len(data), hash(data), encoding), env)
    return context.transcript


def _report(context: Context, key: tuple[str, int, int, str | None],
            env: BuildEnvironment) -> None:
    """Each problem the linter finds in *context*, as a warning at the file's line,
    once per build (*key* names the file and its content)."""
    config = env.config
    # Resolved at builder-inited from the configuration directory; the source
    # directory is only the fallback for a cache miss.
    lint = lint_config(config, str(env.srcdir))
    if lint is None:
        return
    reported = _reported.setdefault(env, set())
    if key in reported:
        return
    reported.add(key)
    errors_only = config.transcript_lint_level == "error"
    for problem in lint_context(context, lint):
        if errors_only and problem.level != "error":
            continue
        # Sphinx says "WARNING:" already; an error-level problem says so too.
        prefix = "error: " if problem.level == "error" else ""
        logger.warning(
            "%s%s", prefix, problem.message,
            location=f"{context.path}:{problem.line}", type="transcript", subtype=problem.rule,
        )


def read_and_lint_chapters(
    data: bytes, path: str, transcript: tuple[str, Transcript], env: BuildEnvironment
) -> Chapters:
    """Read a chapter file through the linter's pipeline, report its problems as
    warnings at its own lines, and return its chapters.

    The chapter rules compare the chapters with *transcript* (``(path,
    transcript)``, the one the directive shows), whatever the files are called.
    """
    context = build_context(data, path, "chapters", sibling=lambda suffix: transcript)
    _report(context, (path, len(data), hash(data), "chapters"), env)
    return context.cache["chapters"]  # type: ignore[no-any-return]


def forget(env: BuildEnvironment) -> None:
    """Start a new build's record of reported files (``env-before-read-docs``)."""
    _reported.pop(env, None)
