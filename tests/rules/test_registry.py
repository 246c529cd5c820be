"""The catalog as a whole: names, constants, docs and examples of every rule."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

import pytest

import sphinxcontrib_transcript
from sphinxcontrib_transcript.lint import rules
from sphinxcontrib_transcript.lint.base import Option
from sphinxcontrib_transcript.lint.config import ConfigError, check_option
from sphinxcontrib_transcript.lint.engine import lint_bytes
from sphinxcontrib_transcript.lint.presets import PRESETS
from sphinxcontrib_transcript.model import FORMATS, LEVELS
from sphinxcontrib_transcript.readers.discover import chapters_stem

from .conftest import check, fix

PACKAGE = Path(sphinxcontrib_transcript.__file__).parent
MODULES = list(rules.RULES.values())
ids = pytest.mark.parametrize("rule", MODULES, ids=[module.ID for module in MODULES])

#: The IDs the issue requires, by group.
REQUIRED = {
    "invalid-utf8", "utf8-bom", "mixed-line-endings", "final-newline", "trailing-whitespace",
    "control-character", "replacement-character", "bidi-control", "mojibake", "merge-conflict",
    "vtt-signature", "vtt-header", "bad-timing-line", "bad-timestamp", "missing-blank-line",
    "orphan-identifier", "duplicate-cue-id", "cue-setting", "cue-markup", "srt-index",
    "untimed-line", "json-schema", "no-cues", "cue-order", "cue-overlap", "end-before-start",
    "zero-duration", "min-duration", "max-duration", "min-gap", "reading-speed",
    "inline-timestamp", "pair-drift", "empty-cue", "duplicate-adjacent", "line-too-long",
    "too-many-lines",
}
#: On by default, as the issue lists them.
ON = {
    "cue-order", "cue-overlap", "end-before-start", "zero-duration", "untimed-line", "mojibake",
    "invalid-utf8", "mixed-line-endings", "control-character", "replacement-character",
    "bidi-control", "vtt-signature", "bad-timing-line", "bad-timestamp", "merge-conflict",
    "empty-cue", "duplicate-adjacent",
}
#: Style and delivery limits, and policies: off unless selected or preset.
OFF = {
    "line-too-long", "too-many-lines", "reading-speed", "min-gap", "min-duration",
    "max-duration", "pair-drift", "utf8-bom",
}


def test_required_ids_exist() -> None:
    assert set(rules.RULES) >= REQUIRED


def test_defaults() -> None:
    enabled = {rid for rid, module in rules.RULES.items() if module.ENABLED}
    assert enabled >= ON
    assert not enabled & OFF
    assert set(rules.RULES) - enabled == OFF


def test_catalog_order_follows_the_groups() -> None:
    assert list(rules.RULES)[:3] == ["invalid-utf8", "utf16-file", "utf8-bom"]
    assert list(rules.RULES)[-10:] == [
        "empty-cue", "duplicate-adjacent", "line-too-long", "too-many-lines",
        "chapter-schema", "chapter-order", "chapter-overlap", "chapter-after-end",
        "chapter-duplicate-title", "chapter-orphan",
    ]
    assert sum(len(group) for group in rules.GROUPS.values()) == len(rules.RULES)


def test_every_module_in_the_folder_is_registered() -> None:
    names = {path.stem for path in (PACKAGE / "lint" / "rules").glob("[a-z]*.py")}
    assert names == {module.__name__.rsplit(".", 1)[1] for module in MODULES}


def test_every_rule_id_a_reader_or_the_decoder_reports_has_a_module() -> None:
    sources = [*(PACKAGE / "readers").glob("*.py"), PACKAGE / "decoding.py",
               PACKAGE / "chapters.py", PACKAGE / "_chapters_json.py"]
    quoted = set()
    for source in sources:
        quoted |= set(re.findall(r'"([a-z]+(?:-[a-z0-9]+)+)"', source.read_text("utf-8")))
    emitted = {name for name in quoted if not name.startswith("utf-")}
    assert emitted, "no rule IDs found in the readers"
    assert emitted <= set(rules.RULES)


def test_get() -> None:
    assert rules.get("cue-order") is rules.cue_order
    with pytest.raises(KeyError) as caught:
        rules.get("cue-overlaps")
    assert caught.value.args[0] == "no such rule: 'cue-overlaps'; did you mean 'cue-overlap'?"
    with pytest.raises(KeyError) as caught:
        rules.get("zzz")
    assert caught.value.args[0] == "no such rule: 'zzz'"


@ids
def test_constants(rule: ModuleType) -> None:
    assert rule.__name__.endswith("." + rule.ID.replace("-", "_"))
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.ID)
    assert rule.LEVEL in LEVELS
    assert isinstance(rule.ENABLED, bool)
    # Transcript formats, or chapter files (whose rules run on them alone).
    assert rule.FORMATS and (set(FORMATS) >= rule.FORMATS or {"chapters"} == rule.FORMATS)
    assert rule.FIX in (None, "safe", "unsafe")
    if hasattr(rule, "check"):
        assert callable(rule.check)
    else:
        # A rule without check() is reported by the decoder or a reader: its ID
        # must be one they write.
        source = "".join(
            path.read_text(encoding="utf-8")
            for path in [PACKAGE / "decoding.py", *sorted((PACKAGE / "readers").glob("*.py"))]
        )
        assert f'"{rule.ID}"' in source, f"nothing reports {rule.ID}"
    assert callable(getattr(rule, "fix", None)) == (rule.FIX is not None)
    for name, option in rule.OPTIONS.items():
        assert isinstance(option, Option)
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", name)
        assert check_option(rule.ID, name, option.default, "default") == option.default
        assert option.help


@ids
def test_docstring_is_a_docs_page(rule: ModuleType) -> None:
    doc = rule.__doc__ or ""
    summary = doc.split("\n", 1)[0]
    assert summary.endswith(".") and len(summary) > 20
    positions = [doc.find(f".. rubric:: {name}") for name in ("Options", "Fix", "Examples")]
    assert -1 not in positions and positions == sorted(positions)
    options_section = doc[positions[0] : positions[1]]
    for name in rule.OPTIONS:
        assert f"``{name}``" in options_section
    if not rule.OPTIONS:
        assert "None." in options_section
    fix_section = doc[positions[1] : positions[2]]
    expected = {"safe": "Safe:", "unsafe": "Unsafe:", None: "None"}[rule.FIX]
    assert expected in fix_section


@ids
def test_examples_fail_and_pass_with_default_options(rule: ModuleType) -> None:
    examples = rules.examples(rule)
    assert {example.kind for example in examples} == {"failing", "passing"}
    for example in examples:
        siblings = {
            Path(other.name).suffix: other.data
            for other in examples
            if other.kind == example.kind and other is not example
        }
        if {"chapters"} == rule.FORMATS and chapters_stem(example.name) is None:
            continue  # the transcript beside a chapter file: what the rule compares with
        found = check(rule, example.data, example.name, siblings=siblings)
        assert bool(found) == (example.kind == "failing"), (example.name, found)


@ids
def test_passing_examples_are_clean_for_every_default_rule(rule: ModuleType) -> None:
    for example in rules.examples(rule):
        if example.kind == "passing" and not example.name.startswith("talk."):
            problems = lint_bytes(example.data, example.name)
            assert problems == [], [str(problem) for problem in problems]


def test_presets_name_real_rules_and_valid_options() -> None:
    assert set(PRESETS) >= {"netflix", "podcast"}
    for preset, settings in PRESETS.items():
        for rule_id, values in settings.items():
            module = rules.get(rule_id)
            assert values.get("enabled") is True, (preset, rule_id)
            for name, value in values.items():
                if name != "enabled":
                    try:
                        check_option(rule_id, name, value, preset)
                    except ConfigError as error:  # pragma: no cover - the assertion says it
                        pytest.fail(str(error))
            assert not module.ENABLED, f"{preset} switches on {rule_id}, which is on anyway"


def test_preset_numbers() -> None:
    netflix, podcast = PRESETS["netflix"], PRESETS["podcast"]
    assert netflix["line-too-long"]["max"] == 42
    assert netflix["reading-speed"]["max-cps"] == 20.0
    assert (netflix["min-duration"]["min-ms"], netflix["max-duration"]["max-ms"]) == (833, 7000)
    assert netflix["min-gap"]["min-ms"] == 83
    assert netflix["too-many-lines"]["max"] == 2
    assert (podcast["line-too-long"]["max"], podcast["line-too-long"]["srt-max"]) == (65, 32)


FIXABLE = [module for module in MODULES if module.FIX]


@pytest.mark.parametrize("rule", FIXABLE, ids=[module.ID for module in FIXABLE])
def test_fix_of_the_failing_example_is_clean_and_stable(rule: ModuleType) -> None:
    for example in rules.examples(rule):
        if example.kind != "failing":
            continue
        fixed = fix(rule, example.data, example.name)
        assert fixed is not None and fixed != example.data
        assert check(rule, fixed, example.name) == []
        assert fix(rule, fixed, example.name) is None  # a second run changes nothing
