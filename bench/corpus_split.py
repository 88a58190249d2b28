"""One split of the clean news corpus, shared by every accuracy benchmark.

``../shared/data/news_clean/articles.jsonl.gz`` (7,419 edited articles) is cut, by a hash of each
record's ``id``, into two parts that never change:

- ``tune`` (70%): for hunting false flags and for looking at misses while writing rules;
- ``heldout`` (30%): never read while tuning. Damage generators run on it with fresh seeds, and only
  their summary figures are looked at.

Usage::

    from corpus_split import articles
    for rec in articles("heldout", sources={"onestop_adv", "digitalgov"}, limit=500):
        ...

    python bench/corpus_split.py        # counts per part and source

Reuters-21578 records are research-only test data: they may be read here, never copied into what ships.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news_clean" / "articles.jsonl.gz"
PARTS = ("tune", "heldout")


def part_of(record_id: str) -> str:
    """The part an article belongs to, fixed by its id.

    >>> part_of("reuters21578-4266") in PARTS
    True
    """
    bucket = int(hashlib.sha256(record_id.encode("utf-8")).hexdigest()[:8], 16) % 10
    return "heldout" if bucket < 3 else "tune"


def articles(part: str, *, sources: set[str] | None = None, limit: int | None = None,
             path: Path = CORPUS) -> Iterator[dict]:
    """Records of one part, in corpus order, optionally from some sources only."""
    if part not in PARTS:
        raise ValueError(f"part must be one of {PARTS}, not {part!r}")
    n = 0
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if part_of(rec["id"]) != part or (sources and rec["source"] not in sources):
                continue
            yield rec
            n += 1
            if limit is not None and n >= limit:
                return


def main() -> int:
    if not CORPUS.exists():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    counts: Counter = Counter()
    words: Counter = Counter()
    for part in PARTS:
        for rec in articles(part):
            counts[part, rec["source"]] += 1
            words[part] += rec["n_words"]
    for part in PARTS:
        by_source = ", ".join(f"{s} {n}" for (p, s), n in sorted(counts.items()) if p == part)
        print(f"{part}: {sum(n for (p, _), n in counts.items() if p == part)} articles, "
              f"{words[part]:,} words ({by_source})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
