"""The baseline: accept today's problems, catch new ones, notice fixed ones.

Run on copies of real talk-python transcripts with known defects (see
``tests/data/talk-python``), with the real rule catalog.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sphinxcontrib_transcript.cli import main
from sphinxcontrib_transcript.lint import Problem
from sphinxcontrib_transcript.lint.baseline import Baseline, contents, normalise

from .conftest import CORPUS

VTT = "214-Python-3-8-and-beyond.vtt"  # overlaps at lines 1338 and 3225
TXT = "484-from-react-to-a-django-htmx-based-stack.txt"  # out of order at 683 and 1487


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two dirty transcripts under ``talks/``, the baseline named in the configuration."""
    (tmp_path / "talks").mkdir()
    for name in (VTT, TXT):
        shutil.copy(CORPUS / name, tmp_path / "talks" / name)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.transcript-lint]\nbaseline = "lint-baseline.json"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def insert(path: Path, before_line: int, text: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[before_line - 1 : before_line - 1] = text.split("\n")
    path.write_text("\n".join(lines), encoding="utf-8")


def test_written_baseline_hides_todays_problems(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "--write-baseline", "lint-baseline.json", "talks")
    assert status == 0
    assert "recorded 4 problems in 2 files in lint-baseline.json" in err
    document = json.loads((repo / "lint-baseline.json").read_text(encoding="utf-8"))
    assert document["version"] == 1
    assert document["files"][f"talks/{TXT}"]["cue-order"] == {
        # cue-order names the cue pasted too high (line 681), not the one below it.
        "00:28:23 the moment. I have a one that I created for a Jinja card Jinja partials "
        "and also a chameleon": 1,
        "00:51:28 it's priced in dollars. Yeah. So you guys can have a discount code, "
        "talk_Python, talk underscore": 1,
    }
    # The configuration names the baseline: no argument needed, as in a pre-commit hook.
    assert run(capsys, "talks") == (0, "", "4 known problems not shown (in the baseline)\n")
    # Without it, they are all there.
    (repo / "plain.toml").write_text("", encoding="utf-8")
    status, out, _ = run(capsys, "--config", "plain.toml", "talks")
    assert status == 1 and out.count("\n") == 4


def test_baseline_file_is_sorted_and_stable(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "--write-baseline", "lint-baseline.json", "talks")
    first = (repo / "lint-baseline.json").read_bytes()
    run(capsys, "--write-baseline", "lint-baseline.json", f"talks/{TXT}", f"talks/{VTT}")
    assert (repo / "lint-baseline.json").read_bytes() == first
    text = first.decode("utf-8")
    assert text.endswith("}\n") and text.count("\n") > 10  # one entry per line
    document = json.loads(text)
    assert list(document) == sorted(document)
    assert list(document["files"]) == sorted(document["files"])


def test_identity_survives_lines_inserted_above(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "--write-baseline", "lint-baseline.json", "talks")
    insert(repo / "talks" / VTT, 3, "\n\n")
    insert(repo / "talks" / TXT, 1, "\n\n\n\n")
    assert run(capsys, "talks")[0] == 0


def test_a_new_defect_of_a_baselined_rule_is_reported(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "--write-baseline", "lint-baseline.json", "talks")
    # A cue pasted too high in the file that already has cue-order problems.
    insert(repo / "talks" / TXT, 21, "00:02:00 A line pasted in the wrong place.\n")
    status, out, err = run(capsys, "talks")
    assert status == 1
    assert out.count("\n") == 1 and f"talks/{TXT}:" in out and "[cue-order]" in out
    assert "4 known problems not shown" in err


def test_a_repeated_key_beyond_its_count_is_new(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "--write-baseline", "lint-baseline.json", "talks")
    # The same out-of-order "Yeah." line once more, a few lines below the first.
    insert(repo / "talks" / TXT, 691, "00:28:17 Yeah.\n")
    status, out, _ = run(capsys, "talks")
    assert status == 1
    assert [line.split(": ", 1)[0] for line in out.splitlines()] == [f"talks/{TXT}:691:1"]


def test_stale_entries_are_a_notice_pruned_by_writing_again(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "--write-baseline", "lint-baseline.json", "talks")
    path = repo / "talks" / TXT
    # Fix the first cue-order problem: the line above "Yeah." had a wrong time.
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("00:28:23 the moment", "00:28:16 the moment"), encoding="utf-8")
    status, out, err = run(capsys, "talks")
    assert (status, out) == (0, "")
    assert (
        "transcript-lint: notice: lint-baseline.json: 1 baseline entry no longer found "
        f"(fixed?): talks/{TXT} [cue-order] '00:28:23 the moment. I have a one that I "
        "created for a Ji...'; prune them with "
        "--write-baseline lint-baseline.json\n"
    ) in err
    assert run(capsys, "--strict", "--select", "cue-order", "talks")[0] == 1
    status, _, err = run(capsys, "--write-baseline", "lint-baseline.json", "talks")
    assert "1 stale entry pruned" in err
    assert "notice" not in run(capsys, "talks")[2]


