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

``--passes`` also prints, per size, how many times each family ran (the first check plus one re-check
per fix round; E re-checks each touched line alone, one run per line: a size whose fixes take more
rounds runs every family more often, which shows in its slope) and the CPU of each G pass (``names.PASSES`` and the G5xx phrases) with its slope, to find the
pass that grows faster than the text.
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
    """Wrap each family's ``run`` so its CPU time adds up in ``spent`` (and its runs in ``spent["runs:F"]``)."""
    from cleaner import checks

    for family, module in checks.FAMILY_MODULES.items():
        original = module.run

        def run(doc, ctx, _original=original, _family=family):
            start = time.process_time()
            try:
                return _original(doc, ctx)
            finally:
                spent[_family] = spent.get(_family, 0.0) + time.process_time() - start
                spent["runs:" + _family] = spent.get("runs:" + _family, 0) + 1

        module.run = run


def timed_passes(spent: dict) -> list:
    """Wrap each G pass (and the G5xx phrases) so its CPU time adds up in ``spent["G:name"]``; the names."""
    from cleaner.checks import names

    def timed(name, check):
        def run(*args):
            start = time.process_time()
            try:
                return check(*args)
            finally:
                spent["G:" + name] = spent.get("G:" + name, 0.0) + time.process_time() - start
        return run

    names.PASSES = tuple((name, codes, timed(name, check), reads) for name, codes, check, reads in names.PASSES)
    names.phrases = timed("phrases", names.phrases)
    return [name for name, *_ in names.PASSES] + ["phrases"]


def slope(xs: list[float], ys: list[float]) -> float:
    """Least-squares slope of log(y) on log(x)."""
    lx = [math.log(x) for x in xs]
    ly = [math.log(max(y, 1e-6)) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly)) / sum((a - mx) ** 2 for a in lx)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 79_000, 100_000, 1_000_000])
    parser.add_argument("--passes", action="store_true", help="also the runs per family and each G pass's CPU")
    args = parser.parse_args(argv)
    from cleaner import Cleaner

    spent: dict = {}
    timed_families(spent)
    passes = timed_passes(spent) if args.passes else []
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
        row["passes"] = {k: v for k, v in spent.items() if k.startswith(("G:", "runs:"))}
        rows.append((words, row))
        print(f"{words:>9} " + " ".join(f"{row[f]:7.2f}" for f in FAMILIES) + f" {row['other']:7.2f} {total:7.2f}",
              flush=True)
    if len(rows) >= 2:
        xs = [w for w, _ in rows]
        print(f"{'slope':>9} " + " ".join(f"{slope(xs, [r[f] for _, r in rows]):7.2f}" for f in (*FAMILIES, "other", "total")))
    if passes:
        print("runs per family (first check + fix rounds): " + "; ".join(
            f"{w}: " + " ".join(f"{f}={r['passes'].get('runs:' + f, 0)}" for f in FAMILIES) for w, r in rows))
        print(f"{'G pass':>24} " + " ".join(f"{w:>9}" for w, _ in rows) + ("    slope" if len(rows) >= 2 else ""))
        for name in sorted(passes, key=lambda n: -rows[-1][1]["passes"].get("G:" + n, 0.0)):
            times = [r["passes"].get("G:" + name, 0.0) for _, r in rows]
            print(f"{name:>24} " + " ".join(f"{t:9.3f}" for t in times)
                  + (f" {slope([w for w, _ in rows], times):8.2f}" if len(rows) >= 2 else ""))
    by_size = {size: row for size, (_, row) in zip(args.sizes, rows)}
    if 79_000 in by_size and 1_000_000 in by_size:
        ratio = by_size[1_000_000]["total"] / by_size[79_000]["total"]
        print(f"1M-word total / 79k-word total: {ratio:.1f}x (target <= 20x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
