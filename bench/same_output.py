"""Is the output unchanged? Dump every result on the dev sets, or compare fix-round modes.

    .venv/bin/python bench/same_output.py --dump /tmp/before.jsonl     # before a speed change
    .venv/bin/python bench/same_output.py --dump /tmp/after.jsonl      # after it
    cmp /tmp/before.jsonl /tmp/after.jsonl                             # byte-identical?
    .venv/bin/python bench/same_output.py --compare-full               # touched-only vs full re-check

A speed change must not change what ``clean`` produces. The documents: the typo and quote dev sets
(``../shared/data/typos/dev.jsonl``, ``../shared/data/quotes/dev.jsonl``), the 121 bodies in
``fixtures/corpus``, 300 ``tune`` articles of the clean news corpus and the 121 ScrapingHub pages (as
HTML). Each dumped line holds the fixed text, every finding (``to_dict``), the score and the verdict.

``--compare-full`` cleans each document twice, once re-checking only the paragraphs an edit touched
(the default) and once re-checking the whole text every round, and counts the documents whose output
differs (it should be 0).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
SHARED = ROOT.parent / "shared" / "data"


def documents(tune_articles: int = 300):
    """(name, source, kind) of every document the comparison covers, in a fixed order."""
    for dev in ("typos", "quotes"):
        with open(SHARED / dev / "dev.jsonl", encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                yield f"{dev}:{rec['id']}", rec["text"], "text"
    bodies = json.loads((ROOT / "fixtures" / "corpus" / "scrapinghub-bodies.json").read_text(encoding="utf-8"))
    for key, value in bodies.items():
        yield f"body:{key}", value["articleBody"], "text"
    from corpus_split import articles

    for rec in articles("tune", limit=tune_articles):
        yield f"tune:{rec['id']}", rec["text"], "text"
    for page in sorted((SHARED / "extraction" / "scrapinghub" / "html").glob("*.html.gz")):
        yield f"html:{page.name}", gzip.decompress(page.read_bytes()).decode("utf-8", "replace"), "html"


def dumped(result) -> str:
    """One result as a JSON line: everything ``clean`` reports."""
    return json.dumps({"text": result.text, "score": result.score, "verdict": result.verdict,
                       "findings": [f.to_dict() for f in result.findings],
                       "remaining": [f.to_dict() for f in result.remaining]}, sort_keys=True, ensure_ascii=False)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dump", type=Path, help="write one JSON line per document here")
    parser.add_argument("--compare-full", action="store_true", help="touched-paragraph vs full re-check")
    parser.add_argument("--tune-articles", type=int, default=300)
    args = parser.parse_args(argv)
    if not args.dump and not args.compare_full:
        parser.error("give --dump PATH and/or --compare-full")
    from cleaner import Cleaner

    cleaner = Cleaner()
    full = Cleaner()
    full.incremental_rechecks = False
    out = open(args.dump, "w", encoding="utf-8") if args.dump else None
    total = differ = rechecked = 0
    for name, source, kind in documents(args.tune_articles):
        result = cleaner.clean(source, kind=kind)
        line = dumped(result)
        total += 1
        if out:
            out.write(f"{name}\t{line}\n")
        if args.compare_full:
            if any(f.applied for f in result.findings):
                rechecked += 1
            if dumped(full.clean(source, kind=kind)) != line:
                differ += 1
                print(f"differs: {name}")
    if out:
        out.close()
        print(f"dumped {total} documents to {args.dump}")
    if args.compare_full:
        print(f"touched-only vs full re-check: {total - differ} of {total} documents identical "
              f"({rechecked} had at least one fix round re-checked), {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
