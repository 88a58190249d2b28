"""Cold start: ``news-cleaner check one.txt`` beside ``codespell one.txt``, CPU time, in one run.

    .venv/bin/python bench/cold_start.py            # best of 5 starts of each, two cache states
    .venv/bin/python bench/cold_start.py --repeat 9

Each command runs as a fresh process on one article (a body of ``fixtures/corpus``, written to a
temporary directory); its CPU (user + system, from ``getrusage`` of the finished child) is measured
and the best of ``--repeat`` starts counts. ``news-cleaner`` runs with ``--no-cache``, so the result
cache never answers. Two states: with the user's own ``HOME`` (whatever ``~/.cache`` holds), and with
``HOME`` pointed at a new empty temporary directory for every start (a machine that never ran it). Target: <= 2.5x
codespell in both.

Both tools start from bytecode, as an installed wheel does (pip byte-compiles at install): codespell's
``__pycache__`` is in site-packages, while an editable checkout run with ``PYTHONDONTWRITEBYTECODE=1``
would compile every module of ``cleaner`` from source at every start (about 0.08 s that no user pays).
So the bench byte-compiles ``cleaner`` first (``compileall``, the files pip would write);
``--source`` skips that and times the from-source start too.

Likewise the start-up snapshot (``cleaner/snapshot.py``: lexicon, gazetteer, parsed packs, written
beside the package by the first run) is built by one untimed start before the timed ones; the line
``first start`` times one start that builds it (``NEWS_CLEANER_DATA_CACHE`` pointed at an empty
directory), what the first run after an install or an edit of ``rules/`` costs.

``--heldout-seeds 1 2 3 4 5`` times, for each seed, one article drawn from the ``heldout`` part of the
clean news corpus (``bench/corpus_split.py``) instead of the dev body: each seed's ratio (own
``~/.cache``) and their mean and spread, on articles no speed change was tuned on.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BODIES = ROOT / "fixtures" / "corpus" / "scrapinghub-bodies.json"


def child_cpu(command: list, env: dict, cwd: str) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else name


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--source", action="store_true", help="do not byte-compile cleaner first")
    parser.add_argument("--heldout-seeds", type=int, nargs="+", metavar="SEED",
                        help="time one held-out corpus article per seed instead of the dev body")
    args = parser.parse_args(argv)
    if not args.source:
        import compileall

        compileall.compile_dir(str(ROOT / "cleaner"), quiet=1)
    if args.heldout_seeds:
        return heldout(args.heldout_seeds, args.repeat)
    body = list(json.loads(BODIES.read_text(encoding="utf-8")).values())[3]["articleBody"]
    with tempfile.TemporaryDirectory() as work:
        Path(work, "one.txt").write_text(body, encoding="utf-8")
        ours = [tool("news-cleaner"), "check", "--no-cache", "--isolated", "one.txt"]
        theirs = [tool("codespell"), "one.txt"]

        env = dict(os.environ)
        env.pop("NEWS_CLEANER_DATA_CACHE", None)
        child_cpu(ours, env, work)  # untimed: builds the snapshot if it is missing or stale
        with tempfile.TemporaryDirectory() as empty:
            first = child_cpu(ours, dict(env, NEWS_CLEANER_DATA_CACHE=empty), work)
        print(f"    first start: news-cleaner check {first:.3f}s (builds the start-up snapshot)")

        def best(command: list, home) -> float:
            times = []
            for _ in range(args.repeat):
                with tempfile.TemporaryDirectory() as empty:  # a new empty HOME for every start
                    env = dict(os.environ, HOME=home or empty)
                    env.pop("XDG_CACHE_HOME", None)
                    env.pop("NEWS_CLEANER_DATA_CACHE", None)
                    times.append(child_cpu(command, env, work))
            return min(times)

        for label, home in (("own ~/.cache", os.environ.get("HOME")), ("empty ~/.cache", None)):
            nc, cs = best(ours, home), best(theirs, home)
            print(f"{label:>15}: news-cleaner check {nc:.3f}s  codespell {cs:.3f}s  ratio {nc / cs:.2f}x (target <= 2.5x)")
    return 0


def heldout(seeds: list, repeat: int) -> int:
    """``news-cleaner check`` / ``codespell`` on one held-out article per seed (own ``~/.cache``)."""
    import random
    import statistics

    sys.path.insert(0, str(ROOT / "bench"))
    from corpus_split import articles

    pool = [rec["text"] for rec in articles("heldout") if rec.get("text", "").strip()]
    env = dict(os.environ)
    env.pop("NEWS_CLEANER_DATA_CACHE", None)
    ratios = []
    with tempfile.TemporaryDirectory() as work:
        ours = [tool("news-cleaner"), "check", "--no-cache", "--isolated", "one.txt"]
        theirs = [tool("codespell"), "one.txt"]
        for seed in seeds:
            text = random.Random(seed).choice(pool)
            Path(work, "one.txt").write_text(text, encoding="utf-8")
            child_cpu(ours, env, work)  # untimed: the snapshot, and the regex code this article's rules learn
            nc = min(child_cpu(ours, env, work) for _ in range(repeat))
            cs = min(child_cpu(theirs, env, work) for _ in range(repeat))
            ratios.append(nc / cs)
            print(f"seed {seed}: {len(text.split()):5d} words  news-cleaner check {nc:.3f}s  codespell {cs:.3f}s  "
                  f"ratio {nc / cs:.2f}x")
    spread = statistics.stdev(ratios) if len(ratios) > 1 else 0.0
    print(f"held-out mean {statistics.mean(ratios):.2f}x +- {spread:.2f} over {len(seeds)} seeds (target <= 2.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
