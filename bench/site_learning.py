"""What the site-boilerplate first pass costs ``check`` over a folder (not a test).

    python bench/site_learning.py              # 100 pages and 100 text files, 3 rounds
    python bench/site_learning.py --files 40 --rounds 2

Two folders are built in a temporary directory:

- ``pages/``: the first N extraction-benchmark pages (``../shared/data/extraction/scrapinghub/html``),
  nearly all from different hosts, so the pass runs (N pages could make a site) but learns little;
- ``texts/``: N article bodies (``ground-truth.json``) as ``.txt`` files in one folder (one site by the
  folder rule), 60% ending with the same tagline, so the pass learns it and B011 fires.

For each, ``news-cleaner check`` (``--no-cache``; ``--jobs 1`` and ``2``) runs with learning and with
``--no-learn``, alternately, and the median wall time of each is printed; then the same with a warm
cache (the pre-commit / CI rerun), and the warm-cache figure again in one process, where start-up
noise does not hide the few milliseconds the pass adds. With ``--jobs 1`` the driver also counts the
pages extracted: the first pass hands its Documents to the second, so it must be N with and without
learning. Timings on a shared machine are noisy: compare the two columns of one run, not runs with
each other.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch import ENV, GROUND_TRUTH, bodies, snapshot  # noqa: E402

PAGES = GROUND_TRUTH.parent / "html"
TAGLINE = "The Daily Example is an independent newspaper owned by its readers since 1921."

COUNT_EXTRACTIONS = """
import sys
import cleaner.pipeline as pipeline
from cleaner.cli import main
calls = []
real = pipeline.extract_html
pipeline.extract_html = lambda *a, **k: calls.append(1) or real(*a, **k)
code = main(sys.argv[1:])
print(len(calls), file=sys.stderr)
"""


def build(work: Path, count: int) -> None:
    (work / "pages").mkdir()
    for path in sorted(PAGES.glob("*.html.gz"))[:count]:
        (work / "pages" / path.name[:-3]).write_bytes(gzip.decompress(path.read_bytes()))
    (work / "texts").mkdir()
    for index, (_, body) in enumerate(bodies()[:count]):
        text = body.strip() + (f"\n\n{TAGLINE}\n" if index % 5 < 3 else "\n")
        (work / "texts" / f"{index:03d}.txt").write_text(text, encoding="utf-8")


def timed(args: list, cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(args, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def check_args(folder: str, jobs: int, learn: bool, cache: bool) -> list:
    args = [sys.executable, "-m", "cleaner", "check", folder, "--jobs", str(jobs), "--exit-zero", "--quiet",
            "--statistics"]
    return args + ([] if learn else ["--no-learn"]) + ([] if cache else ["--no-cache"])


def compare(work: Path, folder: str, jobs: int, rounds: int, cache: bool) -> tuple:
    """Median seconds with learning and with --no-learn, runs alternated (cache warmed first if used)."""
    times: dict = {True: [], False: []}
    if cache:
        for learn in (True, False):
            timed(check_args(folder, jobs, learn, True), work)
    for _ in range(rounds):
        for learn in (True, False):
            times[learn].append(timed(check_args(folder, jobs, learn, cache), work))
    return statistics.median(times[True]), statistics.median(times[False])


WARM_IN_PROCESS = """
import statistics, sys, time
from cleaner.cache import FileCache, resolve_cache_dir
from cleaner.config import load_settings
from cleaner.discovery import iter_paths
from cleaner.filerun import run_files
from cleaner.pipeline import Cleaner
settings = load_settings(None)
cleaner = Cleaner(settings)
files = list(iter_paths([sys.argv[1]], settings))
times = {True: [], False: []}
for round in range(int(sys.argv[2]) + 1):
    for learn in (True, False):
        cache = FileCache(resolve_cache_dir(settings), settings)
        started = time.perf_counter()
        run_files(cleaner, files, fix=False, jobs=1, cache=cache, learn=learn)
        if round:  # the first round warms the cache
            times[learn].append(time.perf_counter() - started)
