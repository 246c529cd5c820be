"""Configuration: which rules run, at which level, with which options.

Read from ``[tool.transcript-lint]`` in ``pyproject.toml`` or from the top
level of a ``.transcript-lint.toml``, whichever is found first walking up from
each linted file's own directory, as ruff finds its configuration, so that a
file is linted alike from wherever the command runs (in one directory,
``.transcript-lint.toml`` wins; a ``pyproject.toml`` without the table is
passed over; ``--config FILE`` names one file for every path instead)::

    [tool.transcript-lint]
    preset = "podcast"                 # a named set of rule settings
    select = ["cue-order", "cue-overlap"]   # replaces the default selection
    extend-select = ["line-too-long"]  # adds to it
    ignore = ["duplicate-adjacent"]    # removes from it
    exclude = ["tests/data/**"]        # not walked into by the CLI
    per-file-ignores = { "legacy/*.srt" = ["srt-index"] }
    baseline = "transcript-lint-baseline.json"  # problems accepted: not reported

    [tool.transcript-lint.rules.cue-overlap]
    level = "warning"                  # "error" or "warning"
    enabled = true                     # switch one rule on or off
    tolerance-ms = 20                  # an option of the rule

Layers apply in this order, each on top of the previous: the rules' own
defaults, the preset, the file's ``select``/``extend-select``/``ignore``, the
``enabled`` keys of the rule tables, then the command line's ``--select``,
``--extend-select`` and ``--ignore``.  ``"ALL"`` stands for every rule.
Globs of ``per-file-ignores`` and ``exclude``, and the ``baseline`` path,
are relative to the directory of the file that holds them.

Everything is checked against the rule modules (IDs, ``OPTIONS`` types and
choices); any mistake raises :class:`ConfigError` with a one-line message that
names the file, the key and what to do.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Mapping, Sequence

from ..model import LEVELS, Level
from . import presets as _presets
from . import rules as _rules

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: File names searched for, in this order, in each directory.
CONFIG_NAMES = (".transcript-lint.toml", "pyproject.toml")
#: The table of ``pyproject.toml`` that holds the configuration.
TOOL_TABLE = "transcript-lint"

_TOP_KEYS = (
    "preset", "select", "extend-select", "ignore", "exclude", "per-file-ignores", "rules",
    "baseline",
)
_RULE_KEYS = ("level", "enabled")
_ALL = "ALL"


class ConfigError(Exception):
    """A configuration mistake; ``str()`` is one line saying where, what and what to do."""


class Config:
    """The resolved configuration: every rule's state, ready for the linter.

    Immutable, as a frozen dataclass would be (assigning an attribute raises
    :exc:`AttributeError`), equal by value, and picklable (``--jobs`` sends it
    to worker processes).  A plain class: the :mod:`dataclasses` module costs a
    pre-commit hook milliseconds of start-up.

    :param enabled: IDs of the rules that run.
    :param levels: the level of every rule, enabled or not.
    :param options: every rule's options, defaults merged with configured values.
    :param per_file_ignores: ``(glob, rule IDs)`` pairs; globs match paths
        relative to :attr:`root` (``**`` crosses directories) or, when they
        have no ``/``, the file name alone.
    :param exclude: globs of paths the CLI does not walk into.
    :param root: the directory globs are relative to (the config file's).
    :param source: the config file read, or ``None``.
    :param preset: the preset applied, or ``None``.
    :param baseline: the baseline file's absolute path (``baseline``,
        relative to :attr:`root`), or ``None``.
    """

    __slots__ = (
        "_hash", "baseline", "enabled", "exclude", "levels", "options", "per_file_ignores",
        "preset", "root", "source",
    )
    _FIELDS = (
        "enabled", "levels", "options", "per_file_ignores", "exclude", "root", "source", "preset",
        "baseline",
    )

    enabled: frozenset[str]
    levels: Mapping[str, Level]
    options: Mapping[str, Mapping[str, Any]]
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...]
    exclude: tuple[str, ...]
    root: str
    source: str | None
    preset: str | None
    baseline: str | None

    def __init__(  # noqa: PLR0917 - positional, as when it was a dataclass
        self,
        enabled: frozenset[str],
        levels: Mapping[str, Level],
        options: Mapping[str, Mapping[str, Any]],
        per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = (),
        exclude: tuple[str, ...] = (),
        root: str = ".",
        source: str | None = None,
        preset: str | None = None,
        baseline: str | None = None,
    ) -> None:
        values = (
            enabled, levels, options, per_file_ignores, exclude, root, source, preset, baseline,
        )
        for name, value in zip(self._FIELDS, values, strict=True):
            object.__setattr__(self, name, value)

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._FIELDS)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}: Config is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}: Config is immutable")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Config)
        return self._values() == other._values()

    def __hash__(self) -> int:
        # Worked out once (the engine's rule plan is looked up by it for every
        # file); levels and options are mappings: hashed as their sorted items.
        try:
            return self._hash  # type: ignore[attr-defined,no-any-return]
        except AttributeError:
            pass
        options = tuple(sorted((rule, tuple(sorted(values.items())))
                               for rule, values in self.options.items()))
        found = hash((self.enabled, tuple(sorted(self.levels.items())), options,
                      *self._values()[3:]))
        object.__setattr__(self, "_hash", found)
        return found

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._FIELDS)
        return f"Config({fields})"

    def __reduce__(self) -> tuple[type[Config], tuple[object, ...]]:
        return Config, self._values()

    @classmethod
    def default(cls) -> Config:
        """The rules' own defaults: no preset, no file."""
        return resolve({}, source=None, root=os.getcwd())

    def ignored_for(self, path: str) -> frozenset[str]:
        """Rule IDs that ``per-file-ignores`` switches off for *path*."""
        if not self.per_file_ignores:
            return frozenset()
        relative, name = _relative(path, self.root)
        ignored: set[str] = set()
        for pattern, ids in self.per_file_ignores:
            if _glob_matches(pattern, relative, name):
                ignored |= ids
        return frozenset(ignored)

    def rules_for(self, path: str) -> list[str]:
        """The enabled rule IDs for *path*, in catalog order, less per-file ignores."""
        ignored = self.ignored_for(path)
        return [rid for rid in _rules.RULES if rid in self.enabled and rid not in ignored]

    def is_excluded(self, path: str) -> bool:
        """Whether *path* (a file or directory) matches an ``exclude`` glob."""
        if not self.exclude:
            return False
        relative, name = _relative(path, self.root)
        return any(_glob_matches(pattern, relative, name) for pattern in self.exclude)


