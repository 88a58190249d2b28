"""A Scrapy item pipeline that cleans each scraped article and annotates it with score, verdict and findings.

    # settings.py
    ITEM_PIPELINES = {"cleaner.integrations.scrapy.CleanArticlePipeline": 300}   # before storage
    NEWS_CLEANER_CONFIG = "news-cleaner.toml"      # or a dict of config keys; default: discovered from cwd
    NEWS_CLEANER_TEXT_FIELD = "text"               # item field with extracted text
    NEWS_CLEANER_HTML_FIELD = "html"               # item field with raw HTML (used when present)
    NEWS_CLEANER_OUTPUT_FIELD = "text"             # where the cleaned text goes (default: the text field)
    NEWS_CLEANER_FINDINGS_FIELD = "cleaner"        # {"score", "verdict", "findings"[, "metadata"]}
    NEWS_CLEANER_UNSAFE_FIXES = False
    NEWS_CLEANER_DROP_VERDICTS = []                # e.g. ["garbled"]: DropItem with the reason
    NEWS_CLEANER_THREADED = False                  # True: clean in the reactor's thread pool
    NEWS_CLEANER_TIMEOUT = None                    # seconds per item: a slower item is passed on, rejected

Verdicts are counted in the crawl stats as ``news_cleaner/verdict/<verdict>``, findings as
``news_cleaner/findings/<CODE>``, drops as ``news_cleaner/dropped/<verdict>``. An item with neither
field is passed on untouched and counted as ``news_cleaner/skipped``. An item whose cleaning takes
longer than ``NEWS_CLEANER_TIMEOUT`` seconds is stopped (the executor's time limit, as in ``batch``),
passed on with ``{"verdict": "rejected", "reason": ...}`` and counted as ``news_cleaner/rejected``. Cleaning is CPU work: with
``NEWS_CLEANER_THREADED`` it runs off the reactor thread so downloads keep flowing.
"""

from __future__ import annotations

import logging
from typing import Any, Iterable, Optional

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem, NotConfigured

from ..config import coerce_settings, load_settings
from ..errors import CleanerError
from ..executor import Executor
from ..pipeline import Cleaner
from ..records import RecordError, annotation, pick_field

logger = logging.getLogger(__name__)


class CleanArticlePipeline:
    """Clean ``item[text_field]`` (or extract and clean ``item[html_field]``) and annotate the item."""

    def __init__(
        self,
        cleaner: Cleaner,
        *,
        text_field: str = "text",
        html_field: str = "html",
        output_field: Optional[str] = None,
        findings_field: str = "cleaner",
        drop_verdicts: Iterable[str] = (),
        threaded: bool = False,
        timeout: Optional[float] = None,
        stats: Any = None,
    ):
        self.cleaner = cleaner
        self.text_field = text_field
        self.html_field = html_field
        self.output_field = output_field or text_field
        self.findings_field = findings_field
        self.drop_verdicts = frozenset(drop_verdicts)
        unknown = self.drop_verdicts - {"clean", "fixable", "garbled"}
        if unknown:
            raise NotConfigured(f"NEWS_CLEANER_DROP_VERDICTS: unknown verdict(s) {sorted(unknown)} "
                                "(use clean, fixable, garbled)")
        self.threaded = threaded
        self.timeout = timeout
        if timeout:
            cleaner.warm_up()  # the first item's limit then times its cleaning, not the loading of word lists
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        config = settings.get("NEWS_CLEANER_CONFIG")
        try:
            if config is None:
                cleaner_settings = load_settings()
            elif isinstance(config, str):
                cleaner_settings = load_settings(config)
            else:
                cleaner_settings = coerce_settings(dict(config))
        except CleanerError as exc:
            raise NotConfigured(f"NEWS_CLEANER_CONFIG: {exc}") from exc
        unsafe = settings.getbool("NEWS_CLEANER_UNSAFE_FIXES", False)
        return cls(
            Cleaner(cleaner_settings, unsafe_fixes=unsafe),
            text_field=settings.get("NEWS_CLEANER_TEXT_FIELD", "text"),
            html_field=settings.get("NEWS_CLEANER_HTML_FIELD", "html"),
            output_field=settings.get("NEWS_CLEANER_OUTPUT_FIELD"),
            findings_field=settings.get("NEWS_CLEANER_FINDINGS_FIELD", "cleaner"),
            drop_verdicts=settings.getlist("NEWS_CLEANER_DROP_VERDICTS", []),
            threaded=settings.getbool("NEWS_CLEANER_THREADED", False),
            timeout=settings.getfloat("NEWS_CLEANER_TIMEOUT", 0.0) or None,
            stats=crawler.stats,
        )

    # -- the work ---------------------------------------------------------------------------------
    def _source(self, adapter: ItemAdapter) -> tuple:
        """(article, kind) as ``cleaner.records`` picks it for any record; (None, None) when absent."""
        fields = {name: adapter.get(name) for name in (self.html_field, self.text_field) if name in adapter}
        if not (isinstance(fields.get(self.html_field), str) and fields[self.html_field].strip()):
            fields.pop(self.html_field, None)  # an empty HTML field: use the text
        try:
            name, is_html = pick_field(fields, self.text_field, self.html_field)
        except RecordError:
            return None, None
        return fields[name], "html" if is_html else "text"

    def _clean(self, source: str, kind: str, url: Optional[str]):
        """The Result, or the reason (a str) when the time limit stopped it."""
        executor = Executor(1, processes=False, timeout=self.timeout, lost=lambda item, reason: reason)
        return next(executor.map(lambda _: self.cleaner.clean(source, url, kind=kind), [None]))

    async def process_item(self, item, spider=None):
        adapter = ItemAdapter(item)
        source, kind = self._source(adapter)
        if source is None:
            self._inc("news_cleaner/skipped")
            logger.warning("news-cleaner: item has neither %r nor %r; passed on uncleaned",
                           self.text_field, self.html_field)
            return item
        url = adapter.get("url") if "url" in adapter else None
        url = url if isinstance(url, str) else None
        if self.threaded:
            from scrapy.utils.defer import maybe_deferred_to_future
            from twisted.internet.threads import deferToThread

            result = await maybe_deferred_to_future(deferToThread(self._clean, source, kind, url))
        else:
            result = self._clean(source, kind, url)
        self._inc("news_cleaner/items")
        if isinstance(result, str):
            self._inc("news_cleaner/rejected")
            logger.warning("news-cleaner: %s: %s; passed on uncleaned", url or "item", result)
            adapter[self.findings_field] = {"verdict": "rejected", "reason": result}
            return item
        self._inc(f"news_cleaner/verdict/{result.verdict}")
        for finding in result.findings:
            self._inc(f"news_cleaner/findings/{finding.code}")
        if result.verdict in self.drop_verdicts:
            self._inc(f"news_cleaner/dropped/{result.verdict}")
            raise DropItem(f"news-cleaner verdict {result.verdict} (score {result.score:.2f}) "
                           f"is in NEWS_CLEANER_DROP_VERDICTS: {url or 'item'}")
        try:
            adapter[self.output_field] = result.text
            adapter[self.findings_field] = annotation(result, with_metadata=kind == "html")
        except KeyError as exc:
            raise KeyError(f"news-cleaner: the item class has no field {exc}: declare it, or set "
                           "NEWS_CLEANER_OUTPUT_FIELD / NEWS_CLEANER_FINDINGS_FIELD to declared fields") from None
        return item

    def _inc(self, key: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(key)
