"""Hostile values in every directive option, in references and in paths.

``tests/test_sphinx_hostile.py`` covers hostile transcript *content* and a few
options; this build (``tests/roots/test-transcript-hostile-options``) puts a
``javascript:`` or ``data:`` value in each option of the ``transcript``
directive in turn, ``vbscript:``, protocol-relative, host-less and
mixed-case URLs and a symlink out of the source directory in ``:media:``,
``/etc/passwd`` as a transcript path two ways, and hostile ``:transcript:``
references.  Each mistake is one typed warning at its directive's line that
says what to write, the build finishes, and the whole page (not only the
transcripts) has no script, event handler or dangerous URL of ours.
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser

import pytest

from .sphinx_util import read, scan, warnings
from .test_sphinx_hostile import ALLOWED

# What a browser would run or load from an attribute: a dangerous scheme (with
# any case and leading blanks) or a protocol-relative URL to another host.
DANGEROUS = re.compile(r"^[\s\x00-\x20]*(?:javascript|vbscript|data|file):|^\s*//", re.I)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "srcset", "xlink:href"}


def outside(srcdir):
    """A media file outside the source directory and a symlink inside that points to it."""
    (srcdir.parent / "outside.wav").write_bytes(b"RIFF")
    os.symlink("../../outside.wav", srcdir / "data" / "link.wav")


@pytest.fixture(scope="module")
def app(build_root):
    return build_root("transcript-hostile-options", setup=outside)


@pytest.fixture(scope="module")
def html(app):
    return read(app, "index.html")


class Page(HTMLParser):
    """Every element of the page with its attributes, and inline script bodies."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.scripts.append(data)


def located(app) -> list[tuple[int, str, str]]:
    """(line, [type.subtype], message) of each warning."""
    found = []
    for line in warnings(app).splitlines():
        match = re.match(r"\S+?index\.rst:(\d+): WARNING: (.*) \[(transcript\.[a-z-]+)\]$", line)
        assert match, line
        found.append((int(match[1]), match[3], match[2]))
    return found


def test_the_build_finishes(app):
    assert app.statuscode == 0


@pytest.mark.parametrize(
    ("line", "kind", "says", "advice"),
    [
        (26, "directive", "\"javascript:alert('language')\" is not a language tag",
         "write one such as 'en'"),
        (29, "directive", "unknown transcript format \"javascript:alert('format')\"",
         "use one of vtt, srt, txt, json"),
        (32, "directive", "unknown encoding \"javascript:alert('encoding')\"",
         "name one Python knows, such as 'utf-8'"),
        (35, "directive", "\"javascript:alert('start')\" is not a time", "write HH:MM:SS"),
        (38, "directive", "\"data:text/html,alert('end')\" is not a time", "write HH:MM:SS"),
        (41, "directive", "cannot understand \"javascript:alert('merge')\" in merge",
         "write 'none', or 'speaker'"),
        (44, "directive", "\"javascript:alert('timestamps')\" is not a :timestamps: choice",
         "write one of show, all, hide"),
        (47, "media", "media \"vbscript:msgbox('media')\" refused", "give a local file"),
        (51, "media", "media '//evil.example/a.mp3' refused", "give a local file"),
        (55, "media", "media \"https:javascript:alert('media')\" refused", "give a local file"),
        (59, "media", "media \"JaVaScRiPt:alert('media')\" refused", "give a local file"),
        (63, "media", "media 'data/link.wav' resolves outside the source directory",
         "keep media files inside the documentation sources"),
        (67, "directive", "cannot read transcript '/etc/passwd' (No such file or directory)",
         "check the path"),
        (69, "directive",
         "transcript path '../../../../../../../../etc/passwd' resolves outside the source",
         "keep transcripts inside the documentation sources"),
        (75, "ref", "transcript reference 'ok@javascript:1': 'javascript:1' is not a time",
         "write HH:MM:SS"),
        (75, "ref", "unknown transcript \"javascript:alert('role')\"",
         "give the transcript directive"),
        (75, "ref", "unknown transcript \"<script>alert('role')</script>\"",
         "give the transcript directive"),
    ],
)
def test_each_hostile_value_is_one_warning_that_says_what_to_do(app, line, kind, says, advice):
    matches = [message for at, found, message in located(app)
               if at == line and found == f"transcript.{kind}" and message.startswith(says)]
    assert len(matches) == 1, located(app)
    assert advice in matches[0]


def test_no_other_warnings(app):
    assert len(located(app)) == 17


def test_no_script_handler_or_dangerous_url_anywhere_on_the_page(html):
    page = Page()
    page.feed(html)
    for tag, attributes in page.elements:
        for name, value in attributes.items():
            assert not name.startswith("on"), (tag, name, value)
            if name in URL_ATTRIBUTES and value:
                assert not DANGEROUS.search(value), (tag, name, value)
        if tag == "script" and "src" in attributes:
            assert (attributes["src"] or "").startswith("_static/"), attributes
    # Sphinx writes an inline script of its own (the search box); none is ours.
    assert page.scripts == ["document.getElementById('searchbox').style.display = \"block\""]
    assert "<img" not in html


def test_transcripts_hold_only_what_the_extension_emits(html):
    found = scan(html)
    assert found.count == 12  # the other directives are refused
    for tag, attributes in found.elements:
        assert tag in ALLOWED and set(attributes) <= ALLOWED[tag], (tag, attributes)
        if tag == "section":
            assert re.fullmatch(r"[a-z0-9-]+", attributes["id"] or ""), attributes
            assert all(re.fullmatch(r"[a-z0-9-]+", name)
                       for name in (attributes["class"] or "").split()), attributes


def test_hostile_names_and_classes_become_plain_ids_and_classes(html):
    assert 'id="javascript-alert-name"' in html
    assert 'id="data-text-html-script-alert-name-script"' in html
    assert 'class="transcript javascript-alert-class"' in html
    # The name is text in the label, escaped.
    assert 'aria-label="Transcript: data:text/html,&lt;script&gt;alert(\'name\')&lt;/script&gt;"' \
        in html


def test_renamed_speakers_and_download_labels_are_text(html):
    text = "".join(scan(html).text)
    assert "javascript:alert('speakers'):" in text
    assert "<script>alert('speakers')</script>:" in text
    assert "data:text/html,PHNjcmlwdD4:" in text
    assert "javascript:alert('download')" in text
    assert "<strong>&lt;script&gt;alert('speakers')&lt;/script&gt;</strong>" in html


def test_references_with_hostile_targets_are_text_or_local_links(html):
    # Smart quotes apply to reference text, as to any text.
    assert '<span class="xref transcript">&lt;script&gt;alert(‘role’)&lt;/script&gt; 00:00:01' \
        in html
    assert '<span class="xref transcript">javascript:alert(‘role’) 00:00:01' in html
    assert re.search(r'<a class="reference internal" href="#ok-t-00-00-01">'
                     r'<span class="xref transcript">data:text/html,x</span></a>', html)


def test_refused_files_never_reach_the_output(app, html):
    assert "root:" not in html  # no line of /etc/passwd
    assert html.count("<audio") == 1  # the one good :media:
    copied = sorted(path.name for path in (app.outdir / "_downloads").rglob("*") if path.is_file())
    assert copied == ["talk.vtt", "talk.wav"]
