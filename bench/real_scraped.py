#!/usr/bin/env python3
"""Real scraped articles: how much leftover junk news-cleaner removes, and how much body it loses.

The articles are dumps of scraped news text from public repositories, read from their mirrors
under /work/.mirror at bench time (nothing of them is copied into this repository):

| source | repository (file) | what it is | licence |
| --- | --- | --- | --- |
| ``isot`` | Vatshayan/Fake-News-Prediction (``Fake.csv``, 1,413 articles) | a copy of part of the ISOT fake-news dataset (University of Victoria): text scraped from news sites, newlines lost, image credits glued to the last sentence | none stated in the repository; ISOT is distributed for research use: used here as test data only |
| ``np3k`` | JoyceJiang73/newspapers (``scraped_articles*.json``) | newspaper3k output for US, UK and Ugandan news sites (2020): bylines, promos, follow prompts, related links left in | none stated: test data only |
| ``newspaper`` | codelucas/newspaper (``tests/data/text/*.txt``, commit 1618b54; English files only) | newspaper3k's own expected output for one or two articles of about 80 US and UK sites (Reuters, Fox News, CNN, the Telegraph, Slate, Wired, ...): captions, credits, promos and footers left in | **MIT** (``LICENSE`` of the repository, Copyright (c) 2013 Lucas Ou-Yang): split tune/held-out like the first two |
| ``readability`` | mozilla/readability (``test/test-pages/*/expected.html``, commit ab4027a; English pages, Wikipedia's left out) | Readability.js's expected output for its 130 test pages, 74 of them English with 40 words or more (NYT, Washington Post, CNET, BBC, eHow, Wired, LWN, blogs and docs), read as text one line per block: caption credits, share and bookmark labels, promoted-by and date lines left in | **Apache-2.0** (``LICENSE.md`` of the repository): split tune/held-out; rules written from tune misses only |
| ``postlight`` | postlight/parser (``fixtures/**/*.html``, 170 pages, commit e8ba7ec; English pages with 40 words or more, 127) | the test pages of Postlight's Mercury parser: whole pages of about 130 sites (2016-2020: The Atlantic, Mashable, LADbible, Refinery29, Deadspin, NY Mag, ...), read as a recall-oriented scraper reads them (``trafilatura.extract(page, favor_recall=True)``, trafilatura 2.0): notification prompts, ad labels, image credits, topic lines, bylines and dates left in | **MIT or Apache-2.0** (``LICENSE-MIT``, ``LICENSE-APACHE`` of the repository): split tune/held-out like the others; rules written from tune misses only |
| ``goose`` | goose3/goose3 (``tests/data/content/*.html``, commit c5a8902; English pages with 40 words or more) | the content-extraction test pages of goose3: whole pages of about 30 US and UK sites (2010-2019: AOL News, Businessweek, CNN, ESPN, Fox News, Gizmodo, the Guardian, HuffPost, Politico, TechCrunch, Time, Yahoo, ...), read as a recall-oriented scraper reads them (like ``postlight``) | **Apache-2.0** (``LICENSE.txt`` of the repository): split tune/held-out |
| ``newspaper4k`` | AndyTheFactory/newspaper4k (``tests/data/html/*.html``, commit 540bff3; English article pages with 40 words or more) | newspaper4k's test pages (2023: CNN, Time, Wired, Fox 13, AP, ...), read like ``postlight``; a site's front page (``*_main_site``) is no article and is left out, and so is a page already loaded from another source (``codelucas/newspaper`` carries some of the same pages) | **MIT** (``LICENSE`` of the repository): split tune/held-out |
| ``trafilatura`` | adbar/trafilatura (``tests/eval/*.html``, ``tests/cache/*.html``, commit e90b0ef; English pages with 40 words or more, 180 of 1,032) | the evaluation and test pages of trafilatura: whole pages of news sites, magazines and blogs (2016-2023: BBC, CNN, the Guardian, Reuters, the Independent, Axios, Caribbean and US local news, recipe and tech blogs, ...), read like ``postlight`` | **Apache-2.0** (``LICENSE`` of the repository): split tune/held-out. The extractor that reads every whole page was tuned on these pages, so they keep less junk than unseen ones |
| ``fundus`` | flairNLP/fundus (``tests/resources/parser/test_data/**/*.html.gz``, commit 18da6e5; English article pages with 40 words or more) | the parser test pages of the fundus news crawler: whole article pages of news publishers of many countries (2023-2026; 84 English ones with 40 words or more, none repeating another source: AP, Reuters, CNBC, Fox News, the BBC, the Independent, the National Post, the Times of India, ...), gzipped, read like ``postlight`` | **MIT** (``LICENSE`` of the repository, Copyright (c) 2023 Max Dallabetta, Conrad Dobberstein, Aaron Wey): split tune/held-out; added in stop 19, after the rules of earlier stops |
| ``htmldate`` | adbar/htmldate (``tests/test_set/*.html``, ``tests/eval/*.html``, commit b895282; pages that declare English, with 40 words or more, none repeating another source) | the date-extraction test pages of htmldate: whole pages of news sites and blogs (2016-2020; the test set is Media Cloud's worldwide news of 2020 from the Data Culture Group at Northeastern University, the rest the BBAW collection), read like ``postlight``; a page whose ``<html lang>`` names another language is not read (most of the 920 are German, Turkish, Ukrainian, ...), and the pages trafilatura's tests carry too are left out as repeats | **Apache-2.0** (``LICENSE`` of the repository): split tune/held-out; added in stop 20, after the rules of earlier stops |
| ``l3s`` | geodrome/page-signal (``L3S-GN1-20100130203947-00001/original/*.html``, commit 186d815; English pages with 40 words or more) | the L3S-GN1 news collection (Kohlschütter, Fankhauser and Nejdl, WSDM 2010): 621 whole article pages of 408 sites that six English Google News portals (US, Canada, UK, South Africa, India, Australia) linked in the first half of 2008 (wire copies, UK and Indian dailies, local papers, tech and trade sites), read like ``postlight``; the pages are read as bytes so trafilatura finds each one's declared charset (2008 pages are often Latin-1 or Windows-1252) | research use only (``Readme-L3S-GN1.txt`` of the collection: "a non-exclusive ... license to use the provided dataset for your research use only"): test data only, never shipped; split tune/held-out; added in stop 21, after the rules of earlier stops |
| ``newsdata`` | jennhu/metalinguistic-prompting (``datasets/exp1/news/cleaned.csv``, 230 articles, commit 89d1b52) | newspaper3k output (``raw_text``, lone ``Advertisement`` lines already dropped by its script) for the March 2023 NewsData.io results of about 120 sites (CBS, HuffPost, news-medical, Cointelegraph, BuzzFeed News, ...) | none stated in the repository: test data only. **Held-out only**: added after the rules, never tuned on, no misses listed |

G. McIntire's fake_or_real_news set is not used, in any copy: the reserved evaluation repository
pmacinec/fake-news-datasets holds it (ISOT and the newspaper3k dumps are not among its datasets).

Get the mirrors with the search tool's ``fetch`` (``github:Vatshayan/Fake-News-Prediction``,
``github:JoyceJiang73/newspapers``, ``github:codelucas/newspaper``,
``github:jennhu/metalinguistic-prompting``, ``github:mozilla/readability``, ``github:postlight/parser``,
``github:goose3/goose3``, ``github:AndyTheFactory/newspaper4k``, ``github:adbar/trafilatura``,
``github:flairNLP/fundus``, ``github:adbar/htmldate``, ``github:geodrome/page-signal``), or point
``--mirror`` at a folder holding them.

Junk is annotated by pattern, per category (``bench/real_scraped.toml``; a marker that starts or ends
inside a word is widened to the whole word, else its words never occur as such in the raw text and it
could never count as removed); body sentences are the
sentences of six words or more that overlap no junk marker. Markers and sentences are read in their raw
words and, when those hold mojibake, in their words after ftfy's repair too: a sentence E001 repaired
(``Canadaâ€™s`` -> ``Canada’s``) is not lost, and a marker E001 repaired but B kept is not removed. Articles are split by a hash of their id
into ``tune`` (60%: rules may be written from its misses, ``--misses``) and ``heldout`` (40%: only the
summary is printed). For each part the script prints, for news-cleaner (``clean(text,
select=["B","E"])``, safe fixes) and for trafilatura alone (the text as ``<p>`` paragraphs of a page,
``trafilatura.extract`` with the benchmark's settings), the share of junk markers removed per category,
overall and macro-averaged (each category weighs the same), the share of body sentences lost, errors,
and CPU seconds.

    python bench/real_scraped.py                    # both parts
    python bench/real_scraped.py --misses 40        # also list tune-part markers left and sentences lost
    python bench/real_scraped.py --part tune        # only the tune part (while writing rules)
    python bench/real_scraped.py --sources newsdata # only the held-out-only source
    python bench/real_scraped.py --cache /tmp/rs    # keep the loaded articles: the next run skips reading pages

Reading the whole pages through trafilatura is most of a run's CPU time; ``--cache DIR`` keeps the
loaded articles in a file named by the sources, their mirrors' commits and this script's loading code,
so a run with other rules or markers reads them back, and any change of those makes a new file.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import html
import io
import json
import re
import subprocess
import sys
import time
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIRROR = Path("/work/.mirror")
MARKERS = Path(__file__).with_suffix(".toml")
SOURCES = {  # name: (mirror, files, text field)
    "isot": ("Vatshayan+Fake-News-Prediction", ["Fake.csv"], "text"),
    "np3k": ("JoyceJiang73+newspapers", ["scraped_articles.json", "scraped_articles_uganda.json"], "text"),
    "newspaper": ("codelucas+newspaper", ["tests/data/text/"], "text"),  # a folder: one article a file
    "newsdata": ("jennhu+metalinguistic-prompting", ["datasets/exp1/news/cleaned.csv"], "raw_text"),
    "readability": ("mozilla+readability", ["test/test-pages/"], "text"),  # a folder: expected.html a page
    "postlight": ("postlight+parser", ["fixtures/"], "text"),  # a folder: whole pages, read by a scraper
    "goose": ("goose3+goose3", ["tests/data/content/"], "text"),  # a folder: whole pages, like postlight
    "newspaper4k": ("AndyTheFactory+newspaper4k", ["tests/data/html/"], "text"),  # likewise
    "trafilatura": ("adbar+trafilatura", ["tests/eval/", "tests/cache/"], "text"),  # likewise
    "fundus": ("flairNLP+fundus", ["tests/resources/parser/test_data/"], "text"),  # likewise, gzipped
    "htmldate": ("adbar+htmldate", ["tests/test_set/", "tests/eval/"], "text"),  # likewise; English pages only
    "l3s": ("geodrome+page-signal", ["L3S-GN1-20100130203947-00001/original/"], "text"),  # likewise, read as bytes
}
# sources whose pages may repeat an article an earlier source carries (newspaper4k's tests copy some of
# newspaper's): a page sharing half its distinct words with an article already loaded is left out
MAY_REPEAT = {"goose", "newspaper4k", "trafilatura", "fundus", "htmldate", "l3s"}
# sources of pages in many languages: a page whose <html lang> names another language is not read (most
# of htmldate's are German; reading them all through trafilatura first would triple a run's load time)
DECLARED_ENGLISH = {"htmldate"}
# sources of pages in many charsets (2008 pages often declare Latin-1 or Windows-1252): a page is handed
# to the scraper as bytes, so it reads the charset the page declares
READ_AS_BYTES = {"l3s"}
HELDOUT_ONLY = {"newsdata"}  # sources added after the rules were written: never tuned on
TOKEN = re.compile(r"\w+")
SENTENCE_BREAK = re.compile(r"(?<=[.!?\"”])\s+(?=[\"“A-Z©])|(?<=[a-z)][.!?])(?=[A-Z©])|\n+")


def part_of(article_id: str) -> str:
    """``heldout`` for 40% of ids, ``tune`` for the rest; fixed by the id. A held-out-only source's
    articles are all ``heldout``.

    >>> part_of("isot-0") in ("tune", "heldout"), part_of("newsdata-0")
    (True, 'heldout')
    """
    if article_id.split("-", 1)[0] in HELDOUT_ONLY:
        return "heldout"
    return "heldout" if int(hashlib.sha256(article_id.encode()).hexdigest()[:8], 16) % 10 < 4 else "tune"


def _git_file(repo: Path, path: str) -> str:
    return subprocess.run(["git", "-C", str(repo), "show", f"HEAD:{path}"], capture_output=True, check=True,
                          text=True, encoding="utf-8", errors="replace").stdout


_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption", "pre", "td", "tr",
           "br", "section", "article", "header", "footer", "aside", "figure", "ul", "ol", "dt", "dd", "table"}


def html_text(markup: str) -> str:
    """The text of an extractor's HTML output, one line per block element.

    >>> html_text("<div><p>One  <b>two</b>.</p><figcaption>Photo: AP</figcaption></div>")
    'One two.\\nPhoto: AP'
    """
    import lxml.html

    root = lxml.html.fromstring(markup)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def scraped_text(page: str) -> str:
    """A whole page as a recall-oriented scraper keeps it: trafilatura with ``favor_recall``, comments
    left out (what lands in a dump when the scraper would rather keep junk than lose body)."""
    import trafilatura

    return trafilatura.extract(page, favor_recall=True, include_comments=False) or ""


def page_markup(raw: bytes) -> str:
    """A gzipped page's markup (the fundus test pages are stored so), read as UTF-8.

    >>> page_markup(gzip.compress("<p>Café</p>".encode()))
    '<p>Café</p>'
    """
    return gzip.decompress(raw).decode("utf-8", errors="replace")


def _git_bytes(repo: Path, path: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), "show", f"HEAD:{path}"], capture_output=True, check=True).stdout


_DECLARED = re.compile(r"""<html\b[^>]{0,400}?\blang\s?=\s?["']?([A-Za-z]{2,3})\b""", re.IGNORECASE)