def load_config(
    path: str | os.PathLike[str] | None,
    start_dir: str | os.PathLike[str] = ".",
    *,
    select: Sequence[str] | None = None,
    extend_select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    preset: str | None = None,
) -> Config:
    """Find, read and resolve the configuration.

    :param path: a config file to read (``pyproject.toml``: its
        ``[tool.transcript-lint]`` table; any other name: the whole file), or
        ``None`` to search from *start_dir* upwards.
    :param select: replaces the selection (the CLI's ``--select``).
    :param extend_select: rules to add (``--extend-select``).
    :param ignore: rules to remove (``--ignore``).
    :param preset: a preset that replaces the file's ``preset``.
    :raises ConfigError: for an unreadable or invalid file or value.
    """
    if path is None:
        found = find_config(start_dir)
        table: Mapping[str, Any] = {}
        source = None
        root = os.path.abspath(start_dir)
        if found is not None:
            source, table = found
            root = os.path.dirname(source)
    else:
        source = os.path.abspath(path)
        table = _read_table(source, required=True) or {}
        root = os.path.dirname(source)
    return resolve(
        table, source=source, root=root,
        select=select, extend_select=extend_select, ignore=ignore, preset=preset,
    )


def find_config(start_dir: str | os.PathLike[str] = ".") -> tuple[str, Mapping[str, Any]] | None:
    """The first config file walking up from *start_dir*, with its table."""
    directory = os.path.abspath(start_dir)
    while True:
        found = config_in(directory)
        if found is not None:
            return found
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def config_in(directory: str) -> tuple[str, Mapping[str, Any]] | None:
    """The configuration file in *directory* itself, with its table, or ``None``."""
    for name in CONFIG_NAMES:
        candidate = os.path.join(directory, name)
        if os.path.isfile(candidate):
            table = _read_table(candidate, required=False)
            if table is not None:
                return candidate, table
    return None


