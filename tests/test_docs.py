"""The documentation site: it builds with ``-W``, and it says what the code does.

The docs are built once per session for HTML and once for LaTeX, the way the
README's main command builds them (``sphinx-build -W -b html docs OUT``, in
a fresh process, into a temporary directory).  The tests then check the
built pages against the code and the repository: a page per rule in the
registry, every hook id and every command-line option, the demo's player and
anchors, and the README's commands against what CI runs.
"""

from __future__ import annotations

import html
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import sphinxcontrib_transcript as st
from sphinxcontrib_transcript import cli
from sphinxcontrib_transcript.lint.ruledocs import summary_line
from sphinxcontrib_transcript.lint.rules import RULES
from sphinxcontrib_transcript.sphinxext.directive import TranscriptDirective
from sphinxcontrib_transcript.sphinxext.moments import Moment, pick
from sphinxcontrib_transcript.sphinxext.render import assign_anchors

from .sphinx_util import pdf_link_annotations

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DATA = ROOT / "tests" / "data" / "talk-python"
EPISODE = "033-openstack-cloud-computing-built-on-python"
# The README's main command, verbatim: a fresh clone runs exactly this.
MAIN_COMMAND = (
    "python3 -m venv .venv && .venv/bin/pip install -e '.[docs]' && "
    ".venv/bin/transcript-lint docs/examples && "
    ".venv/bin/sphinx-build -W -b html docs docs/_build/html"
)
TEST_COMMAND = "bash tests/run-all.sh"


def sphinx_build(builder: str, srcdir: Path, outdir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", builder,
         str(srcdir), str(outdir)],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=900,
        env={**os.environ, "NO_COLOR": "1"},
    )


