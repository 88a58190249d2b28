"""Site-learned boilerplate (B011): lines a site repeats across many of its articles.

A first pass over a batch (``batch``, or ``check``/``fix`` over many files) groups articles by site and
counts, per site, in how many articles each line occurs (a line counts once per article). A line is the
site's template when it occurs in at least ``min-articles`` articles and in at least ``min-share`` of
that site's articles, and has at least ``min-length`` words. Counting sets is order-independent, so the
same batch gives the same result whatever the order of the articles or the number of workers (a pass
over more distinct lines than ``SiteCounts.BUDGET`` drops the rare ones as it goes, so memory stays
bounded: see ``SiteCounts``). An article made only of such lines is a copy (the same story saved
twice), not a template: it is left alone.

The site of an article is its URL host (without ``www.``; from the page, its canonical link or a JSONL
record's ``url``), else its site name (``og:site_name``, a record's ``site`` field). An article read
from a file with neither (plain ``.txt``/``.md`` files, pages and records without a URL) belongs to the
folder the file is in: a folder of articles kept as files is usually one source. ``batch`` records
have no file, so there a record with neither URL nor site is not grouped.

Settings (``[site-boilerplate]`` in the config): ``min-articles`` (5), ``min-share`` (0.5),
``min-length`` (3, in words), ``site-key`` (``host``: the above; any other value names a metadata
field, e.g. ``site``, with the same folder fallback).
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from itertools import islice
from typing import Iterable, Optional
from urllib.parse import urlparse

from .document import Document
from .finding import Finding

_WORD = re.compile(r"\w+")
DEFAULTS = {"min-articles": 5, "min-share": 0.5, "min-length": 3, "site-key": "host"}


def _options(settings) -> dict:
    table = getattr(settings, "site_boilerplate", None) or {}
    return {**DEFAULTS, **table}


def site_of(doc: Document, key: str = "host") -> Optional[str]:
    """The group a document belongs to: its URL host (without ``www.``) or a metadata field, else the
    folder of its file (``folder:/abs/dir``), else None (not grouped)."""
    meta = doc.metadata or {}
    if key == "host":
        host = meta.get("hostname")
        if not host and meta.get("url"):
            try:
                host = urlparse(meta["url"]).hostname
            except ValueError:  # an unparsable URL groups nothing
                host = None
        if host:
            return host[4:] if host.startswith("www.") else host
        value = meta.get("site")
    else:
        value = meta.get(key)
    if value:
        return str(value)
    return "folder:" + os.path.dirname(os.path.abspath(doc.path)) if doc.path else None


def _line_key(text: str) -> str:
    return " ".join(text.split())


def _lines(doc: Document, min_words: int) -> set:
    """The keys of the lines of ``doc`` of ``min_words`` words or more (a line's words are counted up to
    ``min_words`` only: counting every word of every paragraph was half of this pass's cost).

    >>> sorted(_lines(Document("One two three four.\\nShort line\\n  Three  words here  "), 3))
    ['One two three four.', 'Three words here']
    """
    keys = set()
    for line in doc.text.split("\n"):
        key = _line_key(line)
        if key and len(list(islice(_WORD.finditer(key), min_words))) >= min_words:
            keys.add(key)
    return keys


def features(doc: Document, settings) -> tuple:
    """What learning needs from one article: ``(site, frozenset(lines))``; small enough to cache, so a
    rerun over unchanged files need not extract them again."""
    opts = _options(settings)
    return site_of(doc, opts["site-key"]), frozenset(_lines(doc, int(opts["min-length"])))


def learn(docs: Iterable[Document], settings) -> dict:
    """``{site: frozenset(lines)}`` of the lines each site repeats across its articles.

    >>> from cleaner.document import Document
    >>> docs = [Document(f"Story {i} text here.\\n\\nThe Daily Example is independent.", metadata={"url": "https://x.org/%d" % i}) for i in range(6)]
    >>> learn(docs, None)
    {'x.org': frozenset({'The Daily Example is independent.'})}
    """
    return learn_features((features(doc, settings) for doc in docs), settings)


def learn_features(items: Iterable[tuple], settings) -> dict:
    """``learn`` over ``features`` already taken: ``(site, lines)`` pairs, one per article, any order."""
    counted = SiteCounts(settings)
    counted.add(items)
    return counted.learned(settings)


class SiteCounts:
    """``learn_features`` a file at a time: ``add`` each file's features as they come, ``learned`` at the
    end. A pass over many files holds the counts (one entry a distinct line) and not every file's
    features until the last is read (each file decodes its own copy of a template's lines).

    Memory is bounded: past ``budget`` distinct lines kept (all sites together), the lines too rare to
    matter are dropped by lossy counting (Manku and Motwani, 2002). A site's line is dropped only
    when, after ``n`` of its articles, it can have been in at most ``n * share / 4`` of them (``share``
    is ``min-share``); a line seen again after that is counted from then on, with that much slack
    remembered. A count kept is then at most ``share / 4`` of the articles short of the truth and never
    over it, and a line is learned on its kept count: no line in fewer than ``min-share`` of a site's
    articles is learned, every line in ``min-share * 1.25`` of them still is, and a run that never
    passes the budget (one of under ~100,000 distinct lines) counts exactly, in any order.

    >>> counted = SiteCounts()
    >>> for i in range(5):
    ...     counted.add([("x.org", frozenset({f"Story {i} here.", "The Daily Example is independent."}))])
    >>> counted.learned(None)
    {'x.org': frozenset({'The Daily Example is independent.'})}
    >>> small = SiteCounts(budget=10)  # 4 articles' worth: the one-off lines are dropped as they come
    >>> for i in range(400):
    ...     small.add([("x.org", frozenset({f"Story {i} here.", f"Tag {i}.", "The Daily Example is independent."}))])
    >>> small.learned(None), len(small.counts["x.org"]) <= 20
    ({'x.org': frozenset({'The Daily Example is independent.'})}, True)
    """

    #: distinct lines (all sites) kept before the rare ones are dropped: about 25 MB of short lines
    BUDGET = 100_000

    def __init__(self, settings=None, budget: Optional[int] = None) -> None:
        self.counts: dict = defaultdict(Counter)
        self.totals: Counter = Counter()
        self.budget = self.BUDGET if budget is None else budget
        self._share = max(float(_options(settings)["min-share"]), 0.0)
        self._slack: dict = {}  # site -> {line: how many articles it may have been in before it was counted}
        self._floor: dict = {}  # site -> the slack a line new to it gets (its last drop's bound)
        self._kept = 0  # distinct lines kept, all sites
        self._limit = self.budget  # the next drop is due past this many

    def add(self, items: Iterable[tuple]) -> None:
        for site, lines in items:
            if not site:
                continue
            self.totals[site] += 1
            counts = self.counts[site]
            floor = self._floor.get(site)
            if floor:
                slack = self._slack[site]
                for line in lines:
                    if line not in counts:
                        slack[line] = floor
            before = len(counts)
            counts.update(lines)
            self._kept += len(counts) - before
            if self._kept > self._limit:
                self._drop_rare()

    def _drop_rare(self) -> None:
        """Drop, in each site, the lines whose count with slack is at most ``n * share / 4``."""
        for site, counts in self.counts.items():
            bound = int(self.totals[site] * self._share / 4)
            if bound < 1:
                continue  # (too few articles yet: every line may still be the site's template)
            slack = self._slack.setdefault(site, {})
            rare = [line for line, n in counts.items() if n + slack.get(line, 0) <= bound]
            for line in rare:
                del counts[line]
                slack.pop(line, None)
            self._kept -= len(rare)
            self._floor[site] = bound
        self._limit = max(self.budget, 2 * self._kept)  # (what cannot be dropped yet is not read again at once)

    def learned(self, settings) -> dict:
        """``{site: frozenset(lines)}``: the lines each site repeats (see the module docstring)."""
        return _learned(self.counts, self.totals, settings)


def _learned(counts: dict, totals: Counter, settings) -> dict:
    opts = _options(settings)
    learned = {}
    for site in sorted(counts):
        total = totals[site]
        if total < int(opts["min-articles"]):
            continue
        lines = frozenset(
            line for line, n in counts[site].items()
            if n >= int(opts["min-articles"]) and n / total >= float(opts["min-share"])
        )
        if lines:
            learned[site] = lines
    return learned


def min_articles(settings) -> int:
    return int(_options(settings)["min-articles"])


def findings(doc: Document, learned: dict, settings) -> list[Finding]:
    """B011 findings: the lines of ``doc`` its site repeats across the batch (unsafe deletion)."""
    from .rule_engine import unit_deletion, units

    opts = _options(settings)
    lines = learned.get(site_of(doc, opts["site-key"]) or "", frozenset())
    out = []
    if not lines:
        return out
    found = [unit for unit in units(doc, "line") if _line_key(unit.text) in lines]
    if found and _is_copy(doc, lines, int(opts["min-length"])):
        return []  # nothing but repeated lines: a copy of the site's other articles, not its template
    for unit in found:
        start, end = unit_deletion(doc, unit.start, unit.end)
        out.append(doc.finding(
            "B011", "line repeated across many articles of this site (site boilerplate)", start, end,
            suggestion="", fix="unsafe", confidence=0.8, source="boilerplate:site",
        ))
    return out


def _is_copy(doc: Document, lines: frozenset, min_length: int) -> bool:
    """Whether every line of ``doc`` that learning reads (``min_length`` words or more) is a learned
    line: the article is a copy of the site's other articles (the same story saved many times), not
    their template. Shorter lines (a heading, ``Story Timeline``, a caption) are never learned, so
    they do not make a copy an article of its own: the same 58 KB story saved 71 times in one JSONL file
    got 400 B011 reports a copy, one a line, because of its 11 lines of one or two words.

    >>> story = "Harbour news\\nThe harbour reopened on Monday.\\nFerries sail on Wednesday."
    >>> learned = _lines(Document(story), 3)
    >>> _is_copy(Document(story), learned, 3)
    True
    >>> _is_copy(Document(story + "\\nThe mayor cut the ribbon."), learned, 3)
    False
    """
    return _lines(doc, min_length) <= lines