def resolve(
    table: Mapping[str, Any],
    *,
    source: str | None,
    root: str,
    select: Sequence[str] | None = None,
    extend_select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    preset: str | None = None,
) -> Config:
    """Turn a configuration table (as read from TOML) into a :class:`Config`.

    Also the entry point for configuration that does not come from a file,
    such as a Sphinx ``conf.py`` value (pass ``source="conf.py"``).

    :raises ConfigError: for any unknown key, rule, preset or bad value.
    """
    where = _where(source)
    if not isinstance(table, Mapping):
        raise ConfigError(f"{where}: the configuration must be a table, not {_kind(table)}")
    _check_keys(table, _TOP_KEYS, where, "key")
    modules = _rules.RULES
    enabled = {rid for rid, module in modules.items() if module.ENABLED}
    levels: dict[str, Level] = {rid: module.LEVEL for rid, module in modules.items()}
    options: dict[str, dict[str, Any]] = {
        rid: {name: option.default for name, option in module.OPTIONS.items()}
        for rid, module in modules.items()
    }

    preset_name = preset if preset is not None else table.get("preset")
    if preset_name is not None:
        preset_where = "--preset" if preset is not None else f"{where}: preset"
        if not isinstance(preset_name, str):
            raise ConfigError(f"{preset_where} must be a string, not {_kind(preset_name)}")
        if preset_name not in _presets.PRESETS:
            raise ConfigError(
                f"{preset_where}: unknown preset {preset_name!r}"
                f"{_suggest(preset_name, _presets.PRESETS)}; "
                f"presets: {', '.join(_presets.PRESETS)}"
            )
        _apply_rule_tables(
            _presets.PRESETS[preset_name], enabled, levels, options,
            f"preset {preset_name!r}", switch=True,
        )

    rule_tables = table.get("rules", {})
    if not isinstance(rule_tables, Mapping):
        raise ConfigError(
            f"{where}: rules must be a table of rule tables, not {_kind(rule_tables)}"
        )
    explicit = _apply_rule_tables(rule_tables, enabled, levels, options, f"{where}: rules")

    file_select = table.get("select")
    _apply_selection(
        enabled,
        None if file_select is None else _rule_list(file_select, f"{where}: select"),
        _rule_list(table.get("extend-select", []), f"{where}: extend-select"),
        _rule_list(table.get("ignore", []), f"{where}: ignore"),
    )
    for rid, on in explicit.items():
        (enabled.add if on else enabled.discard)(rid)
    _apply_selection(
        enabled,
        None if select is None else _rule_list(list(select), "--select"),
        _rule_list(list(extend_select), "--extend-select"),
        _rule_list(list(ignore), "--ignore"),
    )

    pfi = table.get("per-file-ignores", {})
    if not isinstance(pfi, Mapping):
        raise ConfigError(
            f"{where}: per-file-ignores must be a table of glob = [rule IDs], not {_kind(pfi)}"
        )
    per_file = tuple(
        (_glob(pattern, f"{where}: per-file-ignores"),
         frozenset(_rule_list(ids, f"{where}: per-file-ignores.{pattern!r}")))
        for pattern, ids in pfi.items()
    )
    exclude = table.get("exclude", [])
    if not isinstance(exclude, list) or not all(isinstance(item, str) for item in exclude):
        raise ConfigError(f"{where}: exclude must be a list of glob strings, not {_kind(exclude)}")
    baseline = table.get("baseline")
    if baseline is not None and (not isinstance(baseline, str) or not baseline):
        raise ConfigError(
            f"{where}: baseline must be the path of a baseline file, not {_kind(baseline)}"
        )
    return Config(
        enabled=frozenset(enabled),
        levels=levels,
        options=options,
        per_file_ignores=per_file,
        exclude=tuple(_glob(item, f"{where}: exclude") for item in exclude),
        root=root,
        source=source,
        preset=preset_name,
        baseline=None if baseline is None else os.path.join(root, baseline),
    )


