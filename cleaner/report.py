"""The quality report: a run's results aggregated into a model, rendered as one self-contained HTML file.

Used by ``batch --report``, ``check --format html`` and ``news-cleaner report``. Aggregation is one
streaming pass in bounded memory whatever the number of records: counters, a score histogram, per-site
statistics (at most ``MAX_SITES`` sites, the rest pooled), a reservoir sample of articles per verdict and a
bounded heap of the worst ones. Only the sampled articles keep their text.

The page needs no network: styles, scripts and charts are inline. Charts are Vega-Lite specs
(``rules/report/charts.json``) rendered to static SVG at build time by ``vl-convert``, so they show, print
and survive without JavaScript; the scripts only sort tables and filter what is shown.
"""

from __future__ import annotations

import heapq
import html
import json
import random
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from string import Template
from typing import Iterable, Iterator, Optional
from urllib.parse import urlparse

from . import __version__
from .codes import FAMILIES, lookup
from .errors import CleanerError

VERDICTS = ("clean", "fixable", "garbled")
EXAMPLES_PER_VERDICT = 4
WORST = 10
MAX_SITES = 2000          # sites tracked one by one; later new sites are pooled as "(other sites)"
SITE_ROWS = 200           # sites shown in the table (most records first)
MAX_JUNK_LINES = 20       # distinct learned boilerplate lines counted per site
MAX_REASONS = 50          # distinct reject reasons counted; later ones pooled
CODE_BARS = 30            # codes in the bar chart (all codes are in the table)
SHOWN_CHARS = 12_000      # text shown per example article
FINDING_ROWS = 100        # findings listed per example article
DIFF_CHARS = 50_000       # characters of each text compared per example
DIFF_TOKENS = 3_000       # tokens compared inside one changed line
HISTOGRAM_BINS = 20
OTHER_SITES = "(other sites)"
NO_SITE = "(no site)"


class ReportError(CleanerError):
    """The report cannot be built (missing extra, unreadable input)."""


@dataclass
class Article:
    """One article as the report sees it; ``before`` is the text the findings' offsets point into."""

    label: str
    verdict: Optional[str]
    score: Optional[float]
    findings: list
    site: Optional[str] = None
    before: Optional[str] = None
    after: Optional[str] = None  # None with ``before``: not fixed (``check``); the page shows what fix would make


@dataclass
class SiteStats:
    records: int = 0
    scored: int = 0
    score_sum: float = 0.0
    garbled: int = 0
    verdicts: Counter = field(default_factory=Counter)
    codes: Counter = field(default_factory=Counter)
    junk: Counter = field(default_factory=Counter)


# -- aggregation ---------------------------------------------------------------------------------

class ReportBuilder:
    """Streaming aggregation of articles and rejects; memory bounded by the sample sizes and ``MAX_SITES``."""

    def __init__(self, *, examples: int = EXAMPLES_PER_VERDICT, worst: int = WORST, seed: int = 0):
        self.examples, self.worst_size = examples, worst
        self._random = random.Random(seed)
        self.articles = 0
        self.verdicts: Counter = Counter()
        self.histogram = [Counter() for _ in range(HISTOGRAM_BINS)]
        self.codes: Counter = Counter()
        self.fixed: Counter = Counter()
        self.sites: dict = {}
        self.rejects = 0
        self.reasons: Counter = Counter()
        self._seen: Counter = Counter()  # articles per verdict, for the reservoirs
        self._samples: dict = {v: [] for v in VERDICTS}
        self._worst: list = []  # heap of (-rank, -seq, seq, Article): the root is the best kept
        self._seq = 0

    def add(self, article: Article) -> None:
        self.articles += 1
        self._seq += 1
        codes = [f.get("code", "?") for f in article.findings]
        self.codes.update(codes)
        self.fixed.update(f.get("code", "?") for f in article.findings if f.get("applied"))
        if article.verdict is not None:
            self.verdicts[article.verdict] += 1
        if article.score is not None:
            self.histogram[score_bin(article.score)][article.verdict or "unknown"] += 1
        self._add_site(article, codes)
        self._sample(article)
        self._keep_if_worst(article)

    def reject(self, reason: str, count: int = 1) -> None:
        self.rejects += count
        key = reason_key(reason)
        if key in self.reasons or len(self.reasons) < MAX_REASONS:
            self.reasons[key] += count
        else:
            self.reasons["(other reasons)"] += count

    def _add_site(self, article: Article, codes: list) -> None:
        name = article.site or NO_SITE
        stats = self.sites.get(name)
        if stats is None:
            if len(self.sites) >= MAX_SITES:
                name = OTHER_SITES
                stats = self.sites.get(name)
            if stats is None:
                stats = self.sites[name] = SiteStats()
        stats.records += 1
        if article.score is not None:
            stats.scored += 1
            stats.score_sum += article.score
        if article.verdict:
            stats.verdicts[article.verdict] += 1
            stats.garbled += article.verdict == "garbled"
        stats.codes.update(codes)
        for line in junk_lines(article):
            if line in stats.junk or len(stats.junk) < MAX_JUNK_LINES:
                stats.junk[line] += 1

    def _sample(self, article: Article) -> None:
        """Reservoir sampling (Algorithm R): each article of a verdict is kept with equal chance."""
        if article.verdict not in self._samples:
            return
        self._seen[article.verdict] += 1
        kept = self._samples[article.verdict]
        if len(kept) < self.examples:
            kept.append(article)
            return
        slot = self._random.randrange(self._seen[article.verdict])
        if slot < self.examples:
            kept[slot] = article

    def _keep_if_worst(self, article: Article) -> None:
        """The ``worst`` articles with findings (lowest score, then most findings); earlier wins ties."""
        if not article.findings:
            return
        item = (badness(article), -self._seq, self._seq, article)
        if len(self._worst) < self.worst_size:
            heapq.heappush(self._worst, item)
        elif item[:2] > self._worst[0][:2]:
            heapq.heapreplace(self._worst, item)

    def worst(self) -> list:
        return [entry[3] for entry in sorted(self._worst, key=lambda e: (tuple(-x for x in e[0]), e[2]))]

    def samples(self) -> dict:
        return {verdict: list(kept) for verdict, kept in self._samples.items() if kept}


