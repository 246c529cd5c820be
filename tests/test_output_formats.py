"""Output for people and CI: SARIF, JUnit, --statistics, --quiet, --output-file, and
the configuration found from each file.

SARIF is validated against the SARIF 2.1.0 JSON schema (``tests/data/sarif``,
with its licence) and JUnit XML is read back by junitparser, as CI systems
read them.  The real rule catalog runs on copies of the talk-python corpus.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema  # type: ignore[import-untyped]
import junitparser
import pytest

from sphinxcontrib_transcript.cli import main
from sphinxcontrib_transcript.lint.sarif import replacements

from .conftest import CORPUS, DATA

SCHEMA = json.loads((DATA / "sarif" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
VTT = "214-Python-3-8-and-beyond.vtt"
TXT = "484-from-react-to-a-django-htmx-based-stack.txt"
CLEAN = "000_tptm_introducing_the_show.vtt"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def corpus_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every corpus transcript, in a directory with an empty configuration."""
    for path in CORPUS.iterdir():
        if path.suffix in (".vtt", ".txt"):
            shutil.copy(path, tmp_path / path.name)
    (tmp_path / ".transcript-lint.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_sarif_is_valid_and_complete(
    corpus_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "--format", "sarif", ".")
    text_status, text, _ = run(capsys, ".")
    assert status == text_status == 1
    log = json.loads(out)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    (sarif_run,) = log["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    results = sarif_run["results"]
    assert len(results) == text.count("\n")
    for result in results:
        rule = rules[result["ruleIndex"]]
        assert rule["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning")
    overlap = next(rule for rule in rules if rule["id"] == "cue-overlap")
    assert overlap["help"]["text"].startswith(overlap["shortDescription"]["text"])
    assert "Examples" in overlap["help"]["text"] and "``" not in overlap["help"]["text"]
    first = results[0]["locations"][0]["physicalLocation"]
    line = text.splitlines()[0]
    path, row, column = line.split(":")[:3]
    assert first["artifactLocation"] == {"uri": path, "uriBaseId": "%SRCROOT%"}
    assert first["region"] == {"startLine": int(row), "startColumn": int(column)}


def test_sarif_fixes_apply_to_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    data = (b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello.  \n\n"
            b"00:00:03.000 --> 00:00:04.000\nBye.")
    Path("a b.vtt").write_bytes(data)
    log = json.loads(run(capsys, "--format", "sarif", "a b.vtt")[1])
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    results = log["runs"][0]["results"]
    by_rule = {result["ruleId"]: result for result in results}
    assert set(by_rule) == {"trailing-whitespace", "final-newline"}
    for rule_id, result in by_rule.items():
        (fix,) = result["fixes"]
        (change,) = fix["artifactChanges"]
        assert change["artifactLocation"]["uri"] == "a%20b.vtt"
        fixed = bytearray(data)
        for replacement in reversed(change["replacements"]):
            region = replacement["deletedRegion"]
            start, length = region["byteOffset"], region["byteLength"]
            inserted = replacement.get("insertedContent", {}).get("text", "").encode()
            fixed[start : start + length] = inserted
        Path("fixed.vtt").write_bytes(bytes(fixed))
        status, out, _ = run(capsys, "--select", rule_id, "fixed.vtt")
        assert (status, out) == (0, ""), rule_id
        Path("fixed.vtt").unlink()


def test_sarif_replacements_are_whole_lines() -> None:
    assert replacements(b"a\nb\nc\n", b"a\nB\nc\n") == [
        {"deletedRegion": {"byteOffset": 2, "byteLength": 2}, "insertedContent": {"text": "B\n"}},
    ]
    assert replacements(b"a\nb\n", b"a\n") == [
        {"deletedRegion": {"byteOffset": 2, "byteLength": 2}},
    ]


def test_junit_is_read_by_a_junit_consumer(
    corpus_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "--format", "junit", "-o", "report.xml", ".")
    assert (status, out) == (1, "")
    text = run(capsys, ".")[1]
    xml = junitparser.JUnitXml.fromfile(str(corpus_copy / "report.xml"))
    suites = {suite.name: suite for suite in xml}
    assert set(suites) == {path.name for path in corpus_copy.glob("*.[vt][tx]t")}
    failures = []
    for suite in suites.values():
        for case in suite:
            for result in case.result:
                assert isinstance(result, junitparser.Failure)
                failures.append(result.text)
    assert sorted(failures) == sorted(text.splitlines())
    clean = list(suites[CLEAN])
    assert len(clean) == 1 and clean[0].is_passed


@pytest.mark.parametrize("style", ["json", "sarif", "junit"])
def test_documents_are_printed_for_no_transcript(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    style: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("empty").mkdir()
    status, out, _ = run(capsys, "--format", style, "empty")
    assert status == 0
    if style == "json":
        assert out == "[]\n"
    elif style == "sarif":
        log = json.loads(out)
        jsonschema.Draft4Validator(SCHEMA).validate(log)
        assert log["runs"][0]["results"] == []
    else:
        Path("r.xml").write_text(out, encoding="utf-8")
        assert list(junitparser.JUnitXml.fromfile("r.xml")) == []


def test_statistics(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--statistics", ".")
    assert status == 1
    rows = [line.split() for line in out.splitlines()]
    assert rows[0] == ["count", "rule", "level", "fix"]
    counts = [int(row[0]) for row in rows[1:]]
    assert counts == sorted(counts, reverse=True)
    listing = run(capsys, ".")[1].splitlines()
    assert sum(counts) == len(listing)
    by_rule = {row[1]: row for row in rows[1:]}
    assert by_rule["cue-order"][2:] == ["error", "unsafe"]
    assert int(by_rule["cue-order"][0]) == sum("[cue-order]" in line for line in listing)
    assert err.startswith(f"{len(listing)} problems")
    records = json.loads(run(capsys, "--statistics", "--format", "json", ".")[1])
    assert [record["count"] for record in records] == counts
    assert records[0].keys() == {"rule", "level", "count", "fix"}


def test_quiet_shows_only_what_fails(
    corpus_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    everything = run(capsys, ".")[1].splitlines()
    status, out, err = run(capsys, "--quiet", ".")
    assert status == 1 and err == ""
    assert out.splitlines() == [line for line in everything if ": error [" in line]
    status, out, _ = run(capsys, "-q", "--strict", ".")
    assert out.splitlines() == everything
    # Fixing: nothing but the errors left, no "fixed" notes.
    status, out, err = run(
        capsys, "--fix", "-q", CLEAN, "033-openstack-cloud-computing-built-on-python.txt")
    assert (status, out, err) == (0, "", "")


def test_output_file(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = run(capsys, "--format", "json", ".")[1]
    status, out, err = run(capsys, "--format", "json", "--output-file", "out.json", ".")
    assert status == 1 and out == ""
    assert (corpus_copy / "out.json").read_text(encoding="utf-8") == expected
    assert "problems" in err  # the summary still goes to the terminal
    status, _, err = run(capsys, "-o", "no/such/dir/out.txt", ".")
    assert status == 2 and "--output-file no/such/dir/out.txt: cannot write it" in err


def test_diff_exits_1_when_errors_remain_with_nothing_to_fix(
    corpus_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "--diff", TXT)
    assert (status, out) == (1, "")
    assert f"{TXT}:681:1: error [cue-order]" in err
    assert run(capsys, "--diff", CLEAN) == (0, "", "")


# -- configuration found from each file ------------------------------------------------


@pytest.fixture
def projects(tmp_path: Path) -> Path:
    """Two projects: ``a`` ignores cue-order for its txt files, ``b`` selects only it."""
    for name, config in (
        ("a", 'per-file-ignores = { "talks/*.txt" = ["cue-order"], "gone/*" = ["empty-cue"] }\n'
              'exclude = ["drafts", "nothing-here"]\n'),
        ("b", '[tool.transcript-lint]\nselect = ["cue-order"]\n'),
    ):
        talks = tmp_path / name / "talks"
        talks.mkdir(parents=True)
        shutil.copy(CORPUS / TXT, talks / TXT)
        shutil.copy(CORPUS / VTT, talks / VTT)
        (tmp_path / name / "drafts").mkdir()
        shutil.copy(CORPUS / TXT, tmp_path / name / "drafts" / TXT)
        config_name = ".transcript-lint.toml" if name == "a" else "pyproject.toml"
        (tmp_path / name / config_name).write_text(config, encoding="utf-8")
    return tmp_path


def test_each_file_gets_the_configuration_above_it(
    projects: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(projects)
    out = run(capsys, "a", "b")[1]
    lines = out.splitlines()
    assert not any(line.startswith(f"a/talks/{TXT}") and "cue-order" in line for line in lines)
    assert any(line.startswith(f"a/talks/{VTT}") and "cue-overlap" in line for line in lines)
    assert {line.split("[")[1].split("]")[0] for line in lines if line.startswith("b/")} == {
        "cue-order"}
    # a's exclude is relative to a/: b/drafts is linted.
    assert not any(line.startswith("a/drafts/") for line in lines)
    assert any(line.startswith("b/drafts/") for line in lines)
    # The same result from anywhere: inside a project, or naming the files.
    monkeypatch.chdir(projects / "a" / "talks")
    inside = run(capsys, TXT, VTT, str(projects / "b" / "talks"))[1]
    assert sorted(inside.replace(str(projects) + "/", "").splitlines()) == sorted(
        line.replace("a/talks/", "") for line in lines if line.startswith(("a/talks", "b/talks")))


def test_verbose_names_globs_that_match_nothing(
    projects: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(projects / "a")
    err = run(capsys, "-v", ".")[2]
    source = projects / "a" / ".transcript-lint.toml"
    assert f"{source}: per-file-ignores 'gone/*' matches no file\n" in err
    assert f"{source}: exclude 'nothing-here' matches no file\n" in err
    assert "'talks/*.txt' matches no file" not in err and "'drafts' matches" not in err


def test_config_option_outside_the_repository_keeps_globs_relative_to_it(
    projects: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    monkeypatch.chdir(elsewhere)
    out = run(capsys, "--config", str(projects / "a" / ".transcript-lint.toml"),
              str(projects / "a" / "talks"))[1]
    assert "cue-overlap" in out and "cue-order" not in out
