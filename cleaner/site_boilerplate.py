"""Site-learned boilerplate (B011): lines a site repeats across many of its articles.

A first pass over a batch groups articles by site and counts, per site, in how many articles each
line occurs (a line counts once per article). A line is the site's template when it occurs in at least
``min-articles`` articles and in at least ``min-share`` of that site's articles, and has at least
``min-length`` words. Counting sets is order-independent, so the same batch gives the same result
whatever the order of the articles or the number of workers.

Settings (``[site-boilerplate]`` in the config): ``min-articles`` (5), ``min-share`` (0.5),
``min-length`` (3, in words), ``site-key`` (``host``: the URL host; any other value names a metadata
field, e.g. ``site``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
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
    """The group a document belongs to: its URL host (without ``www.``) or a metadata field."""
    meta = doc.metadata or {}
    if key == "host":
        host = meta.get("hostname")
        if not host and meta.get("url"):
            host = urlparse(meta["url"]).hostname
        if host:
            return host[4:] if host.startswith("www.") else host
        return meta.get("site")
    value = meta.get(key)
    return str(value) if value else None


def _line_key(text: str) -> str:
    return " ".join(text.split())


def _lines(doc: Document, min_words: int) -> set:
    keys = set()
    for line in doc.text.split("\n"):
        key = _line_key(line)
        if key and len(_WORD.findall(key)) >= min_words:
            keys.add(key)
    return keys


def learn(docs: Iterable[Document], settings) -> dict:
    """``{site: frozenset(lines)}`` of the lines each site repeats across its articles.

    >>> from cleaner.document import Document
    >>> docs = [Document(f"Story {i} text here.\\n\\nThe Daily Example is independent.", metadata={"url": "https://x.org/%d" % i}) for i in range(6)]
    >>> learn(docs, None)
    {'x.org': frozenset({'The Daily Example is independent.'})}
    """
    opts = _options(settings)
    counts: dict = defaultdict(Counter)
    totals: Counter = Counter()
    for doc in docs:
        site = site_of(doc, opts["site-key"])
        if not site:
            continue
        totals[site] += 1
        counts[site].update(_lines(doc, int(opts["min-length"])))
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


def findings(doc: Document, learned: dict, settings) -> list[Finding]:
    """B011 findings: the lines of ``doc`` its site repeats across the batch (unsafe deletion)."""
    from .rule_engine import unit_deletion, units

    opts = _options(settings)
    lines = learned.get(site_of(doc, opts["site-key"]) or "", frozenset())
    out = []
    if not lines:
        return out
    for unit in units(doc, "line"):
        if _line_key(unit.text) in lines:
            start, end = unit_deletion(doc, unit.start, unit.end)
            out.append(doc.finding(
                "B011", "line repeated across many articles of this site (site boilerplate)", start, end,
                suggestion="", fix="unsafe", confidence=0.8, source="boilerplate:site",
            ))
    return out