def declared_language(page: str) -> str:
    """The language a page's ``<html lang>`` names, in lower case ("" when it names none).

    >>> declared_language('<!DOCTYPE html><html class="x" lang="en-US">'), declared_language("<html><p>Hi")
    ('en', '')
    """
    m = _DECLARED.search(page, 0, 5000)
    return m.group(1).lower() if m else ""


def _git_folder(repo: Path, folder: str, english_pages: bool = False, as_bytes: bool = False) -> list[dict]:
    """One row (``text``) per ``.txt`` file of ``folder``, per ``*/expected.html`` (readability's test
    pages, an extractor's output) as text, or per other ``.html`` or ``.html.gz`` file (a whole page) as
    scraped; with ``english_pages``, a whole page that declares another language is not read; with
    ``as_bytes``, a whole page goes to the scraper as its bytes (it decodes them by the page's charset)."""
    # -z: a name with non-ASCII letters comes unquoted ("tests/eval/boxen1.com-ring-rückkehr.html")
    names = subprocess.run(["git", "-C", str(repo), "ls-tree", "-r", "-z", "--name-only", "HEAD", folder],
                           capture_output=True, check=True).stdout.decode("utf-8").split("\0")
    rows = []
    for name in sorted(names):
        if name.endswith(".txt"):
            rows.append({"text": _git_file(repo, name)})
        elif name.endswith("/expected.html") and "/wikipedia" not in name:
            rows.append({"text": html_text(_git_file(repo, name))})
        elif name.endswith(".html") and as_bytes:
            rows.append({"text": scraped_text(_git_bytes(repo, name))})
        elif name.endswith(".html") and "/test-pages/" not in name and "_main_site" not in name:
            page = _git_file(repo, name)
            if not english_pages or declared_language(page) in ("", "en"):
                rows.append({"text": scraped_text(page)})
        elif name.endswith(".html.gz"):
            rows.append({"text": scraped_text(page_markup(_git_bytes(repo, name)))})
    return rows


