"""The extract stage: HTML (a page or a fragment) → main text with paragraphs, plus metadata.

trafilatura finds the main text of whole pages and of fragments (wrapped in a page); BeautifulSoup is
the fallback when trafilatura returns nothing. trafilatura is imported here only, so text-only runs start fast.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, Optional
from urllib.parse import urlparse

from .document import Document

_HTML_HINT = re.compile(
    r"<(!doctype\s+html|html|head|body|article|div|p|span|section|br|a\s|h[1-6]|ul|ol|li|table|script|meta)\b",
    re.IGNORECASE,
)
_PAGE_HINT = re.compile(r"<(!doctype\s+html|html|body)\b", re.IGNORECASE)
_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "figcaption")


# wire copy's stock symbols (``USAir Group Inc <U> stock``, ``Philips Petroleum <P> gained``): a short
# upper-case name in angle brackets after a word and a space is no markup
_TICKER = re.compile(r"(?<=[\w.] )<[A-Z]{1,6}>(?![\w<])")


def looks_like_html(text: str) -> bool:
    """True when the text carries HTML markup (a page or a fragment); stock symbols are no markup.

    >>> looks_like_html("<p>The vote.</p>"), looks_like_html("Philips Petroleum <P> and Acme Inc <I> rose.")
    (True, False)

    Markup needs two ``<`` in the first 5,000 characters, and removing stock symbols only removes some:
    a text with fewer is no markup, told by a count in C (the symbol pattern opens with a look-behind, so
    the regex engine tried it at every position of every plain article: 0.4% of ``clean(text)``).

    >>> looks_like_html("a < b"), looks_like_html("x" * 5000 + "<p>One</p>")
    (False, False)
    """
    if text.count("<", 0, 5000) < 2:
        return False
    head = _TICKER.sub("", text[:5000])
    return bool(_HTML_HINT.search(head)) and head.count("<") >= 2


def _site_of(url: Optional[str]) -> Optional[str]:
    """The host of ``url`` without ``www.``; None when there is none or the URL cannot be parsed (a
    scraped page's canonical link may be anything).

    >>> _site_of("https://www.example.com/a"), _site_of("http://[bad"), _site_of(None)
    ('example.com', None, None)
    """
    if not url:
        return None
    try:
        host = urlparse(url).hostname
    except ValueError:  # "http://[bad": Invalid IPv6 URL
        return None
    return host[4:] if host and host.startswith("www.") else host


def url_problem(url: object) -> Optional[str]:
    """Why a URL given by the caller cannot be used, or None when it can (or none was given).

    >>> url_problem("https://example.com/a") is None, url_problem(None) is None
    (True, True)
    >>> url_problem("http://[bad")
    "url 'http://[bad' cannot be parsed: Invalid IPv6 URL"
    >>> url_problem(42)
    'url must be a string, not int'
    """
    if url is None:
        return None
    if not isinstance(url, str):
        return f"url must be a string, not {type(url).__name__}"
    try:
        urlparse(url).hostname
    except ValueError as exc:
        return f"url {url[:200]!r} cannot be parsed: {exc}"
    return None


# Settings chosen by measurement on the ScrapingHub article-extraction benchmark (bench/extraction.py):
# tables stay (dropping them cost 0.009 recall); metadata is read from the meta tags below.
TRAFILATURA_SETTINGS = {
    "include_comments": False,
    "include_tables": True,
    "deduplicate": False,
    "with_metadata": False,  # metadata is read from the meta tags below: trafilatura's costs +35% time
}
FAVOR = ("balanced", "precision", "recall")
# `[extract]` defaults; `favor` was chosen on the held-out split of bench/extraction.py (see README)
EXTRACT_DEFAULTS = {"favor": "precision", "fast": False}
# precision output under this share of the words in the page's <p> elements is checked against a
# balanced reading, which replaces it when more than twice as long (trafilatura's own readability rule);
# the balanced reading is made fast first, and in full only when the fast one passes
COVERAGE = 0.5
# trafilatura's min_extracted_size: a shorter result went through its baseline rescue, which puts every
# inline tag (<b>, <a>) on a line of its own
SHORT_FRAGMENT = 250


def trafilatura_options(favor: str = "precision", fast: bool = False) -> dict:
    """trafilatura's keyword arguments for an ``[extract]`` favor and fast setting.

    >>> trafilatura_options("recall", True)["favor_recall"], trafilatura_options("recall", True)["fast"]
    (True, True)
    >>> trafilatura_options("balanced")["favor_precision"]
    False
    """
    if favor not in FAVOR:
        raise ValueError(f"favor must be one of {', '.join(FAVOR)}, not {favor!r}")
    return {**TRAFILATURA_SETTINGS, "favor_precision": favor == "precision", "favor_recall": favor == "recall",
            "fast": bool(fast)}


# what trafilatura's second opinions (readability, jusText) look at before they may replace its own
# reading (trafilatura.external.compare_extraction): a short text, a body with no paragraph text or more
# tables than paragraphs, leftover page furniture, or a text readability could double
_FURNITURE = (".//aside|.//audio|.//button|.//fencedframe|.//fieldset|.//figure|.//footer|.//iframe|.//input|"
              ".//label|.//link|.//nav|.//noindex|.//noscript|.//object|.//option|.//select|.//source|.//svg|"
              ".//time")  # trafilatura's SANITIZED_XPATH


def fast_reading_is_final(text_chars: int, kept_words: int, paragraph_words: int, plain_body: bool) -> bool:
    """Whether a precision reading made ``fast`` (no readability/jusText comparison) is what the full
    reading would return, so the full one need not be made: the comparison only replaces a reading that
    is short (under trafilatura's 250-character minimum), keeps under half the words of the page's
    ``<p>`` elements, or is not a plain body of paragraphs (``plain_body``: paragraph text, no more
    tables than paragraphs, no leftover furniture such as ``<nav>``). On the 75 tune pages of
    bench/extraction.py the fast reading differed from the full one on one page (empty), which this sends
    to the full reading with 8 others; it costs about 60% of a full reading.

    >>> fast_reading_is_final(2400, 400, 500, True), fast_reading_is_final(0, 0, 500, True)
    (True, False)
    >>> fast_reading_is_final(2400, 400, 500, False), fast_reading_is_final(2400, 100, 500, True)
    (False, False)
    """
    return text_chars >= SHORT_FRAGMENT and plain_body and not needs_second_reading(kept_words, paragraph_words)


def _plain_body(body) -> bool:
    """A reading's body element holds paragraph text, no more tables than paragraphs, and no furniture."""
    if body is None or next(paragraph_texts(body), None) is None:
        return False
    return len(body.findall(".//table")) <= len(body.findall(".//p")) and not body.xpath(_FURNITURE)


def needs_second_reading(kept_words: int, paragraph_words: int) -> bool:
    """True when a precision reading kept much less than the page's paragraphs hold: it may have kept
    the wrong block (a reprint notice instead of the story), so a balanced reading is compared.

    >>> needs_second_reading(34, 694), needs_second_reading(600, 694), needs_second_reading(0, 0)
    (True, False, False)
    """
    return kept_words < COVERAGE * paragraph_words


# the elements metadata is read from, found in one walk of the tree (an XPath union walks it per branch)
_META_TAGS = ("title", "meta", "link", "time", "h1", "script")
# only when neither meta tags nor JSON-LD name the author: the page's byline element
_BYLINE_WORDS = ("byline", "author-name")
_BYLINE_XPATH = "//*[contains(@class,'byline') or contains(@class,'author-name')]"
_TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "headline", "sailthru.title")
_AUTHOR_KEYS = ("author", "article:author", "parsely-author", "byl", "dc.creator", "sailthru.author", "citation_author")
_DATE_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
    "dc.date", "dc.date.issued", "parsely-pub-date", "sailthru.date", "article.published", "publish-date",
    "dcterms.created", "og:updated_time", "article:modified_time", "datemodified",
)
_SITE_KEYS = ("og:site_name", "application-name", "twitter:site")
_URL_KEYS = ("og:url", "twitter:url")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def extract_html(
    html: str, url: Optional[str] = None, *, path: Optional[str] = None, favor: str = "precision", fast: bool = False,
) -> Document:
    """Main text and metadata of an HTML page or fragment; paragraphs separated by blank lines.

    Whole pages and fragments go through trafilatura (``favor`` and ``fast`` are the ``[extract]``
    settings); what trafilatura finds nothing in, through BeautifulSoup. Metadata: title,
    author, date, url, site (site name or host), hostname, extractor.
    """
    options = trafilatura_options(favor, fast)
    metadata: dict = {"url": url}
    html = without_attribute_floods(html)
    is_page = bool(_PAGE_HINT.search(html[:5000]))
    text, found = _trafilatura(html if is_page else as_page(html), url, options, fragment=not is_page)
    metadata.update({k: v for k, v in found.items() if v})
    if not is_page and len(text) < SHORT_FRAGMENT:
        text = ""  # trafilatura's rescue of a short text splits it at inline tags: BeautifulSoup keeps them
    if not text.strip():
        text = _soup_text(html)
        metadata["extractor"] = "beautifulsoup"
    else:
        metadata["extractor"] = "trafilatura"
    metadata["hostname"] = metadata.get("hostname") or _site_of(metadata.get("url"))
    metadata["site"] = metadata.get("site") or metadata["hostname"]
    return Document(text=text, kind="html", metadata=metadata, path=path)


