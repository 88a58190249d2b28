"""S and G findings on clean, edited articles: every one is a false flag (or a publisher's own typo).

Usage::

    python bench/false_flags.py                  # tune part: rates, commonest forms and shapes; held-out rate
    python bench/false_flags.py --top 80 --examples 2
    python bench/false_flags.py --code S002      # hunt one code's flags

Printed per part: the rate by code and by G pass (``G002:name-parts``, the sub-codes a user can ignore).
Articles come from ``bench/corpus_split.py`` (``../shared/data/news_clean``, 7,419 published
articles): every article of the ``tune`` part from onestop_adv, wikinews_gum and 18f, and a fixed
share of the larger digitalgov and Reuters sources (``CAPS``), over 1,000 articles in all. Printed:
findings per 1,000 words by code and by source, then the flagged forms grouped (by lower-cased form
and by shape: ALL-CAPS, capitalised, lower case, with a digit, a hyphen or an apostrophe) so that
families of false flags show, with an example line each. For the ``heldout`` part only the rates are
printed: its individual flags are not for tuning.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus_split import articles  # noqa: E402

WORD = re.compile(r"\w+")
# articles per source (None: all); the part's order, so the same articles every run
CAPS = {"onestop_adv": None, "wikinews_gum": None, "18f": None, "digitalgov": 600, "reuters21578": 600}


def sample(part: str, scale: float = 1.0) -> list:
    taken: Counter = Counter()
    out = []
    for rec in articles(part, sources=set(CAPS)):
        cap = CAPS[rec["source"]]
        if cap is not None and taken[rec["source"]] >= cap * scale:
            continue
        taken[rec["source"]] += 1
        out.append(rec)
    return out


def shape(form: str) -> str:
    """A flagged form's family by its look.

    >>> shape("NASA"), shape("Frunk"), shape("umami"), shape("v2"), shape("e-mail")
    ('ALL-CAPS', 'Capitalised', 'lower', 'digit', 'hyphen/apostrophe')
    """
    if any(c.isdigit() for c in form):
        return "digit"
    if any(c in "-'’" for c in form):
        return "hyphen/apostrophe"
    if " " in form:
        return "several words"
    if form.isupper():
        return "ALL-CAPS"
    if form[:1].isupper():
        return "Capitalised"
    return "lower"


def findings_of(records: list, code: str | None = None) -> tuple:
    from cleaner import Cleaner

    cleaner = Cleaner(select=["S", "G"])
    flagged = []
    words: Counter = Counter()
    c0 = time.process_time()
    for rec in records:
        text = rec["text"]
        words[rec["source"]] += len(WORD.findall(text))
        for f in cleaner.check(text).findings:
            if code and not f.code.startswith(code):
                continue
            flagged.append((rec, f))
    return flagged, words, time.process_time() - c0


def rates(name: str, flagged: list, words: Counter, cpu: float) -> None:
    total_words = sum(words.values())
    by_code = Counter(f.code for _, f in flagged)
    by_source = Counter(rec["source"] for rec, _ in flagged)
    articles_n = len({rec["id"] for rec, _ in flagged})
    print(f"{name}: {len(flagged)} S+G findings in {total_words:,} words = "
          f"{1000 * len(flagged) / max(1, total_words):.3f} per 1,000 words "
          f"({articles_n} articles with any; {cpu:.1f} s CPU)")
    print("  by code (per 1,000 words): " + ", ".join(
        f"{c} {1000 * n / total_words:.3f}" for c, n in sorted(by_code.items())))
    by_pass = Counter(sub_code(f) for _, f in flagged if (f.extra or {}).get("pass"))
    print("  G by pass (flags): " + ", ".join(f"{c} {n}" for c, n in by_pass.most_common()))
    print("  by source (per 1,000 words): " + ", ".join(
        f"{s} {1000 * by_source[s] / n:.3f} of {n:,}" for s, n in sorted(words.items())))
    evidence_rates(flagged, words)


def sub_code(f) -> str:
    """A finding's code and the G pass that made it, as ``--ignore`` names it (``G002:name-parts``).

    >>> from types import SimpleNamespace as F
    >>> sub_code(F(code="G002", extra={"pass": "name-parts"})), sub_code(F(code="S002", extra={}))
    ('G002:name-parts', 'S002')
    """
    name = (f.extra or {}).get("pass")
    return f"{f.code}:{name}" if name else f.code


def publisher_error(rec: dict, f) -> str:
    """Why a flag on clean copy is the publisher's own error, when there is evidence: ``known`` (S001, a
    word of the known-misspelling table), ``spelt right elsewhere`` (S002 whose suggestion the same
    article uses as a word: ``governmet`` beside ``government``), else ``""``.

    >>> from types import SimpleNamespace as F
    >>> rec = {"text": "the governmet said the government would"}
    >>> publisher_error(rec, F(code="S002", start=4, end=13, suggestion="government"))
    'spelt right elsewhere'
    >>> publisher_error(rec, F(code="S002", start=4, end=13, suggestion="movement"))
    ''
    """
    if f.code == "S001":
        return "known"
    if f.code == "S002" and f.suggestion and " " not in f.suggestion:
        text, word = rec["text"], f.suggestion.lower()
        for m in re.finditer(r"\b" + re.escape(word) + r"\b", text, re.IGNORECASE):
            if not (m.start() < f.end and f.start < m.end()):
                return "spelt right elsewhere"
    return ""


def evidence_rates(flagged: list, words: Counter) -> None:
    total_words = sum(words.values())
    evidenced = Counter(publisher_error(rec, f) for rec, f in flagged)
    evidenced.pop("", None)
    print("  publishers' own errors with evidence (per 1,000 words): " + ", ".join(
        f"{why} {1000 * n / total_words:.3f}" for why, n in sorted(evidenced.items()))
        + f"; the other flags {1000 * (len(flagged) - sum(evidenced.values())) / max(1, total_words):.3f}"
        + " (S: " + f"{1000 * sum(1 for rec, f in flagged if f.code[0] == 'S' and not publisher_error(rec, f)) / max(1, total_words):.3f})")


def forms(flagged: list, top: int, examples: int) -> None:
    by_form: dict = defaultdict(list)
    by_shape: Counter = Counter()
    for rec, f in flagged:
        form = rec["text"][f.start:f.end]
        by_form[(f.code, form.lower())].append((rec, f, form))
        by_shape[f.code, shape(form)] += 1
    print("by shape: " + ", ".join(f"{c} {s} {n}" for (c, s), n in by_shape.most_common()))
    print("commonest flagged forms (code, form, count, articles, -> suggestion | example):")
    ranked = sorted(by_form.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    for (code, low), hits in ranked[:top]:
        n_articles = len({rec["id"] for rec, _, _ in hits})
        rec, f, form = hits[0]
        print(f"  {code} {form!r} x{len(hits)} in {n_articles} -> {f.suggestion!r}")
        for rec, f, form in hits[:examples]:
            text = rec["text"]
            line = text[max(0, f.start - 50):f.start] + "[[" + form + "]]" + text[f.end:f.end + 50]
            print(f"      {rec['source']}: " + line.replace("\n", " / "))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--top", type=int, default=40, help="commonest flagged forms to print")
    parser.add_argument("--examples", type=int, default=1, help="example lines per form")
    parser.add_argument("--code", help="only findings whose code starts with this")
    parser.add_argument("--no-heldout", action="store_true")
    args = parser.parse_args(argv)
    tune = sample("tune")
    flagged, words, cpu = findings_of(tune, args.code)
    rates(f"tune part ({len(tune)} articles)", flagged, words, cpu)
    forms(flagged, args.top, args.examples)
    if not args.no_heldout:
        heldout = sample("heldout")
        flagged, words, cpu = findings_of(heldout, args.code)
        rates(f"heldout part ({len(heldout)} articles; rates only)", flagged, words, cpu)
    return 0


if __name__ == "__main__":
    sys.exit(main())
