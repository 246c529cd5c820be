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
"""

from __future__ import annotations

import os

from .config import Config, _glob_matches, _relative, config_in, resolve

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence
    from typing import Any


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
        from .config import load_config

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
    names = [_relative(path, config.root) for path in files]
    skipped = [_relative(path, config.root) for path in excluded]
    lonely = [
        f"per-file-ignores {pattern!r}" for pattern, _ in config.per_file_ignores
        if not any(_glob_matches(pattern, relative, name) for relative, name in names)
    ]
    lonely += [
        f"exclude {pattern!r}" for pattern in config.exclude
        if not any(_glob_matches(pattern, relative, name) for relative, name in skipped)
    ]
    return lonely