print(statistics.median(times[True]), statistics.median(times[False]))
"""


COUNT_CALLS = """
import cProfile, io, os, pstats, sys
from cleaner.cli import main
folder = sys.argv[1]
args = ["check", folder, "--no-cache", "--quiet", "--exit-zero", "--statistics", "--jobs", "1"]
main(args + ["--no-learn"])  # loads every lazy table first, so the counted runs compare like with like
for extra in ([], ["--no-learn"]):
    profile = cProfile.Profile()
    profile.enable()
    main(args + extra)
    profile.disable()
    print(pstats.Stats(profile, stream=io.StringIO()).total_calls, file=sys.stderr)
"""


def call_counts(work: Path, folder: str) -> tuple:
    """Python function calls of one ``check --no-cache --jobs 1`` with and without learning: a
    figure the machine's load does not move."""
    proc = subprocess.run([sys.executable, "-c", COUNT_CALLS, folder], cwd=work, env=ENV, capture_output=True,
                          text=True, check=True)
    learn, plain = proc.stderr.split()[-2:]
    return int(learn), int(plain)


def warm_in_process(work: Path, folder: str, rounds: int) -> tuple:
    """Median seconds of ``run_files`` over a warm cache, with and without learning, in one process
    (no interpreter start-up in the figure: what the pass itself adds)."""
    proc = subprocess.run([sys.executable, "-c", WARM_IN_PROCESS, folder, str(rounds)], cwd=work, env=ENV,
                          capture_output=True, text=True, check=True)
    learn, plain = proc.stdout.split()
    return float(learn), float(plain)


def extractions(work: Path, learn: bool) -> int:
    args = [sys.executable, "-c", COUNT_EXTRACTIONS, *check_args("pages", 1, learn, False)[3:]]
    proc = subprocess.run(args, cwd=work, env=ENV, capture_output=True, text=True)
    return int(proc.stderr.strip().splitlines()[-1])


def b011_count(work: Path, folder: str) -> int:
    args = [sys.executable, "-m", "cleaner", "check", folder, "--select", "B011", "--format", "json", "--no-cache"]
    return len(json.loads(subprocess.run(args, cwd=work, env=ENV, capture_output=True, text=True).stdout or "[]"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        code = snapshot(work)
        build(work, args.files)
        print(f"code: {code}; {args.files} files per folder; median of {args.rounds} runs (seconds)")
        print(f"B011 findings: pages {b011_count(work, 'pages')}, texts {b011_count(work, 'texts')}")
        print(f"pages extracted (--jobs 1): learning {extractions(work, True)}, --no-learn {extractions(work, False)}")
        for folder in ("pages", "texts"):
            learn, plain = call_counts(work, folder)
            print(f"{folder}: function calls of check --no-cache --jobs 1: learning {learn:,}, --no-learn {plain:,} "
                  f"({(learn - plain) / plain:+.1%})")
        for folder in ("pages", "texts"):
            learn, plain = warm_in_process(work, folder, 20)
            print(f"{folder}: run_files over a warm cache, in-process, median of 20: learning {learn * 1000:.1f} ms, "
                  f"--no-learn {plain * 1000:.1f} ms ({(learn - plain) * 1000:+.1f} ms)")
        print(f"{'folder':8s} {'jobs':>4s} {'cache':>6s} {'learning':>9s} {'--no-learn':>11s} {'overhead':>9s}")
        for folder in ("pages", "texts"):
            for jobs in (1, 2):
                for cache in (False, True):
                    learn, plain = compare(work, folder, jobs, args.rounds, cache)
                    print(f"{folder:8s} {jobs:4d} {'warm' if cache else 'off':>6s} {learn:9.2f} {plain:11.2f} "
                          f"{(learn - plain) / plain:+9.1%}")


if __name__ == "__main__":
    main()
