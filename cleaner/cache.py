"""The per-file result cache: ``.news_cleaner_cache/`` (ruff's ``.ruff_cache`` idea).

A pre-commit hook runs over the same files again and again; a file whose bytes, settings, code version
and rule packs are unchanged is answered from the cache instead of being checked again. The key is a
hash of all of those, so there is nothing to invalidate: a change anywhere gives a new key. When the
site-boilerplate pass ran (``filerun``), the key also holds the lines learned for the file's sites, so
editing the other files of a site misses exactly when it changes what was learned; that pass's own
per-file input (each article's site and lines) is cached too, under a key of its own. A big records
file checked in pieces (``cleaner/record_pieces.py``) has an entry per piece, keyed by the piece's bytes
and first line, so ``check`` can hand out each piece's report as it reads it. Entries are
small zlib-compressed JSON files, each behind the SHA-256 of its JSON, written atomically; a damaged,
edited or unreadable entry is a cache miss; a report that rewrites its file is not stored (``fix``
writes only bytes it derived in the run), and
a cache that cannot be written (read-only checkout) is silently skipped: the cache only ever saves time.
"""

from __future__ import annotations

import hashlib
import json
import os
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Optional

from . import __version__
from .atomic import atomic_write
from .config import Settings
from .finding import Finding
from .pipeline import Result
from .runner import ArticleOutcome, FileReport

CACHE_FORMAT = "2"  # 2: each entry starts with the SHA-256 of its JSON
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by news-cleaner.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The package version plus a hash of its modules' source, so an edited checkout never reads entries
    its old code wrote, while a fresh install of the same code (pre-commit re-creating its environment)
    still hits. Cheap: about 0.3 MB of source, hashed in ~2 ms."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        try:
            data = path.read_bytes()
        except OSError:
            continue
        digest.update(f"{path.relative_to(package).as_posix()}:{len(data)}\n".encode())
        digest.update(data)
    return digest.hexdigest()[:16]