#: attributes a tag may have before it loses them all: libxml2 checks each new one against every one
#: before it, so one tag of 50,000 attributes (0.5 MB) took 54 s to extract, of which parsing was most
MAX_ATTRIBUTES = 1000
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{%d}" % (2 * MAX_ATTRIBUTES))  # (such a tag is at least this long)
_TAG_END = re.compile(r"[<>]")
_QUOTED_VALUE = re.compile(r"\"[^\"]*\"|'[^']*'")


def without_attribute_floods(html: str) -> str:
    """``html`` with every tag of more than :data:`MAX_ATTRIBUTES` attributes written as its bare name
    (no page carries such a tag but a hostile one; what it says is in its text, which is kept). Only
    the long tags are looked at (linear: each search runs on from where the last stopped).

    >>> without_attribute_floods("<p " + " ".join(f"a{i}=1" for i in range(1001)) + ">Text.</p><b c=1>")
    '<p>Text.</p><b c=1>'
    >>> page = '<meta content="' + "a long description " * 500 + '"><p>Text.</p>'
    >>> without_attribute_floods(page) is page  # one long quoted value is one attribute
    True
    """
    pieces, done = [], 0
    for match in _LONG_TAG.finditer(html):
        end = _TAG_END.search(html, match.end())
        if end is None or html[end.start()] != ">":
            continue  # no tag after all (a "<" in text, or a tag cut off)
        tag = html[match.start():end.end()]
        # without its quoted values a tag is its name, its attributes' names and their bare values:
        # more than twice MAX_ATTRIBUTES words (and one for the name) is more than MAX_ATTRIBUTES attributes
        words = _QUOTED_VALUE.sub(" ", tag).replace("=", " ").split(None, 2 * MAX_ATTRIBUTES + 1)
        if len(words) > 2 * MAX_ATTRIBUTES + 1:
            pieces += [html[done:match.start()], "<", re.match(r"[A-Za-z][^\s/>]*", tag[1:]).group(), ">"]
            done = end.end()
    return "".join(pieces) + html[done:] if pieces else html


