"""Loading rule packs: the TOML files under ``rules/`` (shipped as ``cleaner.rules``) plus user packs.

Every pattern a pack holds is compiled here, once, after a static check that it cannot backtrack
catastrophically (nested unbounded repeats such as ``(a+)+`` or ``(\\w+\\s?)*`` are refused), so a
newsroom's own pack cannot hang a batch job.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

from .errors import RulePackError
from .toml_compat import tomllib

try:  # Python 3.11+
    import re._parser as _sre_parse  # type: ignore[import-not-found]
    from re._constants import MAXREPEAT  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse  # type: ignore[no-redef]
    from sre_constants import MAXREPEAT  # type: ignore[no-redef]

_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}


def _has_unbounded_repeat(items) -> bool:
    for op, arg in items:
        name = str(op)
        if name in _REPEATS:
            low, high, body = arg
            if high == MAXREPEAT or high > 100 or _has_unbounded_repeat(body):
                return True
        elif name == "SUBPATTERN":
            if _has_unbounded_repeat(arg[-1]):
                return True
        elif name == "BRANCH":
            if any(_has_unbounded_repeat(branch) for branch in arg[1]):
                return True
        elif name in {"ASSERT", "ASSERT_NOT"}:
            if _has_unbounded_repeat(arg[1]):
                return True
    return False


def _nested_repeat(items) -> bool:
    for op, arg in items:
        name = str(op)
        if name in _REPEATS:
            low, high, body = arg
            if (high == MAXREPEAT or high > 100) and _has_unbounded_repeat(body):
                return True
            if _nested_repeat(body):
                return True
        elif name == "SUBPATTERN":
            if _nested_repeat(arg[-1]):
                return True
        elif name == "BRANCH":
            if any(_nested_repeat(branch) for branch in arg[1]):
                return True
        elif name in {"ASSERT", "ASSERT_NOT"}:
            if _nested_repeat(arg[1]):
                return True
    return False


def compile_safe(pattern: str, flags: int = 0, *, where: str = "rule pack") -> re.Pattern:
    """Compile ``pattern`` or raise RulePackError if it is invalid or can backtrack catastrophically.

    >>> compile_safe(r"\\[ad_\\d+\\]").pattern
    '\\\\[ad_\\\\d+\\\\]'
    >>> compile_safe(r"(\\w+\\s?)+$")
    Traceback (most recent call last):
    ...
    cleaner.errors.RulePackError: rule pack: pattern '(\\\\w+\\\\s?)+$' nests unbounded repeats and could backtrack catastrophically
    """
    try:
        parsed = _sre_parse.parse(pattern, flags)
    except re.error as exc:
        raise RulePackError(f"{where}: invalid pattern {pattern!r}: {exc}") from None
    if _nested_repeat(list(parsed)):
        raise RulePackError(
            f"{where}: pattern {pattern!r} nests unbounded repeats and could backtrack catastrophically"
        )
    return re.compile(pattern, flags)


def _builtin_root():
    """The shipped packs: ``cleaner.rules`` when installed, ``rules/`` beside the package in a source tree."""
    try:
        return resources.files("cleaner.rules")
    except ModuleNotFoundError:
        return resources.files("cleaner").joinpath("..", "rules")


def builtin_pack_names() -> list[str]:
    """Names (relative paths without ``.toml``) of the packs shipped with news-cleaner."""
    names = []
    root = _builtin_root()
    for entry in root.iterdir():
        if entry.name.endswith(".toml"):
            names.append(entry.name[:-5])
        elif entry.is_dir() and not entry.name.startswith("__"):
            names.extend(f"{entry.name}/{sub.name[:-5]}" for sub in entry.iterdir() if sub.name.endswith(".toml"))
    return sorted(names)


@lru_cache(maxsize=None)
def load_builtin(name: str) -> dict:
    """Parse a shipped pack, e.g. ``load_builtin("boilerplate")`` or ``load_builtin("names/organisations")``."""
    entry = _builtin_root()
    for part in f"{name}.toml".split("/"):
        entry = entry / part
    try:
        return tomllib.loads(entry.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RulePackError(f"no built-in rule pack named {name!r}") from None
    except tomllib.TOMLDecodeError as exc:
        raise RulePackError(f"rules/{name}.toml: {exc}") from None


def load_builtin_dir(folder: str) -> list[tuple[str, dict]]:
    """Every shipped pack in one folder of ``rules/`` (e.g. ``names``), in name order."""
    return [(n, load_builtin(n)) for n in builtin_pack_names() if n.startswith(folder + "/")]


@lru_cache(maxsize=None)
def load_user_pack(path: str) -> dict:
    """Parse a user pack named in ``extend-rules``; errors name the file."""
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise RulePackError(f"{path}: cannot read rule pack: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise RulePackError(f"{path}: {exc}") from None


def packs_fingerprint(extra_paths: Iterable[str] = ()) -> str:
    """A hash of every rule pack in force, for cache keys."""
    digest = hashlib.sha256()
    root = _builtin_root()
    for name in builtin_pack_names():
        entry = root
        for part in f"{name}.toml".split("/"):
            entry = entry / part
        digest.update(name.encode())
        digest.update(entry.read_bytes())
    for path in extra_paths:
        try:
            digest.update(Path(path).read_bytes())
        except OSError:
            digest.update(path.encode())
    return digest.hexdigest()[:16]
