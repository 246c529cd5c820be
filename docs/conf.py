"""Sphinx configuration for the sphinxcontrib-transcript documentation.

The site dogfoods the extension: its pages render transcripts with the
``transcript`` directive, and lint them while building.  The reference is
generated from the code by a local extension, ``_ext/transcript_docs.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sphinxcontrib_transcript import __version__

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "sphinxcontrib-transcript"
author = "sphinxcontrib-transcript developers"
copyright = "the sphinxcontrib-transcript developers"
version = release = __version__

# confval and parse_text_to_nodes, used by _ext/transcript_docs.py, came in 7.4.
needs_sphinx = "7.4"
extensions = [
    "sphinxcontrib_transcript",
    "sphinx.ext.autodoc",
    # Some module docstrings shown here hold doctest blocks.
    "sphinx.ext.doctest",
    # One demo page is MyST Markdown, to show the directive works there too.
    "myst_parser",
    "transcript_docs",
]

# The README.md files beside the transcripts are for people browsing the
# repository, not pages of the site.
exclude_patterns = ["_build", "**/README.md"]

html_theme = "alabaster"
html_theme_options = {
    "description": "Lint transcripts; render them in Sphinx with anchored timestamps.",
    "fixed_sidebar": True,
}
html_title = f"{project} {release}"

autodoc_member_order = "bysource"
autodoc_typehints = "description"

# Lint on build.  Every transcript the pages render is linted with the
# rules' defaults and, here, every problem is reported (the extension's
# default reports errors only), so -W turns each into a failed build.  Episode 33
# of Talk Python To Me is shown exactly as published, and it has six cues of
# zero duration (.vtt; one hides its word, an error) and one closing line
# repeated four times (both files), which the demo page shows and explains.
# They are switched off
# for those two files only, so any problem in any other transcript, or any
# other problem in these, still fails the build.
transcript_lint_level = "warning"
transcript_lint_config = {
    "per-file-ignores": {
        "demo/033-openstack-cloud-computing-built-on-python.*": [
            "zero-duration",
            "duplicate-adjacent",
        ],
    },
}

latex_documents = [
    ("index", "sphinxcontrib-transcript.tex", project, author, "manual"),
]

# pdflatex knows no glyph for three characters the rule pages and docstrings
# show: the full-width comma and full stop (which SRT files from East Asian
# editors use before the milliseconds) and U+FFFD REPLACEMENT CHARACTER.  They
# are drawn here the way fonts that have them draw them, so the PDF compiles
# and still shows that the character is not the ASCII one.
latex_elements = {
    "preamble": r"""
\DeclareUnicodeCharacter{FF0C}{\makebox[1em][l]{,}}
\DeclareUnicodeCharacter{FF0E}{\makebox[1em][l]{.}}
\DeclareUnicodeCharacter{FFFD}{\raisebox{-.1ex}{\fbox{\kern-.2em\scriptsize ?\kern-.2em}}}
""",
}