def page_metadata(tree, url: Optional[str] = None, html: Optional[str] = None) -> dict:
    """Title, author, date, url and site from a page's meta tags, JSON-LD, ``<title>``, ``<time>``,
    ``<h1>``, a byline element and the URL's date.

    One walk over the parsed tree (and a byline query when no tag names the author): most of what
    trafilatura's own metadata extraction finds on news pages (Open Graph / schema.org tags) at about a
    tenth of its cost (measured on the benchmark pages: 0.5 ms vs 4 ms a page, before the walk halved it).
    """
    found: dict = {}
    title_tag = h1 = time_tag = None
    for node in tree.iter(_META_TAGS):
        tag = node.tag
        if tag == "script":
            if node.get("type") == "application/ld+json":
                _json_ld(node.text or "", found)
        elif tag == "title":
            parent = node.getparent()
            if parent is not None and parent.tag == "head":
                title_tag = title_tag or " ".join(node.text_content().split())
        elif tag == "h1":
            h1 = h1 or " ".join(node.text_content().split())
        elif tag == "time":
            time_tag = time_tag or node.get("datetime")
        elif tag == "link":
            if node.get("rel") == "canonical" and node.get("href") is not None:
                found.setdefault("canonical", node.get("href"))
        else:
            key = (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().lower()
            value = " ".join((node.get("content") or "").split())
            if key and value:
                found.setdefault(key, value)

    def first(keys):
        return next((found[k] for k in keys if found.get(k)), None)

    page_url = url or first(_URL_KEYS) or found.get("canonical")
    date = first(_DATE_KEYS) or time_tag or found.get("ld:date")
    iso = _ISO_DATE.search(date or "") or _URL_DATE.search(page_url or "")
    author = first(_AUTHOR_KEYS)
    if not author or author.startswith(("http://", "https://")):
        author = found.get("ld:author")
    # the byline query walks every element: only when the page's source holds one of its class words
    if not author and (html is None or any(word in html for word in _BYLINE_WORDS)):
        author = next(filter(None, (_byline(n.text_content()) for n in tree.xpath(_BYLINE_XPATH)[:3])), None)
    author = _byline(author) if author else None
    return {
        "title": first(_TITLE_KEYS) or h1 or title_tag,
        "author": author,
        "date": "-".join(iso.groups()) if iso else date,
        "url": page_url,
        "site": _site_name(first(_SITE_KEYS[:2])) or _site_of(page_url),
        "hostname": _site_of(page_url),
        "headline": h1,
    }


_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{2})[/-](\d{2})(?:/|-|$)")
_BY = re.compile(r"^(?:by|von|por|par|di)\s+", re.IGNORECASE)


