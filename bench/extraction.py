#!/usr/bin/env python3
"""Article-extraction benchmark: trafilatura alone vs news-cleaner (extraction + B and E safe fixes, as `clean(html, select=["B", "E"])`).

Data: the ScrapingHub/Zyte article-extraction-benchmark pages (``html/<id>.html.gz``) and their
human-annotated bodies (``ground-truth.json``), by default from ``../shared/data/extraction/scrapinghub``.

The metric is the benchmark's own (upstream ``evaluate.py``, re-implemented here): texts are tokenized
with the regex ``\\w+`` (case kept), cut into 4-token shingles (a text with fewer than 4 tokens gives one
shorter shingle), and per document the shingle-multiset TP / FP / FN are counted and scaled to sum to 1.
Precision is the mean per-document precision over documents with TP+FP > 0, recall the mean over
documents with TP+FN > 0, and F1 the harmonic mean of those two means. Error bars: bootstrap over
documents.

One run prints, for both systems, P / R / F1 / accuracy with bootstrap std and docs/s; the paired F1
difference with a 95% bootstrap interval; F1 and CPU ratio on a fixed split of the pages (``tune``,
70%, for choosing settings; ``heldout``, 30% by a hash of the page id, never tuned on); the time ratio; and the do-no-harm figure (the share of words
the B fixes delete from the human-annotated bodies run as plain text).

    python bench/extraction.py                 # dev pages, 1000 bootstrap samples
    python bench/extraction.py --residue       # also list lines trafilatura keeps that the gold lacks
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "extraction" / "scrapinghub"
TOKEN = re.compile(r"\w+")
PUBLISHED = {"precision": 0.938, "recall": 0.978, "f1": 0.958}


# -- the benchmark metric ----------------------------------------------------------------------------
def tokens(text: str) -> list:
    return TOKEN.findall(text or "")


def shingles(text: str, n: int = 4) -> Counter:
    """Multiset of n-token shingles; fewer than n tokens give one shorter shingle (none for no tokens)."""
    toks = tokens(text)
    if len(toks) < n:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def tp_fp_fn(gold: str, pred: str) -> tuple:
    """Per-document shingle TP, FP, FN, scaled to sum to 1 (unscaled zeros when both are empty)."""
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    if total:
        return tp / total, fp / total, fn / total
    return 0.0, 0.0, 0.0


def _precision(tp, fp, fn):
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0 and fp == 0:
        return 0.0
    return tp / (tp + fp)


def _recall(tp, fp, fn):
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0 and fn == 0:
        return 0.0
    return tp / (tp + fn)


def prf(counts: list) -> dict:
    """Mean precision, mean recall and the F1 of those two means."""
    precision = statistics.mean([_precision(*c) for c in counts if c[0] + c[1] > 0] or [0.0])
    recall = statistics.mean([_recall(*c) for c in counts if c[0] + c[2] > 0] or [0.0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def evaluate(golds: list, preds: list, samples: int, rng: random.Random) -> dict:
    counts = [tp_fp_fn(g, p) for g, p in zip(golds, preds)]
    exact = [float(tokens(g) == tokens(p)) for g, p in zip(golds, preds)]
    result = prf(counts)
    result["accuracy"] = statistics.mean(exact)
    boot: dict = {}
    n = len(counts)
    for _ in range(samples):
        idx = [rng.randrange(n) for _ in range(n)]
        m = prf([counts[i] for i in idx])
        m["accuracy"] = statistics.mean(exact[i] for i in idx)
        for key, value in m.items():
            boot.setdefault(key, []).append(value)
    for key, values in boot.items():
        result[key + "_std"] = statistics.stdev(values) if len(values) > 1 else 0.0
    result["counts"] = counts
    return result


def paired_difference(a: list, b: list, samples: int, rng: random.Random) -> dict:
    """Bootstrap of metric(a) - metric(b) over the same resampled documents."""
    n = len(a)
    diffs: dict = {}
    for _ in range(samples):
        idx = [rng.randrange(n) for _ in range(n)]
        ma, mb = prf([a[i] for i in idx]), prf([b[i] for i in idx])
        for key in ma:
            diffs.setdefault(key, []).append(ma[key] - mb[key])
    out = {}
    for key, values in diffs.items():
        values.sort()
        out[key] = (
            statistics.mean(values),
            values[int(0.025 * (len(values) - 1))],
            values[int(0.975 * (len(values) - 1))],
        )
    return out


# -- systems -----------------------------------------------------------------------------------------
def load(data: Path, ids_file: Path | None) -> list:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    if ids_file:
        ids = [line.strip() for line in ids_file.read_text().split() if line.strip()]
    else:
        ids = sorted(truth)
    pages = []
    for key in ids:
        path = data / "html" / f"{key}.html.gz"
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            pages.append((key, handle.read(), truth[key].get("url"), truth[key].get("articleBody", "")))
    return pages


def run_trafilatura(html: str, url) -> str:
    import trafilatura

    # exactly how the benchmark's own runner calls it
    return trafilatura.extract(html, include_comments=False) or ""


def make_cleaner(extract: dict | None = None, select: tuple = ("B", "E")):
    from cleaner import Cleaner

    cleaner = Cleaner({"extract": extract} if extract else None, select=list(select))

    def run(html: str, url) -> str:
        return cleaner.clean(html, url, kind="html").text

    return run


def timed_runs(pages: list, systems: dict, repeats: int) -> tuple:
    """Outputs and CPU seconds per system; pages interleaved so machine load hits both alike."""
    outputs = {name: [] for name in systems}
    cpu = {name: 0.0 for name in systems}
    wall = {name: 0.0 for name in systems}
    page_cpu = {name: [] for name in systems}
    for _key, html, url, _gold in pages:
        for name, fn in systems.items():
            spent = 0.0
            for rep in range(repeats):
                c0, w0 = time.process_time(), time.perf_counter()
                text = fn(html, url)
                spent += time.process_time() - c0
                wall[name] += time.perf_counter() - w0
            cpu[name] += spent
            page_cpu[name].append(spent)
            outputs[name].append(text)
    return outputs, cpu, wall, page_cpu


def page_part(page_id: str) -> str:
    """``heldout`` for a fixed 30% of the benchmark's pages (by a hash of the id), ``tune`` for the rest.

    >>> page_part("0a1b2c") in ("tune", "heldout")
    True
    """
    return "heldout" if int(hashlib.sha256(page_id.encode()).hexdigest()[:8], 16) % 10 < 3 else "tune"


def do_no_harm(golds: list) -> tuple:
    """Words the B safe fixes delete from clean human-annotated bodies, as a share of all words."""
    from cleaner import Cleaner

    cleaner = Cleaner(select=["B"])
    before = after = 0
    touched = []
    for gold in golds:
        out = cleaner.clean(gold, kind="text").text
        b, a = len(tokens(gold)), len(tokens(out))
        before += b
        after += a
        if a != b:
            touched.append((b - a, gold, out))
    return (before - after) / max(before, 1), before, touched


def residue(pages: list, outputs: list, limit: int) -> None:
    """Lines an extractor keeps that the gold body lacks (to learn the kinds of boilerplate)."""
    for (key, _html, url, gold), text in zip(pages, outputs):
        gold_norm = " ".join(tokens(gold))
        extra = [line for line in text.split("\n") if line.strip() and " ".join(tokens(line)) not in gold_norm]
        if extra:
            print(f"## {key[:12]} {url}")
            for line in extra[:limit]:
                print("   ", line[:160])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--ids", type=Path, help="file of page ids (default: every page in ground-truth.json)")
    parser.add_argument("--n-bootstrap", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeats", type=int, default=1, help="time each page this many times")
    parser.add_argument("--residue", action="store_true", help="print lines each system keeps that the gold lacks")
    parser.add_argument("--json", type=Path, help="write the outputs of both systems here")
    parser.add_argument("--favor", choices=("balanced", "precision", "recall"), help="[extract] favor (default: the shipped one)")
    parser.add_argument("--fast", action="store_true", help="[extract] fast = true")
    parser.add_argument("--part", choices=("tune", "heldout"), help="only the pages of this part of the split")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    pages = load(args.data, args.ids)
    if args.part:
        pages = [page for page in pages if page_part(page[0]) == args.part]
    golds = [p[3] for p in pages]
    extract = {k: v for k, v in (("favor", args.favor), ("fast", args.fast or None)) if v is not None}
    systems = {"trafilatura": run_trafilatura, "news-cleaner": make_cleaner(extract)}
    for fn in systems.values():  # warm up imports and caches outside the timing
        fn(pages[0][1], pages[0][2])
    from trafilatura.external import jt_stoplist_init

    jt_stoplist_init()  # justext's one-time stoplist set (0.7 s): whichever system needs it first paid it
    outputs, cpu, wall, page_cpu = timed_runs(pages, systems, args.repeats)
    rng = random.Random(args.seed)

    print(f"{len(pages)} pages from {args.data}")
    print(f"published row (upstream README, trafilatura 2.0.0, all 181 pages): P={PUBLISHED['precision']}  "
          f"R={PUBLISHED['recall']}  F1={PUBLISHED['f1']}")
    results = {}
    for name in systems:
        m = evaluate(golds, outputs[name], args.n_bootstrap, rng)
        results[name] = m
        rate = len(pages) * args.repeats / cpu[name] if cpu[name] else float("inf")
        print(
            f"{name:<13} P={m['precision']:.4f}±{m['precision_std']:.3f}  R={m['recall']:.4f}±{m['recall_std']:.3f}  "
            f"F1={m['f1']:.4f}±{m['f1_std']:.3f}  acc={m['accuracy']:.3f}  {rate:.1f} docs/s (CPU)"
        )
    diff = paired_difference(results["news-cleaner"]["counts"], results["trafilatura"]["counts"], args.n_bootstrap, rng)
    for part in ("tune", "heldout"):  # the fixed split: extraction settings are tuned on "tune" only
        idx = [i for i, page in enumerate(pages) if page_part(page[0]) == part]
        if not idx:
            continue
        f1 = {name: prf([results[name]["counts"][i] for i in idx])["f1"] for name in systems}
        cpu_part = {name: sum(page_cpu[name][i] for i in idx) for name in systems}
        print(f"{part:<8} {len(idx):>3} pages: F1 news-cleaner {f1['news-cleaner']:.4f}  trafilatura "
              f"{f1['trafilatura']:.4f}  difference {f1['news-cleaner'] - f1['trafilatura']:+.4f}  CPU ratio "
              f"{cpu_part['news-cleaner'] / max(cpu_part['trafilatura'], 1e-9):.3f}")
    for key in ("f1", "precision", "recall"):
        mean, low, high = diff[key]
        print(f"paired {key:<9} news-cleaner - trafilatura = {mean:+.4f}  (95% bootstrap {low:+.4f} .. {high:+.4f})")
    print(
        f"time ratio news-cleaner / trafilatura: CPU {cpu['news-cleaner'] / cpu['trafilatura']:.3f}  "
        f"wall {wall['news-cleaner'] / wall['trafilatura']:.3f}"
    )
    share, words, touched = do_no_harm(golds)
    print(f"do no harm: B fixes delete {share:.4%} of {words} words of the {len(golds)} gold bodies "
          f"({len(touched)} bodies touched)")
    if args.residue:
        for name in systems:
            print(f"\n# residue of {name}")
            residue(pages, outputs[name], 30)
        print("\n# words deleted from gold bodies")
        for lost, gold, out in touched:
            import difflib

            for line in difflib.unified_diff(gold.split("\n"), out.split("\n"), lineterm="", n=0):
                if line.startswith(("-", "+")) and not line.startswith(("---", "+++")):
                    print("   ", line[:160])
    if args.json:
        args.json.write_text(json.dumps({k: dict(zip([p[0] for p in pages], v)) for k, v in outputs.items()}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
