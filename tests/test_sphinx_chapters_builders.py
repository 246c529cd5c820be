"""Chapters in builders other than HTML, and across projects (intersphinx).

LaTeX makes each chapter a ``\\subsection`` with its label (so the PDF's
outline has it: tests/test_pdf_chapters.py compiles it); a ``toc: false``
chapter is a starred heading with its label, outside the outline.  Text,
man and Texinfo show chapters as the headings of sections.
"""

from __future__ import annotations

import os
import re
import shutil

import pytest
from sphinx.util.inventory import InventoryFile

from .sphinx_util import build_once, read, warnings


@pytest.fixture(scope="module")
def built(build_root):
    return {builder: build_root("transcript-chapters", builder)
            for builder in ("latex", "text", "man", "texinfo")}


def test_no_warnings(built):
    for builder, app in built.items():
        assert warnings(app) == "", builder


def test_latex_sections_with_labels_and_the_marker_outside_the_outline(built):
    tex = read(built["latex"], "chapters.tex")
    episode = tex[tex.index(r"\section{Episode}"):tex.index(r"\section{Sources}")]
    assert re.findall(r"\\subsection\{([^}]*)\}\n\\label\{\\detokenize\{episode:([^}]*)\}\}",
                      episode) == [("Introduction", "ep-ch-introduction"),
                                   ("Keystone pipelines", "ep-ch-keystone-pipelines"),
                                   (r"Questions \& answers", "ep-ch-questions-answers")]
    assert (r"\phantomsection\label{\detokenize{episode:ep-ch-sponsor}}"
            r"\subsubsection*{Sponsor}") in episode
    # Each chapter's paragraphs follow its heading, with their cue labels.
    keystone = episode.index(r"\subsection{Keystone pipelines}")
    assert keystone < episode.index(r"\label{\detokenize{episode:ep-t-00-00-20}}") < \
        episode.index(r"\subsection{Questions \& answers}")
    sources = tex[tex.index(r"\section{Sources}"):]
    # In a level-2 section, chapters are one level deeper.
    assert re.findall(r"\\subsubsection\{([^}]*)\}", sources)[:3] == \
        ["Welcome", "Identity", "Mail bag"]


def test_text_man_and_texinfo_show_chapter_headings(built):
    text = read(built["text"], "episode.txt")
    assert "Keystone pipelines\n==================\n\n00:20 **Ann**: Keystone" in text
    assert "-[ Sponsor ]-" in text
    man = next(p for p in built["man"].outdir.iterdir() if p.suffix == ".1").read_text()
    assert ".SS Keystone pipelines" in man
    texinfo = read(built["texinfo"], "transcript-chapters.texi")
    assert re.search(r"@node Keystone pipelines,[^\n]*\n"
                     r"@anchor\{episode ep-ch-keystone-pipelines\}[^\n]*\n"
                     r"@section Keystone pipelines", texinfo)


def test_intersphinx_links_to_chapters_of_another_project(build_root, tmp_path):
    other = build_root("transcript-chapters")
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        'extensions = ["sphinx.ext.intersphinx", "sphinxcontrib_transcript"]\n'
        f"intersphinx_mapping = {{'chapters': ('https://chapters.example/', "
        f"{str(other.outdir / 'objects.inv')!r})}}\n"
    )
    (srcdir / "index.rst").write_text(
        "Elsewhere\n=========\n\n"
        "By slug: :transcript:`ep#keystone-pipelines`. By title: "
        ":transcript:`ep#Questions & answers`. Named: :transcript:`there <ep-vtt#mail-bag>`."
        "\n\nUnknown: :transcript:`ep#nowhere`.\n"
    )
    app = build_once(srcdir, freshenv=True)
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a class="reference external" href="([^"]+)" title="\(in '
                       r'transcript-chapters v1\.0\)"><span[^>]*>([^<]+)</span>', html)
    assert links == [
        ("https://chapters.example/episode.html#ep-ch-keystone-pipelines", "Keystone pipelines"),
        ("https://chapters.example/episode.html#ep-ch-questions-answers",
         "Questions &amp; answers"),
        ("https://chapters.example/sources.html#ep-vtt-ch-mail-bag", "there"),
    ]
    (warning,) = warnings(app).splitlines()
    assert "unknown transcript 'ep' in reference 'ep#nowhere'" in warning
    assert "check the chapter in its objects.inv" in warning
    assert warning.endswith("[transcript.ref]")


