"""The Scrapy pipeline in a real crawl of a small site this test serves on 127.0.0.1.

Each crawl runs in a subprocess (Twisted's reactor cannot be restarted in one process).
"""

from __future__ import annotations

import functools
import json
import subprocess
import sys
import textwrap
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

pytest.importorskip("scrapy")

ARTICLE = """<html><head><title>{title}</title></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>{title}</h1>{paragraphs}</article>
<footer>Copyright 2024 Example News</footer></body></html>"""

PAGES = {
    "council.html": ("Council approves budget", [
        "The city council approved the budget on Tuesday after a long debate about schools and roads.",
        "Members voted nine to two in favour of the plan, which raises spending on parks and libraries.",
    ]),
    "cafe.html": ("Cafe owners worried", [
        "Caf&amp;eacute; owners in the old town said on Monday that the new rules would hurt their trade.",
        "The mayor said she would meet them next week to hear their concerns about the rules.",
    ]),
}
PLAIN = {
    "wire.txt": "Caf&eacute; owners in Paris said the\u200b new rules would hurt trade.",
    "note.txt": "The city council approved the budget on Tuesday after a long debate.",
}

SPIDER = '''
import json, sys
import scrapy
from scrapy.crawler import CrawlerProcess

base, items_path, stats_path, extra = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])


class NewsSpider(scrapy.Spider):
    name = "news"
    start_urls = [base + "/index.html"]

    def parse(self, response):
        for href in response.css("a.story::attr(href)").getall():
            yield response.follow(href, self.parse_page)

    def parse_page(self, response):
        if response.url.endswith(".txt"):
            yield {"url": response.url, "text": response.text}
        else:
            yield {"url": response.url, "title": response.css("title::text").get(), "html": response.text}


settings = {
    "ITEM_PIPELINES": {"cleaner.integrations.scrapy.CleanArticlePipeline": 300},
    "FEEDS": {items_path: {"format": "jsonlines", "encoding": "utf8"}},
    "ROBOTSTXT_OBEY": False, "TELNETCONSOLE_ENABLED": False, "LOG_LEVEL": "INFO",
    "NEWS_CLEANER_CONFIG": {"select": ["E"]},
}
settings.update(extra)
process = CrawlerProcess(settings)
crawler = process.create_crawler(NewsSpider)
process.crawl(crawler)
process.start()
with open(stats_path, "w") as handle:
    json.dump({k: v for k, v in crawler.stats.get_stats().items() if isinstance(v, (int, float, str))}, handle)
'''


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    links = []
    for name, (title, paragraphs) in PAGES.items():
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        (root / name).write_text(ARTICLE.format(title=title, paragraphs=body), encoding="utf-8")
        links.append(name)
    for name, text in PLAIN.items():
        (root / name).write_text(text, encoding="utf-8")
        links.append(name)
    (root / "index.html").write_text(
        "<html><body>" + "".join(f'<a class="story" href="/{n}">{n}</a>' for n in links) + "</body></html>",
        encoding="utf-8")

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def crawl(site, tmp_path, **extra):
    script = tmp_path / "spider.py"
    script.write_text(textwrap.dedent(SPIDER), encoding="utf-8")
    items, stats = tmp_path / "items.jsonl", tmp_path / "stats.json"
    proc = subprocess.run([sys.executable, str(script), site, str(items), str(stats), json.dumps(extra)],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    records = [json.loads(line) for line in items.read_text(encoding="utf-8").splitlines()] if items.exists() else []
    return {r["url"].rsplit("/", 1)[1]: r for r in records}, json.loads(stats.read_text()), proc.stderr


@pytest.mark.parametrize("threaded", [False, True], ids=["reactor-thread", "threaded"])
def test_items_come_out_cleaned_and_annotated(site, tmp_path, threaded):
    items, stats, log = crawl(site, tmp_path, NEWS_CLEANER_THREADED=threaded)
    assert set(items) == {"council.html", "cafe.html", "wire.txt", "note.txt"}
    wire = items["wire.txt"]
    assert wire["text"] == "Café owners in Paris said the new rules would hurt trade."
    assert wire["cleaner"]["verdict"] == "fixable"
    assert {f["code"] for f in wire["cleaner"]["findings"]} >= {"E002", "E004"}
    assert all(f["applied"] for f in wire["cleaner"]["findings"] if f["code"] in {"E002", "E004"})
    assert items["note.txt"]["cleaner"]["verdict"] == "clean"
    cafe = items["cafe.html"]  # HTML: extracted, cleaned into the text field, metadata kept
    assert "Café owners in the old town" in cafe["text"]
    assert "<p>" not in cafe["text"] and "Copyright" not in cafe["text"]
    assert cafe["html"].startswith("<html>")  # the raw field is kept
    assert cafe["cleaner"]["metadata"]["title"] == "Cafe owners worried"
    for item in items.values():
        assert set(item["cleaner"]) >= {"score", "verdict", "findings"}
    verdicts = {k.rsplit("/", 1)[1]: v for k, v in stats.items() if k.startswith("news_cleaner/verdict/")}
    assert sum(verdicts.values()) == 4 == stats["news_cleaner/items"]
    assert verdicts == dict(__import__("collections").Counter(i["cleaner"]["verdict"] for i in items.values()))
    assert stats["news_cleaner/findings/E004"] == 1
    assert "item_dropped_count" not in stats  # empty NEWS_CLEANER_DROP_VERDICTS: annotate, never drop
    assert "ScrapyDeprecationWarning" not in log


def test_items_dropped_only_for_the_listed_verdicts(site, tmp_path):
    items, stats, log = crawl(site, tmp_path, NEWS_CLEANER_DROP_VERDICTS=["fixable"])
    assert "wire.txt" not in items  # the fixable one
    assert "note.txt" in items  # a clean one
    assert all(i["cleaner"]["verdict"] != "fixable" for i in items.values())
    assert stats["news_cleaner/dropped/fixable"] == stats["item_dropped_count"] == 4 - len(items)
    assert stats["news_cleaner/verdict/fixable"] == 4 - len(items)
    assert "is in NEWS_CLEANER_DROP_VERDICTS" in log


def test_output_and_findings_fields_and_bad_settings(site, tmp_path):
    items, stats, _ = crawl(site, tmp_path, NEWS_CLEANER_OUTPUT_FIELD="body", NEWS_CLEANER_FINDINGS_FIELD="quality")
    wire = items["wire.txt"]
    assert wire["text"] == PLAIN["wire.txt"]  # input kept, output goes to its own field
    assert wire["body"] == "Café owners in Paris said the new rules would hurt trade."
    assert wire["quality"]["verdict"] == "fixable" and "cleaner" not in wire


def test_unknown_drop_verdict_is_refused():
    from scrapy.exceptions import NotConfigured

    from cleaner import Cleaner
    from cleaner.integrations.scrapy import CleanArticlePipeline

    with pytest.raises(NotConfigured, match="unknown verdict"):
        CleanArticlePipeline(Cleaner(), drop_verdicts=["garbeld"])


def test_an_item_over_the_timeout_is_passed_on_rejected_with_the_reason():
    import asyncio
    import time

    from cleaner import Cleaner
    from cleaner.integrations.scrapy import CleanArticlePipeline

    class Slow(Cleaner):
        def run(self, doc, *, fix=True):
            if "SLOW" in doc.text:
                time.sleep(5)
            return super().run(doc, fix=fix)

    class Stats:
        def __init__(self):
            self.values = {}

        def inc_value(self, key):
            self.values[key] = self.values.get(key, 0) + 1

    stats = Stats()
    pipeline = CleanArticlePipeline(Slow(select=["E"]), timeout=0.3, stats=stats)
    started = time.monotonic()
    slow = asyncio.run(pipeline.process_item({"url": "https://example.org/a", "text": "SLOW news day."}))
    fast = asyncio.run(pipeline.process_item({"text": "Caf&eacute; owners met."}))
    assert time.monotonic() - started < 4
    assert slow == {"url": "https://example.org/a", "text": "SLOW news day.",
                    "cleaner": {"verdict": "rejected", "reason": "timed out after 0.3 s (--timeout-per-doc)"}}
    assert fast["text"] == "Café owners met." and fast["cleaner"]["verdict"] != "rejected"
    assert stats.values["news_cleaner/rejected"] == 1 and stats.values["news_cleaner/items"] == 2
