"""Site-learned boilerplate (B011) in ``check``/``fix`` over many files: a first pass over all the
files learns the lines a site repeats, whatever the order of the files or the number of workers."""

from __future__ import annotations

import json
import random

import pytest

import cleaner.filerun as filerun
import cleaner.pipeline as pipeline

TAGLINE = "The Daily Example is an independent newspaper owned by its readers since 1921."
NEWSLETTER = "Sign up for The Daily Example newsletter to get the top stories."

DAILY_STORIES = [
    ("harbour-berth", "Harbour berth reopens after repairs",
     ["The harbour authority reopened the north berth on Monday after eleven weeks of repairs to the quay wall.",
      "Ferry operators said the first sailings would leave on Wednesday morning."]),
    ("school-budget", "School board approves budget",
     ["The school board approved a budget of 48 million dollars on Tuesday, with two members voting against.",
      "Teachers' unions welcomed the money set aside for smaller classes."]),
    ("bridge-closure", "Bridge closes for inspection",
     ["The old river bridge will close for three nights next week while engineers inspect its cables.",
      "Buses will be diverted along the river road, the transit agency said."]),
    ("library-hours", "Library extends its hours",
     ["The central library will stay open until nine in the evening from March, the council said.",
      "Its director said evening visits had doubled since the reading room was refurbished."]),
    ("storm-damage", "Storm brings down trees",
     ["High winds brought down at least a dozen trees across the east side overnight, cutting power to 3,000 homes.",
      "Crews expected to restore electricity by Friday afternoon."]),
    ("market-hall", "Market hall gets new tenants",
     ["Six new traders have signed leases in the renovated market hall, including a bakery and a fishmonger.",
      "The hall reopens to shoppers on the first Saturday of next month."]),
]

OTHER_STORIES = [
    ("rail-strike", "Rail workers vote to strike",
     ["Rail workers voted to strike for two days in April over pay, their union said on Thursday.",
      # the other site quotes the tagline once: not its boilerplate
      TAGLINE]),
    ("museum-loan", "Museum lends paintings abroad",
     ["The city museum will lend four of its Dutch paintings to a gallery in Lisbon for the summer.",
      "The loan was agreed after two years of talks, its curator said."]),
    ("cycle-lanes", "New cycle lanes open",
     ["Two new protected cycle lanes opened on Saturday along the ring road.",
      "Cyclists' groups said the lanes should be extended to the station."]),
]


def _text(paragraphs: list) -> str:
    return "\n\n".join(paragraphs) + "\n"


