"""sphinxcontrib-transcript: read, lint and render transcripts.

The core (model, readers, linter, CLI) needs neither Sphinx nor docutils; only
:func:`setup`, which Sphinx calls when the extension is enabled with
``extensions = ["sphinxcontrib_transcript"]``, imports the Sphinx side.
"""

from __future__ import annotations

from .model import Cue, Diagnostic, Transcript, Word
from .readers import load, loads

# Not typing.TYPE_CHECKING: importing typing costs the CLI start-up time;
# checkers treat any TYPE_CHECKING name alike.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from sphinx.application import Sphinx

__version__ = "0.1.0"

__all__ = [
    "Cue", "Diagnostic", "Transcript", "Word", "__version__", "load", "loads", "setup",
]


def setup(app: Sphinx) -> dict[str, Any]:
    """Sphinx entry point: register the ``transcript`` directive, role and assets."""
    from .sphinxext import setup_extension

    return setup_extension(app)
