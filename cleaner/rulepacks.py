"""Loading rule packs: the TOML files under ``rules/`` (shipped as ``cleaner.rules``) plus user packs.

Every pattern a pack holds is compiled here, once. A shipped pattern is checked statically that it
cannot backtrack catastrophically (nested unbounded repeats such as ``(a+)+`` or ``(\\w+\\s?)*`` are
refused). A user pack's patterns (``extend-rules``) run on RE2, whose time is linear in the text
whatever the pattern (``a*a*a*a*a*a*b`` took 237 s on Python's engine over a 120-letter word): what
RE2 cannot run (look-arounds, back-references) is refused with an error naming the rule. So a
newsroom's own pack cannot hang a batch job.
"""

from __future__ import annotations

import hashlib
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from .errors import RulePackError
from .toml_compat import read_settings_text, tomllib

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


def compile_safe(pattern: str, flags: int = 0, *, where: str = "rule pack"):
    """Compile ``pattern`` or raise RulePackError if it is invalid or can backtrack catastrophically.

    >>> compile_safe(r"\\[ad_\\d+\\]").pattern
    '\\\\[ad_\\\\d+\\\\]'
    >>> compile_safe(r"(\\w+\\s?)+$")
    Traceback (most recent call last):
    ...
    cleaner.errors.RulePackError: rule pack: pattern '(\\\\w+\\\\s?)+$' nests unbounded repeats and could backtrack catastrophically
    """
    if _is_user(where):
        return compile_linear(pattern, flags, where=where)
    from . import snapshot

    try:
        nested, inline_flags = snapshot.memo("safety", (pattern, int(flags)), lambda: _safety(pattern, flags))
    except re.error as exc:
        raise RulePackError(f"{where}: invalid pattern {pattern!r}: {exc}") from None
    if nested:
        raise RulePackError(
            f"{where}: pattern {pattern!r} nests unbounded repeats and could backtrack catastrophically"
        )
    _SHIPPED[pattern, int(flags | inline_flags)] = None
    return LazyPattern(pattern, flags, flags | inline_flags)


#: (pattern, flags) of every shipped pattern this process made a LazyPattern of, in order: the command line
#: keeps the engine code of them all in the start-up snapshot (``snapshot.save_learned``)
_SHIPPED: dict = {}


def shipped_patterns() -> tuple:
    """(pattern, flags) of the shipped rule patterns loaded so far (``compile_safe``)."""
    return tuple(_SHIPPED)


def _safety(pattern: str, flags: int) -> tuple:
    """(does ``pattern`` nest unbounded repeats, the flags it sets inline); raises ``re.error``."""
    tree = parsed(pattern, flags)
    return _nested_repeat(list(tree)), int(tree.state.flags)


# Python's \w, \d and \s are Unicode-aware; RE2's are ASCII-only: a user pattern keeps Python's meaning.
_UNICODE_CLASSES = {"w": r"\pL\pN_", "d": r"\p{Nd}", "s": r"\s\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\v"}
_ESCAPE = re.compile(r"\\(.)|(\[)|(\])", re.DOTALL)
_WORD_TOKEN = re.compile(r"\(\?<!\\w\)(?P<body>.+)\(\?!\\w\)", re.DOTALL)
_USER_PACKS: set = set()  # paths load_user_pack read: their patterns run on RE2


@lru_cache(maxsize=4096)
def parsed(pattern: str, flags: int = 0):
    """Python's parse of a regex (``re._parser``), shared by the checks that read a pattern's structure
    (backtracking, anchors, first characters): each parsed a shipped pattern again at every start.
    Raises ``re.error`` as ``re.compile`` would. The tree is read, never changed."""
    return _sre_parse.parse(pattern, flags)


class _PatternInterface:
    """The parts of ``re.Pattern``'s interface the rule engine uses, passed on to ``self._engine()``."""

    __slots__ = ()

    def search(self, *args):
        return self._engine().search(*args)

    def match(self, *args):
        return self._engine().match(*args)

    def fullmatch(self, *args):
        return self._engine().fullmatch(*args)

    def finditer(self, *args):
        return self._engine().finditer(*args)

    def findall(self, *args):
        return self._engine().findall(*args)

    def sub(self, *args):
        return self._engine().sub(*args)

    def subn(self, *args):
        return self._engine().subn(*args)


