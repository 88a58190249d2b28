"""Speed and memory of ``news-cleaner batch`` and of a pre-commit-sized ``check`` (not a test).

    python bench/batch.py                      # 20,000 records; memory also at 100,000
    python bench/batch.py --records 2000 --memory-records 10000 --skip-codespell   # quick look

Prints, for records built from the shared article bodies
(``../shared/data/extraction/scrapinghub/ground-truth.json``):

- records/s of ``news-cleaner batch`` with ``--jobs 1`` and ``--jobs 2`` and the speed-up;
- the CPU time of the whole process tree (parent + workers: ``RUSAGE_CHILDREN`` of this script around
  each run) of ``batch`` and of a minimal ``multiprocessing.Pool`` + ``ftfy.fix_text`` script (PEER)
  over the same records with the same number of processes, and their ratio;
- the peak memory of the whole process tree (parent + workers, summed PSS sampled every 200 ms) for
  N and for ``--memory-records`` records: streaming means it must not grow with the input;
- the wall time of ``news-cleaner check FILE`` on one small text file with a cold cache, next to
  codespell's on the same file, and whether trafilatura was imported (it must not be for text);
- with ``--split``: where the CPU of one in-process batch (``--jobs 1``) goes, stage by stage (the
  learning pass and each family's features, parsing, the Document, cleaning, annotation, output).

Records cycle through the 121 bodies; each gets its own id and a URL on one of 4,000 hosts, so no host
sees the same body twice and site-boilerplate learning (which runs, as by default) does not mistake the
repetition for boilerplate. Timings on a shared machine are noisy: run it more than once.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
GROUND_TRUTH = ROOT.parent / "shared" / "data" / "extraction" / "scrapinghub" / "ground-truth.json"
FALLBACK = ROOT / "fixtures" / "corpus" / "scrapinghub-bodies.json"


def bodies() -> list:
    path = GROUND_TRUTH if GROUND_TRUTH.exists() else FALLBACK
    data = json.loads(path.read_text(encoding="utf-8"))
    return [(v.get("url") or "", v["articleBody"]) for v in data.values() if v.get("articleBody")]


def write_records(path: Path, count: int) -> None:
    items = bodies()
    with open(path, "w", encoding="utf-8") as handle:
        for index in range(count):
            url, body = items[index % len(items)]
            record = {"id": index, "url": f"https://s{index % 4000}.example.org/{index}", "source_url": url,
                      "text": body}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


ENV = dict(os.environ)


def snapshot(work: Path) -> str:
    """Freeze the code under test: copy ``cleaner/`` and ``rules/`` (as ``cleaner.rules``) into the work
    directory and put it first on PYTHONPATH, so edits landing in a shared tree during a long run do not
    change the code between the runs being compared."""
    target = work / "snapshot"
    shutil.copytree(ROOT / "cleaner", target / "cleaner", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "rules", target / "cleaner" / "rules", ignore=shutil.ignore_patterns("__pycache__"))
    # byte-compile it, as pip does on install: otherwise a PYTHONDONTWRITEBYTECODE environment makes every
    # timed start compile the package from source (~0.05 s)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(target)], check=True, stdout=subprocess.DEVNULL)
    ENV["PYTHONPATH"] = str(target) + (os.pathsep + ENV["PYTHONPATH"] if ENV.get("PYTHONPATH") else "")
    # and build its start-up snapshot (cleaner/snapshot.py), as the first run after an install does:
    # otherwise the first timed run pays for building it (about a second)
    sample = work / "warm-up.txt"
    sample.write_text(bodies()[0][1], encoding="utf-8")
    subprocess.run([sys.executable, "-m", "cleaner", "check", "--no-cache", "--isolated", str(sample)], env=ENV,
                   cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    where = subprocess.run([sys.executable, "-c", "import cleaner.rules, cleaner; print(cleaner.__file__)"],
                           env=ENV, capture_output=True, text=True, cwd=work).stdout.strip()
    if not where.startswith(str(target)):
        raise SystemExit(f"snapshot not picked up: cleaner imported from {where!r}")
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "cleaner", "rules"], cwd=ROOT, capture_output=True,
                               text=True).stdout.strip()
    except OSError:
        return "unknown"
    return head + (" + uncommitted changes" if dirty else "")


# The peer: what any batch cleaner must at least do (read JSONL, fix the text, write JSONL) over a Pool.
PEER = r"""
import json, sys
from multiprocessing import Pool

