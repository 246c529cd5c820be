"""Configuration: discovery, layering, validation, per-file ignores and excludes."""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinxcontrib_transcript.lint import Config, ConfigError, load_config, resolve
from sphinxcontrib_transcript.lint import presets as real_presets
from sphinxcontrib_transcript.lint import rules as real_rules

from . import _fake_rules


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_rules.install(monkeypatch)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def config_from(tmp_path: Path, toml: str, **cli: object) -> Config:
    write(tmp_path / ".transcript-lint.toml", toml)
    return load_config(None, tmp_path, **cli)  # type: ignore[arg-type]


def error_of(tmp_path: Path, toml: str, **cli: object) -> str:
    with pytest.raises(ConfigError) as caught:
        config_from(tmp_path, toml, **cli)
    message = str(caught.value)
    assert "\n" not in message
    return message


# -- defaults and layering ------------------------------------------------------


def test_default_config_takes_each_rules_own_defaults(fake: None) -> None:
    config = Config.default()
    assert config.enabled == {"tab-char", "shout"}
    assert config.levels["long-line"] == "warning"
    assert config.levels["tab-char"] == "error"
    assert config.options["long-line"] == {
        "max": 20, "unit": "chars", "ratio": 1.5, "strict-mode": False,
    }
    assert config.source is None
    assert config.preset is None


def test_select_replaces_extend_adds_ignore_removes(fake: None, tmp_path: Path) -> None:
    config = config_from(tmp_path, 'select = ["long-line", "boom"]\nignore = ["boom"]\n')
    assert config.enabled == {"long-line"}
    config = config_from(tmp_path, 'extend-select = ["long-line"]\nignore = ["shout"]\n')
    assert config.enabled == {"tab-char", "long-line"}


def test_all_stands_for_every_rule(fake: None, tmp_path: Path) -> None:
    config = config_from(tmp_path, 'select = ["ALL"]\nignore = ["boom"]\n')
    assert config.enabled == set(_fake_rules.catalog()) - {"boom"}


def test_command_line_lists_apply_after_the_file(fake: None, tmp_path: Path) -> None:
    toml = 'select = ["long-line"]\n'
    assert config_from(tmp_path, toml, select=["shout"]).enabled == {"shout"}
    assert config_from(tmp_path, toml, extend_select=["boom"]).enabled == {"long-line", "boom"}
    assert config_from(tmp_path, toml, ignore=["long-line"]).enabled == set()


def test_rule_table_sets_level_options_and_enabled(fake: None, tmp_path: Path) -> None:
    config = config_from(
        tmp_path,
        'ignore = ["long-line"]\n'
        "[rules.long-line]\nenabled = true\nlevel = \"error\"\nmax = 30\nratio = 2\n"
        "unit = \"words\"\nstrict-mode = true\n"
        "[rules.tab-char]\nenabled = false\n",
    )
    # An explicit `enabled` in a rule table beats the file's lists.
    assert config.enabled == {"long-line", "shout"}
    assert config.levels["long-line"] == "error"
    # An integer is accepted for a float option, and widened.
    assert config.options["long-line"] == {
        "max": 30, "unit": "words", "ratio": 2.0, "strict-mode": True,
    }
    assert isinstance(config.options["long-line"]["ratio"], float)


def test_underscored_option_names_are_accepted(fake: None, tmp_path: Path) -> None:
    config = config_from(tmp_path, "[rules.long-line]\nstrict_mode = true\n")
    assert config.options["long-line"]["strict-mode"] is True


def test_command_line_select_beats_an_enabled_key(fake: None, tmp_path: Path) -> None:
    config = config_from(tmp_path, "[rules.long-line]\nenabled = true\n", select=["shout"])
    assert config.enabled == {"shout"}


def test_preset_applies_its_rule_settings(fake: None, tmp_path: Path) -> None:
    config = config_from(tmp_path, 'preset = "tight"\n')
    assert config.preset == "tight"
    assert "long-line" in config.enabled
    assert config.levels["long-line"] == "error"
    assert config.options["long-line"]["max"] == 10


def test_file_settings_override_the_preset(fake: None, tmp_path: Path) -> None:
    config = config_from(tmp_path, 'preset = "tight"\n[rules.long-line]\nmax = 50\n')
    assert config.options["long-line"]["max"] == 50
    assert config.levels["long-line"] == "error"


def test_command_line_preset_replaces_the_files(fake: None, tmp_path: Path) -> None:
    config = config_from(tmp_path, 'preset = "tight"\n', preset="relaxed")
    assert config.preset == "relaxed"
    assert config.enabled == {"shout"}


# -- discovery ------------------------------------------------------------------