def test_myst_pages_get_chapter_sections(tmp_path, rootdir):
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    for name in ("talk.vtt", "talk.chapters.json"):
        (srcdir / name).write_bytes((rootdir / "test-transcript-chapters" / name).read_bytes())
    (srcdir / "conf.py").write_text('extensions = ["myst_parser", "sphinxcontrib_transcript"]\n')
    (srcdir / "index.md").write_text("# Episode\n\n```{transcript} talk.vtt\n:name: ep\n```\n\n"
                                     "## After\n\n- A list:\n\n  ```{transcript} talk.vtt\n"
                                     "  :name: listed\n  ```\n")
    app = build_once(srcdir)
    html = read(app, "index.html")
    assert re.findall(r'<section class="transcript-chapter" id="([^"]+)">\s*<h2>', html) == [
        "ep-ch-introduction", "ep-ch-keystone-pipelines", "ep-ch-questions-answers"]
    assert '<p class="transcript-chapter-marker rubric" id="listed-ch-introduction">' in html
    (warning,) = warnings(app).splitlines()
    assert "sections cannot go inside list_item" in warning


def test_a_parallel_build_merges_the_chapters(build_root):
    app = build_root("transcript-chapters", parallel=2)
    assert warnings(app) == ""
    index = read(app, "index.html")
    assert 'href="episode.html#ep-ch-keystone-pipelines"><span class="xref transcript">' \
        "Keystone pipelines</span>" in index
    with open(app.outdir / "objects.inv", "rb") as stream:
        inventory = InventoryFile.load(stream, "", lambda base, uri: uri)
    assert len(inventory["transcript:chapter"]) == 12


def test_timestamps_in_chapters_link_to_the_hosted_video_in_latex(tmp_path, rootdir):
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    for name in ("talk.vtt", "talk.chapters.json"):
        (srcdir / name).write_bytes((rootdir / "test-transcript-chapters" / name).read_bytes())
    (srcdir / "conf.py").write_text('project = "hosted"\n'
                                    'extensions = ["sphinxcontrib_transcript"]\n')
    (srcdir / "index.rst").write_text(
        "Talk\n====\n\n.. transcript:: talk.vtt\n   :name: ep\n"
        "   :media: https://www.youtube.com/watch?v=dQw4w9WgXcQ\n")
    app = build_once(srcdir, "latex")
    tex = read(app, "hosted.tex")
    questions = tex[tex.index(r"\chapter{Questions \& answers}"):]
    assert r"\sphinxhref{https://www.youtube.com/watch?v=dQw4w9WgXcQ\&t=60s}{01:00}" in questions


def test_a_changed_chapter_file_rebuilds_its_page_and_the_links_to_it(tmp_path, rootdir):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-transcript-chapters", srcdir)
    first = build_once(srcdir, freshenv=True)
    assert 'href="episode.html#ep-ch-questions-answers"' in read(first, "index.html")
    chapters = srcdir / "talk.chapters.json"
    chapters.write_text(chapters.read_text().replace('"Questions & answers"', '"Mail bag"'))
    later = chapters.stat().st_mtime + 5
    os.utime(chapters, (later, later))
    again = build_once(srcdir)
    episode = read(again, "episode.html")
    assert 'id="ep-ch-mail-bag"' in episode and "ep-ch-questions-answers" not in episode
    # index.rst links to the old title: it is resolved again, and says so.
    assert "ep-ch-questions-answers" not in read(again, "index.html")
    (warning,) = warnings(again).splitlines()
    assert "index.rst" in warning and "has no chapter 'Questions & answers'" in warning