def _byline(text: str) -> Optional[str]:
    """An author name from a byline element: ``By Jane Doe`` → ``Jane Doe``; long text is not a name."""
    name = _BY.sub("", " ".join(text.split())).strip(" ,|-")
    return name if name and len(name.split()) <= 8 and not name.startswith("http") else None


def _json_ld(raw: str, found: dict) -> None:
    """Author and date from schema.org JSON-LD (``@graph`` and lists included); a block that names
    neither key (a site's Organization or BreadcrumbList block) is not parsed.

    >>> found = {}; _json_ld('{"@type": "WebSite", "name": "X"}', found); found
    {}
    >>> _json_ld('{"datePublished": "2024-01-02", "author": {"name": "Ana Ruiz"}}', found); found
    {'ld:date': '2024-01-02', 'ld:author': 'Ana Ruiz'}
    """
    import json

    if '"datePublished"' not in raw and '"author"' not in raw:
        return
    try:
        data = json.loads(raw)
    except ValueError:
        return
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
            continue
        if not isinstance(item, dict):
            continue
        stack.extend(item.get("@graph", []) if isinstance(item.get("@graph"), list) else [])
        if item.get("datePublished") and "ld:date" not in found:
            found["ld:date"] = str(item["datePublished"])
        author = item.get("author")
        if author and "ld:author" not in found:
            authors = author if isinstance(author, list) else [author]
            names = [a.get("name") if isinstance(a, dict) else a for a in authors]
            names = [str(n).strip() for n in names if n and isinstance(n, str) and not n.startswith("http")]
            if names:
                found["ld:author"] = "; ".join(names)


def as_page(fragment: str) -> str:
    """A fragment (no ``<html>``/``<body>``: what autoblogs and feeds carry) as a page trafilatura reads
    like any other; it refuses markup that starts with text such as an ``[ad_1]`` shortcode.

    >>> as_page("[ad_1]<p>Text.</p>")
    '<html><body>[ad_1]<p>Text.</p></body></html>'
    """
    return f"<html><body>{fragment}</body></html>"


def _trafilatura(html: str, url: Optional[str], options: dict, fragment: bool = False) -> tuple[str, dict]:
    import trafilatura

    parser = _page_parser()
    tree = load_page(html, parser)
    if tree is None or _cut_short(parser):
        return "", {"url": url}  # BeautifulSoup then reads the page
    if fragment:
        wrap_loose_text(tree)
    metadata = page_metadata(tree, url, html)
    if options["favor_precision"]:
        keep_inline_spans(tree)
    paragraph_words = None
    if options["favor_precision"] and not options["fast"]:
        reading = trafilatura.bare_extraction(tree, url=url, **{**options, "fast": True})
        body = _body_text(reading)
        paragraph_words = sum(len(t.split()) for t in paragraph_texts(tree))
        if not fast_reading_is_final(len(body), len(body.split()), paragraph_words,
                                     _plain_body(getattr(reading, "body", None))):
            body = _body_text(trafilatura.bare_extraction(tree, url=url, **options))
    else:
        body = _body_text(trafilatura.bare_extraction(tree, url=url, **options))
    if options["favor_precision"]:
        balanced = {**options, "favor_precision": False}
        if not body.strip():  # precision can discard a short page entirely
            body = _body_text(trafilatura.bare_extraction(tree, url=url, **balanced))
        elif needs_second_reading(len(body.split()), paragraph_words if paragraph_words is not None
                                  else sum(len(t.split()) for t in paragraph_texts(tree))):
            joined = _longer_joined_reading(trafilatura, tree, url, options, len(body.split()))
            second = joined or _longer_balanced_reading(trafilatura, tree, url, balanced, len(body.split()))
            if second is not None:
                body = second
                metadata["extract_fallback"] = "joined" if joined else "balanced"
    # trafilatura separates paragraphs by single newlines; the rest of the pipeline uses blank lines.
    paragraphs = [" ".join(line.split()) for line in body.split("\n") if line.strip()]
    if options["favor_precision"]:
        paragraphs = restore_dropped_sentences(paragraphs, _p_texts(tree))
    return "\n\n".join(paragraphs), metadata


# trafilatura's precision mode drops every <span> (and <div>, <p>, <section>) whose class or id has a
# "link" or "bottom" token or whose style draws a border (its PRECISION_DISCARD_XPATH): meant for link
# bars and page bottoms, it also cuts a linked phrase out of a sentence ("has reported that <span
# class="link"><a>the NFL will fine Rudolph</a></span> for his role")
_DISCARDED_NAME = re.compile(r"(?:^|\s)bottom|bottom(?:\s|$)|(?:^|\s)link(?:\s|$)")


