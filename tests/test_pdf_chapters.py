"""A PDF's outline (bookmarks) has the chapters: latexmk compiles the LaTeX build of
tests/roots/test-transcript-chapters, pypdf reads the outline back, and each
bookmark is followed to its page, whose text (pdftotext) holds the chapter.

Not a ``test_sphinx_*`` file: the oldest-Sphinx run does not install pypdf.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader


@pytest.fixture(scope="module")
def pdf(build_root) -> Path:
    out = Path(build_root("transcript-chapters", "latex").outdir)
    result = subprocess.run(
        ["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", "chapters.tex"],
        cwd=out, capture_output=True, text=True, check=False, timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    return out / "chapters.pdf"


def outline(reader: PdfReader, items: list, depth: int = 0) -> list[tuple[int, str, int]]:
    """``(depth, title, page number)`` of every bookmark, in order."""
    found = []
    for item in items:
        if isinstance(item, list):
            found.extend(outline(reader, item, depth + 1))
        else:
            found.append((depth, item.title, reader.get_destination_page_number(item)))
    return found


def test_the_outline_has_each_chapter_under_its_page(pdf):
    reader = PdfReader(pdf)
    marks = outline(reader, reader.outline)
    titles = [(depth, title) for depth, title, _ in marks]
    episode = titles.index((0, "Episode"))
    assert titles[episode + 1:episode + 4] == [
        (1, "Introduction"), (1, "Keystone pipelines"), (1, "Questions & answers")]
    sources = titles.index((0, "Sources"))
    assert titles[sources + 1:sources + 5] == [
        (1, "From WebVTT"), (2, "Welcome"), (2, "Identity"), (2, "Mail bag")]
    # A toc: false chapter is a heading in the text, not a bookmark.
    assert all(title != "Sponsor" for _, title in titles)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Sponsor" in text
    # The bookmark leads to the page that shows the chapter and its first words.
    page = next(page for _, title, page in marks if title == "Keystone pipelines")
    shown = " ".join(text.split("\f")[page].split())
    assert "Keystone pipelines 00:20 Ann: Keystone authenticates every request." in shown
