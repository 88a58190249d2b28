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

``--drift`` asks whether a confirming fix round could skip a family that none of the first round's
edits came from: for each document whose first round applies edits, each such family's second-round
findings are compared with its first-round findings carried to the fixed text (offsets moved past the
edits). A document where they differ is one whose output such a skip would change; the families
whose edits preceded it are counted too.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
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


def _carried(findings: list, edits: list):
    """``findings`` as (code, start, end, suggestion) on the text after ``edits`` (sorted, disjoint),
    those inside a deleted span dropped (their text is gone), or None when one of them overlaps an
    edit otherwise (it cannot be carried: only a re-check knows it)."""
    from bisect import bisect_right

    ends, shifts, shift = [], [], 0
    for e in edits:
        shift += len(e.suggestion or "") - (e.edit_end - e.edit_start)
        ends.append(e.edit_end)
        shifts.append(shift)
    out = []
    for f in findings:
        touching = [e for e in edits if f.start < e.edit_end and e.edit_start < f.end or f.start == f.end == e.edit_start]
        if any(e.suggestion == "" and e.edit_start <= f.start and f.end <= e.edit_end for e in touching):
            continue
        if touching:
            return None
        k = bisect_right(ends, f.start)
        delta = shifts[k - 1] if k else 0
        out.append((f.code, f.start + delta, f.end + delta, f.suggestion))
    return sorted(out, key=repr)


def family_drift(cleaner, docs) -> tuple:
    """(documents whose first round applied edits, {family: [(document, families edited)]} of the
    families with no edit of their own applied whose second-round findings differ from their first
    round's carried over)."""
    from dataclasses import replace

    from cleaner.checks import merged, run_families
    from cleaner.fixer import apply_edits, choose_edits

    edited, drifted = 0, {}
    for name, source, kind in docs:
        doc = cleaner.document(source, kind=kind)
        found = run_families(doc, cleaner._context(doc), cleaner._extra_checks(cleaner._context(doc)))
        edits = choose_edits(merged(found), cleaner.settings.unsafe_fixes)
        if not edits:
            continue
        edited += 1
        family_of = {id(f): family for family, fs in found.items() for f in fs}
        by = {family_of[id(e)] for e in edits}
        fixed = replace(doc, text=apply_edits(doc.text, edits))
        ctx = cleaner._context(fixed)
        again = run_families(fixed, ctx, cleaner._extra_checks(ctx))
        for family, findings in again.items():
            if family in by:
                continue
            before = _carried(found.get(family, []), edits)
            after = sorted(((f.code, f.start, f.end, f.suggestion) for f in findings), key=repr)
            if before != after:
                drifted.setdefault(family, []).append((name, "".join(sorted(by))))
    return edited, drifted


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dump", type=Path, help="write one JSON line per document here")
    parser.add_argument("--compare-full", action="store_true", help="touched-paragraph vs full re-check")
    parser.add_argument("--drift", action="store_true", help="could round 2 skip a family no edit came from?")
    parser.add_argument("--tune-articles", type=int, default=300)
    args = parser.parse_args(argv)
    if not args.dump and not args.compare_full and not args.drift:
        parser.error("give --dump PATH, --compare-full and/or --drift")
    from cleaner import Cleaner

    if args.drift:
        edited, drifted = family_drift(Cleaner(), documents(args.tune_articles))
        for family, where in sorted(drifted.items()):
            after = Counter(by for _, by in where)
            print(f"drift: {family} changed in round 2 with no edit of its own in {len(where)} of {edited} documents "
                  f"(edits by {', '.join(f'{k} {v}' for k, v in sorted(after.items()))}): "
                  + ", ".join(n for n, _ in where[:5]))
        print(f"drift: {sum(map(len, drifted.values()))} family re-checks of {edited} edited documents would "
              "change the output if skipped")
        if not args.dump and not args.compare_full:
            return 0

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
