#!/usr/bin/env python3
"""Every check over clean, edited news of today: what news-cleaner flags there is (almost all) false.

The clean corpus of ``bench/false_flags.py`` is mostly 1987 wire copy and US government pages; house
styles of today's newspapers (``Nato``, ``Lula da Silva``, single quotes in a headline, brand names
such as ``Dry:Soon``, words of the last decade such as ``influencer``) barely occur in it. This script
reads the article bodies that the fundus news crawler's parser tests expect, one per publisher page
(title, then paragraphs, as a scraper hands them on), from English-language publishers:

| source | repository (files) | what it is | licence |
| --- | --- | --- | --- |
| ``fundus`` | flairNLP/fundus (``tests/resources/parser/test_data/{us,uk,ca,au,ind,za,...}/*.json``) | the expected ``title`` and ``body`` of each test page: about 80 articles (2023-2026) of AP, Reuters, CNBC, the BBC, the Guardian, the Telegraph, the Mirror, the National Post, the Times of India, ... | **MIT** (``LICENSE`` of the repository); read from its mirror at bench time, nothing copied |

Articles are split by ``corpus_split.part_of`` of their id (``publisher:version``) into ``tune`` (list
its flags with ``--list`` while fixing families of false flags) and ``heldout`` (rates only). A flag
on a publisher's own typo is right (``occurence``, ``buidlings``): ``--list`` shows them with the rest
and the reader judges; the rates count every finding.

    python bench/modern_clean.py                 # rates per code, tune and held-out
    python bench/modern_clean.py --list          # also every tune finding with its context
    python bench/modern_clean.py --list --code G002

Get the mirror with the search tool's ``fetch`` (``github:flairNLP/fundus``) or point ``--mirror`` at
a folder holding ``flairNLP+fundus/repo``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus_split import PARTS, part_of  # noqa: E402
from false_flags import sub_code  # noqa: E402

MIRROR = Path("/work/.mirror")
REPO = "flairNLP+fundus"
TEST_DATA = "tests/resources/parser/test_data"
# the folders of English-language publishers (country codes of fundus's publisher collections)
ENGLISH = {"us", "uk", "ca", "au", "nz", "ie", "ind", "za", "ng", "ke", "tz", "gh", "sg", "my", "ph", "pk", "lk"}
MIN_WORDS = 80


def body_text(article: dict) -> str:
    """A fundus test article as a scraper hands it on: its title, then summary, sub-headings and
    paragraphs, one paragraph per block.

    >>> body_text({"title": "T", "body": {"summary": ["S"], "sections": [{"headline": ["H"], "paragraphs": ["P"]}]}})
    'T\\n\\nS\\n\\nH\\n\\nP'
    """
    body = article.get("body") or {}
    blocks = [article.get("title") or ""] + list(body.get("summary") or [])
    for section in body.get("sections") or []:
        blocks += list(section.get("headline") or []) + list(section.get("paragraphs") or [])
    return "\n\n".join(b.strip() for b in blocks if b and b.strip())


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "--git-dir", str(repo), *args], capture_output=True, text=True,
                          check=True).stdout


def load(mirror: Path = MIRROR) -> list:
    """Every English fundus test article of MIN_WORDS words or more, as ``{id, part, text}``."""
    repo = mirror / REPO / "repo"
    if not repo.is_dir():
        raise SystemExit(f"no mirror of flairNLP/fundus at {repo}: fetch github:flairNLP/fundus")
    out = []
    for path in git(repo, "ls-tree", "-r", "--name-only", "HEAD", TEST_DATA).split():
        country = path[len(TEST_DATA) + 1:].split("/")[0]
        if country not in ENGLISH or not path.endswith(".json"):
            continue
        publisher = path.rsplit("/", 1)[1][:-len(".json")]
        for version, article in json.loads(git(repo, "show", f"HEAD:{path}")).items():
            text = body_text(article)
            if len(text.split()) >= MIN_WORDS:
                rid = f"{publisher}:{version}"
                out.append({"id": rid, "part": part_of(rid), "text": text})
    return out


def check(records: list, code: str | None) -> tuple:
    """(findings as (record, finding), words, CPU seconds) of every check over the records."""
    from cleaner import Cleaner
    cleaner = Cleaner()
    flagged, words = [], 0
    cpu = time.process_time()
    for rec in records:
        words += len(rec["text"].split())
        for f in cleaner.clean(rec["text"], kind="text").findings:
            if code is None or f.code.startswith(code):
                flagged.append((rec, f))
    return flagged, words, time.process_time() - cpu


def report(part: str, records: list, flagged: list, words: int, cpu: float) -> None:
    by_code = Counter(f.code for _, f in flagged)
    print(f"== {part}: {len(records)} articles, {words:,} words, {len(flagged)} findings "
          f"= {1000 * len(flagged) / max(words, 1):.3f} per 1,000 words ({cpu:.1f} s CPU)")
    for family in "BEGQS":
        n = sum(v for k, v in by_code.items() if k.startswith(family))
        codes = ", ".join(f"{k} {v}" for k, v in sorted(by_code.items()) if k.startswith(family))
        print(f"   {family}  {1000 * n / max(words, 1):.3f}/1k  {codes}")
    by_pass = Counter(sub_code(f) for _, f in flagged if f.code[0] in "GS")
    print("   G and S by pass: " + ", ".join(f"{c} {n}" for c, n in by_pass.most_common()))
    by_publisher = Counter(rec["id"].split(":")[0] for rec, f in flagged if f.code[0] in "GS")
    print("   G and S by publisher: " + ", ".join(f"{c} {n}" for c, n in by_publisher.most_common()))


def listing(flagged: list) -> None:
    for rec, f in flagged:
        text = rec["text"]
        context = text[max(0, f.start - 70):f.end + 50].replace("\n", " / ")
        print(f"{f.code} {rec['id']}: {f.message[:110]}\n      ...{context}...")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mirror", type=Path, default=MIRROR)
    parser.add_argument("--part", choices=PARTS + ("both",), default="both")
    parser.add_argument("--code", help="only findings whose code starts with this")
    parser.add_argument("--list", action="store_true", help="list the tune part's findings in context")
    args = parser.parse_args(argv)
    records = load(args.mirror)
    for part in PARTS if args.part == "both" else (args.part,):
        chosen = [r for r in records if r["part"] == part]
        flagged, words, cpu = check(chosen, args.code)
        report(part, chosen, flagged, words, cpu)
        if args.list and part == "tune":
            listing(flagged)
    return 0


if __name__ == "__main__":
    sys.exit(main())
