"""The HTML quality report: its counts, its hooks (batch --report, check --format html, report) and the
page itself, opened in a real headless chromium from file:// with the network blocked."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from browser import Browser
from cleaner.report import Article, ReportBuilder, ReportError, build_model

TAGLINE = "The Harbour Gazette is an independent newspaper owned by its readers since 1921."


def batch_input(path: Path, clean_bodies: dict, seed_text: str) -> Path:
    """Real-looking scraped records: clean bodies on three sites (one with a tagline it repeats), the
    garbled seed story, a typo, an entity, markup in the text, an HTML page and two bad lines."""
    bodies = list(clean_bodies.values())[:14]
    lines = []
    for i, body in enumerate(bodies):
        site = ("harbour.example.org", "www.daily.example.com", "wire.example.net")[i % 3]
        text = body + (f"\n\n{TAGLINE}" if site.startswith("harbour") else "")
        lines.append({"id": f"r{i}", "url": f"https://{site}/story/{i}", "text": text})
    lines.append({"id": "seed", "url": "https://autoblog.example.info/seed", "text": seed_text})
    lines.append({"id": "typo", "url": "https://wire.example.net/typo",
                  "text": "The goverment said on Tuesday that Caf&eacute; owners would get help. <script>alert(1)</script>"})
    lines.append({"id": "page", "url": "https://daily.example.com/page",
                  "html": "<html><body><article><p>The council approved the budget on Tuesday after a long "
                          "debate about schools and roads.</p></article></body></html>"})
    lines.append({"id": "nobody", "headline": "a record without a body"})
    text = "\n".join(json.dumps(line) for line in lines) + "\n{not json\n"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def batch_run(tmp_path, clean_bodies, seed_text, cli):
    """One batch over the records with --report, --summary-json and --rejects: (report, summary, output)."""
    source = batch_input(tmp_path / "scraped.jsonl", clean_bodies, seed_text)
    code, out, err = cli("batch", str(source), "-o", "cleaned.jsonl", "--rejects", "rejects.jsonl", "--jobs", "1",
                         "--summary-json", "summary.json", "--report", "report.html", "--isolated")
    assert code == 0, err
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    return tmp_path / "report.html", summary, tmp_path / "cleaned.jsonl"


def embedded(page: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="report-data">(.*?)</script>', page, re.S)[1])


def test_batch_report_counts_match_the_summary_json(batch_run):
    report, summary, _ = batch_run
    page = report.read_text(encoding="utf-8")
    model = embedded(page)
    assert summary["records"] == 19 and summary["rejected"] == 2  # the fixture: 17 articles, 2 bad lines
    assert model["records"] == summary["records"]
    assert model["articles"] == summary["written"]
    assert model["rejected"] == summary["rejected"]
    assert model["verdicts"] == {v: n for v, n in summary["verdicts"].items() if n}
    assert {r["code"]: r["findings"] for r in model["codes"]} == summary["findings"]
    # the numbers on the page, not only the embedded data
    facts = dict(re.findall(r'<td data-field="(\w+)">([^<]*)</td>', page))
    assert facts["records"] == f"{summary['records']:,}" and facts["rejected"] == f"{summary['rejected']:,}"
    shown = dict(re.findall(r'data-codes="([A-Z]+\d+)"><td><a href="#rule-\1">\1</a></td><td>[^<]*</td><td>[^<]*</td>'
                            r"<td>([\d,]+)</td>", page))
    assert {code: int(n.replace(",", "")) for code, n in shown.items()} == summary["findings"]
    assert sum(model["reasons"].values()) == 2 and any("no text field" in r for r in model["reasons"])


def test_batch_report_shows_sites_and_the_boilerplate_lines_learned(batch_run):
    model = embedded(batch_run[0].read_text(encoding="utf-8"))
    sites = {row["site"]: row for row in model["sites"]}
    assert sites["harbour.example.org"]["records"] == 5 and sites["daily.example.com"]["records"] == 6
    assert [line for line, _ in sites["harbour.example.org"]["junk"]] == [TAGLINE]
    assert sites["autoblog.example.info"]["garbled_share"] == 1.0


def test_report_command_rebuilds_the_same_counts_from_the_output(batch_run, cli):
    report, summary, output = batch_run
    code, _, err = cli("report", str(output), "--rejects", "rejects.jsonl", "--summary-json", "summary.json", "-o", "again.html")
    assert code == 0, err
    again, first = embedded((output.parent / "again.html").read_text(encoding="utf-8")), embedded(report.read_text(encoding="utf-8"))
    for key in ("records", "articles", "rejected", "verdicts", "codes", "sites", "histogram"):
        assert again[key] == first[key], key
    assert again["run"]["seconds"] == summary["seconds"]


def test_report_reads_the_part_files_of_a_dask_output_folder_in_order(batch_run, cli):
    _, summary, output = batch_run
    lines = output.read_text(encoding="utf-8").splitlines(keepends=True)
    folder = output.parent / "parts"
    folder.mkdir()
    (folder / "part-00001.jsonl").write_text("".join(lines[8:]), encoding="utf-8")
    (folder / "part-00000.jsonl").write_text("".join(lines[:8]), encoding="utf-8")
    (folder / "_SUCCESS").write_text("", encoding="utf-8")
    code, _, err = cli("report", str(folder), "-o", "parts.html")
    assert code == 0, err
    model = embedded((output.parent / "parts.html").read_text(encoding="utf-8"))
    assert model["articles"] == summary["written"] and model["run"]["inputs"] == [str(folder)]
    assert {r["code"]: r["findings"] for r in model["codes"]} == summary["findings"]


def test_report_from_check_findings_jsonl_counts_codes_per_file(tmp_path, cli, seed_text):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "seed.txt").write_text(seed_text, encoding="utf-8")
    (tmp_path / "news" / "cafe.txt").write_text("Caf&eacute; owners in Paris said the new rules would hurt trade.\n", encoding="utf-8")
    cli("check", "news", "--format", "jsonl", "-o", "findings.jsonl", "--isolated", "--no-cache")
    findings = [json.loads(line) for line in (tmp_path / "findings.jsonl").read_text(encoding="utf-8").splitlines()]
    code, _, err = cli("report", "findings.jsonl", "-o", "findings.html")
    assert code == 0, err
    page = (tmp_path / "findings.html").read_text(encoding="utf-8")
    model = embedded(page)
    assert {r["code"]: r["findings"] for r in model["codes"]} == dict(Counter(f["code"] for f in findings))
    assert model["articles"] == 2 and model["verdicts"] == {}
    assert "no scores or verdicts" in page.replace("\n", " ")


def test_check_format_html_writes_a_page_and_the_text_output_says_how(tmp_path, cli, seed_text):
    (tmp_path / "seed.txt").write_text(seed_text, encoding="utf-8")
    code, out, _ = cli("check", "seed.txt", "--isolated", "--no-cache")
    assert code == 1 and "news-cleaner check seed.txt --format html -o report.html" in out.splitlines()[-1]
    code, out, err = cli("check", "seed.txt", "--format", "html", "-o", "report.html", "--isolated", "--no-cache")
    assert code == 1 and out == ""
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    _, json_out, _ = cli("check", "seed.txt", "--format", "json", "--isolated", "--no-cache")
    assert embedded(page)["findings"] == len(json.loads(json_out)) > 5
    # check does not fix: the sample shows what fix would make, marked
    assert "After fix (not applied)" in page and "<del>" in page and "<ins>" in page


def test_article_text_is_escaped_never_markup(batch_run):
    page = batch_run[0].read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page
    assert page.count("<script") == 2  # the embedded data and the page's own script


def test_the_page_is_built_for_people_who_do_not_see_colour_or_use_a_screen_reader(batch_run):
    from html.parser import HTMLParser

    class Outline(HTMLParser):
        def __init__(self):
            super().__init__()
            self.headings, self.tables, self.captions, self.selects, self.labels = [], 0, 0, set(), set()
            self.figures, self.figcaptions, self.charts = 0, 0, 0

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if re.fullmatch(r"h[1-6]", tag):
                self.headings.append(int(tag[1]))
            self.tables += tag == "table"
            self.captions += tag == "caption"
            self.figures += tag == "figure"
            self.figcaptions += tag == "figcaption"
            self.charts += tag == "svg" and attrs.get("role") == "img" and "aria-labelledby" in attrs
            if tag == "select":
                self.selects.add(attrs["id"])
            if tag == "label":
                self.labels.add(attrs.get("for"))

    outline = Outline()
    outline.feed(batch_run[0].read_text(encoding="utf-8"))
    assert outline.headings[0] == 1 and outline.headings.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(outline.headings, outline.headings[1:]))  # no skipped level
    assert outline.tables == outline.captions > 5
    assert outline.figures == outline.figcaptions == outline.charts == 4
    assert outline.selects == {"filter-verdict", "filter-code", "filter-site"} <= outline.labels


def test_builder_memory_is_bounded_at_many_records(monkeypatch):
    monkeypatch.setattr("cleaner.report.MAX_SITES", 50)
    builder = ReportBuilder()
    for i in range(20_000):
        verdict = ("clean", "fixable", "garbled")[i % 3]
        builder.add(Article(label=f"id {i}", verdict=verdict, score=(i % 100) / 100, site=f"site{i % 400}.example",
                            findings=[{"code": "S001", "start": 0, "end": 1}] * (i % 3), before="x" * 10, after="y"))
        if i % 7 == 0:
            builder.reject(f"invalid JSON: Expecting value (column {i})")
    assert all(len(kept) == 4 for kept in builder.samples().values())
    assert len(builder.worst()) == 10 and all(a.score == 0.0 for a in builder.worst())
    assert len(builder.sites) == 51 and builder.sites["(other sites)"].records == 20_000 - 50 * 50
    assert dict(builder.reasons) == {"invalid JSON: Expecting value (column N)": 2858}
    model = build_model(builder, {})
    assert model["records"] == 20_000 + 2858 and sum(model["verdicts"].values()) == 20_000


def test_reservoir_sample_is_spread_over_the_whole_run():
    builder = ReportBuilder(examples=4, seed=1)
    for i in range(10_000):
        builder.add(Article(label=str(i), verdict="clean", score=1.0, findings=[]))
    labels = [int(a.label) for a in builder.samples()["clean"]]
    assert len(labels) == 4 and max(labels) > 1_000  # not just the first four


def test_a_line_that_is_no_run_output_is_a_clear_error(tmp_path, cli):
    (tmp_path / "odd.jsonl").write_text('{"id": 1, "text": "hello"}\n', encoding="utf-8")
    code, _, err = cli("report", "odd.jsonl", "-o", "x.html")
    assert code == 2 and "odd.jsonl:1: neither a batch output record" in err
    assert not (tmp_path / "x.html").exists()
    code, _, err = cli("report", "missing.jsonl", "-o", "x.html")
    assert code == 2 and "missing.jsonl: no such file" in err


def test_without_the_report_extra_the_error_says_what_to_install(tmp_path, cli, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "vl_convert", None)
    (tmp_path / "a.txt").write_text("The council met on Tuesday.\n", encoding="utf-8")
    code, _, err = cli("check", "a.txt", "--format", "html", "-o", "r.html")
    assert code == 2 and "pip install 'news-cleaner[report]'" in err
    with pytest.raises(ReportError):
        from cleaner.report import chart_svg

        chart_svg("verdicts", [])


def test_batch_report_without_a_rejects_file_still_counts_the_rejects(tmp_path, cli):
    (tmp_path / "in.jsonl").write_text('{"id": 1, "text": "The council met on Tuesday."}\n{"id": 2}\n', encoding="utf-8")
    code, _, err = cli("batch", "in.jsonl", "-o", "out.jsonl", "--report", "r.html", "--summary-json", "s.json")
    assert code == 1 and "keep them with --rejects FILE" in err
    model = embedded((tmp_path / "r.html").read_text(encoding="utf-8"))
    assert model["records"] == 2 and model["rejected"] == 1
    assert model["reasons"] == {"reason not kept: the run had no --rejects file": 1}


def test_a_huge_article_is_shown_in_part(tmp_path, cli):
    """One 2 MB line, garbled all along: the page stays small and the diff bounded."""
    text = "Teh goverment said on Tuesday that the the plan was fine. " * 35_000
    record = {"id": "big", "text": text, "clean_text": text.replace("Teh", "The"),
              "cleaner": {"score": 0.1, "verdict": "garbled",
                          "findings": [{"code": "S001", "message": "typo", "start": i, "end": i + 3, "suggestion": "The",
                                        "fix": "safe", "applied": True} for i in range(0, len(text), 59)]}}
    (tmp_path / "big.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    code, _, err = cli("report", "big.jsonl", "-o", "big.html")
    assert code == 0, err
    page = (tmp_path / "big.html").read_text(encoding="utf-8")
    assert len(page) < 2_000_000 and "the rest is not shown" in page and "more characters" in page


def test_batch_report_needs_a_file_output(tmp_path, cli):
    (tmp_path / "in.jsonl").write_text('{"id": 1, "text": "The council met."}\n', encoding="utf-8")
    code, _, err = cli("batch", "in.jsonl", "-o", "-", "--report", "r.html")
    assert code == 2 and "--report reads the output back" in err


# -- in a real browser ---------------------------------------------------------------------------

CHARTS = ("verdicts", "scores", "codes", "families")


def test_the_page_renders_offline_in_chromium_and_its_filters_work(batch_run, tmp_path):
    report, summary, _ = batch_run
    browser = Browser(tmp_path / "profile")
    try:
        browser.open(report.resolve().as_uri())
        # every chart is an SVG with marks in it
        for name in CHARTS:
            marks = browser.js(f"document.querySelectorAll('svg[data-chart=\"{name}\"] g.role-mark path').length")
            assert marks > 0, name
        bars = browser.js("document.querySelectorAll('svg[data-chart=\"codes\"] g.mark-rect path').length")
        assert bars == min(30, len(summary["findings"]))
        assert browser.js("[...document.querySelectorAll('svg a')].every(a => a.getAttribute('xlink:href').startsWith('#rule-'))")
        # the tables hold the run's counts
        verdicts = browser.js("Object.fromEntries([...document.querySelectorAll('#verdict-table tbody tr')]"
                              ".map(r => [r.cells[0].textContent, +r.cells[1].textContent.replace(/,/g, '')]))")
        assert verdicts == {v: n for v, n in summary["verdicts"].items() if n}
        assert browser.js("document.querySelectorAll('#code-table tbody tr').length") == len(summary["findings"])
        # filters change what is shown
        count = "document.querySelectorAll('article.example:not([hidden])').length"
        everything = browser.js(count)
        browser.js("(s => { s.value = 'garbled'; s.dispatchEvent(new Event('change')); })(document.getElementById('filter-verdict'))")
        garbled = browser.js(count)
        assert 0 < garbled < everything
        assert browser.js("[...document.querySelectorAll('article.example:not([hidden])')].every(a => a.dataset.verdict === 'garbled')")
        assert "Showing" in browser.js("document.getElementById('filter-status').textContent")
        browser.js("document.querySelector('form.filters').reset()")
        browser.js("new Promise(r => setTimeout(r, 50))")
        assert browser.js(count) == everything
        browser.js("(s => { s.value = 'harbour.example.org'; s.dispatchEvent(new Event('change')); })(document.getElementById('filter-site'))")
        assert browser.js("document.querySelectorAll('#site-table tbody tr:not([hidden])').length") == 1
        browser.js("document.querySelector('form.filters').reset()")
        browser.js("new Promise(r => setTimeout(r, 50))")
        browser.js("(s => { s.value = 'B011'; s.dispatchEvent(new Event('change')); })(document.getElementById('filter-code'))")
        assert browser.js("document.querySelectorAll('#code-table tbody tr:not([hidden])').length") == 1
        # sorting the site table by records
        browser.js("document.querySelector('#site-table thead th:nth-child(2)').click()")
        records = browser.js("[...document.querySelectorAll('#site-table tbody tr')].map(r => +r.cells[1].textContent)")
        assert records == sorted(records, reverse=True)
        # a link to a rule opens its text
        browser.js("location.hash = '#rule-S001'")
        browser.js("new Promise(r => setTimeout(r, 50))")
        assert browser.js("document.getElementById('rule-S001').open") is True
        # printing: no filter controls, every collapsed part open, the text boxes not clipped
        browser.call("Emulation.setEmulatedMedia", media="print")
        assert browser.js("getComputedStyle(document.querySelector('form.filters')).display") == "none"
        assert browser.js("getComputedStyle(document.querySelector('.text')).maxHeight") == "none"
        browser.call("Emulation.setEmulatedMedia", media="")
        assert browser.errors() == []
        assert [url for url in browser.requests() if not url.startswith(("file:", "data:"))] == []
        shot = tmp_path / "report.png"
        browser.screenshot(shot)
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    finally:
        browser.close()
