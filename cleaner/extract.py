"""The extract stage: HTML (a page or a fragment) → main text with paragraphs, plus metadata.

trafilatura finds the main text of whole pages; BeautifulSoup handles fragments, and is the fallback
when trafilatura returns nothing. trafilatura is imported here only, so text-only runs start fast.
"""

from __future__ import annotations

import re
from typing import Optional
from urllib.parse import urlparse

from .document import Document

_HTML_HINT = re.compile(
    r"<(!doctype\s+html|html|head|body|article|div|p|span|section|br|a\s|h[1-6]|ul|ol|li|table|script|meta)\b",
    re.IGNORECASE,
)
_PAGE_HINT = re.compile(r"<(!doctype\s+html|html|body)\b", re.IGNORECASE)
_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "figcaption")


def looks_like_html(text: str) -> bool:
    """True when the text carries HTML markup (a page or a fragment)."""
    head = text[:5000]
    return bool(_HTML_HINT.search(head)) and head.count("<") >= 2


def _site_of(url: Optional[str]) -> Optional[str]:
    if not url:
        return None
    host = urlparse(url).hostname
    return host[4:] if host and host.startswith("www.") else host


def extract_html(html: str, url: Optional[str] = None, *, path: Optional[str] = None) -> Document:
    """Main text and metadata of an HTML page or fragment; paragraphs separated by blank lines."""
    metadata: dict = {"url": url}
    text = ""
    if _PAGE_HINT.search(html[:5000]):
        text, found = _trafilatura(html, url)
        metadata.update({k: v for k, v in found.items() if v})
    if not text.strip():
        text = _soup_text(html)
        metadata.setdefault("extractor", "beautifulsoup")
    else:
        metadata["extractor"] = "trafilatura"
    metadata["site"] = metadata.get("site") or _site_of(metadata.get("url"))
    return Document(text=text, kind="html", metadata=metadata, path=path)


def _trafilatura(html: str, url: Optional[str]) -> tuple[str, dict]:
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        deduplicate=False,
        favor_precision=False,
    )
    if document is None:
        return "", {}
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    body = data.get("text") or ""
    # trafilatura separates paragraphs by single newlines; the rest of the pipeline uses blank lines.
    paragraphs = [line.strip() for line in body.split("\n") if line.strip()]
    metadata = {
        "title": data.get("title"),
        "author": data.get("author"),
        "date": data.get("date"),
        "url": data.get("url") or url,
        "site": data.get("sitename") or _site_of(data.get("url") or url),
        "hostname": data.get("hostname"),
    }
    return "\n\n".join(paragraphs), metadata


def _soup_text(html: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "nav", "footer", "aside", "form"]):
        tag.decompose()
    blocks = soup.find_all(_BLOCK_TAGS)
    paragraphs = []
    if blocks:
        for block in blocks:
            if block.find(_BLOCK_TAGS):
                continue
            text = " ".join(block.get_text(" ").split())
            if text:
                paragraphs.append(text)
    else:
        for chunk in soup.get_text("\n").split("\n"):
            text = " ".join(chunk.split())
            if text:
                paragraphs.append(text)
    return "\n\n".join(paragraphs)
