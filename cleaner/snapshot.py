"""One precomputed snapshot of what every start used to build from ``rules/``: the lexicon, the
gazetteer (with the indexes the name passes derive from it) and the parsed rule packs, plus facts about
the shipped regexes.

Why: building them from the shipped word lists and TOML files cost a cold ``check`` of one article
about 0.25 s (0.14 s lexicon, 0.06 s gazetteer, 0.02 s TOML), four times codespell's whole start.
Unpickling the built objects costs about a third of that.

The snapshot is built on first use and written atomically, like Python's own bytecode: beside the
package (``cleaner/__pycache__``) when that directory is writable, else in the user's cache directory
(``$XDG_CACHE_HOME`` or ``~/.cache``, ``news-cleaner/``), or where ``NEWS_CLEANER_DATA_CACHE`` points
(``off``: never written or read). It is never trusted blindly: its header names the snapshot format,
the package and Python versions, the rules directory and every source file (each rule file and the
modules that build the parts) with its size, modification time and SHA-256. A file whose size or time
changed is hashed again; any difference, or a file that cannot be read or unpickled, means the
snapshot is rebuilt. Unpickling admits only the few classes the parts are made of.

Parts are decoded separately: a selection that needs no lexicon (``--select E,B,Q``) does not pay for
unpickling one.
"""

from __future__ import annotations

import atexit
import gc
import hashlib
import io
import marshal
import os
import pickle
import sys
from importlib import import_module
from pathlib import Path
from typing import Optional

FORMAT = 2  # the layout of the file; part of its header
MAGIC = b"NCSNAP2\n"  # a snapshot file starts with it, then its header's length (8 bytes) and header
# part name -> the function that builds it ("module:function", called without arguments)
PARTS = {
    "packs": "cleaner.rulepacks:parse_builtin_packs",
    "lexicon": "cleaner.lexicon:Lexicon",
    "gazetteer": "cleaner.gazetteer:build",
    "facts": "builtins:dict",
}
# Parts that grow as checks use them: the gazetteer's derived indexes (Gazetteer.derived) and facts
# about regexes (memo()); a command-line run that grew one writes it back (save_learned()).
LEARNING = {"gazetteer": lambda gaz: len(gaz.indexes), "facts": len}
MAX_FACTS = 20000  # more facts than the shipped patterns need: a user's own are not kept
# the modules whose code decides what a part holds (their source is part of the header)
BUILDERS = ("snapshot", "rulepacks", "toml_compat", "lexicon", "gazetteer", "rule_anchors", "rule_engine",
            "checks/name_tokens", "checks/names", "checks/name_slips", "checks/acronyms", "checks/casing",
            "checks/phrases")
# the only classes a snapshot may contain (everything else in it is plain data)
ALLOWED = {
    ("builtins", "set"), ("builtins", "frozenset"),
    ("cleaner.lexicon", "Lexicon"), ("cleaner.gazetteer", "Entry"), ("cleaner.gazetteer", "Gazetteer"),
    ("copyreg", "_reconstructor"), ("builtins", "object"),
}
FILE_NAME = f"snapshot-{sys.implementation.cache_tag}.bin"

_values: dict = {}  # part name -> its object, once built or loaded in this process
_sections = None  # part name -> pickled bytes: a _Stored file's, or the parts built here ({} when none)
_recorded_sources: Optional[list] = None  # the sources the sections were built from
_sizes: dict = {}  # learning part -> its size when loaded or built
_building = False
_MISSING = object()


def memo(kind: str, key, compute):
    """``compute()``, remembered by ``(kind, key)`` in the snapshot's ``facts`` part: for facts about
    shipped regexes that only their text decides (anchors, width, backtracking safety), whose parsing
    cost a start about 0.05 s. The value must be plain data.

    >>> memo("demo", "a+", lambda: 1), memo("demo", "a+", lambda: 2)
    (1, 1)
    """
    facts = get("facts")
    value = facts.get((kind, key), _MISSING)
    if value is _MISSING:
        value = compute()
        if len(facts) < MAX_FACTS:
            facts[kind, key] = value
    return value


