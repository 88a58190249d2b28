"""Fit the ``[open_sites]`` weights of ``rules/quotes.toml``: where a lost opening quotation mark most likely stood.

``cleaner.checks.quote_model.rank_open_site`` weighs every word start before a lone closing mark as the site of its
lost opening mark. This script fits those weights on clean copy: every double-quoted quotation of the ``tune`` part
of ``bench/corpus_split.py`` that pairs within its paragraph (``quote_damage.quotations``) has its opening mark
removed in turn, and a conditional logit learns which word start of the span (from the mark before, or the
paragraph's start, to the closing mark) was the site. The features are the runtime's own functions
(``_before_feature``, ``_first_feature``, ``_length_bin``), so what is fitted is what is read.

Reuters records are research-only test data: they are left out, so nothing counted on them ships.

    python bench/open_sites_fit.py                 # cross-fitted top-1 on halves of tune, then the TOML table
    python bench/open_sites_fit.py --heldout       # also the top-1 on the held-out part (a summary figure only)

The table it prints replaces the weight lines of ``[open_sites]`` (its comments and ``reporting`` list stay).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

SOURCES = {"onestop_adv", "wikinews_gum", "digitalgov", "18f"}  # quote_damage.QUOTE_SOURCES without Reuters
_MARK = re.compile(r'["“”]')


def vocabularies() -> tuple[frozenset, frozenset]:
    """The words the ``before`` and ``first`` tables name themselves (the rule lists of ``rules/quotes.toml``: no topical
    word); any other word counts by its shape."""
    from cleaner.checks.quote_model import rules

    r = rules()
    before = r["function_words"] | r["verbs"] | r["saying_forms"] | r["naming"] | r["naming_as"] | r["pronouns"] \
        | {"i", "us", "them", "him", "me"}
    words = r["function_words"] | r["pronouns"] | {"i", "there", "here", "what", "when", "where", "why", "how", "if", "yes",
                                                   "not", "so"}
    first = frozenset(words) | frozenset(w[:1].upper() + w[1:] for w in words)
    return frozenset(before), first


def examples(part: str) -> list[tuple]:
    """(text, lo, site, close, edge) for each quotation of the part: the span ``text[lo:close]`` with the opening
    mark at ``site`` removed (the text is the paragraph without that mark)."""
    import quote_damage as qd
    from corpus_split import articles

    out = []
    for rec in articles(part, sources=SOURCES):
        text = rec["text"]
        for q in qd.quotations(text):
            prev = [m.end() for m in _MARK.finditer(text, q.para_start, q.open)]
            lo = prev[-1] if prev else q.para_start
            para = text[q.para_start:q.open] + text[q.open + 1:q.para_end]
            shift = q.para_start
            out.append((para, lo - shift, q.open - shift, q.close - 1 - shift, "<mark>" if prev else "<paragraph>", rec["id"]))
    return out


def candidates(text: str, lo: int, close: int, edge: str, vocab: tuple) -> list[tuple[int, dict]]:
    """(offset, features) of every word start of ``text[lo:close]``, as ``rank_open_site`` reads them."""
    from cleaner.checks import quote_model as qm

    before_words, first_words = vocab
    tokens = [(m.start(), m.group()) for m in qm._TOKEN_RUN.finditer(text, lo, close)]
    after_word = text[close - 1].isalnum()
    lows = [qm._TOKEN_WORD.sub("", t).lower() for _, t in tokens]
    person = [w in qm._PERSON or qm._PERSON_PREFIX.match(w) is not None for w in lows]
    reporting = set(qm.rules()["open_sites"]["reporting"])
    said = [w in reporting for w in lows]
    n = len(tokens)
    person_after, ends_after = [False] * (n + 1), [0] * (n + 1)
    for k in range(n - 1, -1, -1):
        person_after[k] = person_after[k + 1] or person[k]
        ends_after[k] = ends_after[k + 1] + (tokens[k][1][-1] in ".?!" and k < n - 1)
    out, person_before, said_before = [], False, False
    kind = "word" if after_word else "stop"
    for k in range(n):
        if qm._OPENS_TOKEN.match(tokens[k][1]):
            prev = tokens[k - 1][1] if k else None
            out.append((tokens[k][0], {
                "before:" + qm._before_feature(prev, before_words, edge): 1,
                "first:" + qm._first_feature(tokens[k][1], first_words): 1,
                f"length_after_{kind}:{qm._length_bin(n - k)}": 1,
                f"sentences_after_{kind}:{min(ends_after[k], 3)}": 1,
                f"person:{int(person_after[k])}{int(person_before)}": 1,
                f"reported:{int(said_before)}": 1,
            }))
        person_before = person_before or person[k]
        said_before = said_before or said[k]
    return out


def fit(data: list, passes: int = 8, rate: float = 0.05, l2: float = 1e-3) -> dict:
    """Weights of a conditional logit by stochastic gradient ascent: ``data`` holds (candidates' features, right one)."""
    w: dict = defaultdict(float)
    for step in range(passes):
        random.Random(step).shuffle(data)
        for feats, right, _ in data:
            scores = [sum(w[f] for f in fs) for fs in feats]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            grad: dict = defaultdict(float)
            for fs, e in zip(feats, exps):
                for f in fs:
                    grad[f] -= e / total
            for f in feats[right]:
                grad[f] += 1
            for f, g in grad.items():
                w[f] += rate * (g - l2 * w[f])
    return w


def prepare(rows: list, vocab: tuple) -> list:
    data = []
    for text, lo, site, close, edge, _ in rows:
        cands = candidates(text, lo, close, edge, vocab)
        offsets = [c[0] for c in cands]
        if site in offsets:
            data.append(([list(c[1]) for c in cands], offsets.index(site), text[close - 1].isalnum()))
    return data


def top1(w: dict, data: list) -> dict:
    right = defaultdict(lambda: [0, 0])
    for feats, answer, after_word in data:
        scores = [sum(w.get(f, 0.0) for f in fs) for fs in feats]
        best = max(range(len(scores)), key=lambda i: (scores[i], i))
        right[after_word][0] += best == answer
        right[after_word][1] += 1
    return {("after a word" if k else "after a stop"): f"{a / b:.1%} of {b}" for k, (a, b) in right.items()}


def table(w: dict) -> str:
    """The weight lines of ``[open_sites]``."""
    def r(name):
        return round(w.get(name, 0.0), 2)

    def inline(prefix):
        items = sorted(((f[len(prefix):], r(f)) for f in w if f.startswith(prefix)), key=lambda kv: (-kv[1], kv[0]))
        return "{ " + ", ".join(f"{json.dumps(k, ensure_ascii=False)} = {v}" for k, v in items) + " }"

    lines = [f"before = {inline('before:')}", f"first = {inline('first:')}"]
    for name, size in (("length_after_word", 8), ("length_after_stop", 8), ("sentences_after_word", 4), ("sentences_after_stop", 4)):
        lines.append(f"{name} = {json.dumps([r(f'{name}:{i}') for i in range(size)])}")
    lines.append(f"person = {json.dumps([[r('person:00'), r('person:01')], [r('person:10'), r('person:11')]])}")
    lines.append(f"reported = {json.dumps([r('reported:0'), r('reported:1')])}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", action="store_true", help="also print the top-1 on the held-out part")
    parser.add_argument("--no-cross", action="store_true", help="skip the cross-fit on halves of tune")
    args = parser.parse_args(argv)
    vocab = vocabularies()
    rows = examples("tune")
    if not args.no_cross:
        ids = sorted({row[-1] for row in rows})
        random.Random(0).shuffle(ids)
        half = {i: n % 2 for n, i in enumerate(ids)}
        for k in (0, 1):
            w = fit(prepare([row for row in rows if half[row[-1]] != k], vocab))
            print(f"# cross-fit, half {k}: top-1 {top1(w, prepare([row for row in rows if half[row[-1]] == k], vocab))}", file=sys.stderr)
    w = fit(prepare(rows, vocab))
    print(f"# fitted on {len(rows)} quotations of tune", file=sys.stderr)
    if args.heldout:
        print(f"# held-out top-1: {top1(w, prepare(examples('heldout'), vocab))}", file=sys.stderr)
    print(table(w))
    return 0


if __name__ == "__main__":
    sys.exit(main())