def check_option(rule_id: str, name: str, value: Any, where: str) -> Any:
    """Validate one option value for a rule; returns it (ints widened to float).

    :raises ConfigError: for an unknown option, a wrong type, a value not
        among the choices or below the minimum.
    """
    declared = _rules.RULES[rule_id].OPTIONS
    if name not in declared:
        known = ", ".join(declared) or "none"
        raise ConfigError(
            f"{where}: unknown option {name!r} for rule {rule_id!r}"
            f"{_suggest(name, declared)}; its options: {known}"
        )
    option = declared[name]
    expected = option.type
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    elif expected is tuple and isinstance(value, list):
        value = tuple(value)
    # bool is an int subclass: ``tolerance-ms = true`` must not pass as 1.
    if not isinstance(value, expected) or (isinstance(value, bool) and expected is not bool):
        raise ConfigError(
            f"{where}: {name} must be {_type_name(expected)}, not {_kind(value)} ({value!r})"
        )
    if option.choices and value not in option.choices:
        allowed = ", ".join(repr(choice) for choice in option.choices)
        raise ConfigError(f"{where}: {name} must be one of {allowed}, not {value!r}")
    if option.minimum is not None and value < option.minimum:
        raise ConfigError(
            f"{where}: {name} must be at least {option.minimum}, not {value!r}; "
            f"{option.help}"
        )
    return value


def check_rule_id(rule_id: object, where: str) -> str:
    """Return *rule_id* if it names a rule; otherwise raise with a suggestion."""
    if not isinstance(rule_id, str):
        raise ConfigError(f"{where}: rule IDs are strings, not {_kind(rule_id)} ({rule_id!r})")
    if rule_id not in _rules.RULES:
        raise ConfigError(
            f"{where}: unknown rule {rule_id!r}{_suggest(rule_id, _rules.RULES)}; "
            "`transcript-lint --list-rules` lists them"
        )
    return rule_id


# -- helpers ------------------------------------------------------------------


def _read_table(path: str, *, required: bool) -> Mapping[str, Any] | None:
    """The configuration table in *path*, or ``None`` for a pyproject without one."""
    import importlib

    # tomllib is in the standard library from 3.11 on; tomli is the same code.
    tomllib = importlib.import_module("tomllib" if sys.version_info >= (3, 11) else "tomli")
    try:
        with open(path, "rb") as handle:
            document: dict[str, Any] = tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found; check the --config path") from None
    except OSError as exc:
        raise ConfigError(
            f"{path}: cannot read config file: {exc.strerror or exc}; give the path of a "
            "readable TOML file"
        ) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{path}: not UTF-8 (byte 0x{exc.object[exc.start]:02x} at byte offset "
            f"{exc.start}); a TOML file must be UTF-8: re-save it as UTF-8"
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}; fix the syntax") from None
    if os.path.basename(path) != "pyproject.toml":
        return document
    tool = document.get("tool", {})
    table = tool.get(TOOL_TABLE) if isinstance(tool, dict) else None
    if table is None:
        if required:
            raise ConfigError(
                f"{path}: no [tool.{TOOL_TABLE}] table; add one or pass another --config file"
            )
        return None
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: tool.{TOOL_TABLE} must be a table, not {_kind(table)}")
    return table


