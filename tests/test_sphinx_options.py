"""Directive options that say what is wrong: ``:speakers:`` and ``:language:``.

Each test builds a real one-page project.
"""

from __future__ import annotations

import re

import pytest

from .sphinx_util import build_once, read, warnings

VTT = ("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ann>\"Hello,\" she said.\n\n"
       "00:02.000 --> 00:03.000\n<v Ben>It's Ben.\n")


def page(tmp_path, options: str, transcript: str = VTT, **settings):
    (tmp_path / "conf.py").write_text('extensions = ["sphinxcontrib_transcript"]\n')
    (tmp_path / "talk.vtt").write_text(transcript, encoding="utf-8")
    (tmp_path / "index.rst").write_text(
        f"Talk\n====\n\nBefore.\n\n.. transcript:: talk.vtt\n{options}", encoding="utf-8")
    return build_once(tmp_path, **settings)


def test_speakers_one_per_line(tmp_path):
    app = page(tmp_path, "   :speakers:\n      Ann = Anne Smith\n      Ben = Lee, Benjamin\n")
    assert warnings(app) == ""
    html = read(app, "index.html")
    assert "<strong>Anne Smith</strong>:" in html
    assert "<strong>Lee, Benjamin</strong>:" in html


def test_speakers_separated_by_semicolons(tmp_path):
    app = page(tmp_path, "   :speakers: Ann = Anne Smith; Ben = Benjamin\n")
    assert warnings(app) == ""
    html = read(app, "index.html")
    assert "<strong>Anne Smith</strong>:" in html and "<strong>Benjamin</strong>:" in html


def test_two_pairs_run_together_are_an_error_not_a_name(tmp_path):
    app = page(tmp_path, "   :speakers: Ann = Anne Smith, Ben = Benjamin\n")
    text = warnings(app)
    assert "index.rst:6: WARNING: 'Ann = Anne Smith, Ben = Benjamin' in speakers holds two " \
           "'='; separate the pairs with ';' or put one per line [transcript.directive]" in text
    assert "Anne Smith, Ben" not in read(app, "index.html")


def test_an_unknown_speaker_warns_with_the_speakers_the_file_has(tmp_path):
    app = page(tmp_path, "   :speakers: Ann=Anne Smith; Bne=Benjamin\n")
    assert re.fullmatch(
        r"\S+index\.rst:6: WARNING: speaker 'Bne' in :speakers: is not in the transcript "
        r"\(its speakers are 'Ann', 'Ben'\); check the spelling \[transcript\.directive\]\n",
        warnings(app))
    html = read(app, "index.html")
    assert "<strong>Anne Smith</strong>:" in html and "<strong>Ben</strong>:" in html


def test_an_unknown_speaker_in_a_file_without_speakers(tmp_path):
    app = page(tmp_path, "   :speakers: Ann=Anne\n",
               transcript="WEBVTT\n\n00:01.000 --> 00:02.000\nNo voices here.\n")
    assert "speaker 'Ann' in :speakers: is not in the transcript (it names no speakers)" \
        in warnings(app)


@pytest.mark.parametrize("language", ["cy", "sw", "sw-KE"])
def test_a_language_without_smart_quote_rules_builds_under_w(tmp_path, language):
    app = page(tmp_path, f"   :language: {language}\n", warningiserror=True)
    assert app.statuscode == 0 and warnings(app) == ""
    html = read(app, "index.html")
    assert re.search(rf'<section [^>]*lang="{language}"', html)
    # The text keeps the quotes it was written with.
    assert "&quot;Hello,&quot; she said." in html or '"Hello," she said.' in html
    assert "It's Ben." in html or "It&#x27;s Ben." in html


def test_a_language_docutils_knows_builds_the_same_way(tmp_path):
    app = page(tmp_path, "   :language: de\n", warningiserror=True)
    assert warnings(app) == ""
    html = read(app, "index.html")
    assert re.search(r'<section [^>]*lang="de"', html)
    assert "&quot;Hello,&quot; she said." in html
