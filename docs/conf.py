"""Sphinx configuration for the sphinxcontrib-transcript documentation.

The site dogfoods the extension: its pages render transcripts with the
``transcript`` directive.
"""

from __future__ import annotations

from sphinxcontrib_transcript import __version__

project = "sphinxcontrib-transcript"
author = "sphinxcontrib-transcript developers"
copyright = "the sphinxcontrib-transcript developers"
version = release = __version__

extensions = ["sphinxcontrib_transcript"]

exclude_patterns = ["_build"]
html_theme = "alabaster"