def _apply_rule_tables(
    tables: Mapping[str, Any],
    enabled: set[str],
    levels: dict[str, Level],
    options: dict[str, dict[str, Any]],
    where: str,
    *,
    switch: bool = False,
) -> dict[str, bool]:
    """Apply ``{rule: {level, enabled, option...}}``; return the explicit ``enabled`` values.

    With *switch*, ``enabled`` takes effect at once (presets); otherwise the
    caller applies it after the selection lists.
    """
    explicit: dict[str, bool] = {}
    for rid, settings in tables.items():
        check_rule_id(rid, where)
        here = f"{where}.{rid}"
        if not isinstance(settings, Mapping):
            raise ConfigError(f"{here} must be a table of settings, not {_kind(settings)}")
        for key, value in settings.items():
            if key == "level":
                if value not in LEVELS:
                    raise ConfigError(
                        f"{here}: level must be 'error' or 'warning', not {value!r}"
                    )
                levels[rid] = value
            elif key == "enabled":
                if not isinstance(value, bool):
                    raise ConfigError(
                        f"{here}: enabled must be true or false, not {_kind(value)} ({value!r})"
                    )
                explicit[rid] = value
            else:
                declared = _rules.RULES[rid].OPTIONS
                name = key
                if name not in declared and name.replace("_", "-") in declared:
                    name = name.replace("_", "-")
                options[rid][name] = check_option(rid, name, value, here)
    if switch:
        for rid, on in explicit.items():
            (enabled.add if on else enabled.discard)(rid)
    return explicit


def _apply_selection(
    enabled: set[str], select: list[str] | None, extend: list[str], ignore: list[str]
) -> None:
    if select is not None:
        enabled.clear()
        enabled.update(select)
    enabled.update(extend)
    enabled.difference_update(ignore)


def _rule_list(value: object, where: str) -> list[str]:
    """Validate a list of rule IDs (``"ALL"`` expands to every rule)."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        raise ConfigError(f"{where} must be a list of rule IDs, not {_kind(value)}")
    ids: list[str] = []
    for item in value:
        if isinstance(item, str) and item.upper() == _ALL:
            ids.extend(_rules.RULES)
        else:
            ids.append(check_rule_id(item, where))
    return ids


def _check_keys(table: Mapping[str, Any], known: Iterable[str], where: str, what: str) -> None:
    for key in table:
        if key not in known:
            raise ConfigError(
                f"{where}: unknown {what} {key!r}{_suggest(key, known)}; "
                f"known: {', '.join(known)}"
            )


def _glob(pattern: object, where: str) -> str:
    if not isinstance(pattern, str) or not pattern:
        raise ConfigError(f"{where}: {pattern!r} is not a glob; write a path pattern string")
    return pattern


def _suggest(word: str, choices: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _where(source: str | None) -> str:
    if source is None:
        return "configuration"
    if os.path.basename(source) == "pyproject.toml":
        return f"{source}: [tool.{TOOL_TABLE}]"
    return source


def _kind(value: object) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
             list: "an array", dict: "a table"}
    return names.get(type(value), type(value).__name__)


def _type_name(expected: type) -> str:
    names = {bool: "true or false", int: "an integer", float: "a number", str: "a string",
             list: "an array", tuple: "an array"}
    return names.get(expected, expected.__name__)


def _relative(path: str, root: str) -> tuple[str, str]:
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, root) if root else absolute
    return relative.replace(os.sep, "/"), os.path.basename(absolute)


_GLOB_CACHE: dict[str, re.Pattern[str]] = {}


def _glob_regex(pattern: str) -> re.Pattern[str]:
    """Translate a glob: ``**`` any directories, ``*`` and ``?`` within one part."""
    compiled = _GLOB_CACHE.get(pattern)
    if compiled is not None:
        return compiled
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        char = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = pattern.find("]", i + 2)
            if end == -1:
                out.append(re.escape(char))
            else:
                body = pattern[i + 1 : end].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = end
        else:
            out.append(re.escape(char))
        i += 1
    # A pattern naming a directory also covers everything below it.
    compiled = re.compile("".join(out).rstrip("/") + "(?:/.*)?")
    _GLOB_CACHE[pattern] = compiled
    return compiled


def _glob_matches(pattern: str, relative: str, name: str) -> bool:
    cleaned = pattern[2:] if pattern.startswith("./") else pattern
    regex = _glob_regex(cleaned)
    if regex.fullmatch(relative):
        return True
    return "/" not in cleaned.rstrip("/") and regex.fullmatch(name) is not None
