"""LT: grammar and style matches from a LanguageTool server the user runs (``[languagetool] url``).

Each match becomes an ``LT:<RULE_ID>`` finding (unsafe, the first replacement as the suggestion).
Matches on known names (the gazetteer, ``known-names``, names the batch learned) and on words the user
allows are dropped here, client-side, because LanguageTool's speller flags every rare name.

Why a thin client of our own over HTTP instead of ``language_tool_python.LanguageToolPublicAPI``:
language-tool-python's remote client waits up to a fixed 300 s per request and, without a URL, starts
or downloads a local LanguageTool; a scraping pipeline needs a per-request timeout it controls and
nothing ever downloaded. The server protocol is LanguageTool's documented ``POST /v2/check`` (form
fields ``text``, ``language``, ``disabledRules``, ``disabledCategories``; JSON ``matches`` with UTF-16
``offset``/``length``), which is all this needs. One client (a keep-alive HTTP connection) lives per
worker process and URL.
"""

from __future__ import annotations

import http.client
import json
import threading
import urllib.parse
from functools import lru_cache
from typing import Optional

from ..document import Document
from ..errors import CleanerError
from ..finding import Finding

SOURCE = "languagetool"


class LanguageToolError(CleanerError):
    """The LanguageTool server could not be reached or answered something that is not LanguageTool."""


class LanguageToolClient:
    """A minimal, long-lived client for one LanguageTool server (``/v2/check``, ``/v2/languages``)."""

    def __init__(self, url: str, timeout: float = 10.0):
        parsed = urllib.parse.urlsplit(url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise LanguageToolError(f"languagetool.url must be an http(s) URL, not {url!r}")
        self.url = url
        self.timeout = timeout
        self._scheme = parsed.scheme
        self._host = parsed.hostname
        self._port = parsed.port
        self._base = parsed.path.rstrip("/")
        if not self._base.endswith("/v2"):
            self._base += "/v2"
        self._conn: Optional[http.client.HTTPConnection] = None
        self._lock = threading.Lock()

    def _connection(self) -> http.client.HTTPConnection:
        if self._conn is None:
            cls = http.client.HTTPSConnection if self._scheme == "https" else http.client.HTTPConnection
            self._conn = cls(self._host, self._port, timeout=self.timeout)
        return self._conn

    def _request(self, method: str, path: str, body: Optional[dict] = None) -> object:
        data = urllib.parse.urlencode(body).encode() if body is not None else None
        headers = {"Accept": "application/json"}
        if data is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        with self._lock:
            for attempt in (1, 2):  # a kept-alive connection the server closed is retried once
                conn = self._connection()
                try:
                    conn.request(method, self._base + path, body=data, headers=headers)
                    response = conn.getresponse()
                    payload = response.read()
                    break
                except (ConnectionError, http.client.HTTPException, OSError) as exc:
                    conn.close()
                    self._conn = None
                    if attempt == 2 or isinstance(exc, TimeoutError):
                        raise LanguageToolError(f"LanguageTool at {self.url}: {exc or type(exc).__name__}") from None
        if response.status != 200:
            raise LanguageToolError(f"LanguageTool at {self.url} answered HTTP {response.status}: {payload[:200]!r}")
        try:
            return json.loads(payload.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise LanguageToolError(f"LanguageTool at {self.url} did not answer JSON") from None

    def languages(self) -> list:
        return list(self._request("GET", "/languages"))

    def check(self, text: str, language: str = "en-US", disabled_rules=(), disabled_categories=()) -> list:
        body = {"text": text, "language": language}
        if disabled_rules:
            body["disabledRules"] = ",".join(disabled_rules)
        if disabled_categories:
            body["disabledCategories"] = ",".join(disabled_categories)
        answer = self._request("POST", "/check", body)
        if not isinstance(answer, dict) or not isinstance(answer.get("matches"), list):
            raise LanguageToolError(f"LanguageTool at {self.url}: no 'matches' in the answer")
        return answer["matches"]


@lru_cache(maxsize=4)
def client(url: str, timeout: float) -> LanguageToolClient:
    """One client per worker process and server."""
    return LanguageToolClient(url, timeout)


def _utf16_to_codepoints(text: str):
    """A function mapping LanguageTool's UTF-16 offsets to Python code-point offsets."""
    if all(ord(c) < 0x10000 for c in text):
        return lambda offset: offset
    table = []
    for i, c in enumerate(text):
        table.append(i)
        if ord(c) >= 0x10000:
            table.append(i)
    table.append(len(text))
    return lambda offset: table[min(offset, len(table) - 1)]


def _language(ctx) -> str:
    lt = ctx.settings.languagetool
    if getattr(lt, "language", None):
        return lt.language
    lang = ctx.settings.language or "en"
    return "en-US" if lang == "en" else lang


def _known_words(ctx, text: str) -> set:
    from ..gazetteer import gazetteer, norm
    from .name_tokens import _known_names

    gaz = gazetteer(_known_names(ctx))
    known = {w.lower() for w in getattr(ctx.settings, "allow_words", []) or []}
    known.update(a.lower() for a in gaz.acronyms)
    for key in gaz.forms:
        if " " not in key:
            known.add(key)
    known.update(norm(n) for n in _known_names(ctx))
    return known


def run(doc: Document, ctx) -> list[Finding]:
    """LT:<RULE_ID> findings from the configured server; matches on known names are dropped.

    ``He go to school.`` → ``LT:HE_VERB_AGR`` suggesting ``goes`` (unsafe).
    """
    lt = ctx.settings.languagetool
    if not lt.url:
        return []
    try:
        matches = client(lt.url, float(lt.timeout)).check(
            doc.text, _language(ctx), lt.disabled_rules, lt.disabled_categories
        )
    except LanguageToolError as exc:
        ctx.notice(f"LanguageTool checks skipped: {exc}")
        return []
    to_cp = _utf16_to_codepoints(doc.text)
    known = None
    findings = []
    for match in matches:
        try:
            start = to_cp(int(match["offset"]))
            end = to_cp(int(match["offset"]) + int(match["length"]))
            rule = match.get("rule") or {}
            rule_id = str(rule.get("id") or "UNKNOWN")
        except (KeyError, TypeError, ValueError):
            continue
        if not 0 <= start <= end <= len(doc.text):
            continue
        span = doc.text[start:end]
        if span[:1].isupper() or rule.get("issueType") == "misspelling" or "SPELL" in rule_id or "MORFOLOGIK" in rule_id:
            if known is None:
                known = _known_words(ctx, doc.text)
            if span.lower() in known or (span[:1].isupper() and " " not in span and rule.get("issueType") == "misspelling"):
                continue  # a name: LanguageTool's speller does not know it, the gazetteer does
        replacements = match.get("replacements") or []
        suggestion = replacements[0].get("value") if replacements and isinstance(replacements[0], dict) else None
        message = match.get("message") or match.get("shortMessage") or rule.get("description") or rule_id
        findings.append(doc.finding(
            f"LT:{rule_id}", message, start, end, suggestion=suggestion, fix="unsafe", confidence=0.5,
            source=f"{SOURCE}:{(rule.get('category') or {}).get('id', '')}",
        ))
    return findings