def compiled(pattern: str, flags: int = 0):
    """``re.compile(pattern, flags)``, from the engine code a start compiled before and kept in the
    ``facts`` part (under ``"sre"``): the same pattern (``==`` compares the flags, the code and the
    pattern text), without parsing it again. Compiling the shipped patterns a one-article ``check``
    runs cost a cold start about 0.03 s of its ~0.3 s; the kept code is read in a few microseconds a
    pattern. Kept only where ``re``'s compiler is the one this reads (CPython's ``re._compiler``);
    ``_sre`` validates the code it is given, and a part it refuses compiles as usual.

    >>> import re
    >>> compiled(r"(?i)read (?P<what>more)\\b") == re.compile(r"(?i)read (?P<what>more)\\b")
    True
    >>> compiled(r"(?i)read (?P<what>more)\\b").search("READ MORE").group("what")
    'MORE'
    """
    import re

    parts = memo("sre", (pattern, int(flags)), lambda: _engine_parts(pattern, flags))
    if parts is not None:
        try:
            import _sre
            from array import array

            return _sre.compile(pattern, parts[0], array(_CODE_TYPE, parts[1]).tolist(), *parts[2:])
        except Exception:  # noqa: BLE001 - a part another Python wrote: compile as usual
            pass
    return re.compile(pattern, flags)


_CODE_TYPE = "I"  # the engine's code units (SRE_CODE: 32 bits); "L" where "I" is not 4 bytes
if __import__("array").array("I").itemsize != 4:  # pragma: no cover - no such platform in use
    _CODE_TYPE = "L"


def _engine_parts(pattern: str, flags: int) -> Optional[tuple]:
    """(flags, code as bytes, groups, group index, index group): what ``re._compiler.compile`` hands
    ``_sre.compile`` for ``pattern`` (CPython 3.11+, step for step), or None when the compiler is not that
    one. Made once, as ``re.compile`` makes them (no second compile to compare: a start's first use of a
    pattern costs what compiling it did; tests/test_snapshot.py compares every shipped pattern)."""
    try:
        from array import array
        from re import _compiler, _parser

        tree = _parser.parse(pattern, flags)
        code = _compiler._code(tree, flags)
        groupindex = dict(tree.state.groupdict)
        indexgroup = [None] * tree.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        # (plain data only: a RegexFlag would be a class the snapshot refuses to load, and lose the part)
        parts = (int(flags | tree.state.flags), array(_CODE_TYPE, code).tobytes(), tree.state.groups - 1, groupindex,
                 tuple(indexgroup))
    except Exception:  # noqa: BLE001 - another compiler (or an invalid pattern: re.compile raises it)
        return None
    return parts


def get(name: str):
    """The part ``name`` (one of PARTS): from the snapshot when it is valid, else built (and, the
    first time, every part built and the snapshot written for the next start)."""
    value = _values.get(name)
    if value is not None:
        return value
    global _building
    if _building:  # a builder asks for another part: build it too
        value = _values[name] = _build(name)
        return value
    sections = _load()
    if name in sections:
        try:
            value = _unpickle(sections[name])
        except Exception:  # a damaged part: build them all again (the cause stays unknown, so no error)
            pass
        else:
            _values[name] = value
            if name in LEARNING:
                _sizes[name] = LEARNING[name](value)
            return value
    # recorded before building (a source changed meanwhile makes the next start rebuild), and only
    # when the snapshot can be written somewhere: else pickling and hashing would be wasted
    recorded = _recorded() if _writable_directory() else None
    _building = True
    try:
        for part in PARTS:
            if part not in _values:
                _values[part] = _build(part)
    finally:
        _building = False
    if recorded is not None:
        _save(recorded)
    return _values[name]


