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

The clean copy keeps its publishers' own errors (Reuters wire copy of 1987 above all: ``recieved``,
``Wedndsday``, ``the the``). A flag on one of those is right, so the tune part's flags are split in two:
those on an entry of ``bench/publisher_errors.tsv`` (a reviewed list, built from tune flags only: each
entry names the article, code, offset and form, the right form and the evidence) are counted and
listed apart, never dropped; all other flags are false flags. Reviewed errors no longer flagged are
listed too (what the checks stopped finding). ``--propose`` prints the unreviewed tune flags as draft
entries with the evidence a reviewer can check (frequency, the right form's uses in the article); an
entry goes into the list only after a person has read it in context. The held-out part has no reviewed
list: its rate is given whole, with the share that has automatic evidence of a publisher's error, and
two estimates of its false flags: from the tune part's reviewed share of errors per source and code, and
flag by flag from its evidence class (``evidence_class``: what a program reads from the article alone)
with the tune part's reviewed share of errors per code and class, with a 95% range. Both estimators are
checked on the tune part, fitted on random halves of its articles and compared with the other half's
review: the per-class one is the less biased (printed each run).
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
REVIEWED = ROOT / "bench" / "publisher_errors.tsv"
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
    by_source_code = Counter((rec["source"], sub_code(f)) for rec, f in flagged)
    for source in sorted(words):
        row = sorted(((n, c) for (s, c), n in by_source_code.items() if s == source), reverse=True)
        print(f"    {source} (flags): " + ", ".join(f"{c} {n}" for n, c in row))
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


def reviewed_errors(path: Path = REVIEWED) -> dict:
    """The reviewed publishers' errors: ``(article id, offset, form)`` -> the entry's fields.

    >>> import tempfile, os
    >>> fd, name = tempfile.mkstemp(suffix=".tsv"); os.close(fd)
    >>> _ = Path(name).write_text("# id\\tcode\\tstart\\tform\\tright\\tevidence\\n"
    ...     "r-1\\tS001\\t4\\trecieved\\treceived\\ta known misspelling\\n", encoding="utf-8")
    >>> reviewed_errors(Path(name))[("r-1", 4, "recieved")]["right"]
    'received'
    >>> os.remove(name)
    """
    out = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 6 or not fields[5].strip():
            raise ValueError(f"{path.name} line {n}: want id, code, start, form, right, evidence")
        rid, code, start, form, right, evidence = fields
        out[rid, int(start), form] = {"code": code, "right": right, "evidence": evidence}
    return out


def split_reviewed(flagged: list, reviewed: dict) -> tuple:
    """Flags on a reviewed publisher's error, and the others (the false flags).

    >>> from types import SimpleNamespace as F
    >>> rec = {"id": "r-1", "text": "he recieved it"}
    >>> hits = [(rec, F(start=3, end=11)), (rec, F(start=12, end=14))]
    >>> errors, false = split_reviewed(hits, {("r-1", 3, "recieved"): {}})
    >>> len(errors), [rec["text"][f.start:f.end] for rec, f in false]
    (1, ['it'])
    """
    errors, false = [], []
    for rec, f in flagged:
        key = (rec["id"], f.start, rec["text"][f.start:f.end])
        (errors if key in reviewed else false).append((rec, f))
    return errors, false


def reviewed_rates(flagged: list, words: Counter, reviewed: dict, records: list) -> tuple:
    total_words = sum(words.values())
    errors, false = split_reviewed(flagged, reviewed)
    ids = {rec["id"] for rec in records}
    found = {(rec["id"], f.start, rec["text"][f.start:f.end]) for rec, f in errors}
    missed = [key for key in reviewed if key[0] in ids and key not in found]
    by_code = Counter(f.code for _, f in errors)
    print(f"  reviewed publishers' errors (bench/{REVIEWED.name}): {len(errors)} flagged = "
          f"{1000 * len(errors) / max(1, total_words):.3f} per 1,000 words ("
          + ", ".join(f"{c} {n}" for c, n in sorted(by_code.items()))
          + f"); {len(missed)} of {len(reviewed)} reviewed errors no longer flagged")
    print(f"  FALSE FLAGS (all other flags): {len(false)} = {1000 * len(false) / max(1, total_words):.3f} "
          "per 1,000 words; by code: " + ", ".join(
              f"{c} {n}" for c, n in sorted(Counter(f.code for _, f in false).items())))
    false_by_source = Counter((rec["source"], sub_code(f)) for rec, f in false)
    for source in sorted(words):
        row = sorted(((n, c) for (s, c), n in false_by_source.items() if s == source), reverse=True)
        print(f"    {source} false flags: " + ", ".join(f"{c} {n}" for n, c in row))
    return errors, false, missed


def error_shares(errors: list, false: list) -> dict:
    """The tune part's reviewed share of publishers' errors among the flags, by (source, code) and by
    code (key ``(None, code)``): what an estimate for the held-out part may use.

    >>> from types import SimpleNamespace as F
    >>> r = {"source": "reuters21578"}
    >>> shares = error_shares([(r, F(code="S001"))] * 3, [(r, F(code="S001")), (r, F(code="G002"))])
    >>> shares[("reuters21578", "S001")], shares[(None, "S001")], shares[(None, "G002")]
    ((3, 4), (3, 4), (0, 1))
    """
    shares: dict = {}
    for flags, is_error in ((errors, 1), (false, 0)):
        for rec, f in flags:
            for key in ((rec["source"], f.code), (None, f.code)):
                e, n = shares.get(key, (0, 0))
                shares[key] = (e + is_error, n + 1)
    return shares


SHARE_MIN_FLAGS = 10  # a (source, code) bucket with fewer tune flags uses the code's share over all sources


def estimated_false_flags(flagged: list, shares: dict) -> float:
    """How many of ``flagged`` (held-out flags, never read one by one) are false flags, estimated with the
    tune part's reviewed share of publishers' errors for the same source and code (or the code alone
    when the tune part has under ``SHARE_MIN_FLAGS`` such flags; a code the review never saw counts as
    all false).

    >>> from types import SimpleNamespace as F
    >>> r = {"source": "reuters21578"}
    >>> estimated_false_flags([(r, F(code="S001"))] * 4, {(None, "S001"): (3, 4)})
    1.0
    """
    total = 0.0
    for rec, f in flagged:
        e, n = shares.get((rec["source"], f.code), (0, 0))
        if n < SHARE_MIN_FLAGS:
            e, n = shares.get((None, f.code), (0, 0))
        total += 1.0 - (e / n if n else 0.0)
    return total


def evidence_class(rec: dict, f) -> str:
    """What a flag's own text says about whether it is on a publisher's error, read by a program from the
    article alone (the same classes the reviewers' evidence names): ``known misspelling`` (S001),
    ``doubled word`` (S003), ``right form elsewhere`` (the suggestion is written elsewhere in the article:
    any case for S, exactly for G, whose suggestions differ from the form by case), ``unseen word`` (an S002
    or G001 form wordfreq has never seen), else ``no evidence``. The held-out estimate is made per class,
    so it rests on what each held-out flag shows, not on its source's average.

    >>> from types import SimpleNamespace as F
    >>> rec = {"text": "the governmet said the government would ask venezuela and Venezuela"}
    >>> evidence_class(rec, F(code="S002", start=4, end=13, suggestion="government"))
    'right form elsewhere'
    >>> evidence_class(rec, F(code="G002", start=44, end=53, suggestion="Venezuela"))
    'right form elsewhere'
    >>> evidence_class({"text": "a qwzxvb here"}, F(code="S002", start=2, end=8, suggestion="quiz"))
    'unseen word'
    >>> evidence_class({"text": "the Labor department said"}, F(code="G002", start=10, end=20, suggestion="Department"))
    'no evidence'
    """
    if f.code == "S001":
        return "known misspelling"
    if f.code == "S003":
        return "doubled word"
    text, right = rec["text"], (f.suggestion or "").strip()
    form = text[f.start:f.end]
    if right and right != form:
        flags = re.IGNORECASE if f.code[0] == "S" else 0
        for m in re.finditer(r"(?<!\w)" + re.escape(right) + r"(?!\w)", text, flags):
            if not (m.start() < f.end and f.start < m.end()):
                return "right form elsewhere"
    if f.code in ("S002", "G001") and form.isalpha():
        from wordfreq import zipf_frequency

        if zipf_frequency(form.lower(), "en") == 0.0:
            return "unseen word"
    return "no evidence"


def evidence_shares(errors: list, false: list) -> dict:
    """The tune part's reviewed share of publishers' errors by (code, evidence class), by class alone
    (key ``(None, class)``) and by code alone (key ``(code, None)``).

    >>> from types import SimpleNamespace as F
    >>> r = {"text": "x"}
    >>> shares = evidence_shares([(r, F(code="S001"))] * 3, [(r, F(code="S001"))])
    >>> shares[("S001", "known misspelling")], shares[(None, "known misspelling")], shares[("S001", None)]
    ((3, 4), (3, 4), (3, 4))
    """
    shares: dict = {}
    for flags, is_error in ((errors, 1), (false, 0)):
        for rec, f in flags:
            why = evidence_class(rec, f)
            for key in ((f.code, why), (None, why), (f.code, None)):
                e, n = shares.get(key, (0, 0))
                shares[key] = (e + is_error, n + 1)
    return shares


def _wilson(e: int, n: int, z: float = 1.96) -> tuple:
    """The 95% Wilson interval of a share ``e / n``.

    >>> [round(x, 3) for x in _wilson(9, 10)]
    [0.596, 0.982]
    """
    if not n:
        return 0.0, 1.0
    p = e / n
    centre, half = p + z * z / (2 * n), z * ((p * (1 - p) + z * z / (4 * n)) / n) ** 0.5
    return (centre - half) / (1 + z * z / n), (centre + half) / (1 + z * z / n)


def estimated_false_by_evidence(flagged: list, shares: dict) -> tuple:
    """How many of ``flagged`` are false flags, estimated flag by flag from its evidence class: one less
    the tune part's reviewed share of errors among flags of the same code and class (of the class over
    all codes when the tune part has under ``SHARE_MIN_FLAGS`` such flags; of the code, then none:
    all false, when the class is unseen). Returns the estimate and a 95% range (each share's Wilson
    interval), and the flags per class.

    >>> from types import SimpleNamespace as F
    >>> r = {"text": "x"}
    >>> est, low, high, per = estimated_false_by_evidence([(r, F(code="S001"))] * 4, {("S001", "known misspelling"): (18, 20)})
    >>> round(est, 2), low < est < high, per
    (0.4, True, Counter({'known misspelling': 4}))
    """
    total = low = high = 0.0
    per: Counter = Counter()
    for rec, f in flagged:
        why = evidence_class(rec, f)
        per[why] += 1
        for key in ((f.code, why), (None, why), (f.code, None)):
            e, n = shares.get(key, (0, 0))
            if n >= SHARE_MIN_FLAGS:
                break
        lo, hi = _wilson(e, n)
        total += 1.0 - (e / n if n else 0.0)
        low += 1.0 - hi
        high += 1.0 - lo
    return total, low, high, per


def check_estimators(errors: list, false: list, splits: int = 10) -> None:
    """Both estimators tried on the tune part itself, whose flags are reviewed: shares fitted on a random
    half of its articles, the other half's false flags estimated and compared with its review (and back),
    over ``splits`` seeded splits; printed as the mean error (bias) and the mean absolute error."""
    import random
    import statistics

    ids = sorted({rec["id"] for rec, _ in errors + false})
    misses: dict = {"source and code": [], "evidence class": []}
    for seed in range(splits):
        rng = random.Random(seed)
        shuffled = ids[:]
        rng.shuffle(shuffled)
        first = set(shuffled[:len(shuffled) // 2])
        for side in (True, False):
            fit_e = [x for x in errors if (x[0]["id"] in first) == side]
            fit_f = [x for x in false if (x[0]["id"] in first) == side]
            test = [x for x in errors + false if (x[0]["id"] in first) != side]
            truth = sum(1 for x in false if (x[0]["id"] in first) != side)
            misses["source and code"].append(estimated_false_flags(test, error_shares(fit_e, fit_f)) - truth)
            misses["evidence class"].append(estimated_false_by_evidence(test, evidence_shares(fit_e, fit_f))[0] - truth)
    print(f"  the estimators checked on the tune part ({2 * splits} random halves of its articles, each "
          f"estimated from the other half's review; about {len(false) / 2:.0f} false flags a half): " + "; ".join(
              f"by {name} bias {statistics.mean(m):+.1f}, mean absolute error {statistics.mean(map(abs, m)):.1f}"
              for name, m in misses.items()))


def list_reviewed(errors: list, missed: list, reviewed: dict) -> None:
    print(f"reviewed publishers' errors flagged ({len(errors)}; id, code, form -> right: evidence):")
    for rec, f in errors:
        form = rec["text"][f.start:f.end]
        entry = reviewed[rec["id"], f.start, form]
        print(f"  {rec['id']} {f.code} {form!r} -> {entry['right']!r}: {entry['evidence']}")
    print(f"reviewed publishers' errors no longer flagged ({len(missed)}):")
    for key in missed:
        entry = reviewed[key]
        print(f"  {key[0]} {entry['code']} {key[2]!r} at {key[1]} -> {entry['right']!r}: {entry['evidence']}")


def propose(false: list) -> None:
    """Draft entries for the reviewed list: every unreviewed tune flag with the evidence a reviewer
    checks in context; none is added without that review."""
    from wordfreq import zipf_frequency

    print("# draft entries (id, code, start, form, right, evidence), for review in context only:")
    for rec, f in false:
        text, form = rec["text"], rec["text"][f.start:f.end]
        right = (f.suggestion or "").strip()
        uses = len([m for m in re.finditer(r"(?<!\w)" + re.escape(right) + r"(?!\w)", text)
                    if not (m.start() < f.end and f.start < m.end())]) if right else 0
        evidence = (f"'{form}' wordfreq zipf {zipf_frequency(form, 'en'):.1f}, '{right}' "
                    f"{zipf_frequency(right, 'en'):.1f}; '{right}' {uses}x elsewhere in the article")
        context = text[max(0, f.start - 60):f.start] + "[[" + form + "]]" + text[f.end:f.end + 40]
        print("\t".join((rec["id"], f.code, str(f.start), form, right, evidence)))
        print("#   " + context.replace("\n", " / "))


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
    parser.add_argument("--propose", action="store_true",
                        help="print the unreviewed tune flags as draft entries for bench/publisher_errors.tsv")
    args = parser.parse_args(argv)
    reviewed = reviewed_errors()
    tune = sample("tune")
    flagged, words, cpu = findings_of(tune, args.code)
    rates(f"tune part ({len(tune)} articles)", flagged, words, cpu)
    errors, false, missed = reviewed_rates(flagged, words, reviewed, tune)
    if args.propose:
        propose(false)
        return 0
    print("the false flags' shapes and forms (reviewed publishers' errors left out, listed below):")
    forms(false, args.top, args.examples)
    list_reviewed(errors, missed, reviewed)
    shares = evidence_shares(errors, false)
    print("tune flags by evidence class (reviewed errors / flags): " + ", ".join(
        f"{why} {e}/{n}" for (code, why), (e, n) in sorted(shares.items(), key=lambda kv: -kv[1][1])
        if code is None))
    check_estimators(errors, false)
    if not args.no_heldout:
        heldout = sample("heldout")
        flagged, words, cpu = findings_of(heldout, args.code)
        rates(f"heldout part ({len(heldout)} articles; rates only)", flagged, words, cpu)
        heldout_words = max(1, sum(words.values()))
        estimate = estimated_false_flags(flagged, error_shares(errors, false))
        print(f"  false flags ESTIMATED with the tune part's reviewed share of publishers' errors per source "
              f"and code (an estimate, not a review): {estimate:.0f} = "
              f"{1000 * estimate / heldout_words:.3f} per 1,000 words")
        estimate, low, high, per = estimated_false_by_evidence(flagged, evidence_shares(errors, false))
        print(f"  false flags ESTIMATED flag by flag from its evidence class and the tune part's reviewed share "
              f"of errors in that code and class: {estimate:.0f} = {1000 * estimate / heldout_words:.3f} per "
              f"1,000 words (95% range {1000 * low / heldout_words:.3f}-{1000 * high / heldout_words:.3f}); "
              "flags by class: " + ", ".join(f"{why} {n}" for why, n in per.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
