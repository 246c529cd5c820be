"""Configured values checked against what the rule modules declare.

Rule IDs, each rule's ``level`` and ``enabled`` keys and its ``OPTIONS``
(type, choices, minimum): the part of a configuration that the rules define,
and the one error every configuration mistake raises.  Used by
:mod:`~sphinxcontrib_transcript.lint.config` for files and ``conf.py``
tables, by the presets, and by ``--explain``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..model import LEVELS, Level
from . import rules as _rules

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: What stands for every rule in a list of rule IDs.
ALL = "ALL"


class ConfigError(Exception):
    """A configuration mistake; ``str()`` is one line saying where, what and what to do."""


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
            f"{suggest(name, declared)}; its options: {known}"
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
            f"{where}: {name} must be {_type_name(expected)}, not {kind(value)} ({value!r})"
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
        raise ConfigError(f"{where}: rule IDs are strings, not {kind(rule_id)} ({rule_id!r})")
    if rule_id not in _rules.RULES:
        raise ConfigError(
            f"{where}: unknown rule {rule_id!r}{suggest(rule_id, _rules.RULES)}; "
            "`transcript-lint --list-rules` lists them"
        )
    return rule_id


def rule_list(value: object, where: str) -> list[str]:
    """Validate a list of rule IDs (``"ALL"`` expands to every rule)."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        raise ConfigError(f"{where} must be a list of rule IDs, not {kind(value)}")
    ids: list[str] = []
    for item in value:
        if isinstance(item, str) and item.upper() == ALL:
            ids.extend(_rules.RULES)
        else:
            ids.append(check_rule_id(item, where))
    return ids


def apply_rule_tables(
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
            raise ConfigError(f"{here} must be a table of settings, not {kind(settings)}")
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
                        f"{here}: enabled must be true or false, not {kind(value)} ({value!r})"
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


def suggest(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'X'?)`` for the closest of *choices*, or nothing."""
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def kind(value: object) -> str:
    """What *value* is, in TOML's words, for a message."""
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
             list: "an array", dict: "a table"}
    return names.get(type(value), type(value).__name__)


def _type_name(expected: type) -> str:
    names = {bool: "true or false", int: "an integer", float: "a number", str: "a string",
             list: "an array", tuple: "an array"}
    return names.get(expected, expected.__name__)