class LazyPattern(_PatternInterface):
    """A shipped pattern compiled by ``re`` on first use. Why: a rule runs only where its anchors are
    (``cleaner.rule_anchors``), so most of the ~370 shipped patterns never run on a given article, and
    compiling them all cost a cold start 0.04 s. ``flags`` are the compiled pattern's own (inline
    flags and ``re.UNICODE`` included).

    >>> lazy = compile_safe(r"(?i)read more")
    >>> bool(lazy.flags & re.IGNORECASE), lazy._compiled is None, lazy.search("READ MORE here").span()
    (True, True, (0, 9))
    """

    __slots__ = ("pattern", "flags", "_given", "_compiled")

    def __init__(self, pattern: str, given: int, flags: int) -> None:
        self.pattern, self._given, self.flags, self._compiled = pattern, given, flags, None

    def tree(self):
        """The parse of the pattern (the one :func:`compile_safe` made, from the cache)."""
        return parsed(self.pattern, self._given)

    def _engine(self) -> re.Pattern:
        if self._compiled is None:  # (from the start-up snapshot's kept code when a start compiled it before)
            from . import snapshot

            self._compiled = snapshot.compiled(self.pattern, self.flags)
        return self._compiled

    # the calls the rule engine makes per unit read the compiled pattern here, one Python call each, not
    # two (through ``_engine``): a B round makes some 600 of them an article
    def search(self, *args):
        compiled = self._compiled
        return (compiled if compiled is not None else self._engine()).search(*args)

    def fullmatch(self, *args):
        compiled = self._compiled
        return (compiled if compiled is not None else self._engine()).fullmatch(*args)

    def finditer(self, *args):
        compiled = self._compiled
        return (compiled if compiled is not None else self._engine()).finditer(*args)


class LinearPattern(_PatternInterface):
    """An RE2 pattern with the parts of ``re.Pattern``'s interface the rule engine uses; ``flags`` are
    the ones it was given and those it sets inline (as a compiled ``re.Pattern``'s)."""

    __slots__ = ("pattern", "flags", "_re2")

    def __init__(self, source: str, flags: int, compiled):
        self.pattern, self.flags, self._re2 = source, flags, compiled

    def _engine(self):
        return self._re2


def _re2_syntax(pattern: str) -> str:
    """``pattern`` with Python's Unicode ``\\w \\W \\d \\D \\s \\S`` spelled out for RE2, and the
    rule engine's whole-word token wrapper ``(?<!\\w)word(?!\\w)`` as ``\\b`` when the word starts and
    ends with an ASCII letter or digit (RE2 has no look-behind, and its ``\\b`` is ASCII-only).

    >>> print(_re2_syntax(r"\\d+ [\\w-]+"))
    [\\p{Nd}]+ [\\pL\\pN_-]+
    >>> print(_re2_syntax(r"(?<!\\w)Read\\ more(?!\\w)"))
    \\bRead\\ more\\b
    """
    token = _WORD_TOKEN.fullmatch(pattern)
    if token and re.fullmatch(r"[A-Za-z0-9_](?:.*[A-Za-z0-9_])?", re.sub(r"\\(.)", r"\1", token["body"]), re.DOTALL):
        pattern = r"\b" + token["body"] + r"\b"
    out, pos, in_class = [], 0, False
    for match in _ESCAPE.finditer(pattern):
        out.append(pattern[pos:match.start()])
        pos = match.end()
        letter = match.group(1)
        if match.group(2):
            in_class, piece = True, "["
        elif match.group(3):
            in_class, piece = False, "]"
        elif letter and letter.lower() in _UNICODE_CLASSES:
            body = _UNICODE_CLASSES[letter.lower()]
            if letter.islower():
                piece = body if in_class else f"[{body}]"
            else:
                piece = f"[^{body}]" if not in_class else match.group()  # a negated class inside [...]: left as RE2's
        else:
            piece = match.group()
        out.append(piece)
    out.append(pattern[pos:])
    return "".join(out)


MAX_USER_GROUP_DEPTH = 100  # Python's parser (which reads a user pattern first) recursed out near 400


def shown(pattern: str, width: int = 120) -> str:
    """``repr(pattern)`` for an error message, cut to about ``width`` characters (a 2 MB pattern was
    printed whole).

    >>> shown("x" * 500, 10)
    "'xxxxxxxxxx'... (500 characters)"
    """
    return repr(pattern) if len(pattern) <= width else f"{pattern[:width]!r}... ({len(pattern)} characters)"