def save_learned() -> None:
    """Write back the learning parts this process grew (the command line calls it before exiting),
    so the next start finds the derived indexes and regex facts this one built."""
    if not _sections or _recorded_sources is None:
        return
    _keep_engine_code()
    grown = {name: value for name, value in _values.items()
             if name in LEARNING and LEARNING[name](value) > _sizes.get(name, 0)}
    if not grown:
        return
    try:
        sections = {name: _sections[name] for name in PARTS}
    except (OSError, EOFError, KeyError):
        return
    changed = False
    for name, value in grown.items():
        try:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            _unpickle(data)  # a class the next start would refuse: keep the old part
        except Exception:
            continue
        sections[name], changed = data, True
        _sizes[name] = LEARNING[name](value)
    if changed:
        _write(sections, _recorded_sources)


def _keep_engine_code() -> None:
    """Add to the ``facts`` part the engine code (``compiled``) of every shipped rule pattern loaded in
    this process that it lacks: all of them at once, on the first write after a snapshot is built, not a
    few more with each article that first runs them (each of which wrote the whole snapshot again, ~12 MB:
    a cold check of a new article cost ~5% more instructions than before the code was kept)."""
    facts = _values.get("facts")
    if facts is None:
        return
    from .rulepacks import shipped_patterns

    for pattern, flags in shipped_patterns():
        if len(facts) >= MAX_FACTS:
            break
        if ("sre", (pattern, flags)) not in facts:
            facts["sre", (pattern, flags)] = _engine_parts(pattern, flags)


def forget() -> None:
    """Drop the loaded parts (tests that change what they are built from)."""
    global _sections, _recorded_sources
    _values.clear()
    _sizes.clear()
    if isinstance(_sections, _Stored):
        _sections.handle.close()
    _sections = _recorded_sources = None


def _build(name: str):
    module, _, function = PARTS[name].partition(":")
    value = getattr(import_module(module), function)()
    if name in LEARNING:
        _sizes[name] = LEARNING[name](value)
    return value


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if (module, name) not in ALLOWED:
            raise pickle.UnpicklingError(f"snapshot: {module}.{name} is not a snapshot class")
        return super().find_class(module, name)


def _unpickle(data: bytes):
    """The part pickled in ``data``, with the garbage collector paused: collections triggered while
    tens of thousands of containers are being made cost unpickling the gazetteer about 0.008 s."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return _Unpickler(io.BytesIO(data)).load()
    finally:
        if _freeze_loaded:
            gc.freeze()
        if paused:
            gc.enable()


_freeze_loaded = False


def freeze_loaded_parts(on: bool = True) -> None:
    """Move every part loaded from now on out of the garbage collector's reach (``gc.freeze``).

    The parts live as long as the process, yet each full collection walked their hundreds of
    thousands of containers again: about 0.07 s of a one-article ``check``'s 0.26 s CPU. Freezing
    also freezes whatever else the process holds at that moment, so only a process that is ours
    from start to end (the command line) turns it on; a library caller's process is left alone.
    """
    global _freeze_loaded
    _freeze_loaded = on


# -- where the file lives and what it is keyed by ------------------------------------------------------
def _directories() -> list:
    """Where the snapshot may be, first choice first."""
    base = os.environ.get("NEWS_CLEANER_DATA_CACHE")
    if base == "off":
        return []
    if base:
        return [base]
    home_cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return [os.path.join(os.path.dirname(os.path.abspath(__file__)), "__pycache__"),
            os.path.join(home_cache, "news-cleaner")]


def _sources() -> list:
    """Every file a part is built from: the rule files and the building modules' source."""
    from .rulepacks import _builtin_root

    root = Path(str(_builtin_root()))
    files = [p for p in sorted(root.rglob("*")) if p.is_file() and "__pycache__" not in p.parts
             and not p.name.endswith((".py", ".pyc"))]
    here = Path(__file__).resolve().parent
    return files + [here.joinpath(*f"{module}.py".split("/")) for module in BUILDERS]


def _identity() -> tuple:
    """What a snapshot must have been built by: format, package and Python versions, rules directory."""
    from . import __version__
    from .rulepacks import _builtin_root

    return (FORMAT, __version__, sys.version_info[:2], str(_builtin_root()))


