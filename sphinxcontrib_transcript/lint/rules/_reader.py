"""What the fixes of reader-reported rules share.

A reader that meets a malformed timestamp has to decide what the file means
there anyway, so it records a :class:`~sphinxcontrib_transcript.model.Diagnostic`
with the rule ID; the engine routes it to that rule (such a rule module has
no ``check()``).  A fix of such a rule needs to know where the reader saw it.
"""

from __future__ import annotations

from ..base import Context


def reported(ctx: Context, rule_id: str) -> list[int]:
    """The lines the reader reported *rule_id* at (what a fix must address)."""
    return [d.line for d in ctx.diagnostics if d.rule == rule_id]