def group_depth(pattern: str) -> int:
    """How deeply ``pattern`` nests its groups, read in one pass (escapes and brackets inside a
    character class open nothing).

    >>> group_depth(r"(?:a(b)|\\(c\\))[(]"), group_depth("(" * 3 + "x" + ")" * 3)
    (2, 3)
    """
    depth = deepest = 0
    in_class = escaped = False
    for position, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]" or pattern[position - 1] == "[" or pattern[position - 2:position] == "[^"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif char == ")":
            depth = max(0, depth - 1)
    return deepest


def compile_linear(pattern: str, flags: int = 0, *, where: str = "rule pack") -> LinearPattern:
    """Compile a user pack's pattern with RE2 (linear time), or raise RulePackError naming the rule.

    >>> compile_linear(r"a*a*a*a*a*a*b").search("a" * 100000) is None
    True
    >>> compile_linear(r"(?<=Mr\\. )Smith", where="pack.toml: rule 1 (B901)")
    Traceback (most recent call last):
    ...
    cleaner.errors.RulePackError: pack.toml: rule 1 (B901): pattern '(?<=Mr\\\\. )Smith' needs a backtracking engine (invalid perl operator: (?<=); user rule packs run on RE2, which has no look-arounds or back-references: rewrite it without them
    """
    import re2

    depth = group_depth(pattern)
    try:
        if depth > MAX_USER_GROUP_DEPTH:
            raise RecursionError
        inline = _sre_parse.parse(pattern, flags).state.flags  # (``(?i)``, ``(?m)``: the rule engine reads them)
    except re.error as exc:
        raise RulePackError(f"{where}: invalid pattern {shown(pattern)}: {exc}") from None
    except RecursionError:  # Python's parser recurses once per group
        raise RulePackError(f"{where}: pattern {shown(pattern)} has groups nested {depth} deep "
                            f"(at most {MAX_USER_GROUP_DEPTH})") from None
    options = re2.Options()
    options.case_sensitive = not flags & re.IGNORECASE
    options.dot_nl = bool(flags & re.DOTALL)
    options.log_errors = False
    if flags & re.MULTILINE:
        options.never_nl = False
    source = _re2_syntax(pattern)
    if flags & re.MULTILINE:
        source = "(?m)" + source
    try:
        return LinearPattern(pattern, flags | inline, re2.compile(source, options))
    except re2.error as exc:
        reason = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise RulePackError(_re2_refusal(pattern, reason, where)) from None


def _re2_refusal(pattern: str, reason: str, where: str) -> str:
    """Why RE2 refused a pattern, in words that fit the reason (a repeat too large is not a look-around).

    >>> _re2_refusal("a{5000}", "invalid repetition size: {5000}", "p.toml: rule 1 (B901)")
    "p.toml: rule 1 (B901): pattern 'a{5000}' is too large for RE2 (invalid repetition size: {5000}): user rule packs run on RE2, which allows repeats of at most 1000 and patterns of bounded size"
    """
    if "repetition" in reason or "too large" in reason or "too big" in reason:
        return (f"{where}: pattern {shown(pattern)} is too large for RE2 ({reason}): user rule packs run on RE2, "
                "which allows repeats of at most 1000 and patterns of bounded size")
    if "perl operator" in reason or "backreference" in reason:
        return (f"{where}: pattern {shown(pattern)} needs a backtracking engine ({reason}); user rule packs run on "
                "RE2, which has no look-arounds or back-references: rewrite it without them")
    return f"{where}: pattern {shown(pattern)} cannot run on RE2 ({reason}), the engine user rule packs run on"


def _is_user(where: str) -> bool:
    return where.split(": rule ", 1)[0] in _USER_PACKS


@lru_cache(maxsize=1)
def _builtin_root():
    """The shipped packs: ``cleaner.rules`` when installed, ``rules/`` beside the package in a source tree.

    A directory on disk is a ``Path`` found from the import system's own record of the package, without
    ``importlib.resources``: importing that (with ``tempfile``, ``zipfile``, ``random``) cost every start
    about 12 ms of CPU, 4% of a cold ``check`` (``bench/cold_start.py``). A package that is no directory
    (a zip import) is still read through ``importlib.resources``.

    >>> (_builtin_root() / "boilerplate.toml").is_file()
    True
    """
    from importlib.util import find_spec

    try:
        spec = find_spec("cleaner.rules")
    except ModuleNotFoundError:
        spec = None
    if spec is None:
        import cleaner

        beside = Path(cleaner.__file__).resolve().parent.parent / "rules"
        if beside.is_dir():
            return beside
        from importlib import resources

        return resources.files("cleaner").joinpath("..", "rules")
    locations = list(spec.submodule_search_locations or ())
    if len(locations) == 1 and Path(locations[0]).is_dir():
        return Path(locations[0])
    from importlib import resources

    return resources.files("cleaner.rules")


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
    """A shipped pack, parsed, e.g. ``load_builtin("boilerplate")`` or ``load_builtin("names/organisations")``
    (from the start-up snapshot: parsing every TOML file cost a start about 0.02 s)."""
    from . import snapshot

    pack = snapshot.get("packs").get(name)
    return pack if pack is not None else _parse_builtin(name)


def parse_builtin_packs() -> dict:
    """name -> parsed pack, for every shipped pack (a part of :mod:`cleaner.snapshot`)."""
    return {name: _parse_builtin(name) for name in builtin_pack_names()}


def _parse_builtin(name: str) -> dict:
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


# The families a user pack can add rules to: the boilerplate rules and the G5xx phrase rules.
USER_FAMILIES = ("B", "G5")


def load_user_pack(path: str) -> dict:
    """Parse a user pack named in ``extend-rules``; errors name the file. Its patterns run on RE2, and a
    rule whose code no check would run (``X999``) is an error rather than silently ignored. Kept under
    the path and the file's version (``pack_versions``): a pack edited while the process lives is read
    again (it was kept under its path alone, and the edit never read)."""
    return _load_user_pack(path, pack_versions([path])[0][1])


@lru_cache(maxsize=32)
def _load_user_pack(path: str, version) -> dict:
    _USER_PACKS.add(path)
    try:
        pack = tomllib.loads(read_settings_text(path))
    except OSError as exc:
        raise RulePackError(f"{path}: cannot read rule pack: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise RulePackError(f"{path}: {exc}") from None
    except UnicodeDecodeError:
        raise RulePackError(f"{path}: a rule pack must be UTF-8 text") from None
    except ValueError as exc:  # tomllib's int() of a number of over 4,300 digits
        raise RulePackError(f"{path}: {exc}") from None
    except RecursionError:  # tomllib reads nested arrays and tables recursively
        raise RulePackError(f"{path}: arrays or tables nested too deeply") from None
    entries = pack.get("rule", [])
    if not isinstance(entries, list):  # `rule = 5` crashed a later reader with a TypeError
        raise RulePackError(f"{path}: 'rule' must be an array of tables ([[rule]]), not {type(entries).__name__}")
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            raise RulePackError(f"{path}: rule {number} must be a table ([[rule]]), not {type(entry).__name__}")
        _check_types(entry, f"{path}: rule {number} ({entry.get('code', '?')})")
        code = str(entry.get("code", ""))
        if not code.upper().startswith(USER_FAMILIES):
            raise RulePackError(f"{path}: rule {number} has code {code!r}: a user pack may add B (boilerplate) "
                                "or G5 (phrase) rules only; no check would run this one")
    return pack


#: what each optional key of a user rule holds (a wrong type was a traceback deep in a check: ``message = 5``)
_KEY_TYPES = {
    "code": str, "message": str, "pattern": str, "replacement": str, "kind": str, "scope": str, "fix": str,
    "match": str, "delete": str, "link": str, "name": str, "description": str, "example": str,
    "confidence": (int, float), "paragraphs": int, "max-words": int, "min-words": int,
    "ignorecase": bool, "whole-word": bool, "keep-case": bool, "keep-plural": bool,
    "patterns": list, "tokens": list, "unless": list, "swap": dict,
}


def _check_types(entry: dict, where: str) -> None:
    """A clear error for a user rule key of the wrong type (lists must hold strings).

    >>> _check_types({"code": "B901", "message": 5}, "p.toml: rule 1 (B901)")
    Traceback (most recent call last):
    cleaner.errors.RulePackError: p.toml: rule 1 (B901): 'message' must be a string, not int
    """
    names = {str: "a string", int: "a whole number", bool: "true or false", list: "a list of strings",
             dict: "a table of strings", (int, float): "a number"}
    for key, kind in _KEY_TYPES.items():
        if key not in entry:
            continue
        value = entry[key]
        wrong = not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool)
        if not wrong and kind is list:
            wrong = not all(isinstance(item, str) for item in value)
        if not wrong and kind is dict:
            wrong = not all(isinstance(item, str) for item in value.values())
        if wrong:
            raise RulePackError(f"{where}: {key!r} must be {names[kind]}, not {type(value).__name__}")


def pack_versions(paths: Iterable[str]) -> tuple:
    """``((path, version), ...)``: what compiled user packs are kept under, so a pack edited while the
    process lives is read again (they were kept under the path alone). The version is the file's size,
    times and inode (None when it cannot be read: loading it says why). One ``stat`` a pack.

    >>> pack_versions(["/nonexistent/pack.toml"])
    (('/nonexistent/pack.toml', None),)
    """
    out = []
    for path in paths:
        try:
            found = os.stat(path)
            out.append((path, (found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino)))
        except (OSError, ValueError):
            out.append((path, None))
    return tuple(out)


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
            digest.update(read_settings_text(path).encode("utf-8"))
        except (OSError, UnicodeDecodeError):  # loading it says why
            digest.update(path.encode())
    return digest.hexdigest()[:16]
