"""Typo / garbled-term benchmark: news-cleaner's S and G checks against codespell and pyspellchecker.

Usage::

    python bench/typos.py [SPLIT.jsonl] [--tools news-cleaner,codespell,pyspellchecker] [--errors N]

The split (default ``../shared/data/typos/dev.jsonl`` beside the repository) holds corrupted articles
with gold spans (format in that folder's README). A flag counts as a true positive when it overlaps one
of a gold span's changed tokens (``parts``); each gold span is found at most once; every other flag is a
false positive. "False flags per 1,000 clean words" divides the false positives by the words of the
texts outside the gold spans. Correction accuracy is over the found gold spans that the tool gave a
suggestion for: the suggestion, applied to the flagged span, must reproduce the original text.

Throughput is words per second over one pass of the whole split, in wall-clock and in CPU time (the
machine may be shared), each tool's one-time set-up (dictionary loading, index building, then its check
of the first article; for news-cleaner also of the two-paragraph warm-up text batch workers check before
their first record) done before the clock starts and reported separately; caches filled while checking
hold only those words when the clock starts. codespell runs in process (its own dictionary and word
regex), so its number is its best case.

Then, with ``--clean-corpus`` (default: the extraction ground truth beside the repository), the same
throughput comparison on those clean article bodies (CPU time, measured before anything has checked them),
the S and G findings per 1,000 words there, and the verdicts they get with every check on.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPLIT = ROOT.parent / "shared" / "data" / "typos" / "dev.jsonl"
WORD = re.compile(r"\w+")


# -- tools: each is (setup() -> state, flags(state, text) -> [(start, end, suggestion or None)]) ----
def newscleaner_setup():
    sys.path.insert(0, str(ROOT))
    from cleaner import Cleaner
    from cleaner.pipeline import WARM_UP_TEXT

    cleaner = Cleaner(select=["S", "G"])
    # what batch workers do before their first record (Cleaner.warm_up, less its gc.freeze): build the
    # name indexes, load the suggestion index and the lexicon's rare-word shards
    cleaner.check(WARM_UP_TEXT)
    from cleaner.lexicon import lexicon

    lexicon().finish_loading()
    return cleaner


def newscleaner_flags(cleaner, text):
    doc = cleaner.document(text, kind="text")
    return [(f.start, f.end, f.suggestion) for f in cleaner.detect(doc)]


def codespell_setup():
    from importlib import resources

    from codespell_lib._codespell import uri_regex_def, word_regex_def
    from codespell_lib._spellchecker import build_dict

    misspellings: dict = {}
    path = resources.files("codespell_lib") / "data" / "dictionary.txt"
    build_dict(str(path), misspellings, set())
    return misspellings, re.compile(word_regex_def), re.compile(uri_regex_def)


def codespell_flags(state, text):
    """codespell's default check (its word regex, built-in dictionary, URIs skipped), in process."""
    misspellings, word_re, uri_re = state
    uris = [m.span() for m in uri_re.finditer(text)]
    out = []
    for m in word_re.finditer(text):
        lword = m.group().lower()
        if lword in misspellings:
            if any(s <= m.start() < e for s, e in uris):
                continue
            data = misspellings[lword].data.split(",")[0].strip()
            word = m.group()
            if word[:1].isupper():
                data = data[:1].upper() + data[1:]
            out.append((m.start(), m.end(), data))
    return out


def pyspell_setup():
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1)


_PYSPELL_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")


def pyspell_flags(spell, text):
    """pyspellchecker's dictionary (distance 1 for speed) on every alphabetic token, as users run it."""
    tokens = list(_PYSPELL_TOKEN.finditer(text))
    unknown = spell.unknown([m.group() for m in tokens])
    out = []
    for m in tokens:
        if m.group().lower() in unknown:
            fix = spell.correction(m.group().lower())
            if fix and m.group()[:1].isupper():
                fix = fix[:1].upper() + fix[1:]
            out.append((m.start(), m.end(), fix))
    return out


TOOLS = {
    "news-cleaner": (newscleaner_setup, newscleaner_flags),
    "codespell": (codespell_setup, codespell_flags),
    "pyspellchecker": (pyspell_setup, pyspell_flags),
}


