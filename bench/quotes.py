"""Benchmark the Q family on the quote-repair split (../shared/data/quotes, scoring as in its README).

    /work/venv/bin/python bench/quotes.py [--data PATH] [--misses N] [--harm N] [--synthetic] [--json]

For news-cleaner (safe fixes only, and with unsafe fixes) and, in the same run, a naive ~20-line regex
fixer, prints: site restoration (overall and per kind; a gold site is restored when the output
reproduces the clean characters of the site plus 2 characters on each side, after a diff aligns the
output with the clean body), document exact match, do no harm on the clean bodies (characters and
sites changed, per 1,000 words; edits that only swap one double quotation mark for another, i.e. the
publisher's own mixed marks, are reported separately), edits outside gold sites on the corrupted
text, multi-paragraph quotations broken, and idempotence (``fix(fix(x)) == fix(x)``) on every record.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "quotes" / "dev.jsonl"
QUOTES = '"“”'


# -- the naive baseline -------------------------------------------------------------------------
_VERBS = "said|says|added|adds|told|wrote|writes|asked|explained|noted"
_NAIVE = [
    (re.compile(r"\. , ([\"”])(\w)"), r',\1 \2'),                    # day. , "Said -> day," Said
    (re.compile(r"(\w)([\"”]),"), r"\1,\2"),                          # day", -> day,"
    (re.compile(r"(?<=\w) +([,;?!])"), r"\1"),                        # word , -> word,
    (re.compile(r"(?<=\w) +\.(?=\s|$)"), "."),                        # word . -> word.
    (re.compile(r"([,;!?])\1+"), r"\1"),                              # ,, -> ,
    (re.compile(r"(?<!\.)\.\.(?!\.)"), "."),                          # .. -> .
    (re.compile(r"\. ,"), ","),                                       # . , -> ,
    (re.compile(r"([a-z])\.([A-Z])"), r"\1. \2"),                     # said.The -> said. The
    (re.compile(r"([A-Z][a-z]+)\. ([a-z])"), r"\1 \2"),               # Ryan. in -> Ryan in
    (re.compile(rf"([,?!][\"”] )({_VERBS.title()})\b".replace("|", "|")), None),
]


def naive_fix(text: str) -> str:
    """A 20-line regex fixer of the kind a scraping pipeline would write first."""
    for pattern, repl in _NAIVE[:-1]:
        text = pattern.sub(repl, text)
    text = re.sub(r"([,?!][\"”] )(Said|Says|Added|Adds|Told|Wrote|Writes|Asked|Explained|Noted)\b",
                  lambda m: m.group(1) + m.group(2).lower(), text)
    return text


# -- alignment ------------------------------------------------------------------------------------
def diff_ops(clean: str, out: str) -> list[tuple[int, int, int, int]]:
    """Non-equal regions (clean_lo, clean_hi, out_lo, out_hi) of a line-then-character diff."""
    a_lines = clean.splitlines(keepends=True)
    b_lines = out.splitlines(keepends=True)
    a_off = [0]
    for line in a_lines:
        a_off.append(a_off[-1] + len(line))
    b_off = [0]
    for line in b_lines:
        b_off.append(b_off[-1] + len(line))
    ops = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a_lines, b_lines, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        a = clean[a_off[i1]:a_off[i2]]
        b = out[b_off[j1]:b_off[j2]]
        for t, k1, k2, l1, l2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if t != "equal":
                ops.append((a_off[i1] + k1, a_off[i1] + k2, b_off[j1] + l1, b_off[j1] + l2))
    return ops


def touches(op, lo: int, hi: int) -> bool:
    """Does a diff region touch the clean window [lo, hi)? Insertions count strictly inside."""
    i1, i2 = op[0], op[1]
    if i1 == i2:
        return lo < i1 < hi
    return i1 < hi and i2 > lo


def clean_spans(record: dict) -> list[tuple[int, int, dict]]:
    """Gold sites in clean-text coordinates."""
    spans = []
    delta = 0
    for g in sorted(record["gold"], key=lambda g: g["start"]):
        start = g["start"] + delta
        spans.append((start, start + len(g["original"]), g))
        delta += len(g["original"]) - (g["end"] - g["start"])
    return spans


def runon_sites(clean: str) -> list[tuple[int, int]]:
    """(end of paragraph, start of next) of each multi-paragraph quotation in a clean body."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", clean)]
    sites = []
    for (s, e), (ns, _) in zip(lines, lines[1:]):
        para = clean[s:e]
        marks = len(re.findall(r'(?<!\d)"|[“”]', para))
        if marks % 2 == 1 and clean[ns:ns + 1] in QUOTES:
            sites.append((e, ns))
    return sites


