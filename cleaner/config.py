"""Settings: defaults, discovery of the nearest config file, validation with did-you-mean, provenance.

Read from the nearest directory upward: ``news-cleaner.toml``, ``.news-cleaner.toml``,
``pyproject.toml`` ``[tool.news-cleaner]`` (only when that table exists), ``setup.cfg``
``[news-cleaner]``. ``--config FILE`` replaces discovery; command-line options win over files.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Optional

from .errors import CleanerError, ConfigError
from .toml_compat import read_settings_text, tomllib

CONFIG_FILES = ("news-cleaner.toml", ".news-cleaner.toml", "pyproject.toml", "setup.cfg")

#: set to 1 (or true, yes) by the person running news-cleaner to let a config file's
#: ``[languagetool] url`` receive their articles
LANGUAGETOOL_OPT_IN = "NEWS_CLEANER_ALLOW_LANGUAGETOOL"
#: where values come from when the person running news-cleaner gave them (not a file they may not have read)
CALLER_SOURCES = frozenset({"command line", "arguments", "config"})

LANGUAGETOOL_KEYS = {"url", "timeout", "disabled-rules", "disabled-categories", "language"}
SCORE_KEYS = {"garbled-below", "clean-above"}
SITE_BOILERPLATE_KEYS = {"min-articles", "min-share", "min-length", "site-key"}
EXTRACT_KEYS = {"favor", "fast"}
QUOTES_KEYS = {"emphasis-runs"}


@dataclass
class LanguageToolSettings:
    url: Optional[str] = None
    timeout: float = 10.0
    disabled_rules: list = field(default_factory=list)
    disabled_categories: list = field(default_factory=list)
    language: Optional[str] = None


@dataclass
class Settings:
    """Every setting news-cleaner reads; attribute names are the config keys with ``-`` as ``_``."""

    select: list = field(default_factory=lambda: ["ALL"])
    extend_select: list = field(default_factory=list)
    ignore: list = field(default_factory=list)
    per_file_ignores: dict = field(default_factory=dict)
    unsafe_fixes: bool = False
    extend_rules: list = field(default_factory=list)
    known_names: list = field(default_factory=list)
    allow_words: list = field(default_factory=list)
    exclude: list = field(default_factory=lambda: [
        ".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".news_cleaner_cache",
        "build", "dist", ".tox", ".nox", ".mypy_cache", ".pytest_cache",
    ])
    extend_exclude: list = field(default_factory=list)
    respect_gitignore: bool = True
    fail_under: Optional[float] = None
    timeout_per_file: Optional[float] = None
    language: str = "en"
    cache_dir: str = ".news_cleaner_cache"
    #: files larger than this many MB are not read (a clear error names the file); 0 means no limit
    max_file_size: float = 100.0
    #: a JSONL record (line) longer than this many million characters is not cleaned: a bad record (the
    #: rejects in ``batch``, kept as it was); 0 means no limit. Its findings and output grow with it
    max_record_size: float = 12.0
    score: dict = field(default_factory=lambda: {"garbled-below": 0.5, "clean-above": 0.9})
    site_boilerplate: dict = field(default_factory=lambda: {
        "min-articles": 5, "min-share": 0.5, "min-length": 3, "site-key": "host",
    })
    extract: dict = field(default_factory=lambda: {"favor": "precision", "fast": False})
    quotes: dict = field(default_factory=lambda: {"emphasis-runs": "keep"})
    languagetool: LanguageToolSettings = field(default_factory=LanguageToolSettings)
    sources: dict = field(default_factory=dict, compare=False, repr=False)
    config_file: Optional[str] = field(default=None, compare=False)
    root: Optional[str] = field(default=None, compare=False, repr=False)
    #: the person running news-cleaner opted in to a config file's LanguageTool server (--allow-languagetool)
    allow_languagetool: bool = field(default=False, compare=False, repr=False)

    def effective_select(self) -> list:
        return list(self.select) + list(self.extend_select)

    def ignores_for(self, path: Optional[str]) -> list:
        """``ignore`` plus the ``per-file-ignores`` entries whose glob matches ``path``."""
        extra: list = []
        if path and self.per_file_ignores:  # (resolving the path cost a 60-byte file's check 9% of its CPU)
            rel = _relative(path, self.root)
            for pattern, codes in self.per_file_ignores.items():
                if _glob_match(rel, pattern):
                    extra.extend(codes)
        return list(self.ignore) + extra

    def fingerprint_data(self) -> dict:
        """What the cache key depends on: every setting that changes findings."""
        hidden = {"sources", "config_file", "root", "allow_languagetool"}
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in hidden}
        data["languagetool"] = vars(self.languagetool)
        return data

    def languagetool_blocked(self) -> Optional[str]:
        """Why the configured LanguageTool url is not used, or None when it may be.

        A url read from a config file (a repository's, which the person running news-cleaner may
        never have read) would send every article off the machine: it is used only with their opt-in,
        ``--allow-languagetool`` or ``NEWS_CLEANER_ALLOW_LANGUAGETOOL=1``. A url given by the caller
        (command line, a dict or Settings in the library) needs none.

        >>> Settings(languagetool=LanguageToolSettings(url="http://127.0.0.1:8010")).languagetool_blocked()
        >>> s = Settings(languagetool=LanguageToolSettings(url="http://lt.example"), sources={"languagetool.url": "repo/news-cleaner.toml"})
        >>> s.languagetool_blocked()[:60]
        'LanguageTool checks skipped: repo/news-cleaner.toml sets [la'
        """
        where = self.sources.get("languagetool.url")
        if not self.languagetool.url or where is None or where in CALLER_SOURCES or self.allow_languagetool:
            return None
        if os.environ.get(LANGUAGETOOL_OPT_IN, "").strip().lower() in {"1", "true", "yes", "on"}:
            return None
        return (f"LanguageTool checks skipped: {where} sets [languagetool] url = {self.languagetool.url!r}, which "
                f"would receive every article; to allow it, pass --allow-languagetool or set {LANGUAGETOOL_OPT_IN}=1")


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def toml_value(value: Any) -> Optional[str]:
    """A setting's value written as TOML; ``None`` for an unset value (TOML has no null).

    >>> toml_value({"disabled-rules": ["A"], "url": None, "timeout": 10.0, "a/*.txt": ["Q"]})
    '{disabled-rules = ["A"], timeout = 10.0, "a/*.txt" = ["Q"]}'
    >>> toml_value(None) is None
    True
    >>> toml_value(True), toml_value("é")
    ('true', '"é"')
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string
    if isinstance(value, dict):
        items = ((str(k), toml_value(v)) for k, v in value.items())
        return "{" + ", ".join(f"{k if _BARE_KEY.fullmatch(k) else json.dumps(k, ensure_ascii=False)} = {v}"
                               for k, v in items if v is not None) + "}"
    if isinstance(value, (list, tuple, set)):
        return "[" + ", ".join(v for v in map(toml_value, value) if v is not None) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def _relative(path: str, root: Optional[str]) -> str:
    try:
        from .fileio import resolved_path

        return resolved_path(path).relative_to(Path(root or os.getcwd()).resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def _glob_match(rel: str, pattern: str) -> bool:
    return fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(Path(rel).name, pattern)


_LIST_KEYS = {"select", "extend-select", "ignore", "extend-rules", "known-names", "allow-words", "exclude", "extend-exclude"}
_BOOL_KEYS = {"unsafe-fixes", "respect-gitignore"}
_KNOWN_KEYS = _LIST_KEYS | _BOOL_KEYS | {
    "per-file-ignores", "fail-under", "timeout-per-file", "language", "cache-dir", "languagetool", "score",
    "site-boilerplate", "extract", "max-file-size", "max-record-size", "quotes",
}


def _did_you_mean(key: str, options) -> str:
    import difflib  # (only a config error needs it)

    close = difflib.get_close_matches(key, sorted(options), n=1, cutoff=0.5)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _as_list(key: str, value: Any, where: str) -> list:
    if isinstance(value, str):
        items = [v.strip() for v in value.replace("\n", ",").split(",")]
        return [v for v in items if v]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ConfigError(f"{where}: '{key}' must be a list of strings")


def _as_bool(key: str, value: Any, where: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in {"true", "yes", "1", "on", "false", "no", "0", "off"}:
        return value.strip().lower() in {"true", "yes", "1", "on"}
    raise ConfigError(f"{where}: '{key}' must be true or false")


def _as_float(key: str, value: Any, where: str, low: float = 0.0, high: float = 1.0) -> float:
    try:
        if isinstance(value, bool):  # float(True) is 1.0: `fail-under = true` failed every article
            raise TypeError
        number = float(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{where}: '{key}' must be a number") from None
    if not low <= number <= high:
        raise ConfigError(f"{where}: '{key}' must be between {low} and {high}")
    return number


def _as_whole(key: str, value: Any, where: str, low: int, high: int) -> int:
    """A whole number from TOML (``5``, ``5.0``) or setup.cfg (``"5"``), within ``[low, high]``.

    >>> _as_whole("min-articles", "5", "setup.cfg", 1, 100), _as_whole("min-articles", 5.0, "x.toml", 1, 100)
    (5, 5)
    >>> _as_whole("min-articles", float("inf"), "x.toml", 1, 100)
    Traceback (most recent call last):
    cleaner.errors.ConfigError: x.toml: 'min-articles' must be a whole number
    """
    try:
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise TypeError
        number = float(value) if not isinstance(value, int) else value
        if number != int(number):
            raise ValueError
        number = int(number)
    except (TypeError, ValueError, OverflowError):
        raise ConfigError(f"{where}: '{key}' must be a whole number") from None
    if not low <= number <= high:
        raise ConfigError(f"{where}: '{key}' must be between {low} and {high}")
    return number


def _site_boilerplate_table(current: dict, table: dict, where: str) -> dict:
    """``[site-boilerplate]`` checked when the config is read: its values were read only by a folder's
    learning pass, where ``min-articles = "many"`` was a traceback in the middle of the run."""
    checked = {}
    for key, value in table.items():
        name = f"site-boilerplate.{key}"
        if key == "min-articles":
            checked[key] = _as_whole(name, value, where, 1, 10**9)
        elif key == "min-length":
            checked[key] = _as_whole(name, value, where, 0, 10**6)
        elif key == "min-share":
            checked[key] = _as_float(name, value, where)
        elif not isinstance(value, str):  # site-key
            raise ConfigError(f"{where}: '{name}' must be a string")
        else:
            checked[key] = value
    return {**current, **checked}


def _languagetool_url(value: Any, where: str) -> str:
    """``[languagetool] url`` as read: a string the URL parser takes (``url = 5`` and ``"http://[bad"`` were
    tracebacks once the checks ran; whether it is an http(s) URL is said then, as a notice).

    >>> _languagetool_url("http://[bad", "x.toml")
    Traceback (most recent call last):
    cleaner.errors.ConfigError: x.toml: 'languagetool.url' cannot be parsed: Invalid IPv6 URL
    """
    from urllib.parse import urlsplit

    if not isinstance(value, str):
        raise ConfigError(f"{where}: 'languagetool.url' must be a string")
    try:
        urlsplit(value).port  # (the port is read only on demand: 'http://x:99999' fails here)
    except ValueError as exc:
        raise ConfigError(f"{where}: 'languagetool.url' cannot be parsed: {exc}") from None
    return value


def _check_table(name: str, table: Any, allowed: set, where: str) -> dict:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: '{name}' must be a table")
    for key in table:
        if key not in allowed:
            raise ConfigError(f"{where}: unknown key '{name}.{key}'{_did_you_mean(key, allowed)}")
    return table


def user_pack_codes(paths: tuple) -> set:
    """The codes the rule packs at ``paths`` add (``B901``), so ``select`` and ``ignore`` may name them."""
    from .rulepacks import load_user_pack

    codes = set()
    for path in paths:
        try:
            entries = load_user_pack(path).get("rule", [])
        except CleanerError:  # an unreadable pack is reported when the checks load it
            continue
        codes.update(str(e.get("code", "")) for e in (entries if isinstance(entries, list) else []) if isinstance(e, dict))
    return codes


def apply_mapping(settings: Settings, data: dict, where: str) -> Settings:
    """Validate a parsed config table and return settings updated from it (unknown keys are errors)."""
    updates: dict = {}
    sources = dict(settings.sources)
    unknown: list = []  # (key, prefix) not a built-in code: checked against the rule packs once they are known
    for key, value in data.items():
        if key not in _KNOWN_KEYS:
            raise ConfigError(f"{where}: unknown key '{key}'{_did_you_mean(key, _KNOWN_KEYS)}")
        attr = key.replace("-", "_")
        if key in _LIST_KEYS:
            value = _as_list(key, value, where)
            if key in {"select", "extend-select", "ignore"}:
                from .codes import is_valid_prefix

                value = [prefix.upper() for prefix in value]  # codes are case-insensitive on input
                unknown.extend((key, prefix) for prefix in value if not is_valid_prefix(prefix))
            if key in {"extend-rules"}:
                value = _rule_pack_paths(value, where)
        elif key in _BOOL_KEYS:
            value = _as_bool(key, value, where)
        elif key == "fail-under":
            value = _as_float(key, value, where)
        elif key in {"max-file-size", "max-record-size"}:  # in MB / millions of characters; 0: no limit
            value = _as_float(key, value, where, 0.0, 1e6)
        elif key == "timeout-per-file":
            value = _as_float(key, value, where, 0.01, 86400.0)
        elif key in {"language", "cache-dir"}:
            if not isinstance(value, str):
                raise ConfigError(f"{where}: '{key}' must be a string")
        elif key == "per-file-ignores":
            value = _parse_per_file_ignores(value, where)
        elif key == "score":
            table = _check_table(key, value, SCORE_KEYS, where)
            value = {**settings.score, **{k: _as_float(f"score.{k}", v, where) for k, v in table.items()}}
            if value["garbled-below"] > value["clean-above"]:
                raise ConfigError(f"{where}: 'score.garbled-below' ({value['garbled-below']:g}) must not be above "
                                  f"'score.clean-above' ({value['clean-above']:g})")
        elif key == "site-boilerplate":
            value = _site_boilerplate_table(settings.site_boilerplate, _check_table(key, value, SITE_BOILERPLATE_KEYS, where),
                                            where)
        elif key == "extract":
            value = _extract_table(settings.extract, _check_table(key, value, EXTRACT_KEYS, where), where)
        elif key == "quotes":
            value = _quotes_table(settings.quotes, _check_table(key, value, QUOTES_KEYS, where), where)
        elif key == "languagetool":
            table = _check_table(key, value, LANGUAGETOOL_KEYS, where)
            lt = replace(settings.languagetool)
            for lt_key, lt_value in table.items():
                if lt_key in {"disabled-rules", "disabled-categories"}:
                    lt_value = _as_list(f"languagetool.{lt_key}", lt_value, where)
                elif lt_key == "timeout":
                    lt_value = _as_float("languagetool.timeout", lt_value, where, 0.1, 600)
                elif lt_key == "url":
                    lt_value = _languagetool_url(lt_value, where)
                setattr(lt, lt_key.replace("-", "_"), lt_value)
                sources[f"languagetool.{lt_key}"] = where
            value = lt
        updates[attr] = value
        sources[key] = where
    if unknown:
        codes = user_pack_codes(tuple(updates.get("extend_rules", settings.extend_rules)))
        for key, prefix in unknown:
            if not any(code.startswith(prefix) for code in codes):
                raise ConfigError(f"{where}: '{key}' names unknown rule code or prefix '{prefix}'")
    new = replace(settings, **updates)
    new.sources = sources
    return new


def _rule_pack_paths(paths: list, where: str) -> list:
    """``extend-rules`` paths made absolute; a config file may name packs only inside its own folder tree.

    A repository's config that loads ``/etc/...`` or ``../../elsewhere.toml`` (or a symbolic link out of
    the project) would read files its user never meant to share with it: a ConfigError naming the path.
    Paths given by the caller (command line, library) may be anywhere.
    """
    is_file = where not in CALLER_SOURCES and os.path.isfile(where)
    base = Path(where).resolve().parent if is_file else Path.cwd()
    resolved = []
    for value in paths:
        path = (base / os.path.expanduser(value)).resolve() if is_file else Path(value).expanduser().resolve()
        if is_file and base != path and base not in path.parents:
            raise ConfigError(f"{where}: extend-rules names {value!r} ({path}), outside the project ({base}); "
                              "a config file may load rule packs only from its own folder tree (pass others "
                              "with --extend-rules on the command line)")
        resolved.append(str(path))
    return resolved


def _extract_table(current: dict, table: dict, where: str) -> dict:
    """``[extract]``: ``favor`` is one of balanced / precision / recall, ``fast`` true or false."""
    from .extract import FAVOR

    value = {**current, **table}
    if value["favor"] not in FAVOR:
        raise ConfigError(f"{where}: 'extract.favor' must be one of {', '.join(map(repr, FAVOR))}, not {value['favor']!r}"
                          f"{_did_you_mean(str(value['favor']), FAVOR)}")
    value["fast"] = _as_bool("extract.fast", value["fast"], where)
    return value


def _quotes_table(current: dict, table: dict, where: str) -> dict:
    """``[quotes]``: ``emphasis-runs`` is ``keep`` (``!!`` stays as the writer's emphasis) or ``collapse``."""
    from .checks.quotes import EMPHASIS_RUNS

    value = {**current, **table}
    runs = value["emphasis-runs"]
    if runs not in EMPHASIS_RUNS:
        raise ConfigError(f"{where}: 'quotes.emphasis-runs' must be one of {', '.join(map(repr, EMPHASIS_RUNS))}, "
                          f"not {runs!r}{_did_you_mean(str(runs), EMPHASIS_RUNS)}")
    return value


def _parse_per_file_ignores(value: Any, where: str) -> dict:
    if isinstance(value, str):  # INI: "glob: B,S" lines
        result = {}
        for line in value.splitlines():
            if line.strip():
                glob, _, codes = line.partition(":")
                result[glob.strip()] = _as_list("per-file-ignores", codes, where)
        return result
    if isinstance(value, dict):
        return {glob: _as_list("per-file-ignores", codes, where) for glob, codes in value.items()}
    raise ConfigError(f"{where}: 'per-file-ignores' must be a table of glob = [codes]")


def read_config_file(path: Path) -> Optional[dict]:
    """The news-cleaner table of one file, or None when that file has none."""
    import configparser  # (imported here: a run with no config file reads none, and it cost every start 1 ms)

    where = str(path)
    try:
        if path.name == "setup.cfg":
            parser = configparser.ConfigParser()
            parser.read_string(read_settings_text(path), source=where)
            section = "news-cleaner" if parser.has_section("news-cleaner") else None
            if section is None:
                return None
            data: dict = {}
            for key, value in parser.items(section):
                if "." in key:
                    table, _, sub = key.partition(".")
                    data.setdefault(table, {})[sub] = value
                else:
                    data[key] = value
            return data
        raw = tomllib.loads(read_settings_text(path))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{where}: cannot read config: {exc}") from None
    except (tomllib.TOMLDecodeError, configparser.Error) as exc:
        raise ConfigError(f"{where}: invalid config: {exc}") from None
    except ValueError as exc:  # tomllib's int() of a number of over 4,300 digits
        raise ConfigError(f"{where}: invalid config: {exc}") from None
    except RecursionError:  # tomllib reads nested arrays and tables recursively
        raise ConfigError(f"{where}: invalid config: arrays or tables nested too deeply") from None
    if path.name == "pyproject.toml":
        return _tool_table(raw, where)
    return raw


def _tool_table(raw: dict, where: str) -> Optional[dict]:
    """pyproject.toml's ``[tool.news-cleaner]`` table, or None; ``tool`` or it being no table (``tool =
    [1, 2]``) is a clear error, not an AttributeError.

    >>> _tool_table({"tool": {"news-cleaner": {"select": ["E"]}}}, "p"), _tool_table({"project": {}}, "p")
    ({'select': ['E']}, None)
    >>> _tool_table({"tool": {"news-cleaner": "x"}}, "p")
    Traceback (most recent call last):
    cleaner.errors.ConfigError: p: 'tool.news-cleaner' must be a table ([tool.news-cleaner]), not str
    """
    tool = raw.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{where}: 'tool' must be a table ([tool]), not {type(tool).__name__}")
    table = tool.get("news-cleaner")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{where}: 'tool.news-cleaner' must be a table ([tool.news-cleaner]), not {type(table).__name__}")
    return table


def find_config(start: Path) -> Optional[Path]:
    """The nearest config file that has a news-cleaner table, searching ``start`` and its parents."""
    start = start.resolve()
    for directory in [start, *start.parents]:
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file() and read_config_file(candidate) is not None:
                return candidate
    return None


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a name too long to look up
        return False


def load_settings(
    config: Optional[str] = None,
    *,
    isolated: bool = False,
    start: Optional[Path] = None,
    overrides: Optional[dict] = None,
) -> Settings:
    """Defaults, then the config file (given or discovered), then ``overrides`` (command-line keys)."""
    settings = Settings()
    path: Optional[Path] = None
    if config:
        path = Path(config)
        from .discovery import is_dir

        if is_dir(path):
            raise ConfigError(f"{config}: is a directory, not a config file")
        if not _is_file(path):
            raise ConfigError(f"{config}: config file not found")
    elif not isolated:
        path = find_config(start or Path.cwd())
    if path is not None:
        data = read_config_file(path)
        if data is None:
            raise ConfigError(f"{path}: has no [tool.news-cleaner] / [news-cleaner] table")
        settings = apply_mapping(settings, data, str(path))
        settings.config_file = str(path)
        settings.root = str(path.resolve().parent)
    if overrides:
        settings = apply_mapping(settings, {k: v for k, v in overrides.items() if v is not None}, "command line")
        settings.config_file = str(path) if path else None
        settings.root = str(path.resolve().parent) if path else None
    return settings


def coerce_settings(config: Any) -> Settings:
    """Accept Settings, a mapping of config keys, a path to a config file, or None (defaults, no discovery)."""
    if config is None:
        return Settings()
    if isinstance(config, Settings):
        return config
    if isinstance(config, dict):
        return apply_mapping(Settings(), config, "config")
    if isinstance(config, (str, os.PathLike)):
        return load_settings(str(config))
    raise ConfigError(f"config must be Settings, a dict or a path, not {type(config).__name__}")
