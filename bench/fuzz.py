"""Fuzz clean, check, fix on files and batch lines with generated hostile news copy: 100,000 examples
and more, over several processes, seeded and resumable.

The inputs and properties are ``tests/hostile_inputs.py``'s (the suite runs a few hundred of them in
``tests/test_fuzz.py``): news sentences with quote marks, mojibake, control, bidi and invisible
characters, lone surrogates, NUL, CR-only newlines, long tokens, HTML fragments, bad URLs and legacy
code pages mixed in; and (``chain-text``) the same copy with short runs of mojibake and quotation characters
repeated and paragraphs of words in mixed quotation marks, where one repair makes the next round's input. Work is cut into chunks of ``--chunk`` examples of one property under one seed
(hypothesis, no example database); each finished chunk is appended to ``--state`` (JSONL), and a
rerun with the same ``--seed`` skips the chunks already done. Failures are printed with hypothesis's
shrunk falsifying example and kept in the state file.

    python bench/fuzz.py --examples 100000 --jobs 2            # prints counts per property and failures
    python bench/fuzz.py --examples 100000 --jobs 2            # again: resumes where it stopped
    python bench/fuzz.py --examples 40000 --only chain-text chain-text-unsafe   # 3,200 + 2,000 of these
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
import traceback
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

#: (property, share of the examples)
PROPERTIES = {
    "clean-text": 0.22,
    "clean-text-unsafe": 0.10,
    "chain-text": 0.08,  # news copy with repeated runs and paragraphs of mixed marks (hostile_inputs.chain_texts)
    "chain-text-unsafe": 0.05,
    "clean-html": 0.10,
    "check-text": 0.10,
    "fix-file": 0.20,
    "batch-line": 0.15,
}


def _test_for(name: str, count: int, seed: int, counter: list):
    """A hypothesis test running ``count`` examples of property ``name`` under ``seed``."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as seeded

    import hostile_inputs as h
    from cleaner.pipeline import Cleaner

    cleaner = Cleaner(unsafe_fixes=name.endswith("unsafe"))
    strategy = {"clean-text": h.news_texts(), "clean-text-unsafe": h.news_texts(), "clean-html": h.html_pages(),
                "chain-text": h.chain_texts(), "chain-text-unsafe": h.chain_texts(),
                "check-text": h.news_texts(), "fix-file": h.file_bytes(), "batch-line": h.record_lines()}[name]

    def run(example):
        counter[0] += 1
        if name == "clean-html":
            h.assert_clean_properties(cleaner, example, kind="html")
        elif name.startswith(("clean-text", "chain-text")):
            h.assert_clean_properties(cleaner, example, kind="text")
        elif name == "check-text":
            h.assert_check_properties(cleaner, example)
        elif name == "fix-file":
            with tempfile.TemporaryDirectory() as folder:
                h.assert_fix_file_properties(cleaner, folder, *example)
        else:
            h.assert_batch_properties(cleaner, example)

    config = settings(max_examples=count, deadline=None, database=None, phases=[Phase.generate, Phase.shrink],
                      suppress_health_check=list(HealthCheck), print_blob=False)
    return seeded(seed)(config(given(strategy)(run)))


def run_chunk(name: str, count: int, seed: int) -> dict:
    """Run one chunk; its example count, CPU seconds and failure (hypothesis's report), if any."""
    counter = [0]
    started = time.process_time()
    failure = None
    try:
        _test_for(name, count, seed, counter)()
    except BaseException as exc:  # noqa: BLE001 - every failure is reported, none ends the run
        if isinstance(exc, KeyboardInterrupt):
            raise
        failure = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))[-4000:]
    return {"property": name, "seed": seed, "count": count, "run": counter[0],
            "cpu": round(time.process_time() - started, 2), "failure": failure}