def badness(article: Article) -> tuple:
    """Higher is worse: a lower score (1 when unknown), then more findings.

    >>> badness(Article("a", "garbled", 0.25, [{}, {}]))
    (-0.25, 2)
    """
    return (-(article.score if article.score is not None else 1.0), len(article.findings))


def score_bin(score: float) -> int:
    """The histogram bin of a score in [0, 1].

    >>> score_bin(0.0), score_bin(0.5), score_bin(1.0)
    (0, 10, 19)
    """
    return min(HISTOGRAM_BINS - 1, max(0, int(score * HISTOGRAM_BINS)))


def reason_key(reason: str) -> str:
    """A reject reason without its numbers, so reasons of one kind count together.

    >>> reason_key("invalid JSON: Expecting value (column 12)")
    'invalid JSON: Expecting value (column N)'
    """
    return re.sub(r"\d+(?:\.\d+)?", "N", reason.strip())[:200] or "(no reason given)"


def junk_lines(article: Article) -> list:
    """The lines the run learned as the site's boilerplate (B011) and found in this article."""
    lines = []
    for finding in article.findings:
        if finding.get("code") != "B011":
            continue
        text = finding.get("excerpt") or span_text(article.before, finding)
        text = " ".join(text.split())[:200]
        if text:
            lines.append(text)
    return lines


def span_text(text: Optional[str], finding: dict) -> str:
    start, end = finding.get("start"), finding.get("end")
    if text is None or not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end <= len(text):
        return ""
    return text[start:end]


def site_name(url: Optional[str], site: Optional[str] = None, path: Optional[str] = None) -> Optional[str]:
    """An article's site: its URL host without ``www.``, else its site field, else the folder of its file.

    >>> site_name("https://www.example.org/a"), site_name(None, "Daily"), site_name(None, None, "news/a.txt")
    ('example.org', 'Daily', 'news/')
    """
    if isinstance(url, str) and url:
        try:
            host = urlparse(url).hostname
        except ValueError:
            host = None
        if host:
            return host[4:] if host.startswith("www.") else host
    if isinstance(site, str) and site:
        return short(site, 200)
    if path and path != "-":
        folder = path.rsplit("/", 1)[0] + "/" if "/" in path else "./"
        return folder
    return None


# -- the model -----------------------------------------------------------------------------------

