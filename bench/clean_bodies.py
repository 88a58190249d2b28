#!/usr/bin/env python3
"""Do no harm on clean copy: the share of words the B safe fixes delete from articles that have no
boilerplate (target: at most 0.2%).

Two sets of clean bodies, each run as plain text through ``clean(text, select=["B"])``:

- the 121 human-annotated ScrapingHub bodies (``ground-truth.json`` under ``../shared``);
- ``../shared/data/news_clean`` through ``bench/corpus_split.py``: ``tune`` (deletions may be listed,
  ``--show``) and ``heldout`` (only the summary is printed, per source and overall).

    python bench/clean_bodies.py                 # both sets, summaries
    python bench/clean_bodies.py --show 30       # also list what was deleted from tune articles
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "data" / "extraction" / "scrapinghub" / "ground-truth.json"
WORD = re.compile(r"\w+")


def deleted_words(cleaner, text: str) -> int:
    """Words of ``text`` the B safe fixes remove (a count, never negative).

    >>> from cleaner import Cleaner
    >>> deleted_words(Cleaner(select=["B"]), "The mayor spoke on Monday about the new budget for the city.")
    0
    """
    return max(0, len(WORD.findall(text)) - len(WORD.findall(cleaner.clean(text, kind="text").text)))


def measure(cleaner, texts, show: int = 0) -> tuple[int, int, int]:
    """(words deleted, words, articles touched) over ``texts``; prints up to ``show`` deletions."""
    import difflib

    lost = total = touched = 0
    for text in texts:
        gone = deleted_words(cleaner, text)
        total += len(WORD.findall(text))
        lost += gone
        touched += gone > 0
        if gone and show > 0:
            out = cleaner.clean(text, kind="text").text
            for line in difflib.unified_diff(text.split("\n"), out.split("\n"), lineterm="", n=0):
                if line.startswith("-") and not line.startswith("---") and show > 0:
                    print(f"     {line[:160]}")
                    show -= 1
    return lost, total, touched


def _row(label: str, lost: int, total: int, touched: int, articles: int) -> str:
    return f"   {label:<22}{articles:>6} articles {total:>10,} words  deleted {lost:>6,} = {lost / max(total, 1):.4%}  ({touched} touched)"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", type=int, default=0, help="list this many deleted lines of tune articles")
    parser.add_argument("--limit", type=int, help="at most this many news_clean articles per part")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus_split import CORPUS, articles

    from cleaner import Cleaner

    cleaner = Cleaner(select=["B"])
    if GOLD.exists():
        golds = [entry.get("articleBody", "") for entry in json.loads(GOLD.read_text(encoding="utf-8")).values()]
        print("ScrapingHub gold bodies")
        print(_row("all", *measure(cleaner, golds), len(golds)))
    if not CORPUS.exists():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    for part in ("tune", "heldout"):
        print(f"news_clean {part}")
        by_source: dict = {}
        for rec in articles(part, limit=args.limit):
            by_source.setdefault(rec["source"], []).append(rec["text"])
        sums: Counter = Counter()
        for source, texts in sorted(by_source.items()):
            lost, total, touched = measure(cleaner, texts, args.show if part == "tune" else 0)
            sums.update(lost=lost, total=total, touched=touched, articles=len(texts))
            print(_row(source, lost, total, touched, len(texts)))
        print(_row("all", sums["lost"], sums["total"], sums["touched"], sums["articles"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
