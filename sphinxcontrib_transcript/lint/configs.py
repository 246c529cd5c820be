"""Which configuration each file gets: found from the file, as ruff finds it.

For every file, the nearest ``.transcript-lint.toml`` or ``pyproject.toml``
with a ``[tool.transcript-lint]`` table, walking up from the file's own
directory, so that running from anywhere (the repository's root, a
sub-directory, a CI job's checkout) lints a file the same way, and a
sub-project's configuration applies to its files.  ``--config FILE`` names
one configuration for every file instead.  Globs of ``per-file-ignores`` and
``exclude`` stay relative to the directory of the file that wrote them.

The search result is cached per directory, and each configuration file is
read and resolved once: a run over thousands of files in a few directories
reads a handful of files.

This module finds and reads the files (TOML, the ``pyproject.toml`` table);
:func:`~sphinxcontrib_transcript.lint.config.resolve` turns what they hold into
a :class:`~sphinxcontrib_transcript.lint.config.Config`.
"""

from __future__ import annotations

import os
import sys

from .config import TOOL_TABLE, Config, glob_matches, relative_to, resolve
from .validation import ConfigError, kind

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence
    from typing import Any

#: File names searched for, in this order, in each directory.
CONFIG_NAMES = (".transcript-lint.toml", "pyproject.toml")


class Configs:
    """The configuration of each path, found upwards from it and cached.

    :param explicit: a ``--config`` file for every path, or ``None`` to search.
    :param overrides: the command line's ``select``, ``extend_select``,
        ``ignore`` and ``preset``, applied on top of each configuration.
    :param start: where a path with no configuration above it takes its
        defaults from (the globs of the defaults are relative to it).
    """

    def __init__(
        self, explicit: str | None, overrides: Mapping[str, Any], start: str = "."
    ) -> None:
        self._overrides = dict(overrides)
        self._by_dir: dict[str, Config] = {}
        self._by_source: dict[str | None, Config] = {}
        self.fixed: Config | None = None
        #: Paths an ``exclude`` glob left out, for ``-v``'s unmatched globs.
        self.excluded: list[str] = []
        if explicit is not None:
            self.fixed = load_config(explicit, start, **self._overrides)
        self.default = self.fixed or self._resolved(None, {}, os.path.abspath(start))

    def for_path(self, path: str) -> Config:
        """The configuration that applies to the file *path*."""
        if self.fixed is not None:
            return self.fixed
        return self._for_dir(os.path.dirname(os.path.abspath(path)))

    def for_directory(self, directory: str) -> Config:
        """The configuration that applies to the files in *directory*."""
        if self.fixed is not None:
            return self.fixed
        return self._for_dir(os.path.abspath(directory))

    def excludes(self, path: str) -> bool:
        """Whether *path* matches an ``exclude`` glob of the configuration of the
        directory it is in (a directory's own configuration does not exclude it)."""
        if self.fixed is not None:
            config = self.fixed
        else:
            config = self._for_dir(os.path.dirname(os.path.abspath(path)))
        if config.is_excluded(path):
            self.excluded.append(path)
            return True
        return False

    def used(self) -> list[Config]:
        """Every configuration resolved so far, the one for the start first."""
        found = [self.default]
        found.extend(config for config in self._by_source.values() if config is not self.default)
        return found

    def _for_dir(self, directory: str) -> Config:
        visited: list[str] = []
        config: Config | None = None
        current = directory
        while True:
            cached = self._by_dir.get(current)
            if cached is not None:
                config = cached
                break
            visited.append(current)
            found = config_in(current)
            if found is not None:
                source, table = found
                config = self._by_source.get(source) or self._resolved(source, table, current)
                break
            parent = os.path.dirname(current)
            if parent == current:
                config = self.default
                break
            current = parent
        for name in visited:
            self._by_dir[name] = config
        return config

    def _resolved(self, source: str | None, table: Mapping[str, Any], root: str) -> Config:
        config = resolve(table, source=source, root=root, **self._overrides)
        self._by_source[source] = config
        return config


def unmatched(config: Config, files: Sequence[str], excluded: Iterable[str]) -> list[str]:
    """``per-file-ignores`` and ``exclude`` globs of *config* that matched no path.

    :param files: the files linted with *config*.
    :param excluded: the paths the walk left out by an ``exclude`` glob.
    """
    names = [relative_to(path, config.root) for path in files]
    skipped = [relative_to(path, config.root) for path in excluded]
    lonely = [
        f"per-file-ignores {pattern!r}" for pattern, _ in config.per_file_ignores
        if not any(glob_matches(pattern, relative, name) for relative, name in names)
    ]
    lonely += [
        f"exclude {pattern!r}" for pattern in config.exclude
        if not any(glob_matches(pattern, relative, name) for relative, name in skipped)
    ]
    return lonely


# -- the files ------------------------------------------------------------------


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
        raise ConfigError(f"{path}: tool.{TOOL_TABLE} must be a table, not {kind(table)}")
    return table