def build_model(builder: ReportBuilder, run: dict) -> dict:
    """Everything the page shows, as plain data (also embedded in the page as JSON for tools)."""
    scored = sum(sum(c.values()) for c in builder.histogram)
    return {
        "run": {"version": __version__, "generated": time.strftime("%Y-%m-%d %H:%M:%S %Z"), **run},
        "articles": builder.articles,
        "rejected": builder.rejects,
        "records": builder.articles + builder.rejects,
        "verdicts": {v: builder.verdicts.get(v, 0) for v in VERDICTS if builder.verdicts.get(v)},
        "scored": scored,
        "reasons": dict(builder.reasons.most_common()),
        "findings": sum(builder.codes.values()),
        "codes": [code_row(code, n, builder.fixed.get(code, 0)) for code, n in sorted(builder.codes.items(), key=lambda kv: (-kv[1], kv[0]))],
        "families": family_counts(builder.codes),
        "histogram": [{"from": round(i / HISTOGRAM_BINS, 2), "to": round((i + 1) / HISTOGRAM_BINS, 2), **dict(c)}
                      for i, c in enumerate(builder.histogram)],
        "sites": site_rows(builder.sites),
        "sites_total": len(builder.sites),
    }


def code_row(code: str, findings: int, fixed: int) -> dict:
    doc = lookup(code)
    family = doc.family if doc else code[:1]
    return {"code": code, "name": doc.name if doc else "", "family": FAMILIES.get(family, family),
            "findings": findings, "fixed": fixed}


def family_counts(codes: Counter) -> dict:
    """Findings per family, most first.

    >>> family_counts(Counter({"S001": 3, "S002": 1, "E002": 2}))
    {'spelling': 4, 'encoding': 2}
    """
    families: Counter = Counter()
    for code, n in codes.items():
        doc = lookup(code)
        family = doc.family if doc else code[:1]
        families[FAMILIES.get(family, family)] += n
    return dict(families.most_common())


def site_rows(sites: dict) -> list:
    rows = []
    for name, stats in sorted(sites.items(), key=lambda kv: (-kv[1].records, kv[0]))[:SITE_ROWS]:
        rows.append({
            "site": name,
            "records": stats.records,
            "mean_score": round(stats.score_sum / stats.scored, 3) if stats.scored else None,
            "garbled_share": round(stats.garbled / stats.records, 3) if stats.records else 0.0,
            "verdicts": sorted(stats.verdicts),
            "top_codes": [code for code, _ in stats.codes.most_common(3)],
            "codes": sorted(stats.codes),
            "junk": [[line, n] for line, n in stats.junk.most_common(5)],
            "junk_total": len(stats.junk),
        })
    return rows


# -- inputs --------------------------------------------------------------------------------------

def articles_from_reports(reports: Iterable) -> Iterator[Article]:
    """The articles of ``check``/``fix`` file reports (one per file, or per JSONL record)."""
    for report in reports:
        for outcome in report.articles:
            result = outcome.result
            label = report.path if outcome.record_line is None else f"{report.path}:{outcome.record_line}"
            meta = result.metadata or {}
            yield Article(
                label=label, verdict=result.verdict, score=result.score,
                findings=[f.to_dict() for f in result.findings],
                site=site_name(meta.get("url"), meta.get("site"), report.path),
                before=result.source_text, after=result.text if result.changed else None,
            )


def article_from_record(data: dict, line: int, *, output_field: str = "clean_text", text_field: Optional[str] = None,
                        id_field: str = "id", cleaner_field: str = "cleaner") -> Article:
    """An output record of ``batch``: the input fields, the cleaned text and the ``cleaner`` annotation."""
    note = data[cleaner_field]
    record_id = data.get(id_field)
    before = None
    from .records import TEXT_FIELDS

    for name in ((text_field,) if text_field else TEXT_FIELDS):
        if name != output_field and isinstance(data.get(name), str):
            before = data[name]
            break
    findings = [f for f in note.get("findings") or () if isinstance(f, dict)]
    if before is not None and any(not span_text(before, f) and f.get("start") != f.get("end") for f in findings):
        before = None  # the offsets are not into this field (the text was extracted from HTML)
    score = note.get("score")
    meta = note.get("metadata") or {}
    return Article(
        label=short(f"id {record_id}" if record_id is not None else f"line {line}", 200),
        verdict=note.get("verdict") if note.get("verdict") in VERDICTS else None,
        score=float(score) if isinstance(score, (int, float)) else None,
        findings=findings,
        site=site_name(data.get("url") or meta.get("url"), data.get("site") or meta.get("site")),
        before=before,
        after=data.get(output_field) if isinstance(data.get(output_field), str) else None,
    )