def keep_inline_spans(tree) -> None:
    """Take the discard-triggering names off the ``<span>`` elements inside a paragraph, in place: a
    span inside a ``<p>`` is part of a sentence, never a link bar or a page bottom. An empty span
    with a name, an anchor such as the ``<span id="more-123"></span>`` a WordPress post puts where
    its excerpt ends, goes (its tail stays): trafilatura's precision reading drops a paragraph that
    starts with one.

    >>> import lxml.html
    >>> tree = lxml.html.fromstring('<div><p>Said <span class="link"><a>the NFL</a></span> will.</p><span class="link">Bar</span></div>')
    >>> keep_inline_spans(tree); lxml.html.tostring(tree, encoding="unicode")
    '<div><p>Said <span><a>the NFL</a></span> will.</p><span class="link">Bar</span></div>'
    >>> tree = lxml.html.fromstring('<div><p><span id="more-5129"></span>From the hadith:</p></div>')
    >>> keep_inline_spans(tree); lxml.html.tostring(tree, encoding="unicode")
    '<div><p>From the hadith:</p></div>'
    """
    empty = []
    for span in tree.iter("span"):
        if not (span.get("class") is not None or span.get("id") is not None or span.get("style") is not None) \
                or not _in_paragraph(span):
            continue
        if len(span) == 0 and not span.text:
            empty.append(span)  # an empty anchor (WordPress's <span id="more-N">): precision drops its <p>
            continue
        for name in ("class", "id"):
            if _DISCARDED_NAME.search(span.get(name) or ""):
                del span.attrib[name]
        if "border" in (span.get("style") or ""):
            del span.attrib["style"]
    for span in empty:  # after the walk: taking a tag out while walking would skip the element after it
        span.drop_tag()


def _in_paragraph(element) -> bool:
    return next(element.iterancestors("p"), None) is not None


def paragraph_texts(tree) -> Iterator[str]:
    """The text inside ``<p>`` elements (what ``//p//text()`` selects), in document order. libxml2's XPath
    merges each paragraph's nodes into the set so far, quadratic in the paragraphs of a page (20,000
    unclosed ``<p>``: 6.8 s for ``//p//text()``, 17.7 s for ``//p//span[...]``); a walk is linear.

    >>> import lxml.html
    >>> tree = lxml.html.fromstring('<div><p>A <b>b</b> c<div><p>d</p></div></p>e<p>f</p></div>')
    >>> list(paragraph_texts(tree)) == tree.xpath("//p//text()")
    True
    """
    for paragraph in tree.iter("p"):
        if not _in_paragraph(paragraph):  # (a paragraph inside another is read with it)
            yield from paragraph.itertext()


_RESTORE_WORDS = 8
_ENDS_SENTENCE = re.compile(r"[.!?][\"”’)]?$")


def _p_texts(tree) -> list:
    return [" ".join(p.text_content().split()) for p in tree.iter("p")]


def restore_dropped_sentences(kept: list, page_paragraphs: list) -> list:
    """``kept`` with the page's ``<p>`` paragraphs that precision mode dropped between two it kept put
    back in place, when each is a sentence (8+ words, ending in a stop): precision reading drops a
    short body paragraph now and then ("The discovery was announced in an article published Monday
    in the journal Nature Astronomy."), and a paragraph inside the kept run is body, not furniture.

    >>> page = ["Menu", "First kept paragraph here.", "The lost one is a real sentence of the story too.", "Last kept one."]
    >>> restore_dropped_sentences(["First kept paragraph here.", "Last kept one."], page)
    ['First kept paragraph here.', 'The lost one is a real sentence of the story too.', 'Last kept one.']
    >>> restore_dropped_sentences(["First kept paragraph here.", "Last kept one."], page[:2] + ["Share", page[3]])
    ['First kept paragraph here.', 'Last kept one.']
    """
    where = {text: i for i, text in enumerate(kept)}
    anchors = [(j, where[text]) for j, text in enumerate(page_paragraphs) if text in where]
    if len(anchors) < 2:
        return kept
    additions: dict = {}
    for (j0, k0), (j1, k1) in zip(anchors, anchors[1:]):
        if k1 != k0 + 1 or j1 - j0 < 2:
            continue  # only a gap between two paragraphs kept one after the other
        gap = page_paragraphs[j0 + 1:j1]
        if all(len(t.split()) >= _RESTORE_WORDS and _ENDS_SENTENCE.search(t) and t not in where for t in gap):
            additions[k0] = gap
    if not additions:
        return kept
    out = []
    for i, text in enumerate(kept):
        out.append(text)
        out.extend(additions.get(i, ()))
    return out


