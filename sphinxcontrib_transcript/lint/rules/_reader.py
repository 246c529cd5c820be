"""Rules whose findings the readers (and the decoder) already made.

A reader that meets a malformed timestamp has to decide what the file means
there anyway, so it records a :class:`~sphinxcontrib_transcript.model.Diagnostic`
with the rule ID.  The matching rule module only hands those on; this keeps
one source of truth for each check and costs one pass over a short list.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Context, Finding


def from_reader(ctx: Context, rule_id: str) -> Iterator[Finding]:
    """The reader's diagnostics for *rule_id*, as findings, in file order."""
    for diagnostic in ctx.diagnostics:
        if diagnostic.rule == rule_id:
            yield Finding(diagnostic.line, diagnostic.column, diagnostic.message)


def reported(ctx: Context, rule_id: str) -> list[int]:
    """The lines the reader reported *rule_id* at (what a fix must address)."""
    return [d.line for d in ctx.diagnostics if d.rule == rule_id]