def broken_runons(clean: str, ops) -> int:
    return sum(
        1 for end, nxt in runon_sites(clean)
        if any(touches(op, end - 1, end + 1) or touches(op, nxt - 1, nxt + 1) for op in ops)
    )


def is_mark_swap(clean: str, out: str, op) -> bool:
    a, b = clean[op[0]:op[1]], out[op[2]:op[3]]
    return len(a) == len(b) == 1 and a in QUOTES and b in QUOTES


# -- evaluation -----------------------------------------------------------------------------------
def evaluate(name: str, fix, records: list, cleans: dict, misses: int = 0, harm_show: int = 0) -> dict:
    per_kind = defaultdict(lambda: [0, 0])
    exact = 0
    outside = outside_swaps = 0
    broken = 0
    not_idempotent = []
    missed = []
    t0 = time.perf_counter()
    for r in records:
        out = fix(r["text"])
        if fix(out) != out:
            not_idempotent.append(r["id"])
        clean = r["clean"]
        exact += out == clean
        ops = diff_ops(clean, out)
        windows = []
        for cs, ce, g in clean_spans(r):
            lo, hi = cs - 2, ce + 2
            windows.append((lo, hi))
            ok = not any(touches(op, lo, hi) for op in ops)
            per_kind[g["kind"]][0] += ok
            per_kind[g["kind"]][1] += 1
            if not ok:
                missed.append((r["id"], g["kind"], g["variant"], clean[max(0, cs - 50):ce + 30], out, cs))
        for op in ops:
            if not any(touches(op, lo, hi) or (op[0] == op[1] and op[0] in (lo, hi)) for lo, hi in windows):
                if is_mark_swap(clean, out, op):
                    outside_swaps += 1
                else:
                    outside += 1
        broken += broken_runons(clean, ops)
    seconds = time.perf_counter() - t0
    # do no harm on the clean bodies
    harm_chars = harm_sites = mark_sites = harm_broken = 0
    harm_examples = []
    words = 0
    for clean in cleans.values():
        words += len(re.findall(r"\w+", clean))
        out = fix(clean)
        if fix(out) != out:
            not_idempotent.append("clean")
        ops = diff_ops(clean, out)
        for op in ops:
            if is_mark_swap(clean, out, op):
                mark_sites += 1
                continue
            harm_sites += 1
            harm_chars += max(op[1] - op[0], op[3] - op[2])
            harm_examples.append((clean[max(0, op[0] - 30):op[1] + 30], out[max(0, op[2] - 30):op[3] + 30]))
        harm_broken += broken_runons(clean, ops)
    restored = sum(v[0] for v in per_kind.values())
    total = sum(v[1] for v in per_kind.values())
    result = {
        "name": name,
        "restored": restored / total,
        "per_kind": {k: v[0] / v[1] for k, v in sorted(per_kind.items())},
        "exact": exact / len(records),
        "outside_edits": outside,
        "outside_mark_swaps": outside_swaps,
        "runons_broken_corrupted": broken,
        "harm_sites": harm_sites,
        "harm_chars": harm_chars,
        "harm_sites_per_1k": harm_sites * 1000 / words,
        "harm_chars_per_1k": harm_chars * 1000 / words,
        "publisher_mark_edits": mark_sites,
        "runons_broken_clean": harm_broken,
        "not_idempotent": len(not_idempotent),
        "seconds": seconds,
        "words": words,
    }
    if misses:
        for rid, kind, variant, ctx, out, cs in missed[:misses]:
            print(f"  MISS {name} {rid} {kind}/{variant}: {ctx!r}", file=sys.stderr)
    if harm_show:
        for before, after in harm_examples[:harm_show]:
            print(f"  HARM {name}: {before!r} -> {after!r}", file=sys.stderr)
    return result