def _cut_short(parser) -> bool:
    """Whether the last page ``parser`` parsed was cut short: libxml2 stops at 256 nested elements
    (``<span>`` in ``<span>``...) and silently drops the rest of the page, which would be lost text;
    BeautifulSoup's parser has no such limit.

    >>> tree = load_page("<html><body><p>A " + "<b>" * 300 + "deep" + "</b>" * 300 + " one.</p><p>Next.</p></body></html>")
    >>> tree.text_content().endswith("Next."), _cut_short(_page_parser())
    (False, True)
    """
    return any("Excessive depth" in entry.message for entry in parser.error_log)


@lru_cache(maxsize=1)
def _page_parser():
    """trafilatura's HTML parser (``trafilatura.utils.HTML_PARSER``: its options) with the element
    classes looked up in C: ``lxml.html``'s own lookup is a Python call for every element that Python
    code touches, and trafilatura's prunes and passes touch about 2,000 a page (about 5% of an
    extraction's CPU on the benchmark pages). Every element is an ``HtmlElement``; only the form
    classes (``<input>``'s ``.value``...), which no extraction reads, are not used."""
    from lxml import etree, html as lxml_html

    parser = lxml_html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
                                  remove_pis=True)
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
        element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment, pi=lxml_html.HtmlProcessingInstruction,
        entity=lxml_html.HtmlEntity))
    return parser


def load_page(html: str, parser=None):
    """The tree of an HTML string as ``trafilatura.utils.load_html`` makes it (its repairs, its
    fall-back to bytes, its rejection of what is no HTML), parsed by ``parser`` (default
    :func:`_page_parser`); None when it is no page.

    The page is parsed from its UTF-8 bytes first: libxml2 reads those as they are, while a ``str``
    reaches it in a wider encoding it converts (a sixth of the parse's CPU on the benchmark pages), and
    the tree is the same (what trafilatura's own fall-back to bytes relies on). A page that cannot be
    encoded (a lone surrogate) or that gives no tree so is read trafilatura's way, ``str`` first.

    >>> load_page("<html><body><p>One.</p><p>Two.</p></body></html>").xpath("//p/text()")
    ['One.', 'Two.']
    """
    from lxml.html import fromstring
    from trafilatura.utils import is_dubious_html

    parser = parser if parser is not None else _page_parser()
    beginning = html[:50].lower()
    dubious = is_dubious_html(beginning)
    html = repaired_html(html, beginning)
    try:
        data: Optional[bytes] = html.encode("utf8")
    except UnicodeEncodeError:  # a lone surrogate: no UTF-8
        data = None

    def parsed(source):
        try:
            return fromstring(source, parser=parser)
        except Exception:  # what lxml raises on input it cannot parse at all
            return None

    tree = None if data is None else parsed(data)
    if tree is None or len(tree) < 1:
        tree = _str_first(html, parser)
    if tree is not None and dubious and len(tree) < 2:
        return None
    return tree


def _str_first(html: str, parser):
    """trafilatura's reading of a repaired page: the ``str``, else (an encoding declaration, or no
    tree) its bytes, lone surrogates passed through."""
    from lxml.html import fromstring

    def from_bytes():
        try:
            return fromstring(html.encode("utf8", "surrogatepass"), parser=parser)
        except Exception:
            return None

    as_bytes = False
    try:
        tree = fromstring(html, parser=parser)
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree, as_bytes = from_bytes(), True
    except Exception:  # pragma: no cover - what lxml raises on input it cannot parse at all
        tree = None
    if (tree is None or len(tree) < 1) and not as_bytes:
        tree = from_bytes()
    return tree


# what trafilatura's repair deletes (``trafilatura.utils.INVALID_XML_CHARS``; a test holds them equal)
_INVALID_XML = tuple(map(chr, (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)))


