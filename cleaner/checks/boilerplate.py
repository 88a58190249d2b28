"""B: text that is not the article — shortcodes, source trailers, promos, ad markers, footers, related
links, photo credits, interface words, the headline repeated in the body, repeated paragraphs, and lines
a site repeats across its articles.

Most of it is data: ``rules/boilerplate.toml`` (and the ``[[rule]]`` entries with B codes of any
``extend-rules`` pack) run through the generic rule engine. What needs more than one line of context
lives here: related-link lists under a related heading, the headline in the body, repeated
paragraphs, and the batch-learned site boilerplate (``cleaner/site_boilerplate.py``).

>>> from cleaner.document import Document
>>> doc = Document("The vote was close.\\n\\nAdvertisement\\n\\nOpponents said so.")
>>> [(f.code, f.excerpt.strip()) for f in run(doc, None)]
[('B006', 'Advertisement')]
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import site_boilerplate
from ..document import Document
from ..finding import Finding
from ..rule_engine import Rule, load_rules, point_at_content, run_rules, unit_deletion, units
from ..rulepacks import load_builtin, load_user_pack

SOURCE = "boilerplate"
_WORD = re.compile(r"\w+")
_LIST_ITEM = re.compile(r"^(?:[-•–*·▪►]|\d{1,2}[.)])\s")
_SENTENCE_END = re.compile(r"[.!?:;…]['\"’”)]?$")


@lru_cache(maxsize=1)
def builtin_rules() -> tuple:
    return tuple(load_rules(load_builtin("boilerplate"), "rules/boilerplate.toml"))


@lru_cache(maxsize=16)
def _user_rules(paths: tuple) -> tuple:
    rules: list[Rule] = []
    for path in paths:
        pack = load_user_pack(path)
        entries = [e for e in pack.get("rule", []) if str(e.get("code", "")).startswith("B")]
        if entries:
            rules.extend(load_rules({"rule": entries}, path))
    return tuple(rules)


def _rules(ctx) -> tuple:
    paths = tuple(getattr(getattr(ctx, "settings", None), "extend_rules", None) or ())
    return builtin_rules() + (_user_rules(paths) if paths else ())


def _enabled(ctx, code: str) -> bool:
    return ctx is None or ctx.enabled(code)


# -- B008 related-link lists -------------------------------------------------------------------------
def related_lists(doc: Document, heading_rules: list) -> list[Finding]:
    """B008: the bulleted headlines right under a related-links heading.

    Before: ``Related: Europa in pictures\\n- NASA mission could spot life\\n- Photos: Europa``
    After: (all three lines gone; the heading itself is a rule in rules/boilerplate.toml)
    """
    findings = []
    lines = units(doc, "line")
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not any(p.fullmatch(line.text) for rule in heading_rules for p, _ in rule.patterns):
            continue
        if _TAGS_HEADING.fullmatch(line.text) and i < len(lines) and _tag_list(lines[i].text):
            start, end = unit_deletion(doc, lines[i].start, lines[i].end)
            findings.append(doc.finding(
                "B008", "tag list under a tags heading", start, end,
                suggestion="", fix="safe", source=f"{SOURCE}:tag-list",
            ))
            i += 1
            continue
        while i < len(lines) and _LIST_ITEM.match(lines[i].text) and len(_WORD.findall(lines[i].text)) <= 25:
            start, end = unit_deletion(doc, lines[i].start, lines[i].end)
            findings.append(doc.finding(
                "B008", "related link under a related-links heading", start, end,
                suggestion="", fix="safe", source=f"{SOURCE}:related-list",
            ))
            i += 1
    return findings


def trailing_headline_list(doc: Document) -> list[Finding]:
    """B008: a run of bulleted Title-Case headlines (no sentence punctuation) in the last part of an
    article: a related-links block whose heading extraction dropped.

    Before: ``... in the coming years.\\n\\n- NASA Europa Mission Could Spot Signs of Life\\n\\n- Photos: Europa, Icy Moon``
    After: ``... in the coming years.``
    """
    lines = units(doc, "line")
    tail_start = int(len(doc.text) * 0.6)
    findings = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].start >= tail_start and _headline_item(lines[j].text):
            j += 1
        if j - i >= 2:
            for line in lines[i:j]:
                start, end = unit_deletion(doc, line.start, line.end)
                findings.append(doc.finding(
                    "B008", "related-link headline list", start, end,
                    suggestion="", fix="safe", source=f"{SOURCE}:headline-list",
                ))
        i = max(j, i + 1)
    return findings


def _headline_item(text: str) -> bool:
    if not _LIST_ITEM.match(text) or _SENTENCE_END.search(text):
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    if not 3 <= len(words) <= 16:
        return False
    long_words = [w for w in words if len(w) >= 4]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.75 * len(long_words)


_TAGS_HEADING = re.compile(r"(?i)(?:tags|tagged|filed under|topics|keywords|categories)\s?:?")


def _tag_list(text: str) -> bool:
    """A comma- or pipe-separated list of short keywords, with no sentence punctuation."""
    items = [item.strip() for item in re.split(r"[,|;]", text)]
    return len(items) >= 3 and not re.search(r"[.!?]$", text) and all(0 < len(item.split()) <= 6 for item in items)


# -- B014 the headline repeated at the top of the body -----------------------------------------------
def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def headline_in_body(doc: Document) -> list[Finding]:
    """B014: the page's headline repeated as the first paragraph of an extracted body.

    Only for text extracted from HTML, where the headline is already in ``metadata["title"]``.
    Before (title "Cat found in Oregon"): ``Cat found in Oregon\\n\\nA cat missing for ...``
    After: ``A cat missing for ...``
    """
    if doc.kind != "html" or len(doc.paragraphs) < 2:
        return []
    titles = {_norm(t) for t in (doc.metadata.get("title"), doc.metadata.get("headline")) if t}
    titles.discard("")
    for para in doc.paragraphs[:2]:
        text = _norm(para.text)
        if len(text.split()) < 2 or "\n" in para.text:
            continue
        if text in titles or len(text.split()) >= 3 and any(
            t.startswith(text + " ") and len(text) >= 0.6 * len(t) for t in titles
        ):
            start, end = unit_deletion(doc, para.start, para.end)
            return [doc.finding(
                "B014", "headline repeated in the article body", start, end,
                suggestion="", fix="safe", source=f"{SOURCE}:headline",
            )]
    return []


# -- B012 repeated paragraphs ------------------------------------------------------------------------
def repeated_paragraphs(doc: Document, min_words: int = 12) -> list[Finding]:
    """B012: a paragraph that already occurred verbatim earlier in the same article; the repeat goes.

    Before: ``The mayor resigned on Monday night.\\n\\nThe mayor resigned on Monday night.\\n\\nShe said``
    After: ``The mayor resigned on Monday night.\\n\\nShe said``
    """
    seen: set = set()
    findings = []
    for para in doc.paragraphs:
        key = " ".join(para.text.split())
        if key not in seen:
            seen.add(key)
            continue
        words = _WORD.findall(key)
        # prose only: lists and recipes legitimately repeat their number-heavy items
        if len(words) < min_words or not _SENTENCE_END.search(key) or sum(w.isdigit() for w in words) * 10 > len(words):
            continue
        start, end = unit_deletion(doc, para.start, para.end)
        findings.append(doc.finding(
            "B012", "paragraph repeated verbatim earlier in the article", start, end,
            suggestion="", fix="safe", source=f"{SOURCE}:repeat",
        ))
    return findings


def run(doc: Document, ctx) -> list[Finding]:
    """Every B finding on one document (ctx may be None: all codes, no batch knowledge)."""
    findings = run_rules(doc, ctx, _rules(ctx), source=SOURCE)
    if _enabled(ctx, "B008"):
        findings.extend(related_lists(doc, [r for r in _rules(ctx) if r.code == "B008" and r.full]))
        findings.extend(trailing_headline_list(doc))
    if _enabled(ctx, "B012"):
        findings.extend(repeated_paragraphs(doc))
    if _enabled(ctx, "B014"):
        findings.extend(headline_in_body(doc))
    if _enabled(ctx, "B011") and ctx is not None:
        learned = (ctx.batch or {}).get("B")
        if learned:
            findings.extend(site_boilerplate.findings(doc, learned, ctx.settings))
    return [point_at_content(doc, f) for f in _whole_paragraphs(doc, _outermost(findings))]


def _whole_paragraphs(doc: Document, findings: list[Finding]) -> list[Finding]:
    """When line deletions together empty a paragraph, let them take its separator too.

    ``...streets.\\n\\n[ad_2]\\nSource link`` loses both lines and the blank line before them, so no
    empty paragraph or trailing blank line is left behind (each line keeps its own finding).
    """
    text = doc.text
    out = list(findings)
    order = sorted((i for i, f in enumerate(out) if f.suggestion == ""), key=lambda i: out[i].start)
    k = 0  # findings are visited once overall: paragraphs and deletions both go in text order
    for para in doc.paragraphs:
        while k < len(order) and out[order[k]].end <= para.start:
            k += 1
        inside = []
        while k < len(order) and out[order[k]].start < para.end:
            inside.append(order[k])
            k += 1
        if inside and out[inside[-1]].end > para.end:
            k -= 1  # a deletion running into the next paragraph is looked at again there
        if "\n" not in para.text or len(inside) < 2:
            continue
        pos, whole = para.start, True
        for i in inside:  # deletions do not overlap (see _outermost): gaps between them must be blank
            if text[pos:max(pos, out[i].start)].strip():
                whole = False
                break
            pos = max(pos, out[i].end)
        if not whole or text[pos:para.end].strip():
            continue
        start, end = unit_deletion(doc, para.start, para.end)
        first, last = inside[0], inside[-1]
        for i, (s, e) in ((first, (min(start, out[first].start), out[first].end)), (last, (out[last].start, max(end, out[last].end)))):
            f = out[i]
            if (s, e) != (f.start, f.end):
                out[i] = doc.finding(f.code, f.message, s, e, suggestion="", fix=f.fix, confidence=f.confidence, source=f.source)
    return out


def _outermost(findings: list[Finding]) -> list[Finding]:
    """One finding per stretch of boilerplate: drop deletions inside a larger B deletion.

    ``[ad_2]Source link`` is one trailer (B002), not also a shortcode (B001) inside it. Among equal
    spans the safest, then the first rule, wins.
    """
    rank = {"safe": 0, "unsafe": 1, "none": 2}
    ordered = sorted(findings, key=lambda f: (f.start, -(f.end - f.start), rank.get(f.fix, 3)))
    kept: list[Finding] = []
    reach = -1  # the furthest end of any kept deletion: in start order, containment needs no more
    for finding in ordered:
        if finding.end <= reach:
            continue
        kept.append(finding)
        if finding.suggestion == "":
            reach = finding.end
    return kept


def learn(docs, settings):
    """First pass over a batch: the lines each site repeats across its articles (see site_boilerplate)."""
    return site_boilerplate.learn(docs, settings)