import ftfy


def work(line):
    record = json.loads(line)
    record["clean_text"] = ftfy.fix_text(record["text"])
    return json.dumps(record, ensure_ascii=False)


if __name__ == "__main__":
    source, target, jobs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(source, encoding="utf-8") as lines, open(target, "w", encoding="utf-8") as out, Pool(jobs) as pool:
        for line in pool.imap(work, lines, chunksize=16):
            out.write(line + "\n")
        pool.close()
        pool.join()
"""


# Where a batch's CPU goes, in one process (--jobs 1, the snapshot's code): each stage's CPU seconds,
# taken by wrapping the functions cleaner.batch calls (their own time, the stages do not nest but for
# clean_record, which holds the cleaning and the annotation: printed apart).
SPLIT = r"""
import json, sys, time

import cleaner.batch as batch
import cleaner.checks as checks
import cleaner.document as document
from cleaner import Cleaner

spent = {}
learning = []  # non-empty inside the learning pass: a stage's time there is a part of the pass's (indented)


def timed(owner, name, label):
    function = getattr(owner, name)

    def wrapper(*args, **kwargs):
        key = f"  learning: {label.strip()}" if learning and name != "learn_pass" else label
        if name == "Tokens" and not learning:
            key = f"  clean: {label}"  # (built inside Cleaner.run)
        if name == "learn_pass":
            learning.append(True)
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[key] = spent.get(key, 0.0) + time.process_time() - start
            if name == "learn_pass":
                learning.pop()
    setattr(owner, name, wrapper)


for name, label in (("learn_pass", "learning pass"), ("parse_line", "parse a JSON line"),
                    ("document_for", "make the Document"), ("run_document", "clean (Cleaner.run)"),
                    ("annotation", "annotate"), ("output_line", "write the JSON line")):
    timed(batch, name, label)
for family, module in checks.FAMILY_MODULES.items():
    if getattr(module, "features", None) is not None:
        timed(module, "features", f"features {family}")