def settings_key(settings: Settings, *, code: bool = True) -> str:
    """A hash of everything outside the file that changes its findings (``code=False``: the version
    only, not the modules' mtimes, for records that outlive a checkout such as batch manifests)."""
    from .rulepacks import packs_fingerprint

    data = {
        "settings": settings.fingerprint_data(),
        "code": code_fingerprint() if code else __version__,
        "packs": packs_fingerprint(settings.extend_rules),
        "languagetool": settings.languagetool_blocked() is None,
        "format": CACHE_FORMAT,
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def resolve_cache_dir(settings: Settings, override: Optional[str] = None) -> Path:
    """``--cache-dir``, then ``NEWS_CLEANER_CACHE_DIR``, then the ``cache-dir`` setting; relative paths
    are taken from the directory of the config file (the project root), else the working directory."""
    value = override or os.environ.get("NEWS_CLEANER_CACHE_DIR") or settings.cache_dir
    path = Path(value).expanduser()
    if not path.is_absolute():
        path = Path(settings.root or os.getcwd()) / path
    return path


class FileCache:
    """Lookup and store of FileReports by content + options + settings key."""

    def __init__(self, directory: Path, settings: Settings):
        self.directory = Path(directory)
        self.settings_key = settings_key(settings)
        self.settings = settings
        self.hits = 0
        self.misses = 0
        self._writable: Optional[bool] = None

    @staticmethod
    def content_digest(data: bytes) -> bytes:
        """The hash of a file's bytes; pass it to ``key``/``features_key`` to hash a file only once."""
        return hashlib.sha256(data).digest()

    def key(self, data: bytes, path: str, *, fix: bool, options: tuple, learned: Optional[dict] = None,
            content: Optional[bytes] = None) -> str:
        """Content, mode, the options that change the result (fields, kind), the path's ignores and the
        site boilerplate learned for the file's sites (``{site: lines}``: another file's change that
        changes what is learned for this file's site is a miss; one that does not, still a hit)."""
        digest = hashlib.sha256()
        digest.update(self.settings_key.encode())
        digest.update(json.dumps([fix, list(options), Path(path).suffix.lower(),
                                  sorted(self.settings.ignores_for(path))]).encode())
        if learned:  # nothing learned gives the same result as no learning: same key
            digest.update(json.dumps(sorted((site, sorted(lines)) for site, lines in learned.items()),
                                     ensure_ascii=False).encode())
        digest.update(b"\0")
        digest.update(content or self.content_digest(data))
        return digest.hexdigest()

    def features_key(self, data: bytes, path: str, *, options: tuple, content: Optional[bytes] = None) -> str:
        """Key of a file's site-learning features: content, fields and folder (the fallback site)."""
        digest = hashlib.sha256(b"features\0")
        digest.update(self.settings_key.encode())
        digest.update(json.dumps([list(options), Path(path).suffix.lower(),
                                  os.path.dirname(os.path.abspath(path))]).encode())
        digest.update(b"\0")
        digest.update(content or self.content_digest(data))
        return digest.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.directory / f"v{CACHE_FORMAT}" / key[:2] / f"{key[2:]}.json.z"

    def get(self, key: str, path: str) -> Optional[FileReport]:
        data = self._load(key)
        try:
            report = report_from_dict(data, path) if data is not None else None
        except Exception:  # noqa: BLE001 - a malformed entry (IndexError, AttributeError...) is a miss
            report = None
        if report is not None and report.new_bytes is not None:
            report = None  # never stored (see put): bytes to write are always derived anew
        if report is None:
            self.misses += 1
            return None
        self.hits += 1
        return report

    def has(self, key: str) -> bool:
        """Whether an entry is stored under ``key``, without reading it (a damaged one is still a miss
        when ``get`` reads it)."""
        try:
            if self._entry(key).is_file():
                return True
        except OSError:  # a cache folder whose name is too long to look up: no entry
            pass
        self.misses += 1
        return False

    def put(self, key: str, report: FileReport) -> None:
        """Store a report, unless it failed or would rewrite its file: ``fix`` writes only bytes it
        derived in this run, never bytes read from the cache (an edited entry could hold anything)."""
        if not report.error and report.new_bytes is None:
            self._store(key, report_to_dict(report))

    def get_features(self, key: str) -> Optional[list]:
        """A file's ``[(site, frozenset(lines)), ...]`` (one per article), or None."""
        data = self._load(key)
        try:
            return [(site, frozenset(lines)) for site, lines in data] if data is not None else None
        except (ValueError, TypeError):
            return None

    def put_features(self, key: str, features: list) -> None:
        self._store(key, [[site, sorted(lines)] for site, lines in features])

    def _load(self, key: str):
        """The entry's value, or None when it is missing, unreadable, or fails its checksum."""
        try:
            raw = zlib.decompress(self._entry(key).read_bytes())
            checksum, payload = raw[:32], raw[32:]
            if hashlib.sha256(payload).digest() != checksum:
                return None
            return json.loads(payload)
        except (OSError, ValueError, zlib.error, RecursionError):
            return None

    def _store(self, key: str, value) -> None:
        if not self._ensure_dir():
            return
        entry = self._entry(key)
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            body = json.dumps(value, ensure_ascii=False).encode("utf-8")
            payload = zlib.compress(hashlib.sha256(body).digest() + body, 3)
            atomic_write(str(entry), payload, durable=False)
        except OSError:
            self._writable = False

    def _ensure_dir(self) -> bool:
        """Create the cache directory with CACHEDIR.TAG and a ``*`` .gitignore (as ruff does)."""
        if self._writable is None:
            try:
                self.directory.mkdir(parents=True, exist_ok=True)
                tag = self.directory / "CACHEDIR.TAG"
                if not tag.exists():
                    tag.write_text(CACHEDIR_TAG, encoding="utf-8")
                ignore = self.directory / ".gitignore"
                if not ignore.exists():
                    ignore.write_text("# Automatically created by news-cleaner.\n*\n", encoding="utf-8")
                self._writable = True
            except OSError:
                self._writable = False
        return self._writable


# -- (de)serialising reports --------------------------------------------------------------------------
# The texts are kept only when the file changed (fix mode): a check report needs the findings, scores
# and notices, not a second copy of the article.

def report_to_dict(report: FileReport) -> dict:
    articles = []
    index = {}
    for outcome in report.articles:
        index[id(outcome)] = len(articles)
        result = outcome.result
        articles.append({
            "record_line": outcome.record_line,
            "record_id": outcome.record_id,
            "score": result.score,
            "verdict": result.verdict,
            "metadata": result.metadata,
            "notices": result.notices,
            "kind": result.kind,
            "remaining": len(result.remaining),
        })
    changed = report.old_text != report.new_text
    return {
        "articles": articles,
        "findings": [[index[id(outcome)], finding.to_dict()] for outcome, finding in report.findings],
        "new_bytes": report.new_bytes.hex() if report.new_bytes is not None else None,
        "old_text": report.old_text if changed else None,
        "new_text": report.new_text if changed else None,
        "notices": report.notices,
    }


def report_from_dict(data: dict, path: str) -> FileReport:
    report = FileReport(path=path)
    outcomes = []
    for item in data["articles"]:
        result = Result(text="", source_text="", findings=[], remaining=[], score=item["score"],
                        verdict=item["verdict"], metadata=item["metadata"], notices=item["notices"],
                        kind=item["kind"])
        outcomes.append(ArticleOutcome(result, record_line=item["record_line"], record_id=item["record_id"]))
    for index, finding_data in data["findings"]:
        finding = Finding(**finding_data)
        outcome = outcomes[index]
        outcome.result.findings.append(finding)
        if not finding.applied:
            outcome.result.remaining.append(finding)
        report.findings.append((outcome, finding))
    report.articles = outcomes
    if data["new_bytes"] is not None:
        report.new_bytes = bytes.fromhex(data["new_bytes"])
    if data["old_text"] is not None:
        report.old_text, report.new_text = data["old_text"], data["new_text"]
    report.notices = list(data["notices"])
    return report