def repaired_html(html: str, beginning: str) -> str:
    r"""``trafilatura.utils.repair_faulty_html(html, beginning)``: the page without the characters XML
    forbids, its doctype line and a self-closed ``<html/>`` mended; ``html`` itself (the same object)
    when nothing needed mending.

    Two whole-page passes of the repair are made only when needed: the regex pass for those
    characters (1.8% of ``clean(html)``), when a substring test finds one (the usual page holds none;
    29 tests cost half of that pass), and the copy of the page after its doctype line (1%), when the
    line changes.

    >>> repaired_html("<!DOCTYPE html/>\n<html/>\n<p>a\x00b</p>", "<!doctype html/>")
    '\n<html>\n<p>ab</p>'
    >>> page = "<!DOCTYPE html>\n<html><p>a</p></html>"
    >>> repaired_html(page, page[:50].lower()) is page
    True
    """
    from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, repair_faulty_html

    if any(map(html.__contains__, _INVALID_XML)):
        return repair_faulty_html(html, beginning)
    if "doctype" in beginning:  # the rest is trafilatura's own, step for step
        newline = html.find("\n")
        firstline = html if newline < 0 else html[:newline]
        mended = DOCTYPE_TAG.sub("", firstline, count=1)
        if newline < 0:
            html = mended + "\n"  # (as trafilatura's partition-and-join puts one)
        elif mended != firstline:
            html = mended + html[newline:]
    for line in html[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            html = FAULTY_HTML.sub(r"\1>", html, count=1)
            break
    return html


def split_bodies(tree) -> list:
    """The article's body containers when the page splits it over several with the same tag and class
    (Wired's ``article__body`` divs with an ad row between each two): the elements trafilatura's first
    body expression that finds any finds, in page order, none inside another; [] for one container.
    trafilatura reads only the first, and loses the rest of the story.

    >>> import lxml.html
    >>> page = lxml.html.fromstring('<html><body><div class="x"><div class="article-body"><p>One.</p></div></div>'
    ...     '<div class="ad">Ad</div><div class="x"><div class="article-body"><p>Two.</p></div></div></body></html>')
    >>> [b.text_content() for b in split_bodies(page)]
    ['One.', 'Two.']
    """
    from trafilatura.xpaths import BODY_XPATH

    found: list = []
    for expr in BODY_XPATH:
        found = [e for e in expr(tree) if e is not None]
        if found:
            break
    if len(found) < 2:
        return []
    first = found[0]
    bodies: list = []
    for e in found:
        if e.tag == first.tag and e.get("class") == first.get("class") and not any(
                b in e.iterancestors() for b in bodies):
            bodies.append(e)
    return bodies if len(bodies) > 1 else []


def join_bodies(tree):
    """A copy of ``tree`` with the children of every body container after the first moved into the
    first, in order (the containers' own tails, ad rows' text, left out), or None when the page has
    one body container.

    >>> import lxml.html
    >>> page = lxml.html.fromstring('<html><body><div class="x"><div class="article-body"><p>One.</p></div></div>'
    ...     '<div class="ad">Ad</div><div class="x"><div class="article-body"><p>Two.</p></div></div></body></html>')
    >>> lxml.html.tostring(join_bodies(page).xpath("//div[@class='article-body']")[0], encoding="unicode")
    '<div class="article-body"><p>One.</p><p>Two.</p></div>'
    """
    from copy import deepcopy

    bodies = split_bodies(tree)
    if not bodies:
        return None
    paths = [tree.getroottree().getpath(b) for b in bodies]
    joined = deepcopy(tree)
    head, *rest = (joined.getroottree().xpath(path)[0] for path in paths)
    for other in rest:
        for child in list(other):
            head.append(child)
        other.getparent().remove(other)
    return joined


_JOINED_GAIN = 1.3  # a joined reading replaces the precision reading when this much longer


def _longer_joined_reading(trafilatura, tree, url: Optional[str], options: dict, kept_words: int) -> Optional[str]:
    """A precision reading of the page with its split body containers joined, when it is over 1.3
    times as long as the ``kept_words`` of the first reading, else None (one container, or nothing
    more found)."""
    joined = join_bodies(tree)
    if joined is None:
        return None
    body = _body_text(trafilatura.bare_extraction(joined, url=url, **options))
    return body if len(body.split()) > _JOINED_GAIN * kept_words else None


def _longer_balanced_reading(trafilatura, tree, url: Optional[str], balanced: dict, kept_words: int) -> Optional[str]:
    """A balanced reading of the page when it is over twice as long as the ``kept_words`` of the
    precision reading, else None.

    It is first made ``fast`` (without trafilatura's readability/justext comparison: a third of the
    cost), and only a fast reading that passes is made again in full: the check fires on 8 of the 121
    benchmark pages, where fast and full balanced readings are the same length and never twice as long.
    """
    fast = _body_text(trafilatura.bare_extraction(tree, url=url, **{**balanced, "fast": True}))
    if len(fast.split()) <= 2 * kept_words:
        return None
    if balanced["fast"]:
        return fast
    second = _body_text(trafilatura.bare_extraction(tree, url=url, **balanced))
    return second if len(second.split()) > 2 * kept_words else None


_INLINE = {"a", "b", "strong", "i", "em", "span", "u", "small", "sup", "sub", "abbr", "cite", "q", "mark", "time", "font"}


def wrap_loose_text(tree) -> None:
    """Put text sitting directly in a container (a ``<div>``, ``<article>``...) between ``<br>``s or
    blocks into ``<p>`` elements, in place: trafilatura reads paragraphs, and drops such text in
    precision mode although it is body (autoblog and feed markup is full of it).

    >>> import lxml.html
    >>> tree = lxml.html.fromstring("<div>First line.<br><br>Second <b>line</b>.<p>Third.</p>Tail.</div>")
    >>> wrap_loose_text(tree); lxml.html.tostring(tree, encoding="unicode")
    '<div><p>First line.</p><br><br><p>Second <b>line</b>.</p><p>Third.</p><p>Tail.</p></div>'
    """
    for box in list(tree.iter(*_CONTAINERS)):
        if not _has_loose_text(box):
            continue
        items = [box.text] if box.text and box.text.strip() else []
        box.text = None
        for child in list(box):
            box.remove(child)
            tail, child.tail = child.tail, None
            items.append(child)
            if tail and tail.strip():
                items.append(tail)
        run: list = []
        for item in items:
            if isinstance(item, str) or (item.tag in _INLINE):
                run.append(item)
                continue
            _flush(box, run)
            box.append(item)
        _flush(box, run)


def _has_loose_text(box) -> bool:
    return bool((box.text or "").strip()) or any((child.tail or "").strip() for child in box)


def _flush(box, run: list) -> None:
    """Append the gathered run of text and inline elements to ``box`` as one ``<p>`` (or as is when it
    holds no text)."""
    if not run:
        return
    if not any(item.strip() if isinstance(item, str) else item.text_content().strip() for item in run):
        for item in run:
            if not isinstance(item, str):
                box.append(item)
        run.clear()
        return
    para = box.makeelement("p", {})
    for item in run:
        if isinstance(item, str):
            if len(para):
                para[-1].tail = (para[-1].tail or "") + item
            else:
                para.text = (para.text or "") + item
        else:
            para.append(item)
    box.append(para)
    run.clear()


def _body_text(document) -> str:
    return (document.text if document is not None else "") or ""


def _soup_text(html: str) -> str:
    from bs4 import BeautifulSoup, NavigableString

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "nav", "footer", "aside", "form"]):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    blocks = soup.find_all(_BLOCK_TAGS)
    paragraphs = []
    if blocks:
        loose: list[str] = []  # text sitting directly in a div/article between <br>s is body too
        holds_block = _ancestors_of(blocks)
        holders: dict = {}
        for node in soup.descendants:
            if isinstance(node, str):
                if type(node) is not NavigableString:  # comments, doctypes, CDATA: never text
                    continue
                # a block that holds no other block gives all its text below; any other text is loose
                # (a <div> inside a <p> must not give its text twice, a <p> around a <blockquote> none)
                block = _nearest(node.parent, _BLOCK_TAGS, holders)
                if block is None or id(block) in holds_block:
                    loose.append(str(node))
                continue
            if node.name not in _BLOCK_TAGS or id(node) in holds_block:
                continue
            paragraphs.extend(_loose_paragraphs(loose))
            loose = []
            # no separator: inline tags (<b>, <a>) must not open a space before punctuation
            text = " ".join(node.get_text().split())
            if text:
                paragraphs.append(text)
        paragraphs.extend(_loose_paragraphs(loose))
    else:
        for chunk in soup.get_text("\n").split("\n"):
            text = " ".join(chunk.split())
            if text:
                paragraphs.append(text)
    return "\n\n".join(paragraphs)