# -- kinds the dev split never shows (our own seeded generator, on the same clean bodies) -------------
def synthetic_sites(kind: str, text: str) -> list:
    """Candidate sites of one synthetic defect kind: lists of (start, end, replacement) in ``text``."""
    out = []
    if kind in ("foreign_guillemets", "foreign_low", "single_quotes"):
        for m in re.finditer(r'(?:(?<=\s)|^)([“"])([A-Z][^“”"\n]{5,200}?[,.?!])([”"])(?=\s)', text, re.M):
            if kind == "single_quotes":
                if not re.match(r"\s+(?:\w+\s+){0,3}(?:said|says|added|told)\b", text[m.end():m.end() + 40]):
                    continue
                o, c = ("‘", "’") if m.group(1) == "“" else ("'", "'")
            else:
                o, c = ("«", "»") if kind == "foreign_guillemets" else ("„", "“")
            out.append([(m.start(1), m.end(1), o), (m.start(3), m.end(3), c)])
    elif kind == "space_before_qmark":
        out = [[(m.start(), m.end(), " " + m.group(1))] for m in re.finditer(r"(?<=[a-z])([?!;:])(?= )", text)]
    elif kind == "missing_space_qmark":
        out = [[(m.start(), m.end(), m.group(1))] for m in re.finditer(r"(?<=[a-z])([?!]) (?=[A-Z][a-z])", text)]
    elif kind == "period_outside":
        out = [[(m.start(1), m.end(1), m.group(2) + ".")] for m in re.finditer(r'(?<=\w)(\.([”"]))(?=\s)', text)]
    elif kind == "double_open":
        out = [[(m.start(), m.end(), m.group() * 2)] for m in re.finditer(r'(?:(?<=\s)|^)[“"](?=[A-Z])', text, re.M)]
    elif kind == "cap_pronoun":
        out = [[(m.start(1), m.end(1), m.group(1).title())] for m in re.finditer(r'[,?!][”"] (he|she|they) (?:said|says|added|told)\b', text)]
    return out


SYNTHETIC_KINDS = (
    "foreign_guillemets", "foreign_low", "single_quotes", "space_before_qmark", "missing_space_qmark",
    "cap_pronoun", "period_outside", "double_open",
)


def evaluate_synthetic(fix, cleans: dict, seed: int = 7) -> dict:
    """Site restoration on generated defects of kinds the dev split lacks (at most 2 sites per body)."""
    import random

    results = {}
    for kind in SYNTHETIC_KINDS:
        rng = random.Random(f"{seed}-{kind}")
        ok = total = 0
        for doc_id in sorted(cleans):
            clean = cleans[doc_id]
            sites = synthetic_sites(kind, clean)
            if not sites:
                continue
            picked = rng.sample(sites, min(2, len(sites)))
            corrupted = clean
            for start, end, rep in sorted((e for site in picked for e in site), reverse=True):
                corrupted = corrupted[:start] + rep + corrupted[end:]
            ops = diff_ops(clean, fix(corrupted))
            for site in picked:
                total += 1
                ok += all(not any(touches(op, a - 2, b + 2) for op in ops) for a, b, _ in site)
        results[kind] = (ok, total)
    return results