@pytest.fixture(scope="session")
def html_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("docs-html")
    result = sphinx_build("html", DOCS, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out, result.stderr


@pytest.fixture(scope="session")
def latex_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("docs-latex")
    result = sphinx_build("latex", DOCS, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out, result.stderr


def page(out: Path, name: str) -> str:
    return (out / name).read_text(encoding="utf-8")


def text_of(markup: str) -> str:
    """The visible text of an HTML page (scripts and tags removed)."""
    markup = re.sub(r"<(script|style)\b.*?</\1>", "", markup, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


# docutils' smart quotes, undone, so that text from docstrings can be found.
_SMART = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


def words(text: str) -> str:
    """*text* with its whitespace collapsed and its quotes straight."""
    return " ".join(text.split()).translate(_SMART)


@pytest.fixture(scope="session")
def site_text(html_build: tuple[Path, str]) -> str:
    out, _ = html_build
    return "\n".join(text_of(path.read_text(encoding="utf-8"))
                     for path in sorted(out.rglob("*.html")))


# -- the builds ---------------------------------------------------------------------------


def test_html_build_passes_with_warnings_as_errors(html_build):
    out, stderr = html_build
    assert "WARNING" not in stderr and "ERROR" not in stderr, stderr
    assert (out / "index.html").is_file()


def test_latex_build_passes_with_warnings_as_errors(latex_build):
    out, stderr = latex_build
    assert "WARNING" not in stderr and "ERROR" not in stderr, stderr
    tex = page(out, "sphinxcontrib-transcript.tex")
    # Role links into the episode are PDF links to the cue's label.
    keystone = cue_anchor(DOCS / "demo" / f"{EPISODE}.vtt", "ep33", 28 * 60_000 + 40_000)
    assert f"\\hyperref[\\detokenize{{demo/episode-033:{keystone}}}]" in tex
    assert f"\\label{{\\detokenize{{demo/episode-033:{keystone}}}}}" in tex


def test_the_docs_pdf_compiles_with_its_transcripts_and_links(latex_build):
    """latexmk turns the LaTeX build into a PDF (the characters pdflatex has no glyph
    for are drawn by docs/conf.py's preamble); poppler reads it back."""
    out, _ = latex_build
    result = subprocess.run(
        ["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error",
         "sphinxcontrib-transcript.tex"],
        cwd=out, capture_output=True, text=True, check=False, timeout=600,
    )
    assert result.returncode == 0, result.stdout[-4000:]
    pdf = out / "sphinxcontrib-transcript.pdf"
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    # The demo's clip and the hour-long episode, with their timestamps and words.
    assert "Ben: 00:15 And the same transcript builds into a PDF, with working links." in text
    assert "28:40 If we start from top to bottom" in text  # the cue "Keystone" links to
    assert "U+FFFD REPLACEMENT CHARACTER" in text
    tex = page(out, "sphinxcontrib-transcript.tex")
    internal, external = pdf_link_annotations(pdf)
    # Every \hyperref (timestamps, role links, references) and URL is a live link.
    assert internal >= tex.count("\\hyperref[") > 300
    urls = subprocess.run(["pdfinfo", "-url", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    assert "https://github.com/mikeckennedy/talk-python-transcripts" in urls
    assert external >= 1


def test_every_page_is_in_the_toctree_and_the_toctree_has_the_benchmarks(html_build):
    out, _ = html_build
    index = page(out, "index.html")
    for name in ("getting-started", "demo/index", "formats", "rules/index", "reference/cli",
                 "reference/configuration", "reference/sphinx", "reference/api",
                 "changelog", "contributing", "benchmarks"):
        assert f'href="{name}.html"' in index, name


# -- the demo -------------------------------------------------------------------------------


def cue_anchor(path: Path, name: str, ms: int) -> str:
    """The anchor of the cue of *path* shown as the second *ms* (the role's rule)."""
    cues = st.load(path).cues
    anchors = assign_anchors(cues, name)
    return anchors[pick([cue.start_ms for cue in cues], Moment(ms, whole=True))]


def test_demo_page_has_the_player_and_an_anchor_per_cue(html_build):
    out, _ = html_build
    demo = page(out, "demo/index.html")
    player = re.search(r'<audio class="transcript-player"[^>]*src="([^"]+)"', demo)
    assert player is not None
    assert player[1].endswith("/demo-clip.ogg")
    copied = (out / "demo" / player[1]).resolve()
    assert copied.read_bytes() == (DOCS / "demo" / "demo-clip.ogg").read_bytes()
    assert re.search(r'<script [^>]*src="\.\./_static/transcript\.js', demo)
    clip = st.load(DOCS / "demo" / "demo-clip.vtt")
    anchors = assign_anchors(clip.cues, "clip")
    assert len(anchors) == 6
    for anchor, cue in zip(anchors, clip.cues, strict=True):
        assert f'id="{anchor}"' in demo
        assert f'href="#{anchor}"' in demo  # :timestamps: all: every cue's time is a link
        assert cue.plain_text in text_of(demo)
    assert "Ann" in text_of(demo) and "Ben" in text_of(demo)


def test_demo_page_has_the_clip_word_by_word(html_build):
    out, _ = html_build
    demo = page(out, "demo/index.html")
    timed = re.findall(r'<span class="transcript-cue" id="words-t-[^"]+"[^>]* data-w="([^"]+)"',
                       demo)
    words = st.load(DOCS / "demo" / "demo-words.vtt").cues
    assert [len(steps.split()) for steps in timed] == [len(c.plain_text.split()) for c in words]
    assert re.search(r'<script [^>]*src="\.\./_static/transcript-words\.js', demo)


@pytest.mark.parametrize(("suffix", "name", "document"), [
    ("vtt", "ep33", "episode-033"),
    ("txt", "ep33-text", "episode-033-text"),
])
def test_the_episode_is_rendered_with_an_anchor_for_every_cue(html_build, suffix, name,
                                                              document):
    out, _ = html_build
    built = page(out, f"demo/{document}.html")
    cues = st.load(DOCS / "demo" / f"{EPISODE}.{suffix}").cues
    assert len(cues) > 800
    ids = set(re.findall(r'id="([^"]+)"', built))
    assert set(assign_anchors(cues, name)) <= ids
    # Readable paragraphs: far fewer paragraphs than cues, each with its time.
    paragraphs = re.findall(r'<p class="transcript-paragraph', built)
    assert 20 < len(paragraphs) < len(cues) / 2


def test_role_links_from_the_demo_reach_the_cue_of_each_moment(html_build):
    out, _ = html_build
    demo = page(out, "demo/index.html")
    vtt, txt = DOCS / "demo" / f"{EPISODE}.vtt", DOCS / "demo" / f"{EPISODE}.txt"
    for path, name, document, moment in [
        (vtt, "ep33", "episode-033", "00:28:40"),
        (vtt, "ep33", "episode-033", "00:18:54"),
        (txt, "ep33-text", "episode-033-text", "00:42:00"),
    ]:
        h, m, s = map(int, moment.split(":"))
        anchor = cue_anchor(path, name, ((h * 60 + m) * 60 + s) * 1000)
        assert f'href="{document}.html#{anchor}"' in demo, (moment, anchor)


_ROLE = re.compile(r":transcript:`(?:[^`<]*<)?([^`<>]+)>?`")
_ROLE_LINK = re.compile(
    r'<a class="reference internal" href="([^"]*)"><span class="xref transcript">')


def test_every_role_link_of_the_demo_lands_on_the_cue_shown_with_its_time(html_build):
    """A reader who copies the time a page shows lands on the cue that shows it."""
    out, _ = html_build
    checked = 0
    for source in sorted((DOCS / "demo").glob("*.rst")):
        targets = _ROLE.findall(source.read_text(encoding="utf-8"))
        built = page(out, f"demo/{source.stem}.html")
        links = _ROLE_LINK.findall(built)
        assert len(links) == len(targets), (source.name, links, targets)
        for target, href in zip(targets, links, strict=True):
            when = target.rpartition("@")[2]
            document, _, anchor = href.partition("#")
            shown = page(out, f"demo/{document}") if document else built
            if "#" in target:  # a chapter: its section
                assert f'<section class="transcript-chapter" id="{anchor}">' in shown, target
                checked += 1
                continue
            cue = re.search(rf'<span class="transcript-cue" id="{anchor}" data-start="([\d.]+)"',
                            shown)
            assert cue is not None, (target, href)
            start = float(cue[1])
            h, m, s = when.split(":")
            moment = (int(h) * 60 + int(m)) * 60 + float(s)
            if "." in when:  # to the millisecond: the cue playing then
                assert start <= moment, (target, start)
            else:  # to the second: the cue that starts in it, shown with that time
                assert int(start) == moment, (target, start)
                assert anchor.endswith(f"-t-{h}-{m}-{s}"), (target, anchor)
            time_link = re.search(rf'href="#{anchor}">([\d:]+)</a>', shown)
            if time_link is not None:  # the cue starts a paragraph, or shows every time
                second = int(moment)
                assert time_link[1] in (f"{second // 60:02d}:{second % 60:02d}",
                                        f"{second // 3600}:{second // 60 % 60:02d}:"
                                        f"{second % 60:02d}"), (target, time_link[1])
            checked += 1
    assert checked >= 6


def test_demo_shows_the_real_lint_warnings_of_the_episode(html_build):
    out, _ = html_build
    shown = text_of(page(out, "demo/index.html"))
    for problem in lint(f"{EPISODE}.vtt", f"{EPISODE}.txt", cwd=DOCS / "demo")[1].splitlines():
        assert problem in shown
    assert shown.count("[zero-duration]") == 6


def test_conf_switches_off_only_what_the_episode_has():
    """The build accepts the episode's known warnings and nothing more."""
    import runpy

    conf = runpy.run_path(str(DOCS / "conf.py"))
    ignores = conf["transcript_lint_config"]["per-file-ignores"]
    assert list(ignores) == [f"demo/{EPISODE}.*"]
    _, output = lint(f"{EPISODE}.vtt", f"{EPISODE}.txt", cwd=DOCS / "demo")
    found = set(re.findall(r"^\S+:\d+:\d+: \w+ \[([a-z0-9-]+)\]", output, flags=re.M))
    assert found == set(ignores[f"demo/{EPISODE}.*"]) == {"zero-duration", "duplicate-adjacent"}
    # The one error is the zero-length "Uh," that no player shows.
    assert re.findall(r"^\S+:(\d+):\d+: error \[([a-z-]+)\]", output, flags=re.M) == [
        ("2577", "zero-duration"),
    ]


def test_demo_files_match_their_sources():
    """The episode is the test data's copy; the clip's other formats are the writers' output."""
    for suffix in ("vtt", "txt"):
        assert (DOCS / "demo" / f"{EPISODE}.{suffix}").read_bytes() == \
            (DATA / f"{EPISODE}.{suffix}").read_bytes()
    assert (DOCS / "demo" / "LICENSE").read_bytes() == (DATA / "LICENSE").read_bytes()
    for name in ("000_tptm_introducing_the_show.vtt", "000_tptm_introducing_the_show.txt",
                 "LICENSE"):
        assert (DOCS / "examples" / name).read_bytes() == (DATA / name).read_bytes()
    sys.path.insert(0, str(DOCS / "demo"))
    try:
        import importlib

        convert = importlib.import_module("convert-clip")
    finally:
        sys.path.remove(str(DOCS / "demo"))
    converted = convert.converted()
    assert sorted(converted) == ["demo-clip.json", "demo-clip.srt", "demo-clip.txt"]
    for name, text in converted.items():
        assert (DOCS / "demo" / name).read_text(encoding="utf-8") == text, name


# -- the reference -----------------------------------------------------------------------------


def test_every_rule_in_the_registry_has_its_page(html_build):
    out, _ = html_build
    index = page(out, "rules/index.html")
    for rule_id, module in RULES.items():
        built = page(out, f"rules/{rule_id}.html")
        shown = text_of(built)
        assert words(summary_line(module)) in words(shown), rule_id
        assert f"transcript-lint --select {rule_id}" in shown
        assert f"[{rule_id}]" in shown  # the failing example's real output
        assert f"[tool.transcript-lint.rules.{rule_id}]" in shown
        for option in module.OPTIONS:
            assert f"{option} = " in shown, (rule_id, option)
        assert f'href="{rule_id}.html' in index
    # No page for a rule that does not exist (stale stubs are removed).
    built_rules = {path.stem for path in (out / "rules").glob("*.html")} - {"index"}
    assert built_rules == set(RULES)


def test_rule_pages_say_level_default_fix_and_presets(html_build):
    out, _ = html_build
    overlap = words(text_of(page(out, "rules/cue-overlap.html")))
    assert "Level: error" in overlap and "On by default: yes" in overlap
    assert "unsafe, applied by --unsafe-fixes only" in overlap
    speed = words(text_of(page(out, "rules/reading-speed.html")))
    assert "On by default: no" in speed
    assert "netflix: on, max-cps = 20.0" in speed
    assert "subtitle-edit: on, max-cps = 25.0" in speed


def test_rule_ids_in_text_link_to_their_pages(html_build):
    out, _ = html_build
    formats = page(out, "formats.html")
    for rule_id in ("untimed-line", "srt-index", "json-schema", "orphan-identifier"):
        assert f'href="rules/{rule_id}.html#rule-{rule_id}"' in formats, rule_id


def test_every_hook_id_is_in_the_docs(site_text):
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    ids = [hook["id"] for hook in hooks]
    assert ids
    for hook_id in ids:
        assert hook_id in site_text, hook_id


def test_every_cli_option_is_in_the_docs(html_build, site_text):
    out, _ = html_build
    reference = page(out, "reference/cli.html")
    options = [flag for action in cli.build_parser()._actions for flag in action.option_strings]
    assert "--format" in options and "--explain" in options
    for flag in options:
        assert f'id="cmdoption-transcript-lint-{flag.lstrip("-")}"' in reference, flag
        assert flag in site_text


def test_every_directive_option_and_config_value_is_documented(html_build, tmp_path):
    out, _ = html_build
    reference = page(out, "reference/sphinx.html")
    for option in TranscriptDirective.option_spec:
        assert f'id="directive-option-transcript-{option}"' in reference, option
    for name in registered_config_values(tmp_path):
        assert f'id="confval-{name}"' in reference, name
    assert 'id="directive-transcript"' in reference and 'id="role-transcript"' in reference


def registered_config_values(tmp_path: Path) -> list[str]:
    """The ``transcript_`` config values a real Sphinx application has after setup."""
    from sphinx.testing.util import SphinxTestApp

    (tmp_path / "conf.py").write_text('extensions = ["sphinxcontrib_transcript"]\n')
    (tmp_path / "index.rst").write_text("Title\n=====\n")
    app = SphinxTestApp("html", srcdir=tmp_path)
    try:
        names = [value.name for value in app.config if value.name.startswith("transcript_")]
    finally:
        app.cleanup()
    assert "transcript_merge" in names and "transcript_lint" in names
    return names


def test_an_undocumented_option_or_config_value_fails_the_build(tmp_path):
    """The docs extension's check: take a directive option and a config value out of
    the reference page, build, and see both named in warnings."""
    srcdir = tmp_path / "docs"
    (srcdir / "_ext").mkdir(parents=True)
    shutil.copy(DOCS / "_ext" / "transcript_docs.py", srcdir / "_ext")
    reference = (DOCS / "reference" / "sphinx.rst").read_text(encoding="utf-8")
    reference = re.sub(r"\n   \.\. rst:directive:option:: media:.*?(?=\n   \.\. )", "",
                       reference, flags=re.S)
    reference = re.sub(r"\n\.\. transcript-confval:: transcript_scroll_offset\n.*?(?=\n\S)",
                       "", reference, flags=re.S)
    assert ":: media:" not in reference and "transcript_scroll_offset" not in reference
    (srcdir / "conf.py").write_text(
        "import sys, pathlib\nsys.path.insert(0, str(pathlib.Path(__file__).parent / '_ext'))\n"
        "extensions = ['sphinxcontrib_transcript', 'transcript_docs']\n"
        "exclude_patterns = ['rules']\n"
    )
    (srcdir / "index.rst").write_text(re.sub(r":doc:`[^`]*`|:ref:`[^`]*`|:confval:`[^`]*`",
                                             "x", reference), encoding="utf-8")
    result = sphinx_build("dummy", srcdir, tmp_path / "out")
    assert result.returncode == 1
    assert "the transcript directive's :media: option is not documented" in result.stderr
    assert "config value transcript_scroll_offset is not documented" in result.stderr


# -- getting started ------------------------------------------------------------------------


def lint(*args: str, cwd: Path) -> tuple[int, str]:
    result = subprocess.run(
        [sys.executable, "-m", "sphinxcontrib_transcript", *args], cwd=cwd,
        capture_output=True, text=True, check=False, timeout=300,
    )
    return result.returncode, result.stdout


def test_getting_started_shows_real_output(html_build, tmp_path):
    out, _ = html_build
    shown = text_of(page(out, "getting-started.html"))
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    name = next(hook["name"] for hook in hooks if hook["id"] == "transcript-lint")
    head = next(line for line in shown.splitlines() if line.startswith(name + "."))
    assert head.endswith("Failed") and len(head) == 79  # pre-commit's layout
    assert "- hook id: transcript-lint\n- exit code: 1" in shown
    # The same file, linted here, says the same.
    (tmp_path / "episode.vtt").write_text(
        "WEBVTT\n\n00:00:05.000 --> 00:00:06.000\nThe second line, pasted in the wrong place."
        "\n\n00:00:01.000 --> 00:00:02.000\nThe first line.\n", encoding="utf-8")
    status, output = lint("episode.vtt", cwd=tmp_path)
    assert status == 1 and output.startswith("episode.vtt:6:1: error [cue-order]")
    assert output.strip() in shown
    status, output = lint("--format", "github", "episode.vtt", cwd=tmp_path)
    assert output.startswith("::error file=episode.vtt,line=6,col=1,title=cue-order::")
    assert "::error file=episode.txt,line=6,col=1,title=cue-order::" in shown
    # Lint on build: the Sphinx warning of a one-page project.
    assert "docs/episode.vtt:6: WARNING: error: cue starts at 00:00:01.000" in shown
    assert "[transcript.cue-order]" in shown


# -- the README ----------------------------------------------------------------------------


def readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", readme, flags=re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_readme_main_command_is_runnable():
    commands = readme_commands()
    assert MAIN_COMMAND in commands
    steps = MAIN_COMMAND.split(" && ")
    assert steps[0] == "python3 -m venv .venv"
    install = shlex.split(steps[1])
    assert install[:3] == [".venv/bin/pip", "install", "-e"] and install[3] == ".[docs]"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    docs_extra = re.search(r"^docs = \[(.*)\]$", pyproject, flags=re.M)
    assert docs_extra is not None
    assert '"sphinx>=' in docs_extra[1] and '"myst-parser' in docs_extra[1]
    assert 'transcript-lint = "sphinxcontrib_transcript.cli:run"' in pyproject
    lint_step = shlex.split(steps[2])
    assert lint_step == [".venv/bin/transcript-lint", "docs/examples"]
    assert (ROOT / "docs" / "examples").is_dir()
    build = shlex.split(steps[3])
    assert build == [".venv/bin/sphinx-build", "-W", "-b", "html", "docs", "docs/_build/html"]
    assert (ROOT / "docs" / "conf.py").is_file()


def test_the_shipped_examples_lint_clean():
    """The README says the lint step of its main command prints nothing and exits 0."""
    result = subprocess.run(
        [sys.executable, "-m", "sphinxcontrib_transcript", "docs/examples"], cwd=ROOT,
        capture_output=True, text=True, check=False, timeout=300,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert sorted(path.suffix for path in (DOCS / "examples").glob("*.*")
                  if path.suffix in (".vtt", ".txt")) == [".txt", ".vtt"]


def test_ci_runs_the_readme_test_command():
    assert TEST_COMMAND in readme_commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line.strip() for line in ci.splitlines()
                if line.strip() and not line.lstrip().startswith("#")]
    assert commands[-1] == TEST_COMMAND
    assert commands[0] == "set -euo pipefail"
    # Everything else only moves to the repository root.
    assert commands[1:-1] == ['cd "$(dirname "$0")/.."']
    assert (ROOT / "tests" / "run-all.sh").is_file()