def test_pyproject_table_is_found_walking_up(fake: None, tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.transcript-lint]\nselect = ["boom"]\n')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    config = load_config(None, deep)
    assert config.enabled == {"boom"}
    assert config.source == str(tmp_path / "pyproject.toml")
    assert config.root == str(tmp_path)


def test_pyproject_without_the_table_is_passed_over(fake: None, tmp_path: Path) -> None:
    write(tmp_path / ".transcript-lint.toml", 'select = ["boom"]\n')
    write(tmp_path / "sub" / "pyproject.toml", "[tool.other]\nx = 1\n")
    config = load_config(None, tmp_path / "sub")
    assert config.source == str(tmp_path / ".transcript-lint.toml")


def test_dedicated_file_wins_over_pyproject_in_one_directory(fake: None, tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.transcript-lint]\nselect = ["boom"]\n')
    write(tmp_path / ".transcript-lint.toml", 'select = ["shout"]\n')
    assert load_config(None, tmp_path).enabled == {"shout"}


def test_no_file_anywhere_gives_the_defaults(fake: None, tmp_path: Path) -> None:
    config = load_config(None, tmp_path)
    # /tmp has no config above it; if the machine had one, this test would say so.
    assert config.source is None
    assert config.enabled == {"tab-char", "shout"}
    assert config.root == str(tmp_path)


def test_explicit_config_file(fake: None, tmp_path: Path) -> None:
    path = write(tmp_path / "lint.toml", 'select = ["boom"]\n')
    assert load_config(str(path), tmp_path / "elsewhere").enabled == {"boom"}


def test_explicit_pyproject_needs_the_table(fake: None, tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    with pytest.raises(ConfigError) as caught:
        load_config(str(path), tmp_path)
    assert str(caught.value) == (
        f"{path}: no [tool.transcript-lint] table; add one or pass another --config file"
    )


def test_missing_explicit_config_file(fake: None, tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    with pytest.raises(ConfigError) as caught:
        load_config(str(missing), tmp_path)
    assert str(caught.value) == f"{missing}: config file not found; check the --config path"


def test_invalid_toml_names_the_file_and_position(fake: None, tmp_path: Path) -> None:
    message = error_of(tmp_path, "select = [\n\nignore = 3\n")
    assert message.startswith(f"{tmp_path / '.transcript-lint.toml'}: invalid TOML: ")
    assert "(at line 3, column 1)" in message
    assert message.endswith("; fix the syntax")


# -- validation -----------------------------------------------------------------


def test_unknown_rule_suggests_the_closest(fake: None, tmp_path: Path) -> None:
    source = tmp_path / ".transcript-lint.toml"
    assert error_of(tmp_path, 'select = ["tab-chars"]\n') == (
        f"{source}: select: unknown rule 'tab-chars' (did you mean 'tab-char'?); "
        "`transcript-lint --list-rules` lists them"
    )


def test_unknown_rule_on_the_command_line(fake: None, tmp_path: Path) -> None:
    assert error_of(tmp_path, "", ignore=["shoutt"]) == (
        "--ignore: unknown rule 'shoutt' (did you mean 'shout'?); "
        "`transcript-lint --list-rules` lists them"
    )


def test_unknown_rule_table(fake: None, tmp_path: Path) -> None:
    source = tmp_path / ".transcript-lint.toml"
    assert error_of(tmp_path, "[rules.zzz]\nlevel = 'error'\n") == (
        f"{source}: rules: unknown rule 'zzz'; `transcript-lint --list-rules` lists them"
    )


def test_unknown_option_lists_the_rules_options(fake: None, tmp_path: Path) -> None:
    source = tmp_path / ".transcript-lint.toml"
    assert error_of(tmp_path, "[rules.long-line]\nmaximum = 3\n") == (
        f"{source}: rules.long-line: unknown option 'maximum' for rule 'long-line' "
        "(did you mean 'max'?); its options: max, unit, ratio, strict-mode"
    )


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        # A boolean is not an integer here, although Python says it is.
        ("max = true", "max must be an integer, not a boolean (True)"),
        ("max = 2.5", "max must be an integer, not a number (2.5)"),
        ("max = '3'", "max must be an integer, not a string ('3')"),
        ("ratio = 'x'", "ratio must be a number, not a string ('x')"),
        ("strict-mode = 1", "strict-mode must be true or false, not an integer (1)"),
        ("unit = 'lines'", "unit must be one of 'chars', 'words', not 'lines'"),
        ("level = 'fatal'", "level must be 'error' or 'warning', not 'fatal'"),
        ("enabled = 'yes'", "enabled must be true or false, not a string ('yes')"),
    ],
)
def test_bad_values(fake: None, tmp_path: Path, setting: str, expected: str) -> None:
    source = tmp_path / ".transcript-lint.toml"
    assert error_of(tmp_path, f"[rules.long-line]\n{setting}\n") == (
        f"{source}: rules.long-line: {expected}"
    )


