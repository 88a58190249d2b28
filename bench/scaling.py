"""How the cost of cleaning one long document grows with its length, per check family.

    .venv/bin/python bench/scaling.py                      # 10k, 79k, 100k and 1M words
    .venv/bin/python bench/scaling.py --sizes 10000 100000 # quicker

Each document is built from paragraphs drawn at random (fixed seed, repeats included) from the
``tune`` articles of the clean news corpus (``bench/corpus_split.py``), joined by blank lines until it
has the wanted number of words. ``Cleaner().clean`` runs on it once (the fix loop included) after a
warm-up on a short document, so loading is not counted. Printed: CPU seconds (``time.process_time``)
per family (E, B, S, G, Q; ``other`` is extraction-free overhead: the language test, fixing, scoring),
the total, and the slope of log(time) against log(words) fitted over the sizes. Linear work has slope
1; the targets are every family <= 1.1 and the 1M-word total <= 20x the 79k-word one.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus_split import articles  # noqa: E402

FAMILIES = ("E", "B", "S", "G", "Q")


def paragraph_pool(limit: int = 2000) -> list[str]:
    pool = []
    for record in articles("tune", limit=limit):
        pool.extend(p.strip() for p in record["text"].split("\n\n") if p.strip())
    return pool


def document(pool: list[str], words: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    parts, count = [], 0
    while count < words:
        paragraph = rng.choice(pool)
        parts.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(parts)


def timed_families(spent: dict):
    """Wrap each family's ``run`` so its CPU time adds up in ``spent``."""
    from cleaner import checks

    for family, module in checks.FAMILY_MODULES.items():
        original = module.run

        def run(doc, ctx, _original=original, _family=family):
            start = time.process_time()
            try:
                return _original(doc, ctx)
            finally:
                spent[_family] = spent.get(_family, 0.0) + time.process_time() - start

        module.run = run


def slope(xs: list[float], ys: list[float]) -> float:
    """Least-squares slope of log(y) on log(x)."""
    lx = [math.log(x) for x in xs]
    ly = [math.log(max(y, 1e-6)) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly)) / sum((a - mx) ** 2 for a in lx)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 79_000, 100_000, 1_000_000])
    args = parser.parse_args(argv)
    from cleaner import Cleaner

    spent: dict = {}
    timed_families(spent)
    cleaner = Cleaner()
    pool = paragraph_pool()
    cleaner.clean(document(pool, 2000, seed=99), kind="text")  # warm-up: loading is not counted
    rows = []
    print(f"{'words':>9} " + " ".join(f"{f:>7}" for f in FAMILIES) + f" {'other':>7} {'total':>7}  (CPU s)")
    for size in args.sizes:
        text = document(pool, size)
        words = len(text.split())
        spent.clear()
        start = time.process_time()
        cleaner.clean(text, kind="text")
        total = time.process_time() - start
        row = {f: spent.get(f, 0.0) for f in FAMILIES}
        row["other"] = total - sum(row.values())
        row["total"] = total
        rows.append((words, row))
        print(f"{words:>9} " + " ".join(f"{row[f]:7.2f}" for f in FAMILIES) + f" {row['other']:7.2f} {total:7.2f}",
              flush=True)
    if len(rows) >= 2:
        xs = [w for w, _ in rows]
        print(f"{'slope':>9} " + " ".join(f"{slope(xs, [r[f] for _, r in rows]):7.2f}" for f in (*FAMILIES, "other", "total")))
    by_size = {size: row for size, (_, row) in zip(args.sizes, rows)}
    if 79_000 in by_size and 1_000_000 in by_size:
        ratio = by_size[1_000_000]["total"] / by_size[79_000]["total"]
        print(f"1M-word total / 79k-word total: {ratio:.1f}x (target <= 20x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