_CONTAINERS = ("div", "article", "section", "main", "body", "td")


def _ancestors_of(tags: list) -> set:
    """The ids of every tag that holds one of ``tags`` somewhere below it: one walk up from each, which
    stops where an earlier walk passed, so linear in the page (a ``find`` per tag was quadratic in the
    nesting depth: 3,000 nested table cells took minutes)."""
    seen: set = set()
    for tag in tags:
        parent = tag.parent
        while parent is not None and id(parent) not in seen:
            seen.add(id(parent))
            parent = parent.parent
    return seen


def _nearest(tag, names: tuple, memo: dict):
    """``tag`` or its closest ancestor named in ``names`` (None: none is), remembering the answer for
    every tag walked, so that many texts deep in one nest cost one walk, not one each."""
    path = []
    found = None
    while tag is not None:
        if id(tag) in memo:
            found = memo[id(tag)]
            break
        if tag.name in names:
            found = tag
            break
        path.append(tag)
        tag = tag.parent
    for walked in path:
        memo[id(walked)] = found
    return found


def _loose_paragraphs(pieces: list) -> list:
    """Paragraphs of loose text gathered between blocks: a <br> (already a newline) ends one."""
    return [" ".join(chunk.split()) for chunk in "".join(pieces).split("\n") if chunk.strip()]


def _site_name(value: Optional[str]) -> Optional[str]:
    """A site name from a meta tag; a URL there (some sites put one) becomes its host."""
    if value and value.startswith(("http://", "https://")):
        return _site_of(value)
    return value