def feed_jsonl(builder: ReportBuilder, lines: Iterable[str], *, where: str, **fields) -> None:
    """Add every line of a run's output to ``builder``: batch output records, rejects, or findings
    (``check --format jsonl``, grouped into one article per file or record)."""
    group_key, group = None, []

    def flush():
        if group:
            first = group[0]
            path = first.get("path") or "-"
            label = path if first.get("record_line") is None else f"{path}:{first['record_line']}"
            builder.add(Article(label=label, verdict=None, score=None, findings=list(group),
                                site=site_name(first.get("url"), None, path)))

    from .records import RecordError, iter_lines, parse_line

    for number, raw in iter_lines(lines):
        try:
            data = parse_line(raw)
        except RecordError as exc:
            raise ReportError(f"{where}:{number}: {exc}") from None
        if isinstance(data.get(fields.get("cleaner_field", "cleaner")), dict):
            builder.add(article_from_record(data, number, **fields))
        elif "reason" in data and "record" in data:
            builder.reject(str(data["reason"]))
        elif isinstance(data.get("code"), str) and "message" in data:
            key = (data.get("path"), data.get("record_line"))
            if key != group_key:
                flush()
                group_key, group = key, []
            group.append(data)
        else:
            raise ReportError(f"{where}:{number}: neither a batch output record (no '{fields.get('cleaner_field', 'cleaner')}' "
                              "object), a reject nor a finding of `check --format jsonl`")
    flush()


# -- rendering -----------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    from .rulepacks import _builtin_root

    return _builtin_root().joinpath("report", name).read_text(encoding="utf-8")


def chart_svg(name: str, values: list) -> str:
    """One chart of ``rules/report/charts.json`` drawn with ``values`` as static SVG, its ids made unique."""
    vl_convert = renderer()
    spec = dict(json.loads(_asset("charts.json"))[name])
    spec["data"] = {"values": values}
    svg = vl_convert.vegalite_to_svg(spec)
    svg = re.sub(r'xlink:href="[^"#]*#', 'xlink:href="#', svg)  # links to this page's rule texts stay local
    svg = svg.replace(' id="', f' id="{name}-').replace("url(#", f"url(#{name}-")
    return svg.replace("<svg ", f'<svg role="img" aria-labelledby="{name}-caption" data-chart="{name}" ', 1)


def render_html(model: dict, builder: ReportBuilder) -> str:
    """The whole page as one string."""
    run = model["run"]
    body = "\n".join([
        summary_section(model),
        verdict_section(model),
        codes_section(model),
        sites_section(model),
        examples_section(builder, bool((run.get("settings") or {}).get("unsafe_fixes"))),
        rules_section(model),
    ])
    page = Template(_asset("template.html")).substitute(
        title=esc(run.get("title") or "news-cleaner report"),
        style=_asset("report.css"),
        script=_asset("report.js"),
        filters=filters_html(model, builder),
        body=body,
        data=json.dumps(model, ensure_ascii=True).replace("</", "<\\/"),
        version=esc(__version__),
    )
    return page


def esc(value) -> str:
    return html.escape(str(value), quote=True)


def fmt(n) -> str:
    """A count with thousands separators.

    >>> fmt(12345)
    '12,345'
    """
    return f"{n:,}"


def share(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:.1f}%" if whole else "-"