# -- scoring -------------------------------------------------------------------------------------
def _overlaps(start, end, parts):
    return any(start < pe and ps < end for ps, pe in parts)


def _corrected(record, gold, flag):
    start, end, suggestion = flag
    if suggestion is None:
        return None
    text, clean = record["text"], record["clean"]
    # apply the suggestion to the flagged span and compare the gold span's neighbourhood with the original
    lo, hi = min(start, gold["start"]), max(end, gold["end"])
    fixed = text[lo:start] + suggestion + text[end:hi]
    shift = len(gold["original"]) - len(gold["corrupted"])
    before = sum(len(g["original"]) - len(g["corrupted"]) for g in record["gold"] if g["end"] <= gold["start"])
    clean_lo = lo + before
    clean_hi = hi + before + shift
    return fixed == clean[clean_lo:clean_hi]


def score(records, all_flags):
    tp = fp = 0
    correct = with_suggestion = 0
    kinds_total: Counter = Counter()
    kinds_found: Counter = Counter()
    clean_words = 0
    errors = []
    for record, flags in zip(records, all_flags):
        golds = record["gold"]
        used = set()
        text = record["text"]
        gold_chars = sum(g["end"] - g["start"] for g in golds)
        clean_words += len(WORD.findall(text)) - sum(len(WORD.findall(g["corrupted"])) for g in golds)
        for g in golds:
            kinds_total[g["kind"]] += 1
        for flag in sorted(flags):
            start, end, _ = flag
            hit = None
            for i, g in enumerate(golds):
                if i not in used and _overlaps(start, end, g["parts"]):
                    hit = i
                    break
            if hit is None:
                if any(_overlaps(start, end, g["parts"]) for g in golds):
                    continue  # a second flag on an already-found gold span is neither right nor wrong
                fp += 1
                errors.append(("FP", record["id"], text[max(0, start - 30):start] + "[[" + text[start:end] + "]]" + text[end:end + 30], flag[2]))
                continue
            used.add(hit)
            tp += 1
            g = golds[hit]
            kinds_found[g["kind"]] += 1
            ok = _corrected(record, g, flag)
            if ok is not None:
                with_suggestion += 1
                correct += ok
                if not ok:
                    errors.append(("BADFIX", record["id"], g["corrupted"] + " -> " + g["original"], flag[2]))
        for i, g in enumerate(golds):
            if i not in used:
                errors.append(("FN", g["kind"], text[max(0, g["start"] - 30):g["start"]] + "[[" + g["corrupted"] + "]]" + text[g["end"]:g["end"] + 30], g["original"]))
        del gold_chars
    total = sum(kinds_total.values())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / total if total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "correction_accuracy": correct / with_suggestion if with_suggestion else 0.0,
        "false_flags_per_1000": 1000 * fp / clean_words if clean_words else 0.0,
        "per_kind_recall": {k: kinds_found[k] / n for k, n in sorted(kinds_total.items())},
        "tp": tp,
        "fp": fp,
    }, errors


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("split", nargs="?", default=str(DEFAULT_SPLIT))
    parser.add_argument("--tools", default=",".join(TOOLS))
    parser.add_argument("--errors", type=int, default=0, help="print this many misses / false flags of news-cleaner")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--clean-corpus", default=str(ROOT.parent / "shared" / "data" / "extraction" / "scrapinghub" / "ground-truth.json"),
                        help="clean article bodies (JSON of {id: {articleBody}}) to count false alarms on ('' to skip)")
    args = parser.parse_args(argv)
    records = [json.loads(line) for line in Path(args.split).read_text(encoding="utf-8").splitlines() if line.strip()]
    words = sum(len(WORD.findall(r["text"])) for r in records)
    results = {}
    for name in args.tools.split(","):
        setup, flags_of = TOOLS[name]
        t0 = time.perf_counter()
        state = setup()
        flags_of(state, records[0]["text"])
        setup_s = time.perf_counter() - t0
        t0, c0 = time.perf_counter(), time.process_time()
        all_flags = [flags_of(state, r["text"]) for r in records]
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        metrics, errors = score(records, all_flags)
        metrics["words_per_s"] = words / elapsed if elapsed else float("inf")
        # CPU time of this process: on a shared, loaded machine wall time also counts other jobs
        metrics["cpu_words_per_s"] = words / cpu if cpu else float("inf")
        metrics["setup_s"] = setup_s
        results[name] = metrics
        if name == "news-cleaner" and args.errors:
            for kind in ("FN", "FP", "BADFIX"):
                shown = [e for e in errors if e[0] == kind][: args.errors]
                for e in shown:
                    print(*e, sep=" | ")
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"split: {args.split} ({len(records)} articles, {words} words, "
          f"{sum(len(r['gold']) for r in records)} gold spans)")
    kinds = sorted({k for m in results.values() for k in m["per_kind_recall"]})
    header = (f"{'tool':<15}{'P':>6}{'R':>6}{'F1':>6}{'corr':>6}{'FF/1k':>7}" + "".join(f"{k[:12]:>13}" for k in kinds)
              + f"{'words/s':>10}{'cpu w/s':>10}{'setup s':>9}")
    print(header)
    for name, m in results.items():
        print(f"{name:<15}{m['precision']:6.3f}{m['recall']:6.3f}{m['f1']:6.3f}{m['correction_accuracy']:6.3f}"
              f"{m['false_flags_per_1000']:7.2f}" + "".join(f"{m['per_kind_recall'].get(k, 0):13.3f}" for k in kinds)
              + f"{m['words_per_s']:10.0f}{m['cpu_words_per_s']:10.0f}{m['setup_s']:9.2f}")
    print("words/s: wall clock; cpu w/s: this process's CPU time (time.process_time), same pass. Before the "
          "clock, each tool loads its data once and checks the first article (news-cleaner: lexicon, "
          "suggestion index, gazetteer and name indexes, through the batch warm-up text; codespell: its "
          "dictionary); caches that checking fills start with only those words.")
    if "news-cleaner" in results and "codespell" in results:
        ours, theirs = results["news-cleaner"], results["codespell"]
        print(f"news-cleaner throughput = {ours['words_per_s'] / theirs['words_per_s']:.2f}x codespell's (wall), "
              f"{ours['cpu_words_per_s'] / theirs['cpu_words_per_s']:.2f}x (CPU)")
    if args.clean_corpus and Path(args.clean_corpus).exists():
        clean_corpus(args.clean_corpus)
    return 0