def evaluate_detector(records: list, cleans: dict) -> dict:
    """Q findings as a span detector: site precision / recall / F1 with overlap matching, and flags
    on the clean bodies per 1,000 words (every finding counts, fixable or not)."""
    from cleaner import check

    found = matched_findings = matched_sites = sites = 0
    for r in records:
        findings = [f for f in check(r["text"], select=["Q"])]
        gold = [(g["start"], g["end"]) for g in r["gold"]]
        sites += len(gold)
        found += len(findings)

        def overlap(f, g):
            lo, hi = f.start, max(f.end, f.start + 1)
            return lo < g[1] + 1 and g[0] - 1 < hi

        matched_findings += sum(1 for f in findings if any(overlap(f, g) for g in gold))
        matched_sites += sum(1 for g in gold if any(overlap(f, g) for f in findings))
    flags = sum(len(check(t, select=["Q"])) for t in cleans.values())
    words = sum(len(re.findall(r"\w+", t)) for t in cleans.values())
    precision = matched_findings / max(1, found)
    recall = matched_sites / max(1, sites)
    return {
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / max(1e-9, precision + recall),
        "clean_flags": flags,
        "clean_flags_per_1k": flags * 1000 / words,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--misses", type=int, default=0, help="print up to N missed sites (stderr)")
    parser.add_argument("--harm", type=int, default=0, help="print up to N harm edits on clean bodies (stderr)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--synthetic", action="store_true",
                        help="also measure kinds the dev split lacks, generated by this script on the clean bodies")
    args = parser.parse_args(argv)
    records = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    cleans = {r["doc_id"]: r["clean"] for r in records}

    from cleaner import Cleaner

    safe = Cleaner(select=["Q"], unsafe_fixes=False)
    unsafe = Cleaner(select=["Q"], unsafe_fixes=True)
    systems = [
        ("news-cleaner (safe)", lambda t: safe.clean(t).text),
        ("news-cleaner (unsafe)", lambda t: unsafe.clean(t).text),
        ("naive regex", naive_fix),
    ]
    results = [evaluate(n, f, records, cleans, args.misses, args.harm) for n, f in systems]
    detector = evaluate_detector(records, cleans)
    if args.json:
        print(json.dumps({"systems": results, "detector": detector}, indent=2))
        return 0
    words = results[0]["words"]
    print(f"quote repair: {args.data.name}: {len(records)} records, {sum(len(r['gold']) for r in records)} gold sites, "
          f"{len(cleans)} clean bodies ({words} words)\n")
    header = f"{'':28}" + "".join(f"{r['name']:>24}" for r in results)
    print(header)

    def row(label, fmt, key=None, getter=None):
        values = [getter(r) if getter else r[key] for r in results]
        print(f"{label:28}" + "".join(f"{fmt.format(v):>24}" for v in values))

    row("sites restored", "{:.1%}", "restored")
    for kind in results[0]["per_kind"]:
        row(f"  {kind}", "{:.1%}", getter=lambda r, k=kind: r["per_kind"][k])
    row("documents exact", "{:.1%}", "exact")
    row("edits outside gold sites", "{}", "outside_edits")
    row("  + quote-mark swaps there", "{}", "outside_mark_swaps")
    row("run-ons broken (corrupted)", "{}", "runons_broken_corrupted")
    row("harm on clean: sites", "{}", "harm_sites")
    row("harm on clean: chars", "{}", "harm_chars")
    row("harm sites / 1k words", "{:.3f}", "harm_sites_per_1k")
    row("harm chars / 1k words", "{:.3f}", "harm_chars_per_1k")
    row("publisher-mark edits", "{}", "publisher_mark_edits")
    row("run-ons broken (clean)", "{}", "runons_broken_clean")
    row("not idempotent", "{}", "not_idempotent")
    row("seconds", "{:.1f}", "seconds")
    print(f"\nnews-cleaner as a span detector: precision {detector['precision']:.1%}, recall {detector['recall']:.1%}, "
          f"F1 {detector['f1']:.1%}; {detector['clean_flags']} findings on the clean bodies "
          f"({detector['clean_flags_per_1k']:.3f} per 1,000 words)")
    if args.synthetic:
        print("\nkinds the dev split lacks (generated here, seeded; not the held-back split):")
        synthetic = [evaluate_synthetic(f, cleans) for _, f in systems]
        for kind in SYNTHETIC_KINDS:
            cells = [f"{r[kind][0] / max(1, r[kind][1]):.1%} of {r[kind][1]}" for r in synthetic]
            print(f"{'  ' + kind:28}" + "".join(f"{c:>24}" for c in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
