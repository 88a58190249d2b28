"""CPU of each G pass (and of S, the token model and the language test) over a split, and a digest of
each pass's candidates.

Usage::

    python bench/g_passes.py [--split dev|clean|FILE.jsonl] [--rounds 3]

What it times is what ``bench/sg_ab.py`` times (``Cleaner(select=["S", "G"]).detect`` of each text of
the split, after the same warm-up), cut by where the CPU goes: each pass of ``names.PASSES`` in its
rank, run as ``names.run`` runs it (so the per-text indexes a pass builds first, such as
``Tokens.where``'s or ``Tokens.headlines``, are charged to it, as in the pipeline), the G5xx phrase
packs, the S family, the token model and the language test. CPU time (``time.process_time``) with the
garbage collector paused, as ``detect`` pauses it. Printed: each part's seconds summed over the rounds
and its share of the whole, largest first, with the texts where each pass found a candidate (a pass
that finds nothing in most texts costs what its search costs: the price a precondition that skips it
could save, at most); then each pass's candidate digest (md5 of every candidate of every text, first
round): a pure speed change leaves every digest as it was (compare two runs).
One run's shares move a few points with the machine's load; ``bench/sg_ab.py`` compares two versions.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="dev", help="dev, clean, or a JSONL file of records with a 'text'")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from sg_ab import texts_of

    from cleaner import Cleaner
    from cleaner.checks import names, spelling
    from cleaner.lexicon import lexicon
    from cleaner.pipeline import WARM_UP_TEXT

    texts = texts_of(args.split)
    checker = Cleaner(select=["S", "G"])
    checker.check(WARM_UP_TEXT)
    lexicon().finish_loading()
    checker.detect(checker.document(texts[0], kind="text"))
    clock = time.process_time
    spent: dict = defaultdict(float)
    digests = {name: hashlib.md5() for name, *_ in names.PASSES}
    fired: dict = defaultdict(int)  # pass -> texts where it found a candidate (first round)
    total = 0.0
    gc.disable()
    try:
        for round_number in range(args.rounds):
            for text in texts:
                start = clock()
                doc = checker.document(text, kind="text")
                toks = doc.tokens
                spent["token model"] += clock() - start
                mark = clock()
                ctx = checker._context(doc)
                spent["language test"] += clock() - mark
                mark = clock()
                spelling.run(doc, ctx)
                spent["S"] += clock() - mark
                if ctx.is_target_language:
                    found: dict = {}
                    for name, _, check, reads in names.PASSES:
                        mark = clock()
                        found[name] = check(doc, ctx, toks, found[reads]) if reads else check(doc, ctx, toks)
                        spent[name] += clock() - mark
                        if round_number == 0:
                            digests[name].update(repr([_key(c) for c in found[name]]).encode())
                            fired[name] += bool(found[name])
                    mark = clock()
                    names.phrases(doc, ctx)
                    spent["G5xx phrases"] += clock() - mark
                total += clock() - start
                gc.collect()
    finally:
        gc.enable()
    print(f"{args.split}: {len(texts)} texts x {args.rounds} rounds, {total:.3f} s CPU (S+G detect)")
    for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        found_in = f"  found something in {fired[name]:4d} of {len(texts)} texts" if name in digests else ""
        print(f"{name:24s} {seconds:8.3f} s {100 * seconds / total:5.1f}%{found_in}")
    print("candidate digests (first round):")
    for name, digest in digests.items():
        print(f"{name:24s} {digest.hexdigest()[:12]}")


def _key(candidate) -> tuple:
    """What a candidate holds, as plain data (a finding by its ``to_dict``)."""
    f = candidate.finding
    return (None if f is None else f.to_dict(), candidate.take, candidate.test, candidate.overlap, candidate.needs)


if __name__ == "__main__":
    main()
