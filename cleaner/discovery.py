"""Which files a run looks at: arguments expanded, directories walked, ``exclude`` and ``.gitignore`` honoured."""

from __future__ import annotations

import fnmatch
import os
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from .config import Settings
from .fileio import ARTICLE_SUFFIXES, resolved_path


@lru_cache(maxsize=1)
def _gitignore_style() -> str:
    """pathspec >= 0.12 names git's own matching "gitignore"; older releases only know "gitwildmatch".
    (pathspec is imported only when a walked directory holds a ``.gitignore``: importing it cost every
    start 0.03 s, and a check of the files pre-commit names never walks.)"""
    import pathspec

    try:
        pathspec.util.lookup_pattern("gitignore")
        return "gitignore"
    except KeyError:
        return "gitwildmatch"


def _excluded(path: Path, patterns: Iterable[str], root: Path) -> bool:
    try:
        rel = resolved_path(path).relative_to(root).as_posix()
    except ValueError:
        rel = path.as_posix()
    for pattern in patterns:
        if fnmatch.fnmatch(path.name, pattern) or fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(rel, pattern.rstrip("/") + "/*"):
            return True
    return False


def _gitignore_spec(directory: Path):
    ignore_file = directory / ".gitignore"
    if ignore_file.is_file():
        try:
            import pathspec

            lines = ignore_file.read_text(encoding="utf-8", errors="replace").splitlines()
            return pathspec.PathSpec.from_lines(_gitignore_style(), lines)
        except Exception:  # a broken .gitignore should not stop a run
            return None
    return None


def is_dir(path: Path) -> bool:
    """``path.is_dir()``, False for a path the system cannot even look up (a name too long for it): the
    file is then named as unreadable when it is read, instead of the run ending in a traceback.

    >>> is_dir(Path("x" * 5000))
    False
    """
    try:
        return path.is_dir()
    except OSError:
        return False


def iter_paths(arguments: Iterable[str], settings: Settings, *, force_exclude: bool = False) -> Iterator[str]:
    """Files to process, in argument order then sorted walk order.

    Files named explicitly are always processed unless ``force_exclude`` (pre-commit passes explicit
    names, so its entry uses ``--force-exclude``). Directories are walked for article files.
    """
    root = Path(settings.root or os.getcwd()).resolve()
    patterns = list(settings.exclude) + list(settings.extend_exclude)
    for argument in arguments:
        path = Path(argument)
        if is_dir(path):
            yield from _walk(path, patterns, root, settings.respect_gitignore)
        else:
            if force_exclude and _excluded(path, patterns, root):
                continue
            yield argument


def _walk(top: Path, patterns: list, root: Path, respect_gitignore: bool) -> Iterator[str]:
    specs: list = []
    for directory, dirnames, filenames in os.walk(top):
        current = Path(directory)
        specs = [(base, spec) for base, spec in specs if base == current or base in current.parents]
        if respect_gitignore:
            spec = _gitignore_spec(current)
            if spec is not None:
                specs.append((current, spec))

        def ignored(child: Path, is_dir: bool) -> bool:
            if _excluded(child, patterns, root):
                return True
            for base, spec in specs:
                rel = child.relative_to(base).as_posix() + ("/" if is_dir else "")
                if spec.match_file(rel):
                    return True
            return False

        dirnames[:] = sorted(d for d in dirnames if not ignored(current / d, True))
        for name in sorted(filenames):
            child = current / name
            if child.suffix.lower() in ARTICLE_SUFFIXES and not ignored(child, False):
                yield str(child)
