"""What the HTML report adds to a batch: CPU time and file size at 100,000 records, memory at 10k and 100k.

    python bench/report.py [--sample 300] [--records 100000] [--keep DIR]

1. A sample of real articles (``tune`` part of ../shared/data/news_clean), a quarter of them lightly
   damaged (typos, leftover entities, a site tagline) so every verdict occurs, is cleaned by the real
   batch (``run_batch``, one process): its CPU time per record is the batch's cost.
2. The sample's output records are repeated, with fresh ids and URLs over 500 sites, into outputs of
   10,000 and ``--records`` records: what ``batch`` would have written for that many articles.
3. ``news-cleaner report`` (what ``batch --report`` runs once the batch is done) builds the page from
   each, in a child process: its CPU time (user + system) and peak memory come from ``os.wait4``.

The figure that matters is the report's CPU time over the batch's for the same number of records (the
batch extrapolated from the sample's per-record time, measured in the same run): the target is <= 5%.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus_split import CORPUS, articles  # noqa: E402

TAGLINE = "{site} is an independent newsroom funded by its readers; sign up for our daily newsletter."
SITES = 500


def damage(text: str, rng: random.Random, site: str) -> str:
    """Light, mixed damage so the sample has clean, fixable and garbled articles."""
    words = text.split(" ")
    for _ in range(rng.choice((1, 3, 12))):
        i = rng.randrange(len(words))
        word = words[i]
        if len(word) > 4 and word.isalpha():
            j = rng.randrange(1, len(word) - 2)
            words[i] = word[:j] + word[j + 1] + word[j] + word[j + 2:]
    text = " ".join(words).replace(" & ", " &amp; ").replace("'", "&#39;", 3)
    return text + "\n\n" + TAGLINE.format(site=site)


def sample_input(path: Path, size: int, seed: int, sources: set | None = None) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for n, rec in enumerate(articles("tune", sources=sources, limit=size)):
            site = f"{rec['source']}-{n % 7}.example.org"
            text = damage(rec["text"], rng, site) if n % 4 == 0 else rec["text"]
            out.write(json.dumps({"id": rec["id"], "url": f"https://{site}/{n}", "title": rec.get("title"),
                                  "text": text}) + "\n")


def clean_sample(source: Path, output: Path) -> tuple:
    """(CPU seconds, records) of the real batch over the sample, in this process."""
    from cleaner.batch import BatchOptions, run_batch
    from cleaner.config import load_settings
    from cleaner.pipeline import Cleaner

    cleaner = Cleaner(load_settings(None, isolated=True))
    cleaner.run(cleaner.document("Warm up: the council met on Tuesday.", kind="text"))  # loading is not per record
    started = time.process_time()
    stats = run_batch(str(source), str(output), cleaner, BatchOptions(), jobs=1, rejects_path=os.devnull)
    return time.process_time() - started, stats.records


def repeat_outputs(sample_output: Path, target: Path, records: int) -> None:
    """``records`` output records made from the sample's by new ids and URLs (500 sites)."""
    base = [json.loads(line) for line in sample_output.read_text(encoding="utf-8").splitlines() if line.strip()]
    with target.open("w", encoding="utf-8") as out:
        for i in range(records):
            rec = dict(base[i % len(base)])
            rec["id"] = f"{rec['id']}#{i}"
            rec["url"] = re.sub(r"//[^/]+/", f"//site{i % SITES}.example.org/", rec["url"], count=1)
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")


def report_child(output: Path, page: Path) -> tuple:
    """(CPU seconds, peak RSS in MB) of ``news-cleaner report`` over ``output``."""
    proc = subprocess.Popen([sys.executable, "-m", "cleaner", "report", str(output), "-o", str(page)])
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"news-cleaner report failed on {output}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def startup_child() -> float:
    """CPU seconds of ``python -m cleaner --version``: the start-up every child pays (the peer)."""
    proc = subprocess.Popen([sys.executable, "-m", "cleaner", "--version"], stdout=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", type=int, default=300, help="real articles cleaned by the batch (default 300)")
    parser.add_argument("--records", type=int, default=100_000, help="records in the large report (default 100,000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", metavar="DIR", help="keep the files (the sample's report is DIR/sample.html)")
    parser.add_argument("--sources", help="comma-separated corpus sources (the README's screenshot: digitalgov,18f)")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-report-"))
    work.mkdir(parents=True, exist_ok=True)
    sample_in, sample_out = work / "sample.jsonl", work / "sample-out.jsonl"
    sample_input(sample_in, args.sample, args.seed, set(args.sources.split(",")) if args.sources else None)
    batch_cpu, cleaned = clean_sample(sample_in, sample_out)
    per_record = batch_cpu / cleaned
    print(f"batch: {cleaned} real articles cleaned in {batch_cpu:.1f} s CPU ({per_record * 1000:.1f} ms a record, one process)")
    base_cpu = startup_child()
    rows = []
    for size in sorted({10_000, args.records}):
        output, page = work / f"out-{size}.jsonl", work / f"report-{size}.html"
        repeat_outputs(sample_out, output, size)
        cpu, rss = report_child(output, page)
        rows.append((size, cpu, rss, page.stat().st_size, output.stat().st_size))
        if not args.keep:
            output.unlink()
    if args.keep:
        report_child(sample_out, work / "sample.html")
    print(f"start-up of a child (python -m cleaner --version): {base_cpu:.2f} s CPU")
    for size, cpu, rss, page_bytes, out_bytes in rows:
        batch_estimate = per_record * size
        print(f"{size:>7,} records ({out_bytes / 1e6:,.0f} MB of output): report {cpu:.1f} s CPU, peak {rss:.0f} MB, "
              f"file {page_bytes / 1e3:,.0f} kB ({page_bytes / 1e3 / (size / 10_000):,.0f} kB per 10k records); "
              f"batch ~{batch_estimate:,.0f} s CPU for as many: the report adds {100 * cpu / batch_estimate:.2f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
