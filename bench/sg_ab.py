"""Before/after CPU of the S and G checks for two versions of the code, measured at the same time.

Usage::

    python bench/sg_ab.py BEFORE [AFTER] [--rounds 4] [--split dev|clean]

BEFORE and AFTER are git revisions of this repository (exported with ``git archive`` into a temporary
folder) or folders that hold a ``cleaner`` package; AFTER defaults to this working tree. ``--split`` also
takes a JSONL file of records with a ``text`` field (e.g. fresh seeds of held-out articles, written by
``bench/typos_generated.py --part heldout --seeds N --write FILE``).

Why: on the shared development machine the CPU time of one run moves by 10-20% with the load (its
cores' caches and hyperthreads are shared), so two runs one after the other cannot show a 5% change,
and ``bench/typos.py``'s ratio to codespell moves as much. Here each round runs both versions in two
processes started together, so both see the same load, and the pair is compared. Each process does
what ``bench/typos.py`` times: the batch warm-up (``Cleaner.check`` of ``WARM_UP_TEXT``,
``lexicon().finish_loading()``) and the first article before the clock, then one pass of S+G
``detect`` over the split (``dev``: ``../shared/data/typos/dev.jsonl``; ``clean``: the 121 ScrapingHub
bodies), CPU time (``time.process_time``). Printed: each round's seconds, and the mean and spread of
AFTER/BEFORE over the rounds (below 1: AFTER is faster).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPLITS = {
    "dev": ROOT.parent / "shared" / "data" / "typos" / "dev.jsonl",
    "clean": ROOT.parent / "shared" / "data" / "extraction" / "scrapinghub" / "ground-truth.json",
}
WORD = re.compile(r"\w+")


def texts_of(split: str) -> list:
    """The texts of a named split, or of a JSONL file's records (their ``text``)."""
    path = SPLITS.get(split, Path(split))
    if split not in SPLITS or split == "dev":
        return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [value["articleBody"] for value in json.loads(path.read_text(encoding="utf-8")).values()]


def use_tree(tree: str) -> None:
    """Import ``cleaner`` from ``tree`` with ``tree``'s own rules, and assert both: an editable install
    maps ``cleaner.rules`` to the tree that installed it, so a tree exported from git read the working
    tree's rule data and an A/B of rule data compared one set of rules with itself (stop 31). The
    install's finders are dropped first; ``rulepacks._builtin_root`` then finds ``rules/`` beside the package."""
    sys.meta_path[:] = [f for f in sys.meta_path if not getattr(f, "__module__", "").startswith("__editable__")]
    sys.path.insert(0, tree)
    import cleaner
    from cleaner.rulepacks import _builtin_root

    root = Path(tree).resolve()
    assert Path(cleaner.__file__).resolve().is_relative_to(root), cleaner.__file__
    assert Path(str(_builtin_root())).resolve().is_relative_to(root), (str(_builtin_root()), tree)


def child(tree: str, split: str) -> None:
    """One timed pass of ``tree``'s S+G over ``split``: prints the CPU seconds and the words."""
    use_tree(tree)
    from cleaner import Cleaner
    from cleaner.lexicon import lexicon
    from cleaner.pipeline import WARM_UP_TEXT

    texts = texts_of(split)
    checker = Cleaner(select=["S", "G"])
    checker.check(WARM_UP_TEXT)
    lexicon().finish_loading()
    checker.detect(checker.document(texts[0], kind="text"))
    start = time.process_time()
    for text in texts:
        checker.detect(checker.document(text, kind="text"))
    print(json.dumps({"cpu": time.process_time() - start, "words": sum(len(WORD.findall(t)) for t in texts)}))


def _tree(name: str, keep: list) -> str:
    """A folder holding the ``cleaner`` of ``name`` (a folder, or a git revision exported to a temporary one)."""
    if (Path(name) / "cleaner").is_dir():
        return name
    folder = tempfile.TemporaryDirectory(prefix="sg_ab-")
    keep.append(folder)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", name], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", folder.name], input=archive, check=True)
    return folder.name


def _round(first: str, second: str, split: str) -> tuple:
    """Both trees' CPU seconds, their processes started together."""
    runs = [subprocess.Popen([sys.executable, __file__, "--child", tree, "--split", split], stdout=subprocess.PIPE, text=True)
            for tree in (first, second)]
    return tuple(json.loads(run.communicate()[0].strip().splitlines()[-1]) for run in runs)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", nargs="?")
    parser.add_argument("after", nargs="?", default=str(ROOT))
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--split", default="dev", help=f"{' or '.join(sorted(SPLITS))}, or a JSONL file of records with a 'text'")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.split not in SPLITS and not Path(args.split).is_file():
        parser.error(f"--split: {args.split!r} is neither {' nor '.join(sorted(SPLITS))} nor a file")
    if args.child:
        child(args.child, args.split)
        return 0
    if args.before is None:
        parser.error("say which version is the one before (a git revision or a folder)")
    keep: list = []
    before, after = _tree(args.before, keep), _tree(args.after, keep)
    ratios = []
    for number in range(args.rounds):
        # (the order the two start in swapped every round)
        if number % 2:
            b, a = _round(after, before, args.split)[::-1]
        else:
            b, a = _round(before, after, args.split)
        ratios.append(a["cpu"] / b["cpu"])
        print(f"round {number + 1}: before {b['cpu']:.3f} s ({b['words'] / b['cpu']:.0f} words/s), "
              f"after {a['cpu']:.3f} s ({a['words'] / a['cpu']:.0f} words/s), after/before {ratios[-1]:.3f}")
    spread = statistics.stdev(ratios) if len(ratios) > 1 else 0.0
    print(f"{args.split}: after/before CPU {statistics.mean(ratios):.3f} ± {spread:.3f} over {len(ratios)} rounds "
          f"({args.before} -> {args.after})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