_ENGLISH = re.compile(r"\b(?:the|and|of|to|in|is|that|for)\b", re.IGNORECASE)


def is_english(text: str) -> bool:
    """Whether at least one word in twelve is a common English function word (the newspaper test
    texts include Arabic, Chinese, German, Japanese, Spanish and Thai articles).

    >>> is_english("The mayor said that the plan is in trouble."), is_english("Der Bürgermeister sagte, dass der Plan scheitert.")
    (True, False)
    """
    words = len(TOKEN.findall(text))
    return words > 0 and len(_ENGLISH.findall(text)) * 12 >= words


class RepeatIndex:
    """The word sets of the articles kept so far, for telling whether a new article repeats one of them:
    shares half the union of their words (``2 |A & B| >= |A | B|``, i.e. ``3 |A & B| >= |A| + |B|``).

    Comparing each new article with every kept one was quadratic (about 0.8 CPU seconds a page against
    3,500 articles: 13 of a full load's CPU minutes). The index gives the same answers comparing far fewer:
    two sets sharing half their union share at least half of each, so under one fixed order of words the
    first ``|A| // 2 + 1`` words of A and the first ``|B| // 2 + 1`` of B meet (the all-pairs prefix
    filter of Bayardo, Ma and Srikant, WWW 2007); words go rarest first (``counts``: in how many articles
    of the load a word occurs), so a kept article is indexed under its rare half. While A's prefix is
    walked, an article it meets is dropped once the words still to come cannot reach the overlap it
    needs (the positional filter of PPJoin, Xiao et al., WWW 2008); the rest are compared as sets.

    >>> index = RepeatIndex({})
    >>> index.add(set("a d e".split()))
    >>> index.repeats(set("a b c".split()))
    False
    >>> index.add(set("a b c d".split()))
    >>> index.repeats(set("a b c".split()))
    True
    """

    def __init__(self, counts: dict):
        self.counts = counts
        self.sets: list[set] = []
        self.postings: defaultdict = defaultdict(list)  # word: [(article, its position, article's size)]

    def _prefix(self, words: set) -> list:
        counts = self.counts
        return sorted(words, key=lambda w: (counts.get(w, 0), w))[: len(words) // 2 + 1]

    def add(self, words: set) -> None:
        for j, word in enumerate(self._prefix(words)):
            self.postings[word].append((len(self.sets), j, len(words)))
        self.sets.append(words)

    def repeats(self, words: set) -> bool:
        a = len(words)
        shared: dict = {}  # article: prefix words shared so far, or -1 once it cannot reach the overlap
        for i, word in enumerate(self._prefix(words)):
            for k, j, b in self.postings.get(word, ()):
                count = shared.get(k, 0)
                if count >= 0:
                    # needs 3 * overlap >= a + b; at most min(...) more words can still be shared
                    shared[k] = count + 1 if 3 * (count + 1 + min(a - i - 1, b - j - 1)) >= a + b else -1
        return any(len(words & self.sets[k]) * 2 >= len(words | self.sets[k])
                   for k, count in shared.items() if count > 0)


def load_articles(mirror: Path, sources=None) -> list[tuple[str, str]]:
    """(id, text) of every article with 40 words or more, duplicates (same text) once; a page of a
    ``MAY_REPEAT`` source that repeats an article loaded before it (``RepeatIndex``) is left out."""
    csv.field_size_limit(1 << 30)
    rows_read = []  # (source, text, key) in load order
    for source, (name, files, field) in SOURCES.items():
        if sources and source not in sources:
            continue
        repo = mirror / name / "repo"
        if not repo.exists():
            sys.exit(f"missing mirror {repo}: fetch github:{name.replace('+', '/')} first")
        for file in files:
            raw = "" if file.endswith("/") else _git_file(repo, file)
            if file.endswith("/"):
                rows = [r for r in _git_folder(repo, file, source in DECLARED_ENGLISH, source in READ_AS_BYTES)
                        if is_english(r["text"])]
            elif file.endswith(".json"):  # newspaper3k dumps: {"newspapers": {site: {"articles": [...]}}}
                rows = [a for site in json.loads(raw)["newspapers"].values() for a in site.get("articles", [])]
            else:
                rows = csv.DictReader(io.StringIO(raw))
            for row in rows:
                text = (row.get(field) or "").replace("\r\n", "\n")
                key = " ".join(TOKEN.findall(text))
                if len(key.split()) >= 40:
                    rows_read.append((source, text, key))
    counts = Counter(w for _s, _t, key in rows_read for w in set(key.lower().split()))
    index = RepeatIndex(counts)
    seen: set = set()
    out = []
    for source, text, key in rows_read:
        if key in seen:
            continue
        if source in MAY_REPEAT and index.repeats(set(key.lower().split())):
            continue
        seen.add(key)
        index.add(set(TOKEN.findall(text.lower())))
        out.append((f"{source}-{hashlib.sha1(key.encode()).hexdigest()[:12]}", text))
    return out


def cache_key(mirror: Path, sources=None) -> str:
    """A name for the loaded articles: the chosen sources, each mirror's commit, the loading code and
    trafilatura's version (which reads the whole pages)."""
    import inspect

    import trafilatura

    parts = [trafilatura.__version__]
    for source, (name, _files, _field) in SOURCES.items():
        if not sources or source in sources:
            head = subprocess.run(["git", "-C", str(mirror / name / "repo"), "rev-parse", "HEAD"],
                                  capture_output=True, text=True).stdout.strip()
            parts.append(f"{source}:{head}")
    for fn in (load_articles, _git_folder, scraped_text, html_text, is_english, RepeatIndex, page_markup,
               declared_language):
        parts.append(inspect.getsource(fn))
    parts.append(repr(SOURCES) + repr(sorted(MAY_REPEAT)) + repr(sorted(DECLARED_ENGLISH)) + repr(sorted(READ_AS_BYTES)))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def cached_articles(mirror: Path, sources=None, cache=None) -> list[tuple[str, str]]:
    """``load_articles``, read back from ``cache`` (a folder) when an earlier run saved the same load."""
    if cache is None:
        return load_articles(mirror, sources)
    path = Path(cache) / f"real_scraped-{cache_key(mirror, sources)}.json.gz"
    if path.exists():
        return [tuple(row) for row in json.loads(gzip.decompress(path.read_bytes()))]
    articles = load_articles(mirror, sources)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(gzip.compress(json.dumps(articles).encode()))
    tmp.replace(path)
    return articles


def load_markers(path: Path = MARKERS) -> dict:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    # the markers file promises re.MULTILINE: a pattern ending in "$" marks a line, not the text's end
    return {cat: [re.compile(p, re.MULTILINE) for p in entry["patterns"]] for cat, entry in data.items()}


# words for comparing raw and cleaned text; letters glued to digits or to a capital ("2017Featured",
# "showPhoto") split, as they do in dumps that lost their line breaks
_PIECE = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+|[^\W\d_]+")


def _key(text: str) -> str:
    return " ".join(_PIECE.findall(text)).lower()


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` widened to the edges of the words they cut. A marker pattern with a bounded
    stretch (``[^\n.]{1,120} contributed``) can start or end inside a word (``iated Press writers``):
    its words then never occur in the raw text as a whole, and the marker could never count as removed.
    Words are ``_key``'s pieces, so a piece glued to the next ("2017Featured") is no cut.

    >>> t = "The Associated Press writers contributed."
    >>> whole_words(t, 8, 28), whole_words(t, 4, 34)
    ((4, 28), (4, 40))
    >>> whole_words("May 2017Featured image", 8, 22)
    (8, 22)
    """
    window = max(0, start - 60)
    for m in _PIECE.finditer(text, window, min(len(text), start + 60)):
        if m.start() < start < m.end():
            start = m.start()
            break
    for m in _PIECE.finditer(text, max(0, end - 60), min(len(text), end + 60)):
        if m.start() < end < m.end():
            end = m.end()
            break
    return start, end


def annotate(text: str, markers: dict) -> tuple[list, list]:
    """Junk markers (category, start, end) and body sentences of one raw article."""
    spans = []
    for cat, patterns in markers.items():
        for pattern in patterns:
            for m in pattern.finditer(text):
                if _key(m.group(0)):
                    spans.append((*whole_words(text, m.start(), m.end()), cat))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    junk = []  # non-overlapping: the first, longest marker wins
    for start, end, cat in spans:
        if junk and start < junk[-1][2]:
            continue
        junk.append((cat, start, end))
    sentences = []
    pos = 0
    for piece in SENTENCE_BREAK.split(text):
        start = text.find(piece, pos)
        end = start + len(piece)
        pos = end
        if len(TOKEN.findall(piece)) >= 6 and not any(s < end and start < e for _c, s, e in junk):
            sentences.append(piece)
    return [(c, text[s:e]) for c, s, e in junk], sentences


def _repaired(key_of, text: str) -> str:
    """The key of ``text`` after ftfy's repair of its mojibake and entities, as E001 repairs it; the
    key itself when there is nothing to repair. A sentence the cleaner repaired is not lost, and a
    marker it repaired but kept is not removed.

    >>> _repaired(_key, "Environment Canadaâ€™s top story"), _repaired(_key, "The top story")
    ('environment canada s top story', 'the top story')
    """
    import ftfy

    return key_of(ftfy.fix_text(text)) if not text.isascii() else key_of(text)


def score(raw: str, out: str, junk: list, sentences: list, tally: dict) -> tuple[list, list]:
    """Add one article's counts to ``tally``; return the markers left and the sentences lost. A marker
    or sentence is read in its raw words and, when they hold mojibake, in its repaired words too."""
    out_key = f" {_key(out)} "
    raw_key = f" {_key(raw)} "
    left, lost = [], []
    by_text = defaultdict(list)
    marker_of = {}
    for cat, marker in junk:
        by_text[_key(marker)].append(cat)
        marker_of.setdefault(_key(marker), marker)
    for key, cats in by_text.items():
        # a marker is gone when fewer copies of its words remain than the raw text had (in its raw or
        # its repaired words: a marker whose mojibake was repaired is still there)
        copies = re.compile(f"(?<= ){re.escape(key)}(?= )")  # lookarounds: adjacent copies all count
        removed = max(0, len(copies.findall(raw_key)) - len(copies.findall(out_key)))
        fixed = _repaired(_key, marker_of[key]) if removed else key
        if fixed != key:
            removed = max(0, removed - len(re.findall(f"(?<= ){re.escape(fixed)}(?= )", out_key)))
        for i, cat in enumerate(cats):
            tally["junk", cat] += 1
            if i < removed:
                tally["removed", cat] += 1
            else:
                left.append((cat, key))
    for sentence in sentences:
        tally["sentences"] += 1
        if f" {_key(sentence)} " not in out_key and f" {_repaired(_key, sentence)} " not in out_key:
            tally["lost"] += 1
            lost.append(sentence)
    return left, lost


def as_page(text: str) -> str:
    """The article as the simplest page trafilatura reads: one ``<p>`` per line."""
    paras = "".join(f"<p>{html.escape(line.strip())}</p>\n" for line in text.split("\n") if line.strip())
    return f"<html><head><title>article</title></head><body><article>\n{paras}</article></body></html>"


def systems() -> dict:
    import trafilatura

    from cleaner import Cleaner

    cleaner = Cleaner(select=["B", "E"])
    return {
        "news-cleaner": lambda text: cleaner.clean(text, kind="text").text,
        "trafilatura": lambda text: trafilatura.extract(as_page(text), include_comments=False) or "",
    }


def run(articles: list, markers: dict, show_misses: int, parts: tuple = ("tune", "heldout")) -> None:
    runners = systems()
    for part in parts:
        chosen = [(i, t) for i, t in articles if part_of(i) == part]
        annotated = [(i, t, *annotate(t, markers)) for i, t in chosen]
        print(f"\n== {part}: {len(chosen)} articles, {sum(len(a[2]) for a in annotated)} junk markers, "
              f"{sum(len(a[3]) for a in annotated)} body sentences")
        rows = {}
        misses: dict = {}
        for name, fn in runners.items():
            tally: Counter = Counter()
            errors = 0
            left_all, lost_all = [], []
            cpu = time.process_time()
            for _id, text, junk, sentences in annotated:
                try:
                    out = fn(text)
                except Exception as exc:  # noqa: BLE001 - an error is a result here
                    errors += 1
                    print(f"   {name} error on {_id}: {exc!r}")
                    out = text
                left, lost = score(text, out, junk, sentences, tally)
                left_all += [(_id, *x) for x in left]
                lost_all += [(_id, x) for x in lost]
            cpu = time.process_time() - cpu
            rows[name] = (tally, errors, cpu)
            misses[name] = (left_all, lost_all)
        cats = sorted({c for tally, _e, _t in rows.values() for kind, c in [k for k in tally if isinstance(k, tuple)]})
        print(f"   {'category':<18}{'markers':>8}" + "".join(f"{n:>16}" for n in rows))
        for cat in cats:
            total = rows["news-cleaner"][0]["junk", cat]
            cells = "".join(f"{100 * t['removed', cat] / max(total, 1):>15.1f}%" for t, _e, _c in rows.values())
            print(f"   {cat:<18}{total:>8}{cells}")
        for label, fn in (
            ("overall removed", lambda t: sum(t["removed", c] for c in cats) / max(sum(t["junk", c] for c in cats), 1)),
            ("macro removed", lambda t: sum(t["removed", c] / max(t["junk", c], 1) for c in cats) / max(len(cats), 1)),
            ("sentences lost", lambda t: t["lost"] / max(t["sentences"], 1)),
        ):
            print(f"   {label:<26}" + "".join(f"{100 * fn(t):>15.2f}%" for t, _e, _c in rows.values()))
        print(f"   {'errors':<26}" + "".join(f"{e:>16}" for _t, e, _c in rows.values()))
        print(f"   {'CPU seconds':<26}" + "".join(f"{c:>16.2f}" for _t, _e, c in rows.values()))
        if show_misses and part == "tune":
            left, lost = misses["news-cleaner"]
            print(f"\n   markers news-cleaner left ({len(left)}; at most {show_misses} a category):")
            shown: Counter = Counter()
            for _id, cat, key in left:
                shown[cat] += 1
                if shown[cat] <= show_misses:
                    print(f"     {_id} {cat}: {key[:120]}")
            print(f"   body sentences news-cleaner lost ({len(lost)}):")
            for _id, sentence in lost[:show_misses]:
                print(f"     {_id}: {sentence[:160]!r}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mirror", type=Path, default=MIRROR)
    parser.add_argument("--misses", type=int, default=0, help="list this many misses of the tune part")
    parser.add_argument("--sources", nargs="+", choices=sorted(SOURCES), help="only these sources (default: all)")
    parser.add_argument("--part", choices=("tune", "heldout"), help="only this part (default: both)")
    parser.add_argument("--cache", type=Path, help="a folder to keep the loaded articles in between runs")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    parts = (args.part,) if args.part else ("tune", "heldout")
    run(cached_articles(args.mirror, args.sources, args.cache), load_markers(), args.misses, parts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
