"""Builders without a player: man, Texinfo and LaTeX/PDF lay out and link the media.

One real project (a paragraph, then a transcript with a local audio file and
a download; then one with an https URL) is built with each builder; the PDF
is compiled with latexmk and read back with poppler's pdftotext and pdfinfo.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import TESTS
from .sphinx_util import build_once, pdf_link_annotations, read, warnings

MEDIA = TESTS / "roots" / "test-transcript-basic" / "media"
PAGE = """Episode
=======

A paragraph before the transcript.

.. transcript:: talk.vtt
   :name: ep
   :media: talk.wav
   :download:

Between the two, :transcript:`Bob's thanks <ep@00:00:06>`.

.. transcript:: talk.vtt
   :name: remote
   :media: https://media.example.org/talk.mp3
"""


def project(srcdir: Path, **conf: str) -> Path:
    srcdir.mkdir(parents=True, exist_ok=True)
    settings = "".join(f"{key} = {value!r}\n" for key, value in conf.items())
    (srcdir / "conf.py").write_text(
        f'project = "offline"\nextensions = ["sphinxcontrib_transcript"]\n{settings}')
    (srcdir / "index.rst").write_text(PAGE, encoding="utf-8")
    for name in ("talk.vtt", "talk.wav"):
        shutil.copyfile(MEDIA / name, srcdir / name)
    return srcdir


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    """``{builder: app}`` for one project."""
    srcdir = project(tmp_path_factory.mktemp("offline"))
    return {builder: build_once(srcdir, builder, builddir=srcdir / "_build" / builder)
            for builder in ("man", "texinfo", "latex")}


def test_no_warnings(built):
    for builder, app in built.items():
        assert warnings(app) == "", builder


def test_man_puts_the_media_and_download_lines_in_paragraphs_of_their_own(built):
    man = read(built["man"], "offline.1")
    lines = man.splitlines()
    # The URL's line differs by Sphinx version (7.4 adds a terminal hyperlink).
    for text, also in (("Audio: talk.wav", ""), ("Download the transcript (talk.vtt)", ""),
                       ("Audio: ", "talk.mp3")):
        index = next(i for i, line in enumerate(lines) if line.startswith(text) and also in line)
        assert lines[index - 1] == ".sp", (text, lines[index - 2:index + 1])
        assert lines[index + 1] == ".sp", (text, lines[index:index + 2])


def test_texinfo_puts_the_media_and_download_lines_in_paragraphs_of_their_own(built):
    texi = read(built["texinfo"], "offline.texi")
    for text in ("Audio: talk.wav", "Download the transcript (talk.vtt)", "Audio: talk.mp3"):
        # A blank line before and after: a paragraph of its own in Texinfo.
        assert re.search(rf"\n\n{re.escape(text)}[^\n]*\n\n", texi), text
    assert "A paragraph before the transcript.\n@anchor{index ep}@anchor{1}\n\nAudio" in texi


def test_latex_links_the_media_and_the_download(built):
    tex = read(built["latex"], "offline.tex")
    local = re.search(r"Audio: \\sphinxhref\{\\_downloads/([0-9a-f]+)/talk\.wav\}\{talk\.wav\}",
                      tex)
    download = re.search(r"\\sphinxhref\{\\_downloads/([0-9a-f]+)/talk\.vtt\}"
                         r"\{Download the transcript \(talk\.vtt\)\}", tex)
    assert local and download, tex
    assert r"Audio: \sphinxhref{https://media.example.org/talk.mp3}{talk.mp3}" in tex
    out = Path(built["latex"].outdir)
    # The linked files sit beside the PDF, where the relative links point.
    assert (out / "_downloads" / local[1] / "talk.wav").read_bytes() == \
        (MEDIA / "talk.wav").read_bytes()
    assert (out / "_downloads" / download[1] / "talk.vtt").is_file()


def test_latex_links_to_the_published_html_with_html_baseurl(tmp_path):
    srcdir = project(tmp_path / "src", html_baseurl="https://docs.example.org/talks/")
    app = build_once(srcdir, "latex")
    tex = read(app, "offline.tex")
    assert re.search(r"Audio: \\sphinxhref\{https://docs\.example\.org/talks/\\_downloads/"
                     r"[0-9a-f]+/talk\.wav\}\{talk\.wav\}", tex), tex
    assert not (Path(app.outdir) / "_downloads").exists()


def test_the_pdf_compiles_with_text_timestamps_and_working_links(built):
    """latexmk makes the PDF; pdftotext reads its words, pdfinfo its link annotations."""
    out = Path(built["latex"].outdir)
    result = subprocess.run(
        ["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", "offline.tex"],
        cwd=out, capture_output=True, text=True, check=False, timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    pdf = out / "offline.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    for line in ("Audio: talk.wav", "00:01 Ann: Welcome to the show. Today we talk about anchors.",
                 "00:06 Bob: Thanks, Ann. Really.", "Download the transcript (talk.vtt)",
                 "Audio: talk.mp3", "Bob's thanks"):
        assert line in " ".join(text.replace("\u2019", "'").split()), line
    links = subprocess.run(["pdfinfo", "-url", str(pdf)], capture_output=True, text=True,
                           check=True).stdout
    uris = {line.split()[-1] for line in links.splitlines()[1:]}
    assert "https://media.example.org/talk.mp3" in uris
    assert {uri.rpartition("/")[2] for uri in uris if uri.startswith("_downloads/")} == \
        {"talk.wav", "talk.vtt"}
    for uri in uris:
        if uri.startswith("_downloads/"):
            assert (out / uri).is_file(), uri  # the link resolves beside the PDF
    internal, external = pdf_link_annotations(pdf)
    assert external == 3
    assert internal >= 6 + 1  # the six shown timestamps and the role link