def _stat(path: Path) -> tuple:
    st = path.stat()
    return (st.st_size, st.st_mtime_ns)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fresh(recorded: list) -> Optional[bool]:
    """True when every recorded source is unchanged by size and time; False when one differs in
    content (or the list of sources changed); None when only times changed (same content: the header
    is rewritten with the new times)."""
    sources = _sources()
    if [str(p) for p in sources] != [entry[0] for entry in recorded]:
        return False
    touched = False
    for path, (_, size, mtime, digest) in zip(sources, recorded):
        try:
            if _stat(path) == (size, mtime):
                continue
            if path.stat().st_size != size or _digest(path) != digest:
                return False
        except OSError:
            return False
        touched = True
    return None if touched else True


class _Stored:
    """The sections of a snapshot file, each read when its part is first asked for (reading the whole
    file cost a start 0.012 s), through the handle opened at start: a file another process replaces
    meanwhile stays readable through it."""

    def __init__(self, handle, start: int, spans: dict) -> None:
        self.handle, self.start, self.spans = handle, start, spans

    def __contains__(self, name: str) -> bool:
        return name in self.spans

    def __getitem__(self, name: str) -> bytes:
        offset, length = self.spans[name]
        self.handle.seek(self.start + offset)
        data = self.handle.read(length)
        if len(data) != length:
            raise EOFError(f"snapshot: part {name} is cut short")
        return data


def _load():
    """The sections of the first valid snapshot file, or {}."""
    global _sections, _recorded_sources
    if _sections is not None:
        return _sections
    _sections = {}
    for directory in _directories():
        path = os.path.join(directory, FILE_NAME)
        try:
            handle = open(path, "rb")
        except OSError:
            continue
        try:
            head = handle.read(len(MAGIC) + 8)
            if head[:len(MAGIC)] != MAGIC:
                raise ValueError("not a snapshot")
            size = int.from_bytes(head[len(MAGIC):], "little")
            identity, recorded, spans = marshal.loads(handle.read(size))
            if identity != _identity() or not isinstance(spans, dict):
                raise ValueError("another version's snapshot")
            fresh = _fresh(recorded)
            if fresh is False:
                raise ValueError("stale")
        except (OSError, EOFError, ValueError, TypeError):
            handle.close()
            continue
        _sections, _recorded_sources = _Stored(handle, len(head) + size, spans), recorded
        atexit.register(handle.close)  # (kept open for the parts read on first use; closed at exit, not left to the GC)
        if fresh is None:  # same content, new times: record them so the next start skips the hashing
            _recorded_sources = _recorded()
            try:
                _write({name: _sections[name] for name in spans}, _recorded_sources)
            except (OSError, EOFError):
                pass
        return _sections
    return _sections


def _recorded() -> Optional[list]:
    """(path, size, modification time, SHA-256) of every source, or None when one cannot be read."""
    try:
        return [(str(p), *_stat(p), _digest(p)) for p in _sources()]
    except OSError:
        return None


def _save(recorded: Optional[list]) -> None:
    """Write every built part as the snapshot (best effort: an unwritable place is skipped)."""
    global _sections, _recorded_sources
    sections = {name: pickle.dumps(_values[name], protocol=pickle.HIGHEST_PROTOCOL) for name in PARTS}
    _sections, _recorded_sources = sections, recorded
    _write(sections, recorded)


def _writable_directory() -> Optional[str]:
    """The first place of _directories() where a snapshot can be written (made if missing), or None."""
    for directory in _directories():
        try:
            os.makedirs(directory, exist_ok=True)
        except OSError:
            continue
        if os.access(directory, os.W_OK):
            return directory
    return None


def _write(sections: dict, recorded: Optional[list]) -> None:
    from .atomic import atomic_write

    if recorded is None or not _directories():
        return
    spans, at = {}, 0
    for name, section in sections.items():
        spans[name] = (at, len(section))
        at += len(section)
    header = marshal.dumps((_identity(), recorded, spans))
    data = b"".join([MAGIC, len(header).to_bytes(8, "little"), header, *sections.values()])
    for directory in _directories():
        try:
            os.makedirs(directory, exist_ok=True)
            atomic_write(os.path.join(directory, FILE_NAME), data, durable=False)
            return
        except OSError:
            continue
