"""Before/after CPU of ``clean()`` for two versions of the code, measured at the same time, on the dev
bodies or on fresh samples of held-out articles.

Usage::

    python bench/clean_ab.py BEFORE [AFTER] [--texts heldout] [--seeds 1 2 3 4 5] [--articles 100]
                             [--rounds 2] [--select B,Q] [--join 20]

BEFORE and AFTER are git revisions of this repository or folders holding a ``cleaner`` package, as in
``bench/sg_ab.py`` (AFTER defaults to this working tree). Each runs with its own code and its own
``rules/``, both asserted (``sg_ab.use_tree``): an editable install reads the installing tree's rules. ``--texts bodies``: the 121 ScrapingHub
bodies ``bench/speed.py`` times (the dev set, one sample); ``--texts heldout``: for each seed,
``--articles`` articles drawn at random from the ``heldout`` part of the clean news corpus
(``bench/corpus_split.py``), which no speed change was tuned on.

Why: on the shared machine one run's CPU moves by 10-20% with the load, so two runs one after the
other cannot show a 5% change. Each round starts the two versions in two processes together (so both
see the same load), the order swapped every round. Each process cleans its texts once untimed (word
lists, lazily compiled rule regexes), then times the best of ``--passes`` passes (``time.process_time``).
Printed: each sample's mean after/before over its rounds, and the mean and spread (standard deviation)
over the samples (below 1: AFTER is faster). ``--select`` cleans with only those codes (``B,Q``).
``--join N`` cleans each sample's texts joined N at a time (by a blank line) into one long document:
the paths a long record or file takes (``bench/pathological.py``'s big file is one 20-article record
repeated), measured on fresh articles.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
BODIES = ROOT / "fixtures" / "corpus" / "scrapinghub-bodies.json"


def child(tree: str, texts_path: str, select: str, passes: int) -> None:
    """Time ``tree``'s ``clean`` over the texts in ``texts_path``: prints the best pass's CPU seconds."""
    from sg_ab import use_tree

    use_tree(tree)  # its code and its own rules (asserted), never the installing tree's rules
    from cleaner import Cleaner

    texts = json.loads(Path(texts_path).read_text(encoding="utf-8"))
    cleaning = Cleaner(select=select.split(",")) if select else Cleaner()
    for text in texts:
        cleaning.clean(text, kind="text")
    best = float("inf")
    for _ in range(passes):
        start = time.process_time()
        for text in texts:
            cleaning.clean(text, kind="text")
        best = min(best, time.process_time() - start)
    print(json.dumps({"cpu": best}))


def samples(kind: str, seeds: list, articles: int) -> list:
    """(label, texts) of each sample: the bodies once, or one draw of held-out articles per seed."""
    if kind == "bodies":
        return [("bodies", [v["articleBody"] for v in json.loads(BODIES.read_text(encoding="utf-8")).values()])]
    from corpus_split import articles as corpus

    pool = [record["text"] for record in corpus("heldout")]
    return [(f"heldout seed {seed}", random.Random(seed).sample(pool, min(articles, len(pool)))) for seed in seeds]


def _round(first: str, second: str, texts_path: str, select: str, passes: int) -> tuple:
    """Both trees' CPU seconds, their processes started together."""
    runs = [subprocess.Popen([sys.executable, __file__, "--child", tree, "--texts-file", texts_path,
                              "--select", select, "--passes", str(passes)], stdout=subprocess.PIPE, text=True)
            for tree in (first, second)]
    return tuple(json.loads(run.communicate()[0].strip().splitlines()[-1])["cpu"] for run in runs)


def main(argv=None) -> int:
    from sg_ab import _tree

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", nargs="?")
    parser.add_argument("after", nargs="?", default=str(ROOT))
    parser.add_argument("--texts", choices=("bodies", "heldout"), default="heldout")
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4, 5])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=2, help="rounds per sample (the order swapped each round)")
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--select", default="", help="codes to clean with (default: all)")
    parser.add_argument("--join", type=int, default=1, help="clean the texts joined this many at a time")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--texts-file", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.texts_file, args.select, args.passes)
        return 0
    if args.before is None:
        parser.error("say which version is the one before (a git revision or a folder)")
    keep: list = []
    before, after = _tree(args.before, keep), _tree(args.after, keep)
    means = []
    with tempfile.TemporaryDirectory(prefix="clean_ab-") as work:
        for label, texts in samples(args.texts, args.seeds, args.articles):
            texts = ["\n\n".join(texts[k:k + args.join]) for k in range(0, len(texts), max(1, args.join))]
            path = Path(work, "texts.json")
            path.write_text(json.dumps(texts), encoding="utf-8")
            ratios = []
            for number in range(args.rounds):
                if number % 2:
                    b, a = _round(after, before, str(path), args.select, args.passes)[::-1]
                else:
                    b, a = _round(before, after, str(path), args.select, args.passes)
                ratios.append(a / b)
            means.append(statistics.mean(ratios))
            print(f"{label}: {len(texts)} texts, before {b:.3f} s, after {a:.3f} s (last round), "
                  f"after/before {means[-1]:.3f} over {len(ratios)} rounds", flush=True)
    spread = statistics.stdev(means) if len(means) > 1 else 0.0
    print(f"{args.texts}: after/before CPU of clean() {statistics.mean(means):.3f} ± {spread:.3f} over "
          f"{len(means)} sample(s) ({args.before} -> {args.after})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
