#!/usr/bin/env python3
"""Every family on clean British copy no rule was written from: the BBC News dataset.

The articles are the 2,095 BBC News stories of 2004-05 (business, entertainment, politics, sport, tech)
that ``github:ZitRos/news-articles-dataset`` carries as plain text (``news/<topic>/<slug>.txt``: a
headline line, then paragraphs), read from its mirror under /work/.mirror at bench time; nothing of
them is copied into this repository. The repository's licence is MIT (Copyright (c) 2017 Nikita
Savchenko); the text is the BBC's: test data only, never shipped. Get the mirror with the search
tool's ``fetch`` (``github:ZitRos/news-articles-dataset``) or point ``--mirror`` at a folder holding it.

It is edited copy in the BBC's house style (double marks for speech, single marks for terms and in
headlines, lower-case heads such as ``the Iraq war``, ``Leeds band Kaiser Chiefs``), with the slips
of a real newsroom (``analsyts``, ``offically``) and one artefact of the dataset: paragraphs run
together, so a quotation that ran over two paragraphs is open where the next one opens. Every S and G
finding is a false flag unless it names one of those slips; every applied edit changes clean copy.

The stories are split by a hash of their path into ``tune`` (50%: stop 33 looked at flags of every
part while writing rules for the families they showed) and ``heldout`` (50%: summary only, for the
stops after it). For the chosen part the script prints the findings and the applied (safe) edits per
1,000 words, by code and by the rule or pass that made them, with a few examples of each in ``tune``.

    python bench/bbc_clean.py                  # tune part, with examples
    python bench/bbc_clean.py --part heldout   # rates only
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner import Cleaner  # noqa: E402

MIRROR = Path("/work/.mirror/ZitRos+news-articles-dataset/repo")
_WORD = re.compile(r"\w+")


def part_of(path: str) -> str:
    """``tune`` or ``heldout``, fixed by the story's path.

    >>> part_of("news/business/air-china-in-1bn-london-listing.txt") in ("tune", "heldout")
    True
    """
    return "heldout" if int(hashlib.sha256(path.encode("utf-8")).hexdigest()[:8], 16) % 2 else "tune"


def stories(mirror: Path, part: str):
    """(path, text) of each story of ``part`` (``both``: all), in path order."""
    if not mirror.exists():
        sys.exit(f"no mirror at {mirror}: fetch github:ZitRos/news-articles-dataset or pass --mirror")
    listing = subprocess.run(["git", "--git-dir", str(mirror), "ls-tree", "-r", "HEAD", "--name-only"],
                             capture_output=True, text=True, check=True).stdout.split()
    for path in sorted(p for p in listing if p.startswith("news/") and p.endswith(".txt")):
        if part == "both" or part_of(path) == part:
            raw = subprocess.run(["git", "--git-dir", str(mirror), "show", f"HEAD:{path}"],
                                 capture_output=True, check=True).stdout
            yield path, raw.decode("utf-8", errors="replace")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", choices=("tune", "heldout", "both"), default="tune")
    ap.add_argument("--mirror", type=Path, default=MIRROR)
    ap.add_argument("--examples", type=int, default=3, help="examples per rule (tune part only)")
    args = ap.parse_args(argv)
    show = args.examples if args.part == "tune" else 0
    cleaner = Cleaner()
    found, applied = Counter(), Counter()
    examples = defaultdict(list)
    words = articles = 0
    verdicts = Counter()
    start = time.process_time()
    for path, text in stories(args.mirror, args.part):
        articles += 1
        words += len(_WORD.findall(text))
        result = cleaner.clean(text)
        verdicts[result.verdict] += 1
        for f in result.findings:
            key = f"{f.code} {f.source.rpartition(':')[2]}"
            found[key] += 1
            if f.applied:
                applied[key] += 1
            if len(examples[key]) < show:
                examples[key].append(f"{path.rsplit('/', 1)[-1][:32]}: ...{text[max(0, f.start - 50):f.start]}"
                                     f"[[{text[f.start:f.end]}]]{text[f.end:f.end + 25]}... -> {f.suggestion!r}"
                                     f"{' (applied)' if f.applied else ''}")
    per_k = 1000 / max(words, 1)
    print(f"BBC News dataset, {args.part}: {articles} stories, {words:,} words, "
          f"{time.process_time() - start:.0f} s CPU; verdicts {dict(verdicts)}")
    for family in "BEQSG":
        n = sum(v for k, v in found.items() if k[0] == family)
        a = sum(v for k, v in applied.items() if k[0] == family)
        print(f"  {family}: findings {n / max(words, 1) * 1000:.3f}/1k ({n}), applied edits {a * per_k:.3f}/1k ({a})")
    sg = sum(v for k, v in found.items() if k[0] in "SG")
    print(f"  S+G findings {sg * per_k:.3f} per 1,000 words (every one a false flag or a newsroom slip)")
    print("by rule (findings, applied):")
    for key, n in found.most_common():
        print(f"  {key:40s} {n:5d} {n * per_k:.3f}/1k   applied {applied[key]:4d}")
        for e in examples[key]:
            print(f"      {e.replace(chr(10), ' | ')[:220]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