timed(document, "Tokens", "the name tokens (Document.tokens)")
source, target = sys.argv[1], sys.argv[2]
start = time.process_time()
batch.run_batch(source, target, Cleaner(), batch.BatchOptions(), jobs=1)
total = time.process_time() - start
spent["other (reading, the executor, warm-up, stats)"] = total - sum(v for k, v in spent.items() if not k.startswith(" "))
print(json.dumps({"total": total, **spent}))
"""


def split(records: Path, work: Path) -> dict:
    """``SPLIT``'s CPU seconds by stage of one in-process batch over ``records``."""
    script = work / "split.py"
    script.write_text(SPLIT, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(records), str(work / "split.jsonl")], check=True, env=ENV,
                          cwd=work, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def children_cpu() -> float:
    """User + system CPU seconds of every finished (waited-for) descendant of this process."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def peer(records: Path, jobs: int, work: Path) -> dict:
    script = work / "peer.py"
    script.write_text(PEER, encoding="utf-8")
    before = children_cpu()
    started = time.perf_counter()
    subprocess.run([sys.executable, str(script), str(records), str(work / f"peer-{jobs}.jsonl"), str(jobs)], check=True,
                   env=ENV, cwd=work)
    return {"seconds": time.perf_counter() - started, "cpu": children_cpu() - before}


def run_measured(args: list, cwd: Path) -> tuple:
    """(wall seconds, peak PSS and peak RSS of the process tree in MB, stderr, CPU seconds of the tree).

    PSS (proportional set size) splits each shared page between the processes sharing it, so the sum
    over parent and workers is the memory the tree really holds; summed RSS counts pages the forked
    workers share with the parent once per process.
    """
    started = time.perf_counter()
    cpu_before = children_cpu()
    proc = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=ENV)
    root = psutil.Process(proc.pid)
    peak_pss = peak_rss = 0
    while proc.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak_rss = max(peak_rss, sum(p.memory_info().rss for p in tree))
            peak_pss = max(peak_pss, sum(p.memory_full_info().pss for p in tree))
        except psutil.Error:
            pass
        time.sleep(0.2)
    stderr = proc.stderr.read()
    elapsed = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}):\n{stderr}")
    return elapsed, peak_pss / 1e6, peak_rss / 1e6, stderr, children_cpu() - cpu_before


def batch(records: Path, jobs: int, work: Path, extra: tuple = ()) -> dict:
    summary = work / f"summary-{records.stem}-{jobs}.json"
    args = [sys.executable, "-m", "cleaner", "batch", str(records), "-o", str(work / f"out-{jobs}.jsonl"),
            "--jobs", str(jobs), "--quiet", "--isolated", "--summary-json", str(summary),
            "--rejects", str(work / "rejects.jsonl"), *extra]
    elapsed, pss, rss, _, cpu = run_measured(args, work)
    data = json.loads(summary.read_text())
    return {"jobs": jobs, "records": data["records"], "seconds": elapsed, "rate": data["records"] / elapsed,
            "peak_mb": pss, "peak_rss_mb": rss, "verdicts": data["verdicts"], "rejected": data["rejected"], "cpu": cpu}


def timed(args: list, cwd: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def check_latency(work: Path, repeat: int, skip_codespell: bool) -> list:
    """Cold-cache ``check`` on small files (each run gets a fresh cache dir), next to codespell."""
    items = bodies()
    small = min((b for _, b in items if 1500 <= len(b) <= 3000), key=len)
    files = {"clean article": small, "seed article": (ROOT / "fixtures" / "seed" / "article.txt").read_text("utf-8")}
    rows = []
    for label, text in files.items():
        path = work / f"{label.replace(' ', '-')}.txt"
        path.write_text(text, encoding="utf-8")
        times = []
        for attempt in range(repeat):
            cache = work / f"cache-{label[:4]}-{attempt}"
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "cleaner", "check", str(path), "--isolated", "--cache-dir", str(cache)],
                           cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
            times.append(time.perf_counter() - started)
        warm = timed([sys.executable, "-m", "cleaner", "check", str(path), "--isolated", "--cache-dir",
                      str(work / f"cache-{label[:4]}-0")], work, repeat)
        codespell = None
        program = shutil.which("codespell") or shutil.which("codespell", path=str(Path(sys.executable).parent))
        if not skip_codespell and program:
            codespell = timed([program, str(path)], work, repeat)
        imports = subprocess.run([sys.executable, "-X", "importtime", "-m", "cleaner", "check", str(path), "--no-cache",
                                  "--isolated"], cwd=work, capture_output=True, text=True, env=ENV).stderr
        rows.append({"file": label, "chars": len(text), "cold": statistics.median(times), "warm": warm,
                     "codespell": codespell, "trafilatura_imported": "trafilatura" in imports})
    html = work / "page.html"
    html.write_text(f"<html><body><article><p>{small}</p></article></body></html>", encoding="utf-8")
    imports = subprocess.run([sys.executable, "-X", "importtime", "-m", "cleaner", "check", str(html), "--no-cache",
                              "--isolated"], cwd=work, capture_output=True, text=True, env=ENV).stderr
    rows.append({"file": "html page", "chars": html.stat().st_size, "cold": None, "warm": None, "codespell": None,
                 "trafilatura_imported": "trafilatura" in imports})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--memory-records", type=int, default=100000, help="second size for the memory comparison (0: skip)")
    parser.add_argument("--memory-ignore", default="S",
                        help="also compare memory with --ignore CODES, to separate the engine from a family's data ('' to skip)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per latency measurement (median)")
    parser.add_argument("--skip-codespell", action="store_true")
    parser.add_argument("--skip-batch", action="store_true")
    parser.add_argument("--skip-latency", action="store_true", help="skip the one-file check timings")
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    parser.add_argument("--split", action="store_true",
                        help="also split one in-process batch's CPU by stage (learning pass, parsing, cleaning, output)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="news-cleaner-bench-"))
    print(f"code: {snapshot(work)} (snapshot in {work / 'snapshot'})")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} (shared machines give noisy timings)")
    try:
        if not args.skip_latency:
            print("\n## check on one small text file (median of %d runs)" % args.repeat)
            print(f"{'file':16s} {'chars':>6s} {'cold cache':>11s} {'warm cache':>11s} {'codespell':>10s}  "
                  "trafilatura imported")
        for row in ([] if args.skip_latency else check_latency(work, args.repeat, args.skip_codespell)):
            def fmt(value):
                return f"{value:.3f} s" if value is not None else "-"
            print(f"{row['file']:16s} {row['chars']:6d} {fmt(row['cold']):>11s} {fmt(row['warm']):>11s} "
                  f"{fmt(row['codespell']):>10s}  {row['trafilatura_imported']}")
        if args.skip_batch:
            return
        records = work / "records.jsonl"
        write_records(records, args.records)
        print(f"\n## batch over {args.records} records ({records.stat().st_size / 1e6:.0f} MB of JSONL)")
        print(f"{'jobs':>4s} {'seconds':>8s} {'records/s':>10s} {'peak PSS MB':>12s} {'peak RSS MB':>12s}  verdicts")
        results, peers = {}, {}
        for jobs in (1, 2):
            result = batch(records, jobs, work)
            results[jobs] = result
            print(f"{jobs:4d} {result['seconds']:8.1f} {result['rate']:10.1f} {result['peak_mb']:12.0f} "
                  f"{result['peak_rss_mb']:12.0f}  {result['verdicts']}")
            peers[jobs] = peer(records, jobs, work)
        print(f"speed-up --jobs 2 / --jobs 1: {results[2]['rate'] / results[1]['rate']:.2f}x (target >= 1.7x on 2 free cores)")
        print("\n## CPU seconds of the process tree (parent + workers), batch vs PEER (Pool + ftfy.fix_text)")
        print(f"{'jobs':>4s} {'batch CPU':>10s} {'PEER CPU':>9s} {'ratio':>6s} {'batch ms/rec':>13s} {'PEER ms/rec':>12s}")
        for jobs in (1, 2):
            ratio = results[jobs]["cpu"] / peers[jobs]["cpu"]
            print(f"{jobs:4d} {results[jobs]['cpu']:10.1f} {peers[jobs]['cpu']:9.1f} {ratio:5.2f}x "
                  f"{1000 * results[jobs]['cpu'] / args.records:13.2f} {1000 * peers[jobs]['cpu'] / args.records:12.2f}")
        print("target: batch <= 3x PEER")
        same = (work / "out-1.jsonl").read_bytes() == (work / "out-2.jsonl").read_bytes()
        print(f"--jobs 1 and --jobs 2 outputs identical: {same}")
        if args.split:
            stages = split(records, work)
            total = stages.pop("total")
            print(f"\n## where the CPU of one in-process batch goes (--jobs 1, {args.records} records, {total:.1f} s)")
            rank = {"learning pass": 0, "  learning": 1, "clean (Cleaner.run)": 2, "  clean": 3}
            order = sorted(stages, key=lambda label: rank.get(label, rank.get(label.split(":")[0], 4)))
            for label, seconds in ((label, stages[label]) for label in order):
                print(f"{label:48s} {seconds:7.2f} s {100 * seconds / total:5.1f}%")
        if args.memory_records:
            big = work / "records-big.jsonl"
            write_records(big, args.memory_records)
            result = batch(big, 2, work)
            print(f"\n## memory: {args.records} vs {args.memory_records} records (--jobs 2)")
            print(f"peak PSS MB of the process tree: {results[2]['peak_mb']:.0f} vs {result['peak_mb']:.0f} "
                  f"(summed RSS {results[2]['peak_rss_mb']:.0f} vs {result['peak_rss_mb']:.0f}; "
                  f"{result['rate']:.1f} records/s on the larger input; target: no growth, < 300 MB)")
            if args.memory_ignore:
                extra = ("--ignore", args.memory_ignore)
                small, large = batch(records, 2, work, extra), batch(big, 2, work, extra)
                print(f"with --ignore {args.memory_ignore}: peak PSS MB {small['peak_mb']:.0f} vs {large['peak_mb']:.0f} "
                      f"({small['rate']:.1f} and {large['rate']:.1f} records/s)")
    finally:
        if args.keep:
            print(f"work directory kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