def table(caption: str, head: list, rows: list, *, attrs: str = "", row_attrs: Optional[list] = None) -> str:
    """An accessible table: caption, header cells with scope, the cells given as HTML."""
    out = [f"<table {attrs}><caption>{caption}</caption><thead><tr>"]
    out += [f'<th scope="col">{h}</th>' for h in head]
    out.append("</tr></thead><tbody>")
    for i, row in enumerate(rows):
        extra = row_attrs[i] if row_attrs else ""
        out.append(f"<tr {extra}>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def figure(name: str, caption: str, values: list, data_table: str) -> str:
    return (f'<figure class="chart"><figcaption id="{name}-caption">{caption}</figcaption>{chart_svg(name, values)}'
            f"<details><summary>Data table</summary>{data_table}</details></figure>")


def summary_section(model: dict) -> str:
    run = model["run"]
    items = [("Inputs", ", ".join(run.get("inputs") or []) or "-")]
    if run.get("output"):
        items.append(("Output", run["output"]))
    items += [
        ("Records", fmt(model["records"])),
        ("Articles", fmt(model["articles"])),
        ("Rejected", fmt(model["rejected"])),
        ("Findings", fmt(model["findings"])),
        ("Time", f"{run['seconds']:.1f} s" if isinstance(run.get("seconds"), (int, float)) else "not recorded"),
        ("news-cleaner", run["version"]),
        ("Built", run["generated"]),
    ]
    rows = "".join(f'<tr><th scope="row">{esc(k)}</th><td data-field="{esc(k.lower())}">{esc(v)}</td></tr>' for k, v in items)
    settings = run.get("settings")
    settings_html = ("<details><summary>Settings</summary><pre>" + esc(json.dumps(settings, indent=2, default=str, sort_keys=True))
                     + "</pre></details>") if settings else "<p>Settings: not recorded in this input.</p>"
    reasons = ""
    if model["reasons"]:
        reasons = table("Rejected records by reason", ["Reason", "Records"],
                        [[esc(r), fmt(n)] for r, n in model["reasons"].items()], attrs='id="rejects"')
    return (f'<section id="summary"><h2>Run summary</h2><table class="facts" id="facts"><caption>The run</caption>'
            f"{rows}</table>{settings_html}{reasons}</section>")


def verdict_section(model: dict) -> str:
    if not model["verdicts"]:
        return ('<section id="verdicts"><h2>Verdicts and scores</h2><p>This input has findings only: no scores '
                "or verdicts (use a <code>batch</code> output or <code>check --format html</code> for them).</p></section>")
    total = sum(model["verdicts"].values())
    counts = [{"verdict": v, "articles": n} for v, n in model["verdicts"].items()]
    verdict_table = table("Articles per verdict", ["Verdict", "Articles", "Share"],
                          [[esc(v), fmt(n), share(n, total)] for v, n in model["verdicts"].items()], attrs='id="verdict-table"')
    bins = []
    for row in model["histogram"]:
        for rank_, verdict in enumerate(VERDICTS):
            if row.get(verdict):
                bins.append({"from": row["from"], "to": row["to"], "verdict": verdict, "articles": row[verdict], "rank": rank_})
    hist_table = table("Articles per score range and verdict", ["Score", *VERDICTS],
                       [[f"{r['from']:.2f}–{r['to']:.2f}", *(fmt(r.get(v, 0)) for v in VERDICTS)] for r in model["histogram"]
                        if any(r.get(v) for v in VERDICTS)])
    return ('<section id="verdicts"><h2>Verdicts and scores</h2><div class="charts">'
            + figure("verdicts", "Articles per verdict", counts, verdict_table)
            + figure("scores", "Score distribution (0 = garbled, 1 = clean), stacked by verdict", bins, hist_table)
            + "</div></section>")


def codes_section(model: dict) -> str:
    if not model["codes"]:
        return '<section id="codes"><h2>Findings</h2><p>No findings.</p></section>'
    bars = [{**{k: row[k] for k in ("code", "name", "family", "findings")}, "href": f"#rule-{row['code']}"}
            for row in model["codes"][:CODE_BARS]]
    families = [{"family": name, "findings": n} for name, n in model["families"].items()]
    family_table = table("Findings per family", ["Family", "Findings"], [[esc(k), fmt(n)] for k, n in model["families"].items()])
    rows = [[f'<a href="#rule-{esc(r["code"])}">{esc(r["code"])}</a>', esc(r["name"]), esc(r["family"]), fmt(r["findings"]),
             fmt(r["fixed"])] for r in model["codes"]]
    code_table = table("Findings per code (all codes; the chart shows the most frequent)",
                       ["Code", "Rule", "Family", "Findings", "Fixed"], rows,
                       attrs='id="code-table" class="sortable"',
                       row_attrs=[f'class="filterable" data-codes="{esc(r["code"])}"' for r in model["codes"]])
    return ('<section id="codes"><h2>Findings per code and family</h2><div class="charts">'
            + figure("codes", f"Findings per code (top {min(CODE_BARS, len(bars))}; a bar links to its rule)", bars, "<p>See the table below.</p>")
            + figure("families", "Findings per family", families, family_table)
            + "</div>" + code_table + "</section>")


def sites_section(model: dict) -> str:
    rows, attrs = [], []
    for r in model["sites"]:
        junk = ""
        if r["junk"]:
            junk = (f"<details><summary>{fmt(r['junk_total'])} line(s)</summary><ul>"
                    + "".join(f"<li>{esc(line)} <span class=\"n\">({fmt(n)}×)</span></li>" for line, n in r["junk"]) + "</ul></details>")
        rows.append([esc(r["site"]), fmt(r["records"]), "-" if r["mean_score"] is None else f"{r['mean_score']:.3f}",
                     share(round(r["garbled_share"] * r["records"]), r["records"]), esc(", ".join(r["top_codes"]) or "-"), junk or "-"])
        attrs.append(f'class="filterable" data-site="{esc(r["site"])}" data-codes="{esc(" ".join(r["codes"]))}" '
                     f'data-verdicts="{esc(" ".join(r["verdicts"]))}"')
    more = ""
    if model["sites_total"] > len(model["sites"]):
        more = f"<p>The {fmt(len(model['sites']))} sites with the most records of {fmt(model['sites_total'])}.</p>"
    return ('<section id="sites"><h2>Sites</h2>' + more
            + table("Per site: records, mean score, share garbled, most frequent codes and the lines learned as its "
                    "boilerplate (B011); click a column header to sort",
                    ["Site", "Records", "Mean score", "Garbled", "Top codes", "Boilerplate lines learned"], rows,
                    attrs='id="site-table" class="sortable"', row_attrs=attrs)
            + "</section>")


def examples_section(builder: ReportBuilder, unsafe: bool = False) -> str:
    parts = ['<section id="examples"><h2>Articles</h2>',
             "<p>Before: each finding is marked and numbered (hover for its message). After: deletions are struck "
             "through (<del>like this</del>), insertions underlined (<ins>like this</ins>).</p>"]
    worst = builder.worst()
    parts.append('<h3 id="worst">The worst articles</h3>')
    parts += [article_html(a, f"worst-{i}", unsafe) for i, a in enumerate(worst, 1)] or ["<p>No article has findings.</p>"]
    for verdict, kept in builder.samples().items():
        parts.append(f'<h3 id="sample-{verdict}">A sample of {esc(verdict)} articles ({len(kept)} of '
                     f"{fmt(builder.verdicts[verdict])})</h3>")
        parts += [article_html(a, f"{verdict}-{i}", unsafe) for i, a in enumerate(kept, 1)]
    parts.append("</section>")
    return "\n".join(parts)


def would_fix(text: str, findings: list, unsafe: bool) -> str:
    """What ``fix`` makes of ``text`` in its first round: the sampled articles of a ``check`` run."""
    from .finding import Finding
    from .fixer import apply_edits, choose_edits

    names = set(Finding.__dataclass_fields__)
    edits = []
    for data in findings:
        try:
            edits.append(Finding(**{k: v for k, v in data.items() if k in names and k != "applied"}))
        except (TypeError, ValueError):
            continue
    edits = [f for f in choose_edits(edits, unsafe) if f.edit_end <= len(text)]
    return apply_edits(text, edits)


def article_html(article: Article, key: str, unsafe: bool = False) -> str:
    codes = sorted({f.get("code", "?") for f in article.findings})
    verdict = article.verdict or "unknown"
    score = "" if article.score is None else f", score {article.score:.2f}"
    head = (f'<article class="example filterable" id="{esc(key)}" data-verdict="{esc(verdict)}" '
            f'data-site="{esc(article.site or NO_SITE)}" data-codes="{esc(" ".join(codes))}">'
            f"<h4>{esc(article.label)} <span class=\"verdict v-{esc(verdict)}\">{esc(verdict)}{score}</span></h4>"
            f"<p class=\"meta\">Site: {esc(article.site or NO_SITE)}. {fmt(len(article.findings))} finding(s).</p>")
    panes = []
    if article.before is not None:
        panes.append(f'<div class="pane"><h5>Before</h5><div class="text">{marked_html(article.before, article.findings, key)}</div></div>')
    if article.before is not None:
        after, title = article.after, "After"
        if after is None:
            after, title = would_fix(article.before, article.findings, unsafe), "After fix (not applied)"
        panes.append(f'<div class="pane"><h5>{title}</h5><div class="text">{diff_html(article.before, after)}</div></div>')
    elif article.after is not None:
        panes.append(f'<div class="pane"><h5>After</h5><div class="text">{esc(clip(article.after))}</div></div>')
    rows = [[str(i), f'<a href="#rule-{esc(f.get("code", "?"))}">{esc(f.get("code", "?"))}</a>', esc(short(f.get("message", ""))),
             esc(short(f.get("excerpt") or span_text(article.before, f))), suggestion_html(f), status(f)]
            for i, f in enumerate(article.findings[:FINDING_ROWS], 1)]
    more = len(article.findings) - FINDING_ROWS
    caption = "Findings" + (f" (the first {fmt(FINDING_ROWS)}; {fmt(more)} more not listed)" if more > 0 else "")
    findings = table(caption, ["#", "Code", "Message", "Text", "Suggestion", "Fix"], rows, attrs='class="findings"') if rows else ""
    return head + (f'<div class="panes">{"".join(panes)}</div>' if panes else "") + findings + "</article>"


def suggestion_html(finding: dict) -> str:
    suggestion = finding.get("suggestion")
    if suggestion is None or (suggestion == "" and finding.get("start") == finding.get("end") and not finding.get("edit")):
        return "-"  # (an empty edit deletes nothing: E007 re-encodes the file)
    return "<em>(delete)</em>" if suggestion == "" else f"<code>{esc(short(str(suggestion)))}</code>"


def status(finding: dict) -> str:
    if finding.get("applied"):
        return "applied"
    return {"safe": "safe, not applied", "unsafe": "unsafe (--unsafe-fixes)"}.get(finding.get("fix"), "report only")


def short(text, limit: int = 300) -> str:
    """A table cell's text, cut to ``limit`` characters.

    >>> short("x" * 5, 3)
    'xxx…'
    """
    text = str(text)
    return text if len(text) <= limit else text[:limit] + "…"


def clip(text: str) -> str:
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + f"\n… ({fmt(len(text) - SHOWN_CHARS)} more characters)"


def marked_html(text: str, findings: list, key: str) -> str:
    """``text`` (up to ``SHOWN_CHARS``) with each finding's span in a numbered ``<mark>``; a finding
    overlapping an earlier one is listed in the table only.

    >>> marked_html("Teh cat", [{"code": "S001", "start": 0, "end": 3, "message": "typo", "suggestion": "The"}], "a")
    '<mark data-n="1" data-code="S001" title="S001: typo → The">Teh</mark> cat'
    """
    limit = min(len(text), SHOWN_CHARS)
    spans = sorted((f.get("start"), f.get("end"), i, f) for i, f in enumerate(findings, 1)
                   if isinstance(f.get("start"), int) and isinstance(f.get("end"), int) and 0 <= f["start"] <= f["end"] <= len(text))
    out, pos = [], 0
    for start, end, n, finding in spans:
        if start < pos or start > limit:
            continue
        out.append(esc(text[pos:start]))
        label = f"{finding.get('code', '?')}: {finding.get('message', '')}"
        if finding.get("suggestion") is not None:
            label += " → " + (str(finding["suggestion"]) or "(delete)")
        attrs = f'data-n="{n}" data-code="{esc(finding.get("code", "?"))}" title="{esc(short(label))}"'
        out.append(f'<mark {attrs}>{esc(text[start:min(end, start + SHOWN_CHARS)]) if end > start else "‸"}</mark>')
        pos = end
    if pos < limit:
        out.append(esc(text[pos:limit]))
    if len(text) > max(limit, pos):
        out.append(f"\n<span class=\"cut\">… ({fmt(len(text) - max(limit, pos))} more characters)</span>")
    return "".join(out)


_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


def diff_html(before: str, after: str) -> str:
    """``after`` with what changed from ``before`` marked: ``<del>`` removed, ``<ins>`` added, word by word
    inside a changed line. Bounded: the first ``DIFF_CHARS`` of each text are compared and about
    ``SHOWN_CHARS`` shown.

    >>> diff_html("Teh cat sat.", "The cat sat.")
    '<del>Teh</del><ins>The</ins> cat sat.'
    """
    a, b = before[:DIFF_CHARS].splitlines(keepends=True), after[:DIFF_CHARS].splitlines(keepends=True)
    cut = len(before) > DIFF_CHARS or len(after) > DIFF_CHARS
    out, left = [], SHOWN_CHARS
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if left <= 0:
            cut = True
            break
        old, new = "".join(a[i1:i2])[:left], "".join(b[j1:j2])[:left]
        if tag == "equal":
            out.append(esc(old))
        elif tag == "replace" and i2 - i1 == j2 - j1:
            out.append("".join(word_diff(x[:left], y[:left]) for x, y in zip(a[i1:i2], b[j1:j2])))
        else:
            out.append(changed(old, new))
        left -= len(new) + (len(old) if tag != "equal" else 0)
    if cut:
        out.append('\n<span class="cut">… (the rest is not shown)</span>')
    return "".join(out)


def word_diff(old: str, new: str) -> str:
    """One changed line, word by word (a line of over ``DIFF_TOKENS`` tokens as a whole)."""
    x, y = _TOKEN.findall(old), _TOKEN.findall(new)
    if len(x) > DIFF_TOKENS or len(y) > DIFF_TOKENS:
        return changed(old, new)
    out = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, x, y, autojunk=False).get_opcodes():
        out.append(esc("".join(x[i1:i2])) if tag == "equal" else changed("".join(x[i1:i2]), "".join(y[j1:j2])))
    return "".join(out)