def plan(examples: int, chunk: int, seed: int) -> list:
    """Every chunk of the run: (property, examples, seed), the seeds derived from ``--seed``, the
    properties taken in turn in proportion to their shares (a run stopped early has fuzzed each of them;
    in property order, 30,000 examples of clean-text came before the first file was fixed).

    >>> [name for name, _, _ in plan(2000, 250, 1)][:6]
    ['clean-text', 'fix-file', 'batch-line', 'clean-text-unsafe', 'chain-text', 'chain-text-unsafe']
    >>> len(plan(100_000, 250, 1)), sum(n for _, n, _ in plan(100_000, 250, 1))
    (400, 100000)
    """
    chunks = []
    for index, (name, share) in enumerate(PROPERTIES.items()):
        total = max(chunk, round(examples * share))
        for k in range(0, total, chunk):
            place = (k + chunk / 2) / total  # how far into its own share this chunk is
            chunks.append((place, index, (name, min(chunk, total - k), seed * 1_000_003 + index * 10_007 + k // chunk)))
    return [c for _, _, c in sorted(chunks)]


def use_own_tree() -> tuple:
    """Fuzz this tree's code with this tree's rules: ``(the cleaner package's folder, the rules folder)``,
    both inside this tree. An editable install maps ``cleaner.rules`` to the tree that installed it, so
    a tree exported from git (a fixed commit of main, fuzzed while the working tree moves on) read the
    installing tree's rules with its own code: every example failed with a KeyError of a rule section the
    exported commit had added. The install's finders are dropped first (as ``bench/sg_ab.py`` does), so
    ``cleaner`` and ``rules/`` come from beside this script; the workers, forked, inherit that."""
    sys.meta_path[:] = [f for f in sys.meta_path if not getattr(f, "__module__", "").startswith("__editable__")]
    import cleaner
    from cleaner.rulepacks import _builtin_root

    code, rules = Path(cleaner.__file__).resolve().parent, Path(str(_builtin_root())).resolve()
    if not (code.is_relative_to(ROOT) and rules.is_relative_to(ROOT)):
        raise SystemExit(f"fuzz: cleaner from {code} and rules from {rules}, not from this tree ({ROOT})")
    return code, rules


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=100_000)
    parser.add_argument("--chunk", type=int, default=250, help="examples per chunk (one property, one seed)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--only", nargs="+", choices=sorted(PROPERTIES), default=None,
                        help="run only these properties' chunks of the plan (each keeps its share of --examples)")
    parser.add_argument("--state", default=None, help="JSONL of finished chunks (default: fuzz-state-SEED.jsonl "
                                                      "in the system's temporary folder)")
    args = parser.parse_args(argv)
    state = Path(args.state or Path(tempfile.gettempdir()) / f"news-cleaner-fuzz-state-{args.seed}.jsonl")
    done = {}
    if state.exists():
        for line in state.read_text(encoding="utf-8").splitlines():
            try:
                row = json.loads(line)
                done[(row["property"], row["seed"])] = row
            except (ValueError, KeyError):
                continue
    todo = [c for c in plan(args.examples, args.chunk, args.seed)
            if (c[0], c[2]) not in done and (args.only is None or c[0] in args.only)]
    code, rules = use_own_tree()
    print(f"fuzz: the code in {code}, the rules in {rules}", flush=True)
    print(f"fuzz: {args.examples} examples planned, {len(done)} chunks already done ({state}), "
          f"{len(todo)} to run on {args.jobs} processes", flush=True)
    with state.open("a", encoding="utf-8") as out, ProcessPoolExecutor(args.jobs) as pool:
        futures = [pool.submit(run_chunk, *c) for c in todo]
        for n, future in enumerate(as_completed(futures), 1):
            row = future.result()
            done[(row["property"], row["seed"])] = row
            out.write(json.dumps(row) + "\n")
            out.flush()
            ran = sum(r["run"] for r in done.values())
            flag = "  FAILURE" if row["failure"] else ""
            print(f"[{n}/{len(todo)}] {row['property']} seed {row['seed']}: {row['run']} run, "
                  f"{row['cpu']} s CPU; {ran} examples in all{flag}", flush=True)
    rows = [r for r in done.values() if r["property"] in PROPERTIES]
    print("\nproperty            examples  failures  CPU s  ms/example")
    for name in PROPERTIES:
        mine = [r for r in rows if r["property"] == name]
        ran = sum(r["run"] for r in mine)
        cpu = sum(r["cpu"] for r in mine)
        print(f"{name:18s} {ran:9d} {sum(1 for r in mine if r['failure']):9d} {cpu:7.0f} "
              f"{1000 * cpu / max(ran, 1):10.1f}")
    failures = [r for r in rows if r["failure"]]
    print(f"{'total':18s} {sum(r['run'] for r in rows):9d} {len(failures):9d} "
          f"{sum(r['cpu'] for r in rows):7.0f}   (peak RSS of a worker {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024} MB)")
    for row in failures:
        print(f"\n--- {row['property']} seed {row['seed']}\n{row['failure']}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
