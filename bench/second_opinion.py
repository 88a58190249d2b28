#!/usr/bin/env python3
"""A second opinion on Q and E: damage written apart from ``bench/quote_damage.py``, on other articles.

The family generators the rules were tuned against can share their blind spots with the rules (a rule
written from a generator's miss fits that generator's surface forms). This script damages clean
articles its own way, one damage in one paragraph of an article, with families written from scraped
copy rather than from the rules: a quotation mark dropped or turned, a stop or comma moved outside
the quotation, a quotation set in single marks, a space lost before an opening mark or after a
comma or stop, a stop or comma doubled or spaced off, and the mojibake of one paragraph (its UTF-8
read as Windows-1252 or Latin-1, twice, as numeric entities, or a no-break space's lead byte ``Â``).
A damage counts as repaired when ``clean(article)`` (safe fixes only) gives that paragraph back
exactly; "changed" counts the clean articles' paragraphs that ``clean`` alters.

The articles are the held-out halves of two sources no rule was written from:

| source | repository | what it is | licence |
| --- | --- | --- | --- |
| ``bbc`` | ZitRos/news-articles-dataset (``news/**/*.txt``) | 2,095 BBC News stories, 2004-05 (``bench/bbc_clean.py``'s split) | repository MIT, text the BBC's: test data only |
| ``fundus`` | flairNLP/fundus (parser test data) | about 80 articles of English-language publishers, 2023-26 (``bench/modern_clean.py``'s split) | MIT |

    python bench/second_opinion.py                     # seeds 1-5, 300 articles a seed, Q and E
    python bench/second_opinion.py --seeds 11 12 13 14 15 --articles 200 --family mojibake
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

QUOTE_DAMAGE = ("drop_open", "drop_close", "close_turned", "open_turned", "single_marks", "punct_outside",
                "glued_after_close", "glued_before_open", "comma_no_space", "comma_doubled", "stop_no_space",
                "stop_spaced")
MOJIBAKE = ("cp1252", "latin1", "twice", "entities", "nbsp_lead_byte")
_COMMA = re.compile(r"(?<=[a-z]), (?=[a-z])")
_STOP = re.compile(r"(?<=[a-z])\. (?=[A-Z][a-z])")


def quotations(p: str) -> list[tuple[int, int]]:
    """(open, close) offsets of the double-quoted spans of a paragraph whose marks pair up plainly.

    >>> quotations('He said "yes" and "no".'), quotations('A "b" c "d'), quotations('x ” y “')
    ([(8, 12), (18, 21)], [], [])
    """
    marks = [i for i, c in enumerate(p) if c in '"“”']
    if not marks or len(marks) % 2:
        return []
    pairs = list(zip(marks[::2], marks[1::2]))
    return [] if any(p[o] == "”" or p[c] == "“" for o, c in pairs) else pairs


def quote_damage(p: str, rng: random.Random, family: str) -> str | None:
    """``p`` with one damage of ``family``, or None where the paragraph has no site for it.

    >>> rng = random.Random(1)
    >>> quote_damage('He said “we won,” and left.', rng, "punct_outside")
    'He said “we won”, and left.'
    >>> quote_damage('He said “we won,” and left.', rng, "glued_before_open")
    'He said“we won,” and left.'
    >>> quote_damage('It rose, and fell. Then it stopped.', rng, "stop_spaced")
    'It rose, and fell . Then it stopped.'
    """
    pairs = quotations(p)
    o, c = rng.choice(pairs) if pairs else (None, None)
    commas = [m.start() for m in _COMMA.finditer(p)]
    stops = [m.start() for m in _STOP.finditer(p)]
    if family in QUOTE_DAMAGE[:8] and o is None:
        return None
    if family == "drop_open":
        return p[:o] + p[o + 1:]
    if family == "drop_close":
        return p[:c] + p[c + 1:]
    if family == "close_turned":
        return p[:c] + "“" + p[c + 1:] if p[c] == "”" else None
    if family == "open_turned":
        return p[:o] + "”" + p[o + 1:] if p[o] == "“" else None
    if family == "single_marks":
        a, b = ("‘", "’") if p[o] == "“" else ("'", "'")
        return p[:o] + a + p[o + 1:c] + b + p[c + 1:]
    if family == "punct_outside":
        return p[:c - 1] + p[c] + p[c - 1] + p[c + 1:] if p[c - 1] in ",." else None
    if family == "glued_after_close":
        return p[:c + 1] + p[c + 2:] if p[c + 1:c + 2] == " " and p[c + 2:c + 3].isalpha() else None
    if family == "glued_before_open":
        return p[:o - 1] + p[o:] if o >= 2 and p[o - 1] == " " else None
    sites = commas if family.startswith("comma") else stops
    if not sites:
        return None
    i = rng.choice(sites)
    if family == "comma_no_space" or family == "stop_no_space":
        return p[:i + 1] + p[i + 2:]
    if family == "comma_doubled":
        return p[:i] + ",," + p[i + 1:]
    return p[:i] + " ." + p[i + 1:]  # stop_spaced


def mojibake(p: str, family: str) -> str | None:
    """``p`` read with the wrong codec the way ``family`` says, or None where that cannot be done.

    >>> mojibake("It’s £5", "cp1252"), mojibake("A\\u00a0B", "nbsp_lead_byte"), mojibake("café", "entities")
    ('Itâ€™s Â£5', 'AÂ\\xa0B', 'caf&#233;')
    """
    try:
        if family == "cp1252":
            return p.encode("utf-8").decode("cp1252")
        if family == "latin1":
            return p.encode("utf-8").decode("latin-1")
        if family == "twice":
            return p.encode("utf-8").decode("cp1252").encode("utf-8").decode("cp1252")
        if family == "entities":
            return "".join(f"&#{ord(ch)};" if ord(ch) > 127 else ch for ch in p)
        return p.replace("\u00a0", "\u00c2\u00a0") if "\u00a0" in p else None  # nbsp_lead_byte
    except UnicodeDecodeError:
        return None


def articles() -> list[list[str]]:
    """The held-out articles of both sources, each a list of paragraphs."""
    import modern_clean
    from bbc_clean import MIRROR, stories

    out = [[p.strip() for p in text.split("\n") if p.strip()] for _, text in stories(MIRROR, "heldout")]
    out += [[p.strip() for p in r["text"].split("\n\n") if p.strip()] for r in modern_clean.load() if r["part"] == "heldout"]
    return out


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def damaged_cases(arts: list, rng: random.Random, family: str, n: int):
    """Up to ``n`` (article, index, damaged paragraph) cases of ``family``, from articles drawn at random."""
    out = []
    for art in rng.sample(arts, len(arts)):
        idx = [i for i, p in enumerate(art) if len(p.split()) >= 8]
        if not idx:
            continue
        i = rng.choice(idx)
        if family in MOJIBAKE:
            if family == "nbsp_lead_byte" and "\u00a0" not in art[i]:
                art = art[:i] + [art[i].replace(" ", "\u00a0", 3)] + art[i + 1:]
            bad = mojibake(art[i], family)
        else:
            bad = quote_damage(art[i], rng, family)
        if bad is not None and bad != art[i]:
            out.append((art, i, bad))
            if len(out) >= n:
                break
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4, 5])
    ap.add_argument("--articles", type=int, default=300, help="cases a family and seed, at most")
    ap.add_argument("--family", choices=("quotes", "mojibake", "both"), default="both")
    args = ap.parse_args(argv)
    from cleaner import Cleaner

    cleaner = Cleaner()
    arts = articles()
    families = (QUOTE_DAMAGE if args.family != "mojibake" else ()) + (MOJIBAKE if args.family != "quotes" else ())
    print(f"second opinion: {len(arts)} held-out articles (BBC 2004-05, fundus 2023-26); clean(), safe fixes; "
          f"seeds {args.seeds}")
    overall = []
    for family in families:
        rates = []
        for seed in args.seeds:
            cases = damaged_cases(arts, random.Random(f"{seed}:{family}"), family, args.articles)
            ok = 0
            for art, i, bad in cases:
                out = _paragraphs(cleaner.clean("\n\n".join(art[:i] + [bad] + art[i + 1:])).text)
                ok += len(out) == len(art) and out[i].replace("\u00a0", " ") == art[i].replace("\u00a0", " ")
            rates.append(ok / len(cases) if cases else 0.0)
        overall += rates
        print(f"  {family:20} {statistics.mean(rates):6.1%} ± {statistics.pstdev(rates):.1%}  ({len(cases)} cases a seed)")
    changed = total = 0
    for art in arts:
        out = _paragraphs(cleaner.clean("\n\n".join(art)).text)
        total += len(art)
        changed += sum(1 for a, b in zip(art, out) if a != b) + abs(len(art) - len(out))
    print(f"  mean over families   {statistics.mean(overall):6.1%}; clean paragraphs changed {changed} of {total} "
          "(publishers' own slips included)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
