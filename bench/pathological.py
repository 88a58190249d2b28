"""Hostile inputs, one per line: CPU time and peak memory of cleaning each, beside its size and its time
per MB against a normal article's (issue 17: every case linear, within 3x of a normal article per MB).

    python bench/pathological.py               # all cases; the big file is --big-mb MB (default 50)
    python bench/pathological.py --big-mb 5    # a quicker run
    python bench/pathological.py --article-mb 10   # also one 10 MB text article (cleaned in parts)

Each case runs in a fresh process (so peak memory is its own) after a warm-up clean of twenty other
fixture articles (so the lexicon and other lazy loads are not timed, in the baseline either), and is timed with
``time.process_time`` (CPU, not wall time: the machine is shared). A case over ``--limit`` CPU seconds is
stopped and reported as such.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, resource, sys, time
from cleaner import Cleaner
case, path = sys.argv[1], sys.argv[2]
cleaner = Cleaner(CONFIG)
cleaner.clean(open(sys.argv[3], encoding="utf-8").read())  # warm: other articles, so lazy loads are not timed
data = open(path, encoding="utf-8").read()
def cpu_now():  # this process and any worker it waited for
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime
start = cpu_now()
if case == "file":  # the whole command, as a user runs it (its garbage-collector settings included)
    import os
    from cleaner.cli import main
    main(["check", "--isolated", "--no-cache", "--exit-zero", "--quiet", "--output-file", os.devnull, path])
else:
    cleaner.clean(data, kind=KIND)
cpu = cpu_now() - start
print(json.dumps({"cpu": cpu, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def normal_article(first: int = 0) -> str:
    """Twenty of the fixture bodies from ``first`` on as one article (0: the baseline; 20: the warm-up)."""
    bodies = json.loads((ROOT / "fixtures" / "corpus" / "scrapinghub-bodies.json").read_text(encoding="utf-8"))
    return "\n\n".join(list(v["articleBody"] for v in bodies.values())[first:first + 20])


def cases(big_mb: float, tmp: Path, article_mb: float = 0.0) -> list:
    """(name, file, kind, config) for each hostile input."""
    article = normal_article()
    pack = tmp / "pack.toml"
    pack.write_text('[[rule]]\ncode = "B901"\nmessage = "x"\npattern = "a*a*a*a*a*a*b"\n', encoding="utf-8")
    line = " ".join(article.split())
    out = [
        ("normal article", article, "text", None),
        ("one long word (10,000 letters)", "The mayor said " + "a" * 10000 + " today.", "text", None),
        ("one long line (1 MB)", (line + " ") * (1_000_000 // (len(line) + 1)), "text", None),
        ("many quote marks (20,000)", '"' * 20000, "text", None),
        ("deep HTML (5,000 nested divs)", "<html><body>" + "<div>" * 5000 + "<p>The mayor spoke.</p>"
         + "</div>" * 5000 + "</body></html>", "html", None),
        ("catastrophic user regex", "The mayor said " + "a" * 120 + "c today.\n", "text",
         {"extend-rules": [str(pack)]}),
    ]
    records = [json.dumps({"id": i, "text": article}) for i in range(int(big_mb * 1e6 // len(article)) + 1)]
    out.append(("deep JSON line + records (file)", None, "file:jsonl", ["[" * 100000] + records[:50]))
    out.append((f"{big_mb:g} MB article file (JSONL)", None, "file:jsonl", records))
    if article_mb:  # one article: cleaned in parts of cleaner.parts.PART_CHARS, so memory stays bounded
        copies = int(article_mb * 1e6 // len(article)) + 1
        out.append((f"{article_mb:g} MB single article (text)", None, "file:txt", ["\n\n".join([article] * copies)]))
    return out


def run_case(name: str, text, kind: str, extra, tmp: Path, limit: float) -> dict:
    if kind.startswith("file"):
        path = tmp / f"case-{abs(hash(name))}.{kind.partition(':')[2]}"
        path.write_text("\n".join(extra) + "\n", encoding="utf-8")
        config, case = None, "file"
    else:
        path = tmp / f"case-{abs(hash(name))}.txt"
        path.write_text(text, encoding="utf-8")
        config, case = extra, "text"
    code = CHILD.replace("CONFIG", repr(config)).replace("KIND", repr(kind if not kind.startswith("file") else "text"))
    size = path.stat().st_size
    try:
        done = subprocess.run([sys.executable, "-c", code, case, str(path), str(tmp / "warm.txt")], capture_output=True, text=True,
                              timeout=limit, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"name": name, "mb": size / 1e6, "error": f"over {limit:g} s (wall)"}
    if done.returncode:
        return {"name": name, "mb": size / 1e6, "error": done.stderr.strip().splitlines()[-1][:120]}
    return {"name": name, "mb": size / 1e6, **json.loads(done.stdout.strip().splitlines()[-1])}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--big-mb", type=float, default=50.0, help="size of the big article file (MB)")
    parser.add_argument("--article-mb", type=float, default=0.0,
                        help="also one text article of this many MB (0: none), checked as a file")
    parser.add_argument("--limit", type=float, default=600.0, help="seconds a case may take")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        (tmp / "warm.txt").write_text(normal_article(20), encoding="utf-8")
        rows = [run_case(*case, tmp, args.limit) for case in cases(args.big_mb, tmp, args.article_mb)]
    base = rows[0]
    per_mb = base["cpu"] / base["mb"]
    print(f"{'case':38s} {'size MB':>9s} {'CPU s':>8s} {'s/MB':>8s} {'x normal':>9s} {'peak MB':>8s}")
    for row in rows:
        if "error" in row:
            print(f"{row['name']:38s} {row['mb']:9.3f}  {row['error']}")
            continue
        rate = row["cpu"] / max(row["mb"], 1e-9)
        print(f"{row['name']:38s} {row['mb']:9.3f} {row['cpu']:8.2f} {rate:8.2f} {rate / per_mb:9.2f} {row['peak_mb']:8.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