def changed(old: str, new: str) -> str:
    return (f"<del>{esc(old)}</del>" if old else "") + (f"<ins>{esc(new)}</ins>" if new else "")


def rules_section(model: dict) -> str:
    parts = ['<section id="rules"><h2>Rules that fired</h2><p>The text of <code>news-cleaner rule CODE</code> for each code above.</p>']
    for row in model["codes"]:
        doc = lookup(row["code"])
        text = doc.render() if doc else f"# {row['code']}\n\nNo rule text: a code this version does not know.\n"
        parts.append(f'<details id="rule-{esc(row["code"])}"><summary>{esc(row["code"])} {esc(row["name"])}</summary>'
                     f"<pre>{esc(text)}</pre></details>")
    parts.append("</section>")
    return "\n".join(parts)


def filters_html(model: dict, builder: ReportBuilder) -> str:
    def select(name: str, label: str, options: list) -> str:
        opts = "".join(f'<option value="{esc(v)}">{esc(v)}</option>' for v in options)
        return f'<label for="filter-{name}">{label}</label> <select id="filter-{name}" data-filter="{name}"><option value="">all</option>{opts}</select>'

    return ('<form class="filters" aria-label="Filters">'
            + select("verdict", "Verdict", [v for v in VERDICTS if model["verdicts"].get(v)])
            + select("code", "Code", [r["code"] for r in model["codes"]])
            + select("site", "Site", [r["site"] for r in model["sites"]])
            + ' <button type="reset">Show all</button> <span id="filter-status" role="status" aria-live="polite"></span></form>')