def test_only_files_linted_are_judged_stale(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "--write-baseline", "lint-baseline.json", "talks")
    # A hook passes only the files changed: the other's entries are not stale.
    assert run(capsys, f"talks/{VTT}")[2] == "2 known problems not shown (in the baseline)\n"
    # Writing from one file keeps the other's entries; a deleted file's go.
    run(capsys, "--write-baseline", "lint-baseline.json", f"talks/{VTT}")
    files = json.loads((repo / "lint-baseline.json").read_text(encoding="utf-8"))["files"]
    assert set(files) == {f"talks/{VTT}", f"talks/{TXT}"}
    (repo / "talks" / TXT).unlink()
    status, _, err = run(capsys, f"talks/{VTT}")
    assert status == 0 and "2 baseline entries no longer found" in err, err
    run(capsys, "--write-baseline", "lint-baseline.json", f"talks/{VTT}")
    files = json.loads((repo / "lint-baseline.json").read_text(encoding="utf-8"))["files"]
    assert set(files) == {f"talks/{VTT}"}


def test_paths_are_relative_to_the_baseline_from_anywhere(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "--write-baseline", "lint-baseline.json", "talks")
    monkeypatch.chdir(repo / "talks")
    assert run(capsys, TXT, VTT)[0] == 0
    assert run(capsys, "--baseline", "../lint-baseline.json", str(repo / "talks"))[0] == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "not a baseline (invalid JSON"),
        ('{"version": 7, "files": {}}', "not a transcript-lint baseline of version 1"),
        ('{"version": 1, "files": {"a.vtt": {"cue-order": {"x": "2"}}}}',
         "must map file -> rule -> line -> count"),
    ],
)
def test_a_bad_baseline_is_a_usage_error(
    repo: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    (repo / "lint-baseline.json").write_text(content, encoding="utf-8")
    status, out, err = run(capsys, "talks")
    assert (status, out) == (2, "")
    assert err.startswith("transcript-lint: error: lint-baseline.json: ") and message in err
    assert "Traceback" not in err


def test_a_configured_baseline_not_written_yet_shows_everything(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "talks")
    assert status == 1 and out.count("\n") == 4
    assert (
        "transcript-lint: notice: lint-baseline.json (the configuration's baseline) does not "
        "exist yet; write it with --write-baseline lint-baseline.json\n"
    ) in err


def test_a_missing_baseline_given_on_the_command_line_is_an_error(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "--baseline", "nope.json", "talks")
    assert (status, out) == (2, "")
    assert err == (
        "transcript-lint: error: nope.json: baseline file not found; create it with "
        "`transcript-lint --write-baseline nope.json PATHS`\n"
    )


def test_write_baseline_refuses_fix_and_baseline(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--write-baseline", "b.json", "--fix", "talks")[0] == 2
    assert run(capsys, "--write-baseline", "b.json", "--baseline", "c.json", "talks")[0] == 2
    assert not (repo / "b.json").exists()


def test_keys_are_the_normalised_line_content() -> None:
    data = b"WEBVTT\n\n00:00:01.000 -->   00:00:01.000\n  you   know,\t\n"
    problems = [
        Problem("a.vtt", 3, 1, "zero-duration", "warning", "m"),
        Problem("a.vtt", 4, 3, "duplicate-adjacent", "warning", "m"),
        Problem("a.vtt", 99, 1, "final-newline", "warning", "m"),
    ]
    assert contents(problems, data) == ["00:00:01.000 --> 00:00:01.000", "you know,", ""]
    assert normalise(" a \u00a0 b ") == "a b"


def test_io_errors_are_never_recorded(tmp_path: Path) -> None:
    baseline = Baseline(str(tmp_path / "b.json"))
    problems = [
        Problem(str(tmp_path / "a.vtt"), 1, 1, "io-error", "error", "cannot read"),
        Problem(str(tmp_path / "a.vtt"), 3, 1, "cue-order", "error", "m"),
    ]
    assert baseline.record(problems, ["", "x"], []) == 1
    assert baseline.entries == {"a.vtt": {"cue-order": {"x": 1}}}
    new, stale = baseline.filter(problems, ["", "x"], [str(tmp_path / "a.vtt")])
    assert new == problems[:1] and stale == []


def test_baseline_with_worker_processes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--write-baseline", "lint-baseline.json", "--jobs", "2", "talks")
    first = (repo / "lint-baseline.json").read_bytes()
    run(capsys, "--write-baseline", "lint-baseline.json", "talks")
    assert (repo / "lint-baseline.json").read_bytes() == first
    insert(repo / "talks" / VTT, 3, "\n\n")
    assert run(capsys, "--jobs", "2", "talks") == (
        0, "", "4 known problems not shown (in the baseline)\n")
