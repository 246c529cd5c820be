"""Helpers for the Sphinx build tests: pick transcripts out of built HTML."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

from sphinx.testing.util import SphinxTestApp


def build_once(srcdir: Path, buildername: str = "html", **options: object) -> SphinxTestApp:
    """Build *srcdir* once with a real Sphinx (status and warnings kept in memory,
    *options* as SphinxTestApp takes them), clean up, and return the app."""
    options["confoverrides"] = {"show_warning_types": True, **options.get("confoverrides", {})}
    app = SphinxTestApp(buildername, srcdir=srcdir, status=StringIO(), warning=StringIO(),
                        **options)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def read(app, name: str) -> str:
    return (Path(app.outdir) / name).read_text(encoding="utf-8")


def warnings(app) -> str:
    """The build's warnings without colour codes."""
    return re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())


class TranscriptScan(HTMLParser):
    """Collects every element and attribute inside ``<section data-transcript>``.

    ``elements`` lists ``(tag, attributes)`` in document order; ``text`` is the
    text inside transcripts; ``count`` the transcripts seen.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.count = 0
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self.depth == 0 and tag == "section" and "data-transcript" in attributes:
            self.depth = 1
            self.count += 1
            self.elements.append((tag, attributes))
            return
        if self.depth:
            self.elements.append((tag, attributes))
            if tag not in VOID:
                self.depth += 1

    def handle_startendtag(self, tag, attrs):
        if self.depth:
            self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if self.depth and tag not in VOID:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


VOID = {"br", "img", "input", "source", "track", "wbr", "hr", "meta", "link"}


def scan(html: str) -> TranscriptScan:
    parser = TranscriptScan()
    parser.feed(html)
    parser.close()
    return parser


def cue_ids(html: str) -> list[str]:
    """The ids of the cue spans, in document order."""
    return re.findall(r'<span class="transcript-cue[^"]*" id="([^"]+)"', html)


def transcript_sections(html: str) -> list[str]:
    """The HTML of each transcript ``<section>`` (transcripts do not nest)."""
    return re.findall(r"<section [^>]*data-transcript[^>]*>.*?</section>", html, re.S)


def pdf_link_annotations(pdf: Path) -> tuple[int, int]:
    """``(links within the document, links to URIs)`` among a PDF's link annotations.

    pdfTeX keeps annotations in compressed object streams: every Flate stream
    is inflated and read along with the file's plain objects.
    """
    import zlib

    data = pdf.read_bytes()
    parts = [data]
    for match in re.finditer(rb"stream\r?\n", data):
        try:
            parts.append(zlib.decompressobj().decompress(data[match.end():]))
        except zlib.error:
            continue  # not a Flate stream (an image, a font)
    annotations = re.split(rb"/Type\s*/Annot\b", b"\n".join(parts))[1:]
    links = [annotation[:400] for annotation in annotations
             if re.search(rb"/Subtype\s*/Link\b", annotation[:400])]
    internal = sum(1 for link in links if re.search(rb"/S\s*/GoTo\b|/Dest\b", link))
    external = sum(1 for link in links if re.search(rb"/S\s*/URI\b", link))
    return internal, external
