"""Seeded damage to quotations and sentence punctuation, on clean copy, for ``bench/quotes.py``.

The dev split (``../shared/data/quotes/dev.jsonl``) is one fixed draw of a few surface forms; rules
tuned to it learn the draw. This generator makes the *families* of damage a scraper, spinner or
translator makes, each with random parameters, one or several per quotation, on any clean article,
with a seed. Its records have the dev split's format (``text``, ``clean``, ``gold`` spans with
``kind`` and ``variant``), so ``bench/quotes.py`` scores them the same way.

Families (``kind``) and their variants:

- ``punct_outside``: the ``, . ? !`` before a closing mark moved after it (``day", said``), spaced off
  (``day ," said``) or knocked behind a stray stop (``day. , "Said``).
- ``punct_run``: a second mark from ``, .`` next to a sentence mark (``,.`` ``.,`` ``. .`` ``;,`` ``,,``
  ``..``); never at an ellipsis or after an abbreviation.
- ``missing_space``: the space after ``, ; :``, after a sentence end, or after a closing mark removed, or the
  space before an opening mark after a word (``before_open``: ``it is"outdated"``; drawn after every other damage).
- ``space_before``: a space put before ``, ; : ? ! .``.
- ``stray_close``: a closing mark added after a sentence outside any quotation.
- ``missing_open`` / ``missing_close``: one mark of a quotation deleted (``missing_close`` by where the quotation
  closed: ``para_end``, ``attribution``, ``mid_para``).
- ``doubled_mark``: an opening or closing mark doubled (``““We``, ``.””``).
- ``mixed``: one mark in the other style (curly/straight) or turned the wrong way, in double marks,
  single quotation marks and apostrophes (``there‘s``).
- ``nested``: a quotation with a quotation inside it (made on the clean copy first, in the article's
  single marks), then damaged: the inner marks made double, ``’”`` made ``””``, an inner mark turned.
- ``single_quotes``: a double-quoted quotation written in single marks (attributed, headline style
  after a sentence, or a phrase).
- ``foreign``: a quotation in « », „ “, » «, ‹ › (French spacing sometimes).
- ``cap_verb``: the attribution after ``,"`` ``?"`` ``!"`` capitalised (``," Said``, ``," He said``).
- ``stray_stop``: a full stop after a capitalised word before a lower-case continuation.
- ``abbrev``: all-caps abbreviations: a stray stop after an undotted acronym (``NASA. officials``),
  the last stop of a dotted one dropped (``U.S officials``), no space after one at a sentence end.

    python bench/quote_damage.py --part tune --seed 1 --limit 5     # print a few damaged records

Clean copy comes from ``bench/corpus_split.py`` (``tune`` while developing, ``heldout`` for the
fresh-seed figures) or from any list of texts. Reuters records are research-only test data.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))

QUOTE_SOURCES = {"onestop_adv", "wikinews_gum", "digitalgov", "18f", "reuters21578"}
DOUBLE = '"“”'
_PARA = re.compile(r"[^\n]*\S[^\n]*")
_ABBREV = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Sen", "Rep", "Gov", "Gen", "Co", "Corp", "Inc",
    "Ltd", "No", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Mt", "Ft",
    "Ave", "vs", "etc", "al", "Lt", "Col", "Capt", "Sgt", "Rev", "Bros", "Dept", "Univ",
}
_VERB = re.compile(r"(?:said|says|added|told|asked|explained|noted|wrote|writes|recalled|continued|stated|argued)\b")


@dataclass(frozen=True)
class Quote:
    """A paired double-quoted quotation in the clean copy: offsets of its two marks."""

    open: int
    close: int
    para_start: int
    para_end: int


@dataclass(frozen=True)
class Damage:
    """One edit in clean coordinates: ``clean[start:end]`` becomes ``replacement``."""

    start: int
    end: int
    replacement: str
    kind: str
    variant: str


def _role(text: str, i: int, lo: int, hi: int) -> str:
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    opens = prev.isspace() or prev in "([{—–-/"
    closes = nxt.isspace() or nxt in ",.;:?!)]}—–-…'’"
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return ""


def quotations(text: str) -> list[Quote]:
    """Quotations whose marks pair unambiguously inside one paragraph (an inch mark ``34"`` is none).

    >>> [text[q.open:q.close + 1] for text in ['He said "yes," and "no." Done.'] for q in quotations(text)]
    ['"yes,"', '"no."']
    """
    found = []
    for para in _PARA.finditer(text):
        lo, hi = para.start(), para.end()
        marks = [m.start() for m in re.finditer(r'(?<![\d])["“”]', para.group())]
        roles = [_role(text, lo + i, lo, hi) for i in marks]
        if not marks or len(marks) % 2 or roles != ["open", "close"] * (len(marks) // 2):
            continue
        for a, b in zip(marks[::2], marks[1::2]):
            if b - a > 2:
                found.append(Quote(lo + a, lo + b, lo, hi))
    return found


def article_style(text: str) -> str:
    """``curly`` or ``straight``: what the article's double marks mostly are."""
    curly = text.count("“") + text.count("”")
    straight = len(re.findall(r'(?<!\d)"', text))
    return "curly" if curly > straight else "straight"


def _marks(style: str, single: bool = False) -> tuple[str, str]:
    if single:
        return ("‘", "’") if style == "curly" else ("'", "'")
    return ("“", "”") if style == "curly" else ('"', '"')


def _outside_quotes(quotes: list[Quote], i: int) -> bool:
    return not any(q.open - 2 <= i <= q.close + 2 for q in quotes)


# -- families on one quotation --------------------------------------------------------------------
# Each takes (rng, text, quote, style) and returns the damages, or None when the quotation has no site.

def punct_outside(rng, text, q, style):
    p = text[q.close - 1]
    if p not in ",.?!" or text[q.close - 2] in ".?!,…" or not text[q.close - 2].isalnum():
        return None
    after = text[q.close + 1:q.close + 2]
    mark = text[q.close]
    choices = ["moved"]
    if p == "," and after == " ":
        choices.append("spaced")
        if re.match(r" [a-z]", text[q.close + 1:q.close + 3]):
            choices.append("seed")
    variant = rng.choice(choices)
    if variant == "moved":
        if after not in ("", " ", "\n"):
            return None
        return [Damage(q.close - 1, q.close + 1, mark + p, "punct_outside", {",": "comma", ".": "period", "?": "question", "!": "exclamation"}[p])]
    if variant == "spaced":
        return [Damage(q.close - 1, q.close - 1, " ", "punct_outside", "spaced")]
    word = re.match(r" ([a-z]+)", text[q.close + 1:])
    return [Damage(q.close - 1, q.close + 2 + len(word.group(1)), ". , " + mark + word.group(1).title(), "punct_outside", "seed")]


def missing_close(rng, text, q, style):
    if text[q.close - 1] not in ",.?!":
        return None
    if not re.search(r'["“”]', text[q.close + 1:q.para_end]) and re.match(r'\n+["“”‘\']', text[q.para_end:q.para_end + 4]):
        return None  # the paragraph would then read as a quotation running on into the next one
    return [Damage(q.close, q.close + 1, "", "missing_close", close_site(text, q))]


def close_site(text: str, q: Quote) -> str:
    """Where a quotation closes in its paragraph, for ``missing_close``'s variant: at the paragraph's end
    (``para_end``), before its attribution (``attribution``: a verb of saying within four words, ``," he said``) or
    in the middle of the paragraph before the writer's next sentence (``mid_para``: ``… to win." Then he left``).

    >>> t = '"We won," he said. "We will win again." Then he left.\\n\\nHe said "it is over."'
    >>> [close_site(t, q) for q in quotations(t)]
    ['attribution', 'mid_para', 'para_end']
    """
    rest = text[q.close + 1:q.para_end]
    if not rest.strip():
        return "para_end"
    if _VERB.search(" ".join(rest.split()[:4])):
        return "attribution"
    return "mid_para"


def _runs_into(text: str, start: int) -> bool:
    """Does the paragraph before ``start`` end inside an open quotation (an odd count of double marks)?"""
    before = text[:start].rstrip("\n")
    previous = before[before.rfind("\n") + 1:]
    return len(re.findall(r'(?<!\d)["“”]', previous)) % 2 == 1


def missing_open(rng, text, q, style):
    nxt = text[q.open + 1:q.open + 2]
    if not nxt.isalpha():
        return None
    if q.open == q.para_start and _runs_into(text, q.para_start):
        return None  # the mark re-opens a quotation run on from the paragraph before: the mirror of missing_close's guard
    where = "para_start" if q.open == q.para_start else ("after_colon" if text[q.open - 2:q.open] == ": " else "inline")
    return [Damage(q.open, q.open + 1, "", "missing_open", where)]


def doubled_mark(rng, text, q, style):
    if rng.random() < 0.5:
        return [Damage(q.open, q.open + 1, text[q.open] * 2, "doubled_mark", "open")]
    return [Damage(q.close, q.close + 1, text[q.close] * 2, "doubled_mark", "close")]


def mixed(rng, text, q, style):
    o, c = text[q.open], text[q.close]
    if o == "“" and c == "”":
        variant = rng.choice(["straight_open", "straight_close", "reversed_open", "reversed_close"])
        at, rep = {"straight_open": (q.open, '"'), "straight_close": (q.close, '"'),
                   "reversed_open": (q.open, "”"), "reversed_close": (q.close, "“")}[variant]
    elif o == c == '"':
        variant = rng.choice(["curly_open", "curly_close", "wrong_curly_open", "wrong_curly_close"])
        at, rep = {"curly_open": (q.open, "“"), "curly_close": (q.close, "”"),
                   "wrong_curly_open": (q.open, "”"), "wrong_curly_close": (q.close, "“")}[variant]
    else:
        return None
    return [Damage(at, at + 1, rep, "mixed", variant)]


def single_quotes(rng, text, q, style):
    inner = text[q.open + 1:q.close]
    if re.search(r"['‘’\"“”]", inner) or len(inner.split()) < 2:
        return None
    o, c = _marks(style, single=True)
    before = text[q.para_start:q.open].rstrip()
    if inner[:1].isupper() and (not before or before[-1] in ".?!"):
        variant = "headline"
    elif inner[:1].isupper():
        variant = "attributed" if inner[-1:] in ",.?!" else "sentence"
    else:
        variant = "phrase"
    return [Damage(q.open, q.open + 1, o, "single_quotes", variant), Damage(q.close, q.close + 1, c, "single_quotes", variant)]


_FOREIGN = [("«", "»", "guillemets"), ("« ", " »", "guillemets_spaced"), ("»", "«", "reversed_guillemets"),
            ("„", "“", "low_high"), ("„", "”", "low_high_polish"), ("‹", "›", "single_guillemets")]


def foreign(rng, text, q, style):
    o, c, name = rng.choice(_FOREIGN)
    return [Damage(q.open, q.open + 1, o, "foreign", name), Damage(q.close, q.close + 1, c, "foreign", name)]


def cap_verb(rng, text, q, style):
    m = re.match(r" (he |she |they |we )?(said|says|added|told|asked|explained|wrote|noted)\b", text[q.close + 1:])
    if not m or text[q.close - 1] not in ",?!":
        return None
    at = q.close + 2
    return [Damage(at, at + 1, text[at].upper(), "cap_verb", "pronoun" if m.group(1) else "verb")]


def missing_space_after_close(rng, text, q, style):
    if not re.match(r" [A-Za-z]", text[q.close + 1:q.close + 3]):
        return None
    return [Damage(q.close + 1, q.close + 2, "", "missing_space", "close_mark")]


def nest(rng, text: str, q: Quote, style: str) -> Optional[tuple[str, int, int]]:
    """Write a quotation within ``q`` into the clean copy, in the article's single marks.

    Returns the new clean text and the offsets of the inner opening and closing marks. At the end
    of the quotation the inner quotation takes the stop with it (American style: ``‘a disgrace.’”``).
    """
    inner = text[q.open + 1:q.close]
    if re.search(r"['‘’\"“”]", inner):
        return None
    words = list(re.finditer(r"[A-Za-z][A-Za-z-]*", inner))
    if len(words) < 6:
        return None
    o, c = _marks(style, single=True)
    n = rng.randint(1, 3)
    if text[q.close - 1] in ".,?!" and rng.random() < 0.5:
        lo, hi = q.open + 1 + words[-n].start(), q.close
    else:
        k = rng.randint(1, len(words) - n - 1)
        lo, hi = q.open + 1 + words[k].start(), q.open + 1 + words[k + n - 1].end()
    return text[:lo] + o + text[lo:hi] + c + text[hi:], lo, hi + 1


def nested(rng, text, q, style, inner):
    """Damage a nested quotation: inner marks made double, ``’”`` made ``””``, an inner mark turned."""
    lo, hi = inner
    choices = ["inner_double", "inner_turned"]
    if style == "curly" and hi + 1 == q.close:
        choices.append("close_doubled")
    variant = rng.choice(choices)
    do, dc = _marks(style)
    if variant == "inner_double":
        return [Damage(lo, lo + 1, do, "nested", variant), Damage(hi, hi + 1, dc, "nested", variant)]
    if variant == "close_doubled":
        return [Damage(hi, hi + 1, "”", "nested", variant)]
    if style == "curly":
        return [rng.choice([Damage(lo, lo + 1, "’", "nested", variant), Damage(hi, hi + 1, "‘", "nested", variant)])]
    return [rng.choice([Damage(lo, lo + 1, "‘", "nested", variant), Damage(hi, hi + 1, "’", "nested", variant)])]


QUOTE_FAMILIES: dict[str, Callable] = {
    "punct_outside": punct_outside,
    "missing_close": missing_close,
    "missing_open": missing_open,
    "doubled_mark": doubled_mark,
    "mixed": mixed,
    "single_quotes": single_quotes,
    "foreign": foreign,
    "cap_verb": cap_verb,
    "missing_space": missing_space_after_close,
}
# families that change a mark, so at most one of them per quotation
_MARK_FAMILIES = {"missing_close", "missing_open", "doubled_mark", "mixed", "single_quotes", "foreign"}


# -- families anywhere in the running text --------------------------------------------------------
def _sentence_stops(text: str) -> list[int]:
    out = []
    for m in re.finditer(r"(?<=[a-z]{2})\.(?= [A-Z][a-z])", text):
        word = re.search(r"(\w+)$", text[max(0, m.start() - 20):m.start()])
        if word and word.group(1) not in _ABBREV:
            out.append(m.start())
    return out


def text_sites(rng, text: str, quotes: list[Quote], style: str) -> dict[str, list[list[Damage]]]:
    """Candidate damages of the running-text families, by family."""
    sites: dict[str, list] = {k: [] for k in ("punct_run", "missing_space", "space_before", "stray_stop", "abbrev", "stray_close")}
    stops = _sentence_stops(text)
    for i in stops:
        extra = rng.choice([",", ".", " ."])
        variant = {",": "period_comma", ".": "period_period", " .": "period_space_period"}[extra]
        sites["punct_run"].append([Damage(i + 1, i + 1, extra, "punct_run", variant)])
        sites["missing_space"].append([Damage(i + 1, i + 2, "", "missing_space", "period")])
        sites["space_before"].append([Damage(i, i, " ", "space_before", "period")])
        if _outside_quotes(quotes, i):
            sites["stray_close"].append([Damage(i + 1, i + 1, _marks(style)[1], "stray_close", "after_sentence")])
    for m in re.finditer(r"(?<=[a-z]{2})([,;:?!])(?= [a-zA-Z])", text):
        p, i = m.group(1), m.start()
        name = {",": "comma", ";": "semicolon", ":": "colon", "?": "question", "!": "exclamation"}[p]
        if p in ",;:":
            extra = rng.choice([".", ","]) if p != "," else rng.choice([".", ",", " ."])
            before = rng.random() < 0.5 and extra == "."
            at = i if before else i + 1
            sites["punct_run"].append([Damage(at, at, extra, "punct_run", f"{name}_{'period' if '.' in extra else 'comma'}")])
        if p in ",;:" or text[i + 2].isupper():
            sites["missing_space"].append([Damage(i + 1, i + 2, "", "missing_space", name)])
        sites["space_before"].append([Damage(i, i, " ", "space_before", name)])
    for m in re.finditer(r"(?<![\w.])([A-Z][a-z]+ [A-Z][a-z]{2,})(?= [a-z]{2,} )", text):
        if m.group(1).split()[-1] not in _ABBREV and _outside_quotes(quotes, m.end()):
            sites["stray_stop"].append([Damage(m.end(), m.end(), ".", "stray_stop", "after_name")])
    for m in re.finditer(r"(?<![\w.])([A-Z]{2,6})(?= [a-z]{2,} )", text):
        sites["abbrev"].append([Damage(m.end(), m.end(), ".", "abbrev", "acronym_stop")])
    for m in re.finditer(r"(?<![\w.])((?:[A-Z]\.){2,4})(?= [a-z]{2,} )", text):
        sites["abbrev"].append([Damage(m.end() - 1, m.end(), "", "abbrev", "dotted_lost_stop")])
    for m in re.finditer(r"(?<![\w.])((?:[A-Z]\.){2,4}) (?=[A-Z][a-z])", text):
        sites["abbrev"].append([Damage(m.end() - 1, m.end(), "", "abbrev", "dotted_missing_space")])
    return sites


# -- putting damages on an article ----------------------------------------------------------------
def _fits(taken: list[tuple[int, int]], edits: list[Damage], gap: int = 4) -> bool:
    return all(e.end + gap <= a or b + gap <= e.start for e in edits for a, b in taken)


def _apply(text: str, edits: list[Damage]) -> str:
    out, pos = [], 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        out.append(text[pos:e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def damage(text: str, rng: random.Random, *, doc_id: str = "") -> Optional[dict]:
    """One damaged copy of ``text`` as a dev-split record, or None when it offers no site.

    Half the articles first get a quotation within one of their quotations (that is then the clean
    copy). Up to four quotations get one to three damages each (at most one that changes a mark),
    and each running-text family gets at most one site; every edit is at least 4 clean characters from the next.
    """
    style = article_style(text)
    quotes = quotations(text)
    nested_in: dict[tuple[int, int], tuple[int, int]] = {}
    if quotes and rng.random() < 0.5:
        made = nest(rng, text, rng.choice(quotes), style)
        if made is not None:
            text, lo, hi = made
            quotes = quotations(text)
            nested_in = {(q.open, q.close): (lo, hi) for q in quotes if q.open < lo and hi < q.close}
    chosen: list[Damage] = []
    taken: list[tuple[int, int]] = []
    picked = rng.sample(quotes, min(len(quotes), rng.randint(1, 4))) if quotes else []
    for key, inner in nested_in.items():
        q = next(q for q in quotes if (q.open, q.close) == key)
        edits = nested(rng, text, q, style, inner)
        chosen += edits
        taken += [(e.start, e.end) for e in edits]
        picked = [p for p in picked if p != q]
    for q in picked:
        families = list(QUOTE_FAMILIES)
        rng.shuffle(families)
        wanted = rng.choice([1, 1, 2, 2, 3])
        marked = False
        for name in families:
            if wanted <= 0:
                break
            if name in _MARK_FAMILIES and marked:
                continue
            edits = QUOTE_FAMILIES[name](rng, text, q, style)
            if not edits or not _fits(taken, edits):
                continue
            chosen += edits
            taken += [(e.start, e.end) for e in edits]
            marked = marked or name in _MARK_FAMILIES
            wanted -= 1
    for name, options in text_sites(rng, text, quotes, style).items():
        if not options or rng.random() < 0.5:
            continue
        variant = rng.choice(sorted({edits[0].variant for edits in options}))  # rare variants as often as common ones
        edits = rng.choice([edits for edits in options if edits[0].variant == variant])
        if _fits(taken, edits):
            chosen += edits
            taken += [(e.start, e.end) for e in edits]
    if rng.random() < 0.5:
        # drawn last, so the damages above stay the draws they were before this family was added
        edits = glued_open(rng, text, quotes)
        if edits and _fits(taken, edits):
            chosen += edits
            taken += [(e.start, e.end) for e in edits]
    if not chosen:
        return None
    return record(text, chosen, doc_id=doc_id)


def glued_open(rng, text: str, quotes: list[Quote]) -> Optional[list[Damage]]:
    """``missing_space/before_open``: the space before an opening mark lost after any word of the writer's
    (``it is"outdated and unjust"``, ``Blair’s“courageous”``), not only after a verb of saying or a sentence's end.

    >>> t = 'He called it "a farce" and left.'
    >>> [(e.start, e.replacement, e.variant) for e in glued_open(random.Random(1), t, quotations(t))]
    [(12, '', 'before_open')]
    """
    sites = [q for q in quotes if q.open > q.para_start + 1 and text[q.open - 1] == " " and text[q.open - 2].isalpha()]
    if not sites:
        return None
    q = rng.choice(sites)
    return [Damage(q.open - 1, q.open, "", "missing_space", "before_open")]


def record(clean: str, edits: list[Damage], *, doc_id: str = "") -> dict:
    """A dev-split style record: gold spans never empty (a pure insertion or deletion takes the
    character before it along)."""
    edits = sorted(edits, key=lambda e: e.start)
    widened = []
    for e in edits:
        if e.start == e.end or not e.replacement:
            e = Damage(e.start - 1, e.end, clean[e.start - 1] + e.replacement, e.kind, e.variant)
        widened.append(e)
    gold, out, pos, delta = [], [], 0, 0
    for group, e in enumerate(widened):
        out.append(clean[pos:e.start])
        start = e.start + delta
        gold.append({"start": start, "end": start + len(e.replacement), "corrupted": e.replacement,
                     "original": clean[e.start:e.end], "kind": e.kind, "variant": e.variant, "group": group})
        out.append(e.replacement)
        delta += len(e.replacement) - (e.end - e.start)
        pos = e.end
    out.append(clean[pos:])
    text = "".join(out)
    return {"id": doc_id, "doc_id": doc_id, "text": text, "clean": clean, "gold": gold}


def clean_articles(part: str, *, limit: Optional[int] = None, sources=QUOTE_SOURCES) -> list[dict]:
    """Articles of one part of the corpus split that hold at least one pairable quotation."""
    from corpus_split import articles

    out = []
    for rec in articles(part, sources=set(sources)):
        if quotations(rec["text"]):
            out.append(rec)
            if limit is not None and len(out) >= limit:
                break
    return out


def generate(articles: list[dict], seed: int, *, n: Optional[int] = None) -> list[dict]:
    """Damaged records for ``n`` articles drawn by ``seed`` (all of them when ``n`` is None)."""
    rng = random.Random(seed)
    pool = list(articles) if n is None or n >= len(articles) else rng.sample(articles, n)
    out = []
    for rec in pool:
        r = damage(rec["text"], random.Random(f"{seed}:{rec['id']}"), doc_id=rec["id"])
        if r is not None:
            r["source"] = rec.get("source", "")
            out.append(r)
    return out


def check_record(r: dict) -> None:
    """Replacing every gold span by its original gives the clean copy (the dev split's invariant)."""
    text = r["text"]
    for g in sorted(r["gold"], key=lambda g: -g["start"]):
        assert text[g["start"]:g["end"]] == g["corrupted"], g
        text = text[:g["start"]] + g["original"] + text[g["end"]:]
    assert text == r["clean"], r["id"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", default="tune", choices=("tune", "heldout"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--limit", type=int, default=3, help="records to print")
    args = parser.parse_args(argv)
    records = generate(clean_articles(args.part), args.seed, n=args.articles)
    from collections import Counter

    kinds = Counter((g["kind"]) for r in records for g in r["gold"])
    print(f"{len(records)} records, {sum(kinds.values())} sites: {dict(sorted(kinds.items()))}")
    for r in records:
        check_record(r)
    for r in records[:args.limit]:
        for g in r["gold"]:
            print(json.dumps({k: g[k] for k in ("kind", "variant", "corrupted", "original")}, ensure_ascii=False),
                  repr(r["text"][max(0, g["start"] - 30):g["end"] + 30]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
