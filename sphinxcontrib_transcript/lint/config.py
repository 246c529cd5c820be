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
from collections.abc import Iterable, Mapping, Sequence

from . import rules as _rules
from .validation import ConfigError, apply_rule_tables, kind, rule_list, suggest

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..model import Level

# The files are found and read by configs.py; rule IDs, levels and options
# are checked against the rule modules by validation.py.

#: The table of ``pyproject.toml`` that holds the configuration.
TOOL_TABLE = "transcript-lint"

_TOP_KEYS = (
    "preset", "select", "extend-select", "ignore", "exclude", "per-file-ignores", "rules",
    "baseline",
)


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
        relative, name = relative_to(path, self.root)
        ignored: set[str] = set()
        for pattern, ids in self.per_file_ignores:
            if glob_matches(pattern, relative, name):
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
        relative, name = relative_to(path, self.root)
        return any(glob_matches(pattern, relative, name) for pattern in self.exclude)


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
        raise ConfigError(f"{where}: the configuration must be a table, not {kind(table)}")
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
            raise ConfigError(f"{preset_where} must be a string, not {kind(preset_name)}")
        from .presets import PRESETS  # only a configuration that names a preset needs them

        if preset_name not in PRESETS:
            raise ConfigError(
                f"{preset_where}: unknown preset {preset_name!r}"
                f"{suggest(preset_name, PRESETS)}; "
                f"presets: {', '.join(PRESETS)}"
            )
        apply_rule_tables(
            PRESETS[preset_name], enabled, levels, options,
            f"preset {preset_name!r}", switch=True,
        )

    rule_tables = table.get("rules", {})
    if not isinstance(rule_tables, Mapping):
        raise ConfigError(
            f"{where}: rules must be a table of rule tables, not {kind(rule_tables)}"
        )
    explicit = apply_rule_tables(rule_tables, enabled, levels, options, f"{where}: rules")

    file_select = table.get("select")
    _apply_selection(
        enabled,
        None if file_select is None else rule_list(file_select, f"{where}: select"),
        rule_list(table.get("extend-select", []), f"{where}: extend-select"),
        rule_list(table.get("ignore", []), f"{where}: ignore"),
    )
    for rid, on in explicit.items():
        (enabled.add if on else enabled.discard)(rid)
    _apply_selection(
        enabled,
        None if select is None else rule_list(list(select), "--select"),
        rule_list(list(extend_select), "--extend-select"),
        rule_list(list(ignore), "--ignore"),
    )

    pfi = table.get("per-file-ignores", {})
    if not isinstance(pfi, Mapping):
        raise ConfigError(
            f"{where}: per-file-ignores must be a table of glob = [rule IDs], not {kind(pfi)}"
        )
    per_file = tuple(
        (_glob(pattern, f"{where}: per-file-ignores"),
         frozenset(rule_list(ids, f"{where}: per-file-ignores.{pattern!r}")))
        for pattern, ids in pfi.items()
    )
    exclude = table.get("exclude", [])
    if not isinstance(exclude, list) or not all(isinstance(item, str) for item in exclude):
        raise ConfigError(f"{where}: exclude must be a list of glob strings, not {kind(exclude)}")
    baseline = table.get("baseline")
    if baseline is not None and (not isinstance(baseline, str) or not baseline):
        raise ConfigError(
            f"{where}: baseline must be the path of a baseline file, not {kind(baseline)}"
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


# -- helpers ------------------------------------------------------------------


def _apply_selection(
    enabled: set[str], select: list[str] | None, extend: list[str], ignore: list[str]
) -> None:
    if select is not None:
        enabled.clear()
        enabled.update(select)
    enabled.update(extend)
    enabled.difference_update(ignore)


def _check_keys(table: Mapping[str, Any], known: Iterable[str], where: str, what: str) -> None:
    for key in table:
        if key not in known:
            raise ConfigError(
                f"{where}: unknown {what} {key!r}{suggest(key, known)}; "
                f"known: {', '.join(known)}"
            )


def _glob(pattern: object, where: str) -> str:
    if not isinstance(pattern, str) or not pattern:
        raise ConfigError(f"{where}: {pattern!r} is not a glob; write a path pattern string")
    return pattern


def _where(source: str | None) -> str:
    if source is None:
        return "configuration"
    if os.path.basename(source) == "pyproject.toml":
        return f"{source}: [tool.{TOOL_TABLE}]"
    return source


def relative_to(path: str, root: str) -> tuple[str, str]:
    """*path* relative to *root* with ``/`` separators, and its file name (what globs match)."""
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


def glob_matches(pattern: str, relative: str, name: str) -> bool:
    """Whether *pattern* matches *relative* (or the file name *name*, for a
    pattern without ``/``), as :func:`relative_to` gives them."""
    cleaned = pattern[2:] if pattern.startswith("./") else pattern
    regex = _glob_regex(cleaned)
    if regex.fullmatch(relative):
        return True
    return "/" not in cleaned.rstrip("/") and regex.fullmatch(name) is not None
