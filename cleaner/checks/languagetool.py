"""LT: grammar and style matches from a LanguageTool server the user runs (``[languagetool] url``).

Each match becomes an ``LT:<RULE_ID>`` finding (unsafe, the first replacement as the suggestion).
Matches on known names (the gazetteer, ``known-names``, names the batch learned) and on words the user
allows are dropped here, client-side, because LanguageTool's speller flags every rare name.

The server is reached through language-tool-python (the ``languagetool`` extra), always as a remote
server (nothing is started or downloaded), wrapped for what a scraping pipeline needs that it does not
offer: a per-request timeout (``[languagetool] timeout``; its own is a fixed 300 s) and one client per
worker process and server, made on first use. Without the extra, or when the server cannot be
reached, LT checks are skipped with a notice.
"""

from __future__ import annotations

import os
import urllib.parse
from functools import lru_cache

from ..document import Document
from ..errors import CleanerError
from ..finding import Finding

SOURCE = "languagetool"


class LanguageToolError(CleanerError):
    """The LanguageTool server could not be reached or answered something that is not LanguageTool."""


class LanguageToolClient:
    """language-tool-python's remote-server client for one server and language, with our timeout.

    The client is made on the first ``check`` (making it asks the server for its languages).
    """

    def __init__(self, url: str, timeout: float = 10.0, language: str = "en-US"):
        parsed = urllib.parse.urlsplit(url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise LanguageToolError(f"languagetool.url must be an http(s) URL, not {url!r}")
        self.url = url
        self.timeout = timeout
        self.language = language
        self._tool = None

    def _client(self):
        if self._tool is None:
            try:
                import language_tool_python
                from language_tool_python.exceptions import LanguageToolError as Failure
            except ImportError:
                raise LanguageToolError("language-tool-python is not installed (pip install 'news-cleaner[languagetool]')") from None

            class Timed(language_tool_python.LanguageTool):
                _TIMEOUT = self.timeout  # language-tool-python's per-request timeout, a class constant there

            try:
                self._tool = Timed(self.language, remote_server=self.url)
            except (Failure, ValueError, OSError) as exc:
                raise LanguageToolError(f"LanguageTool at {self.url}: {exc}") from None
        return self._tool

    def check(self, text: str, disabled_rules=(), disabled_categories=()) -> list:
        """language-tool-python's Matches for ``text`` (offsets in code points, lengths in UTF-16 units)."""
        tool = self._client()  # first: without the extra it raises LanguageToolError naming the extra
        from language_tool_python.exceptions import LanguageToolError as Failure

        tool.disabled_rules = set(disabled_rules)
        tool.disabled_categories = set(disabled_categories)
        try:
            return tool.check(text)
        except (Failure, OSError) as exc:
            raise LanguageToolError(f"LanguageTool at {self.url}: {exc}") from None
        except (KeyError, TypeError) as exc:  # an answer without LanguageTool's fields
            raise LanguageToolError(f"LanguageTool at {self.url}: not a LanguageTool answer (no {exc})") from None


@lru_cache(maxsize=8)
def _client(url: str, timeout: float, language: str, pid: int) -> LanguageToolClient:
    return LanguageToolClient(url, timeout, language)


def client(url: str, timeout: float, language: str = "en-US") -> LanguageToolClient:
    """One client per worker process (a forked worker makes its own), server and language."""
    return _client(url, timeout, language, os.getpid())


def clear_clients() -> None:
    """Forget the clients made so far (the next check makes a new one)."""
    _client.cache_clear()


def _span(text: str, start: int, units: int) -> int:
    """The end, in code points, of a match starting at code point ``start`` and ``units`` UTF-16 units long.

    >>> _span("a 😀 b", 2, 2)
    3
    >>> _span("plain", 1, 3)
    4
    """
    end = start
    while units > 0 and end < len(text):
        units -= 2 if ord(text[end]) > 0xFFFF else 1
        end += 1
    return end


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
        matches = client(lt.url, float(lt.timeout), _language(ctx)).check(doc.text, lt.disabled_rules,
                                                                          lt.disabled_categories)
    except LanguageToolError as exc:
        ctx.notice(f"LanguageTool checks skipped: {exc}")
        return []
    known = None
    findings = []
    for match in matches:
        try:
            start = int(match.offset)
            end = _span(doc.text, start, int(match.error_length))
            rule_id = str(match.rule_id or "UNKNOWN")
        except (AttributeError, TypeError, ValueError):
            continue
        if not 0 <= start <= end <= len(doc.text):
            continue
        span = doc.text[start:end]
        issue = getattr(match, "rule_issue_type", None)
        if span[:1].isupper() or issue == "misspelling" or "SPELL" in rule_id or "MORFOLOGIK" in rule_id:
            if known is None:
                known = _known_words(ctx, doc.text)
            if span.lower() in known or (span[:1].isupper() and " " not in span and issue == "misspelling"):
                continue  # a name: LanguageTool's speller does not know it, the gazetteer does
        replacements = match.replacements or []
        message = match.message or rule_id
        findings.append(doc.finding(
            f"LT:{rule_id}", message, start, end, suggestion=replacements[0] if replacements else None,
            fix="unsafe", confidence=0.5, source=f"{SOURCE}:{getattr(match, 'category', '') or ''}",
        ))
    return findings