def test_unknown_top_level_key(fake: None, tmp_path: Path) -> None:
    source = tmp_path / ".transcript-lint.toml"
    assert error_of(tmp_path, 'selct = ["boom"]\n') == (
        f"{source}: unknown key 'selct' (did you mean 'select'?); known: preset, select, "
        "extend-select, ignore, exclude, per-file-ignores, rules, baseline"
    )


def test_pyproject_errors_name_the_table(fake: None, tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.transcript-lint]\nignore = 3\n")
    with pytest.raises(ConfigError) as caught:
        load_config(None, tmp_path)
    assert str(caught.value) == (
        f"{tmp_path / 'pyproject.toml'}: [tool.transcript-lint]: ignore must be a list of "
        "rule IDs, not an integer"
    )


def test_unknown_preset(fake: None, tmp_path: Path) -> None:
    source = tmp_path / ".transcript-lint.toml"
    assert error_of(tmp_path, 'preset = "tigth"\n') == (
        f"{source}: preset: unknown preset 'tigth' (did you mean 'tight'?); "
        "presets: tight, relaxed"
    )
    assert error_of(tmp_path, "", preset="nope") == (
        "--preset: unknown preset 'nope'; presets: tight, relaxed"
    )


def test_bad_per_file_ignores(fake: None, tmp_path: Path) -> None:
    source = tmp_path / ".transcript-lint.toml"
    assert error_of(tmp_path, '[per-file-ignores]\n"*.srt" = ["nope"]\n') == (
        f"{source}: per-file-ignores.'*.srt': unknown rule 'nope'; "
        "`transcript-lint --list-rules` lists them"
    )


def test_mapping_configuration_for_sphinx(fake: None) -> None:
    config = resolve({"select": ["boom"]}, source="conf.py", root="/docs")
    assert config.enabled == {"boom"}
    with pytest.raises(ConfigError) as caught:
        resolve({"rules": {"boom": {"x": 1}}}, source="conf.py", root="/docs")
    assert str(caught.value) == (
        "conf.py: rules.boom: unknown option 'x' for rule 'boom'; its options: none"
    )


# -- per-file ignores and excludes ---------------------------------------------


def test_per_file_ignores_match_relative_paths_and_names(fake: None, tmp_path: Path) -> None:
    config = config_from(
        tmp_path,
        '[per-file-ignores]\n"legacy/**/*.srt" = ["tab-char"]\n'
        '"intro.vtt" = ["shout", "tab-char"]\n'
        '"docs/" = ["ALL"]\n',
    )
    assert config.rules_for(str(tmp_path / "legacy" / "a" / "b.srt")) == ["shout"]
    assert config.rules_for(str(tmp_path / "legacy" / "b.srt")) == ["shout"]
    assert config.rules_for(str(tmp_path / "legacy" / "b.vtt")) == ["tab-char", "shout"]
    # A pattern without "/" also matches the file name in any directory.
    assert config.rules_for(str(tmp_path / "x" / "intro.vtt")) == []
    # A directory pattern covers everything below it.
    assert config.rules_for(str(tmp_path / "docs" / "deep" / "a.vtt")) == []


def test_per_file_ignores_are_relative_to_the_config_file(
    fake: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = config_from(tmp_path, '[per-file-ignores]\n"sub/*.vtt" = ["shout"]\n')
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    assert config.rules_for("a.vtt") == ["tab-char"]


def test_exclude(fake: None, tmp_path: Path) -> None:
    config = config_from(tmp_path, 'exclude = ["tests/data", "*.bak.vtt"]\n')
    assert config.is_excluded(str(tmp_path / "tests" / "data"))
    assert config.is_excluded(str(tmp_path / "tests" / "data" / "x.vtt"))
    assert config.is_excluded(str(tmp_path / "deep" / "a.bak.vtt"))
    assert not config.is_excluded(str(tmp_path / "tests" / "a.vtt"))


# -- the real catalog -------------------------------------------------------------


def test_real_catalog_defaults_resolve() -> None:
    config = Config.default()
    assert config.enabled <= set(real_rules.RULES)
    for rule_id, module in real_rules.RULES.items():
        assert rule_id == module.ID
        assert module.LEVEL in ("error", "warning")
        assert (rule_id in config.enabled) is module.ENABLED


@pytest.mark.parametrize("name", sorted(real_presets.PRESETS))
def test_every_real_preset_is_valid(name: str, tmp_path: Path) -> None:
    config = load_config(None, tmp_path, preset=name)
    assert config.preset == name