def clean_corpus(path: str) -> None:
    """S and G findings per 1,000 words on clean article bodies (the extraction ground truth), and
    the verdicts news-cleaner gives them with every check on: false alarms there are what editors see."""
    sys.path.insert(0, str(ROOT))
    from cleaner import Cleaner

    bodies = [v["articleBody"] for v in json.loads(Path(path).read_text(encoding="utf-8")).values()]
    sg, full = Cleaner(select=["S", "G"]), Cleaner()
    words = sum(len(WORD.findall(b)) for b in bodies)
    # throughput again on these bodies, before checking them fills the caches: real copy has far fewer
    # unknown words than the dev split (a slip every hundred words), and each costs a ranked suggestion
    speed = {}
    for name in ("news-cleaner", "codespell"):
        setup, flags_of = TOOLS[name]
        state = setup()
        flags_of(state, bodies[0])
        c0 = time.process_time()
        for body in bodies:
            flags_of(state, body)
        speed[name] = words / max(time.process_time() - c0, 1e-9)
    print(f"clean bodies throughput (CPU): news-cleaner {speed['news-cleaner']:.0f} words/s, codespell "
          f"{speed['codespell']:.0f} words/s = {speed['news-cleaner'] / speed['codespell']:.2f}x")
    codes: Counter = Counter()
    verdicts: Counter = Counter()
    for body in bodies:
        codes.update(f.code for f in sg.check(body).findings)
        verdicts[full.check(body).verdict] += 1
    total = sum(codes.values())
    print(f"clean bodies: {path} ({len(bodies)} articles, {words} words): S+G findings {total} "
          f"= {1000 * total / words:.2f} per 1,000 words {dict(sorted(codes.items()))}; verdicts {dict(verdicts)}")


if __name__ == "__main__":
    sys.exit(main())