# -- entry points --------------------------------------------------------------------------------

def renderer():
    """The chart renderer (``vl_convert``), or a ReportError that says which extra to install."""
    try:
        import vl_convert
    except ImportError:
        raise ReportError("the HTML report needs the 'report' extra: pip install 'news-cleaner[report]'") from None
    return vl_convert


def ensure_available() -> None:
    """Fail early (before a long run) when the chart renderer is not installed."""
    renderer()


def page_for_files(reports: list, *, inputs: list, settings=None, seconds: Optional[float] = None) -> str:
    """``check``/``fix --format html``: the page for the files' reports (already in memory)."""
    builder = ReportBuilder()
    for article in articles_from_reports(reports):
        builder.add(article)
    for report in reports:
        if report.error:
            builder.reject(report.error.split(": ", 1)[-1] if report.error.startswith(report.path) else report.error)
    run = {"title": "news-cleaner check report", "inputs": inputs, "seconds": seconds,
           "settings": settings.fingerprint_data() if settings is not None else None}
    return render_html(build_model(builder, run), builder)


def page_for_outputs(paths: list, *, rejects: Optional[str] = None, summary: Optional[dict] = None,
                     run: Optional[dict] = None, **fields) -> tuple:
    """(page, model) for a finished run's JSONL files (batch outputs, rejects, or check findings),
    read once, line by line. ``summary`` (a ``--summary-json``) adds the run's time and learning."""
    builder = ReportBuilder()
    for path in paths:
        for name in output_files(path):
            with open_text(name) as stream:
                feed_jsonl(builder, stream, where=name, **fields)
    if rejects:
        with open_text(rejects) as stream:
            feed_jsonl(builder, stream, where=rejects, **fields)
    elif summary and isinstance(summary.get("rejected"), int) and summary["rejected"] > builder.rejects:
        builder.reject("reason not kept: the run had no --rejects file", summary["rejected"] - builder.rejects)
    info = {"title": "news-cleaner batch report", "inputs": list(paths), **(run or {})}
    if summary:
        info.setdefault("seconds", summary.get("seconds"))
        if summary.get("learned_from"):
            info.setdefault("learned_from", summary["learned_from"])
    model = build_model(builder, info)
    return render_html(model, builder), model


def output_files(path: str) -> list:
    """A file, or the part files of a ``batch --engine dask`` output folder in order."""
    import os

    if os.path.isdir(path):
        parts = sorted(name for name in os.listdir(path) if name.startswith("part-") and name.endswith((".jsonl", ".jsonl.gz")))
        if not parts:
            raise ReportError(f"{path}: a folder without part-*.jsonl files")
        return [os.path.join(path, name) for name in parts]
    return [path]


def open_text(path: str):
    import gzip

    try:
        if path.endswith(".gz"):
            return gzip.open(path, "rt", encoding="utf-8", errors="replace")
        return open(path, "r", encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ReportError(f"{path}: cannot read: {exc.strerror or exc}") from None


def write_page(path: str, page: str) -> None:
    """Write the page atomically (``-``: stdout)."""
    if path == "-":
        import sys

        sys.stdout.write(page)
        return
    from .atomic import atomic_write

    try:
        atomic_write(path, page.encode("utf-8"))
    except OSError as exc:
        raise ReportError(f"{path}: cannot write the report: {exc.strerror or exc}") from None