def _page(host: str, slug: str, title: str, paragraphs: list) -> str:
    body = "\n".join(f"    <p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{title} | {host}</title>
  <link rel="canonical" href="https://www.{host}/news/{slug}">
  <meta property="og:url" content="https://www.{host}/news/{slug}">
</head>
<body>
  <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
  <article>
    <h1>{title}</h1>
{body}
  </article>
  <footer><p>Contact us</p></footer>
</body>
</html>
"""


def _write_texts(root) -> None:
    """Six stories of one newsroom in ``daily/`` sharing the tagline; three others in ``other/``."""
    (root / "daily").mkdir()
    (root / "other").mkdir()
    for slug, _, paragraphs in DAILY_STORIES:
        (root / "daily" / f"{slug}.txt").write_text(_text(paragraphs + [TAGLINE]), encoding="utf-8")
    for slug, _, paragraphs in OTHER_STORIES:
        (root / "other" / f"{slug}.txt").write_text(_text(paragraphs), encoding="utf-8")


def _write_pages(root) -> None:
    """Six pages of daily.example and three of another host, all in one folder."""
    (root / "pages").mkdir()
    for slug, title, paragraphs in DAILY_STORIES:
        page = _page("daily.example", slug, title, paragraphs + [TAGLINE])
        (root / "pages" / f"{slug}.html").write_text(page, encoding="utf-8")
    for slug, title, paragraphs in OTHER_STORIES:
        (root / "pages" / f"{slug}.html").write_text(_page("other.example", slug, title, paragraphs), encoding="utf-8")


def _b011(out: str) -> list:
    """``path:line`` of every B011 in a text report."""
    return sorted(line.split(": B011")[0].rsplit(":", 1)[0] for line in out.splitlines() if ": B011 " in line)


def test_text_files_of_one_folder_learn_their_tagline(tmp_path, cli):
    _write_texts(tmp_path)
    code, out, err = cli("check", "daily", "other", "--select", "B", "--no-cache")
    assert code == 1
    assert _b011(out) == [f"daily/{slug}.txt:5" for slug, _, _ in sorted(DAILY_STORIES)]
    assert "other/" not in "".join(_b011(out))  # another folder carrying the tagline once is not flagged
    assert "[~]" in out and "more with --unsafe-fixes" in out


def test_no_learn_and_ignore_skip_the_first_pass(tmp_path, cli, monkeypatch):
    _write_texts(tmp_path)
    passes = []
    real = filerun._learn
    monkeypatch.setattr(filerun, "_learn", lambda *a: passes.append(1) or real(*a))
    code, out, _ = cli("check", "daily", "other", "--select", "B", "--no-cache", "--no-learn")
    assert code == 0 and "B011" not in out and passes == []
    code, out, _ = cli("check", "daily", "other", "--select", "B", "--ignore", "B011", "--no-cache")
    assert code == 0 and passes == []
    # a pre-commit run over a few files: no site can reach min-articles, so nothing is read twice
    code, out, _ = cli("check", "daily/harbour-berth.txt", "daily/school-budget.txt", "--no-cache")
    assert "B011" not in out and passes == []


def test_thresholds_come_from_the_config(tmp_path, cli):
    _write_texts(tmp_path)
    (tmp_path / "news-cleaner.toml").write_text("[site-boilerplate]\nmin-articles = 7\n", encoding="utf-8")
    code, out, _ = cli("check", "daily", "other", "--select", "B", "--no-cache")
    assert code == 0 and "B011" not in out
    (tmp_path / "news-cleaner.toml").write_text("[site-boilerplate]\nmin-articles = 3\n", encoding="utf-8")
    code, out, _ = cli("check", "daily/harbour-berth.txt", "daily/school-budget.txt", "daily/bridge-closure.txt",
                       "--select", "B", "--no-cache")
    assert code == 1 and len(_b011(out)) == 3


def test_html_pages_group_by_host_and_are_extracted_once(tmp_path, cli, monkeypatch):
    _write_pages(tmp_path)
    extracted = []
    real = pipeline.extract_html
    monkeypatch.setattr(pipeline, "extract_html", lambda html, *a, **k: extracted.append(1) or real(html, *a, **k))
    code, out, _ = cli("check", "pages", "--select", "B", "--format", "json", "--no-cache", "--jobs", "1")
    findings = [f for f in json.loads(out) if f["code"] == "B011"]
    assert code == 1
    assert sorted(f["path"] for f in findings) == sorted(f"pages/{slug}.html" for slug, _, _ in DAILY_STORIES)
    assert {f["excerpt"].strip() for f in findings} == {TAGLINE}
    assert {f["url"] for f in findings} == {f"https://www.daily.example/news/{slug}" for slug, _, _ in DAILY_STORIES}
    assert len(extracted) == len(DAILY_STORIES) + len(OTHER_STORIES)  # the first pass's Documents are reused


def test_jsonl_records_group_by_their_url_host(tmp_path, cli):
    records = [{"id": slug, "url": f"https://daily.example/news/{slug}", "text": _text(p + [TAGLINE])}
               for slug, _, p in DAILY_STORIES]
    records += [{"id": slug, "url": f"https://other.example/{slug}", "text": _text(p)} for slug, _, p in OTHER_STORIES]
    random.Random(5).shuffle(records)
    (tmp_path / "articles.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    code, out, _ = cli("check", "articles.jsonl", "--select", "B", "--format", "json", "--no-cache")
    findings = [f for f in json.loads(out) if f["code"] == "B011"]
    assert code == 1
    flagged = {records[f["record_line"] - 1]["id"] for f in findings}
    assert flagged == {slug for slug, _, _ in DAILY_STORIES}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_same_findings_whatever_the_order_and_the_jobs(tmp_path, cli, jobs):
    _write_texts(tmp_path)
    _write_pages(tmp_path)
    files = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.*") if p.suffix in {".txt", ".html"})
    code, expected, _ = cli("check", *files, "--format", "json", "--no-cache", "--jobs", "1")
    expected_findings = sorted(json.dumps(f, sort_keys=True) for f in json.loads(expected))
    assert sum('"B011"' in f for f in expected_findings) == 2 * len(DAILY_STORIES)
    for seed in (1, 2):
        shuffled = files[:]
        random.Random(seed).shuffle(shuffled)
        code2, out, _ = cli("check", *shuffled, "--format", "json", "--no-cache", "--jobs", jobs)
        assert code2 == code
        assert sorted(json.dumps(f, sort_keys=True) for f in json.loads(out)) == expected_findings


def test_fix_deletes_learned_lines_only_with_unsafe_fixes_and_is_idempotent(tmp_path, cli):
    _write_texts(tmp_path)
    before = {p: p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.txt")}
    code, out, _ = cli("fix", "daily", "other", "--no-cache")
    assert code == 1 and "B011" in out
    assert {p: p.read_text(encoding="utf-8") for p in before} == before  # B011 is unsafe
    code, out, _ = cli("fix", "daily", "other", "--unsafe-fixes", "--no-cache")
    assert code == 0
    for path, text in before.items():
        now = path.read_text(encoding="utf-8")
        if path.parent.name == "daily":
            assert now == text.replace(f"\n\n{TAGLINE}", "")  # only the tagline went
        else:
            assert now == text
    fixed = {p: p.read_text(encoding="utf-8") for p in before}
    # second run: the taglines are gone, so nothing is learned and nothing else changes
    code, out, _ = cli("fix", "daily", "other", "--unsafe-fixes", "--no-cache", "--exit-non-zero-on-fix")
    assert code == 0 and "B011" not in out
    assert {p: p.read_text(encoding="utf-8") for p in before} == fixed


@pytest.fixture
def checked(monkeypatch):
    """The files actually checked (cache misses) and the pages actually extracted."""
    calls = {"checked": [], "extracted": 0}
    real_process, real_extract = filerun.process_file, pipeline.extract_html

    def process(cleaner, path, **kwargs):
        calls["checked"].append(path)
        return real_process(cleaner, path, **kwargs)

    def extract(html, *args, **kwargs):
        calls["extracted"] += 1
        return real_extract(html, *args, **kwargs)

    monkeypatch.setattr(filerun, "process_file", process)
    monkeypatch.setattr(pipeline, "extract_html", extract)
    return calls


def test_cached_result_follows_what_the_other_files_teach(tmp_path, cli, checked):
    _write_texts(tmp_path)
    first = cli("check", "daily", "other", "--select", "B", "--jobs", "1")
    assert len(_b011(first[1])) == 6 and len(checked["checked"]) == 9
    checked["checked"].clear()
    assert cli("check", "daily", "other", "--select", "B", "--jobs", "1") == first
    assert checked["checked"] == []
    # one story loses the tagline: five of six still carry it, what is learned is unchanged
    edited = tmp_path / "daily" / "harbour-berth.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace(f"\n\n{TAGLINE}", ""), encoding="utf-8")
    code, out, _ = cli("check", "daily", "other", "--select", "B", "--jobs", "1")
    assert checked["checked"] == ["daily/harbour-berth.txt"] and len(_b011(out)) == 5
    checked["checked"].clear()
    # a second one: four of six is under min-articles, so the unchanged files' cached B011 are stale
    edited = tmp_path / "daily" / "school-budget.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace(f"\n\n{TAGLINE}", ""), encoding="utf-8")
    code, out, _ = cli("check", "daily", "other", "--select", "B", "--jobs", "1")
    assert code == 0 and "B011" not in out
    assert sorted(checked["checked"]) == sorted(f"daily/{slug}.txt" for slug, _, _ in DAILY_STORIES)


def test_rerun_over_unchanged_pages_extracts_nothing(tmp_path, cli, checked):
    _write_pages(tmp_path)
    first = cli("check", "pages", "--select", "B", "--jobs", "1")
    assert checked["extracted"] == 9
    checked["extracted"] = 0
    assert cli("check", "pages", "--select", "B", "--jobs", "1") == first
    assert checked["extracted"] == 0
    # a changed page is extracted once; the others' learning features come from the cache
    page = tmp_path / "pages" / "museum-loan.html"
    page.write_text(page.read_text(encoding="utf-8").replace("four of its", "five of its"), encoding="utf-8")
    cli("check", "pages", "--select", "B", "--jobs", "1")
    assert checked["extracted"] == 1


def test_a_file_named_twice_counts_once(tmp_path, cli):
    _write_texts(tmp_path)
    config = "[site-boilerplate]\nmin-articles = 4\nmin-share = 0.1\n"
    (tmp_path / "news-cleaner.toml").write_text(config, encoding="utf-8")
    two = ["daily/harbour-berth.txt", "daily/school-budget.txt"]
    code, out, _ = cli("check", *two, *(f"./{p}" for p in two), "--select", "B", "--no-cache")  # two articles, not four
    assert code == 0 and "B011" not in out


def test_rule_doc_says_how_files_are_grouped(cli):
    code, out, _ = cli("rule", "B011")
    assert code == 0 and "the folder the file is in" in out and "--no-learn" in out


def test_copies_of_one_story_are_not_each_others_boilerplate(tmp_path, cli):
    _, _, paragraphs = DAILY_STORIES[0]
    for index in range(6):  # the same story saved six times: every line repeats, none is a template
        (tmp_path / f"copy{index}.txt").write_text(_text(paragraphs), encoding="utf-8")
    (tmp_path / "tagged.txt").write_text(_text(DAILY_STORIES[1][2] + paragraphs[1:]), encoding="utf-8")
    code, out, _ = cli("check", ".", "--select", "B", "--no-cache")
    # the copies keep their text; the one other story sharing a learned line is told about it
    assert _b011(out) == ["tagged.txt:5"]


def test_copies_with_short_headings_are_still_copies(tmp_path, cli):
    # a story saved many times into one JSONL file, its subheadings lines of one or two words:
    # those are too short to be learned, so they do not make each copy an article of its own
    # (every other line of every copy was reported as B011, a copy of a 58 KB story 400 times)
    _, title, paragraphs = DAILY_STORIES[0]
    story = _text([title, paragraphs[0], "Quay wall", paragraphs[1], "North berth"])
    records = [{"id": n, "url": f"https://daily.example/harbour-{n}", "text": story} for n in range(6)]
    (tmp_path / "copies.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    code, out, _ = cli("check", "copies.jsonl", "--select", "B", "--no-cache")
    assert code == 0 and "B011" not in out
    # a site's real template line is still learned, short lines in the stories or not
    records = [{"id": n, "url": f"https://daily.example/{slug}", "text": _text([title, p[0], "Quay wall", p[1], TAGLINE])}
               for n, (slug, title, p) in enumerate(DAILY_STORIES)]
    (tmp_path / "stories.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    code, out, _ = cli("check", "stories.jsonl", "--select", "B", "--format", "json", "--no-cache")
    flagged = [(f["record_line"], f["excerpt"]) for f in json.loads(out) if f["code"] == "B011"]
    assert code == 1 and len(flagged) == len(DAILY_STORIES) and all(TAGLINE.startswith(e.rstrip(".… ")[:20]) for _, e in flagged)


def test_records_without_url_group_by_their_site_field(tmp_path, cli):
    records = [{"id": slug, "site": "The Daily Example", "text": _text(p + [TAGLINE])} for slug, _, p in DAILY_STORIES]
    records += [{"id": slug, "site": "Other Example", "text": _text(p)} for slug, _, p in OTHER_STORIES]
    (tmp_path / "articles.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    code, out, _ = cli("check", "articles.jsonl", "--select", "B", "--format", "json", "--no-cache")
    flagged = {records[f["record_line"] - 1]["id"] for f in json.loads(out) if f["code"] == "B011"}
    assert code == 1 and flagged == {slug for slug, _, _ in DAILY_STORIES}
