"""Benchmark the Q family on the quote-repair split (../shared/data/quotes, scoring as in its README).

    .venv/bin/python bench/quotes.py [--data PATH] [--misses N] [--harm N] [--synthetic] [--json]
    .venv/bin/python bench/quotes.py --generated heldout --seeds 11 12 13 14 15   # fresh seeds, summary only
    .venv/bin/python bench/quotes.py --no-dev --generated tune --seeds 1 --misses 40  # while developing
    .venv/bin/python bench/quotes.py --no-dev --clean-edits 1000 --speed
    .venv/bin/python bench/quotes.py --no-dev --generated heldout --seeds 11 12 13 --unsafe-fixes  # suggestions applied

For news-cleaner (safe fixes only, and with unsafe fixes) and, in the same run, a naive ~20-line regex
fixer, prints: site restoration (overall and per kind; a gold site is restored when the output
reproduces the clean characters of the site plus 2 characters on each side, after a diff aligns the
output with the clean body), document exact match, do no harm on the clean bodies (characters and
sites changed, per 1,000 words; edits that only swap one double quotation mark for another, i.e. the
publisher's own mixed marks, are reported separately), edits outside gold sites on the corrupted
text, multi-paragraph quotations broken, and idempotence (``fix(fix(x)) == fix(x)``) on every record.

``--generated PART`` scores the same way the damage of ``bench/quote_damage.py`` (every family, random
parameters, several damages per quotation) on articles of one part of ``bench/corpus_split.py``: mean,
spread and minimum over the seeds, per family. ``--clean-edits N`` lists every edit the fixer makes on
clean copy; ``--speed`` prints Q's words/s beside ftfy's (CPU time, same run) and 10k/100k/1M-word costs.
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


MARKS = QUOTES + "‘’'"


def is_mark_swap(clean: str, out: str, op) -> bool:
    """Does the edit only swap one quotation mark or apostrophe for another (the publisher's own marks)?"""
    a, b = clean[op[0]:op[1]], out[op[2]:op[3]]
    return len(a) == len(b) == 1 and a in MARKS and b in MARKS


# Classes of edits on clean copy that fix the publisher's own error, counted apart from harm (never dropped:
# the bench prints them per class beside the harm they are taken out of). Each class was reviewed by hand
# on the 121 bodies and 1,000 tune articles (``--clean-edits 1000``): every edit of the spacing classes and
# of the lost abbreviation stop there fixed a real error of English copy. The evidence for a class is read
# from the clean copy alone, never from the fixer's logic: an edit that moves a stop across a closing mark
# stays harm, since British and American copy place them differently. A mark added to or deleted from a
# paragraph whose marks the publisher got wrong (an odd count, or marks out of order by their surroundings) is
# listed apart only when the repaired paragraph's marks pair up by their surroundings (a repair that leaves the
# paragraph wrong is harm); even then the repair may put its mark in the wrong place (``--clean-edits`` lists
# each one for review).
MARK_CLASS = "mark in a paragraph whose marks the publisher got wrong"
_SPACED_DOUBLE = re.compile(r"(?<![.,]),\s+,(?![.,])|(?<![.,])\.\s+\.(?![.,])")
_DOTTED_END = re.compile(r"(?<![\w.])(?:[A-Z]\.){1,5}[A-Z]$")
_PARA_MARKS = re.compile(r'(?<!\d)"|[“”]')


def _sides(clean: str, i: int, start: int, end: int) -> str:
    """What a double mark's surroundings say it is: ``open`` (space or start before, a word after), ``close``
    (a word or a stop before, space, a stop or the end after) or ``?``."""
    before = clean[i - 1] if i > start else " "
    after = clean[i + 1] if i + 1 < end else " "
    if (before.isspace() or before in "([—–-") and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or after in ",.;:?!)]—–-"):
        return "close"
    return "?"


def unbalanced_paragraph(clean: str, pos: int) -> bool:
    """Is ``pos`` in a paragraph whose double marks the publisher got wrong: an odd count, or marks that by
    their surroundings do not go open, close, open, close (``showed.” This is very encouraging,” said``);
    one that takes no quotation in from the paragraph before and runs none on into the next (which would
    re-open it)?

    >>> unbalanced_paragraph('He said it was done."\\n\\nNext.', 3), unbalanced_paragraph('"It runs on.\\n\\n"Yes," he said.', 3)
    (True, False)
    >>> unbalanced_paragraph('It rose.” This is good,” he said.', 3), unbalanced_paragraph('“It rose,” he said. “Good.”', 3)
    (True, False)
    """
    start = clean.rfind("\n", 0, pos) + 1
    end = clean.find("\n", pos)
    end = len(clean) if end < 0 else end
    marks = [m.start() for m in _PARA_MARKS.finditer(clean, start, end)]
    sides = [_sides(clean, i, start, end) for i in marks]
    if len(marks) % 2 == 0 and all(side in (want, "?") for side, want in zip(sides, ["open", "close"] * len(marks))):
        return False
    after = clean[end:].lstrip()
    before = clean[:start].rstrip()
    previous = before[before.rfind("\n") + 1:]
    return (not after or after[0] not in QUOTES) and len(_PARA_MARKS.findall(previous)) % 2 == 0


# After a quotation that ends in a comma the writer's sentence goes on: its attribution starts in lower case, unless
# it starts with a name. A verb of saying, or a subject pronoun before one, is never a name (``," He said``, ``,"
# Said Bagley``): English grammar, read from the clean copy alone.
_ATTRIBUTION_CAPITAL = re.compile(
    r'[A-Za-z0-9.!?…],["”] (?:(?:He|She|They|We|It|I) )?(?:[Ss]aid|[Ss]ays|[Aa]dded|[Aa]dds|[Tt]old|[Tt]ells|[Ww]rote|'
    r'[Ww]rites|[Aa]sked|[Aa]sks|[Ee]xplained|[Nn]oted|[Ss]tated|[Cc]ontinued|[Rr]eplied|[Rr]ecalled|[Aa]rgued)\b')
CAPITAL_CLASS = "attribution capitalised after a quotation's comma"


def publisher_error(clean: str, out: str, op) -> str:
    """The class of a clean-copy edit that repairs the publisher's own error, else ``""``.

    >>> publisher_error("Yobe North , Ahmad", "Yobe North, Ahmad", (10, 11, 10, 10))
    'space before a mark'
    >>> publisher_error("on Wednesday.The stabbing", "on Wednesday. The stabbing", (13, 13, 13, 14))
    'no space after a mark'
    >>> publisher_error("shape our work.. Daily", "shape our work. Daily", (14, 15, 14, 14))
    'doubled stop or comma'
    >>> publisher_error("the time, , thus", "the time, thus", (9, 11, 9, 9))
    'doubled stop or comma'
    >>> publisher_error('"Mourinho in a skirt".', '"Mourinho in a skirt."', (21, 22, 21, 21))
    ''
    >>> publisher_error('Grimes said,"The report', 'Grimes said, "The report', (12, 12, 12, 13))
    'no space after a mark'
    >>> publisher_error("when available: .", "when available:", (15, 17, 15, 15))
    'stop after a colon'
    >>> publisher_error("said U.S officials", "said U.S. officials", (8, 8, 8, 9))
    'abbreviation lost its last stop'
    >>> publisher_error('It was done."\\n\\nNext.', 'It was done.\\n\\nNext.', (12, 13, 12, 12))
    'mark in a paragraph whose marks the publisher got wrong'
    >>> publisher_error('He said it was done."\\n\\nNext.', 'He said" it was done."\\n\\nNext.', (7, 7, 7, 8))
    ''
    >>> publisher_error('"Yes," He said.', '"Yes," he said.', (7, 8, 7, 8)), publisher_error('"Yes," Said Lee.', '"Yes," said Lee.', (7, 8, 7, 8))
    ("attribution capitalised after a quotation's comma", "attribution capitalised after a quotation's comma")
    >>> publisher_error('"Yes," Hesaid.', '"Yes," hesaid.', (7, 8, 7, 8)), publisher_error('"Yes." He said no.', '"Yes." he said no.', (7, 8, 7, 8))
    ('', '')
    """
    a, b = clean[op[0]:op[1]], out[op[2]:op[3]]
    if a.isupper() and b == a.lower() and len(a) == 1 and _ATTRIBUTION_CAPITAL.match(clean, max(0, op[0] - 4)) \
            and clean[op[0] - 1:op[0]] == " ":
        return CAPITAL_CLASS
    if not a and b == "." and _DOTTED_END.search(clean, max(0, op[0] - 12), op[0]) and clean[op[0]:op[0] + 1] == " ":
        return "abbreviation lost its last stop"
    if {a, b} <= set(QUOTES) | {""} and len(a + b) == 1 and unbalanced_paragraph(clean, op[0]):
        # the evidence: the paragraph's marks were wrong, and after the repair they pair up by their surroundings;
        # a repair that leaves them wrong (a partial or misplaced one) is harm
        if unbalanced_paragraph(out, min(op[2], max(0, len(out) - 1))):
            return ""
        return MARK_CLASS
    before, after = clean[max(0, op[0] - 2):op[0]], clean[op[1]:op[1] + 1]
    if a and not a.strip(" ") and not b and after in tuple(",;:.?!") and before[-1:].strip():
        return "space before a mark"
    moved_back = not a and b in tuple(",;:") and clean[op[0]:op[0] + 2] == " " + b and before[-1:].isalpha()
    left_behind = a in tuple(",;:") and not b and before[-1:] == " " and before[:1].isalpha() and out[op[2] - 2:op[2]] == a + " "
    if moved_back or left_behind:
        return "space before a mark"  # ``added ,"The`` -> ``added, "The``: the comma moved back over the space (two edits)
    if a in (" .", ".") and not b and clean[:op[0]].rstrip(" ")[-1:] == ":":
        return "stop after a colon"  # ``when available: .``: a link's text lost, its stop left
    if a == "," and not b and after == ".":
        return "comma before a stop"  # ``feedback,. I``
    straight_open = after == '"' and clean[op[1] + 1:op[1] + 2].isalpha()  # ``said,"The``: a word follows it
    glued_to = after.isalpha() or after in ("“", "‘") or straight_open  # a word, or an opening mark
    after_mark = (before[-1:] in tuple(".?!,;:") and before[:1].isalnum()) or (before[-1:] in tuple("”’\"") and before[:1] in tuple(".?!,"))
    if not a and b == " " and glued_to and after_mark:
        return "no space after a mark"
    if a in (".", ",") and not b and (before[-1:] == a) != (after == a) and "..." not in clean[op[0] - 2:op[1] + 2]:
        return "doubled stop or comma"
    if not b and a.strip(" ") in (",", ".") and a.strip(" ") != a and _SPACED_DOUBLE.search(clean, max(0, op[0] - 2), op[1] + 2):
        return "doubled stop or comma"  # ``time, , thus``: the same mark twice with a space between
    return ""


def edit_code(op, edits: list) -> str:
    """The Q code of the first-round edit at a diff region (``edits``: the safe edits ``detect`` finds on the text before
    fixing), or ``later round`` when none stands there (an edit a repair of the first round led to).

    >>> from cleaner.checks.quotes import detect
    >>> clean = "It rose in the U.S officially. Then , it fell."
    >>> out = "It rose in the U.S. officially. Then, it fell."
    >>> [edit_code(op, detect(clean)) for op in diff_ops(clean, out)]
    ['Q012', 'Q004']
    """
    for e in edits:
        if e.start - 3 <= op[0] <= e.end + 3:
            return e.code
    return "later round"


def edit_shape(clean: str, out: str, op) -> str:
    """What a clean-copy edit did, in a few words: a summary of the harm on held-out copy that shows no article.

    >>> edit_shape('"a skirt".', '"a skirt"', (9, 10, 9, 9)), edit_shape('It was done.', 'It was done."', (12, 12, 12, 13))
    ('stop or comma deleted', 'double mark inserted')
    >>> edit_shape("U.S. and", "U.S and", (3, 4, 3, 3)), edit_shape("the 'term' here", 'the "term" here', (4, 5, 4, 5))
    ('stop or comma deleted', 'mark replaced')
    """
    a, b = clean[op[0]:op[1]], out[op[2]:op[3]]
    if not a and b and set(b) <= set(QUOTES):
        return "double mark inserted"
    if a and not b and set(a) <= set(QUOTES):
        return "double mark deleted"
    if a and not b and set(a) <= set(".,"):
        return "stop or comma deleted"
    if not a and b and set(b) <= set(".,"):
        return "stop or comma inserted"
    if a.strip(" ") == b.strip(" ") or (not a.strip() and not b.strip()):
        return "space added or removed"
    if len(a) == len(b) == 1 and a in QUOTES + "'‘’" and b in QUOTES + "'‘’":
        return "mark replaced"
    if a.lower() == b.lower():
        return "case changed"
    return "other"


# -- evaluation -----------------------------------------------------------------------------------
def evaluate(name: str, fix, records: list, cleans: dict, misses: int = 0, harm_show: int = 0) -> dict:
    from cleaner.checks.quotes import detect

    per_kind = defaultdict(lambda: [0, 0])
    per_variant = defaultdict(lambda: [0, 0])
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
            per_variant[g["kind"], g["variant"]][0] += ok
            per_variant[g["kind"], g["variant"]][1] += 1
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
    publisher = defaultdict(int)
    shapes = defaultdict(int)
    words = 0
    by_code = defaultdict(int)
    for clean in cleans.values():
        words += len(re.findall(r"\w+", clean))
        first_round = None  # the Q edits on the clean text, read only when it is harmed
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
            why = publisher_error(clean, out, op)
            if why:
                publisher[why] += 1
            else:
                shapes[edit_shape(clean, out, op)] += 1
                first_round = first_round if first_round is not None else [e for e in detect(clean) if e.fix == "safe"]
                by_code[edit_code(op, first_round)] += 1
            harm_examples.append((clean[max(0, op[0] - 30):op[1] + 30], out[max(0, op[2] - 30):op[3] + 30], why))
        harm_broken += broken_runons(clean, ops)
    if harm_show < 0:
        print(f"  {name}: {mark_sites} publisher-mark edits, {harm_sites} other edits on clean text (not listed: held out)", file=sys.stderr)
        harm_show = 0
    restored = sum(v[0] for v in per_kind.values())
    total = sum(v[1] for v in per_kind.values())
    result = {
        "name": name,
        "restored": restored / total,
        "per_kind": {k: v[0] / v[1] for k, v in sorted(per_kind.items())},
        "kind_counts": {k: v[1] for k, v in sorted(per_kind.items())},
        "per_variant": {f"{k}/{v}": c[0] / c[1] for (k, v), c in sorted(per_variant.items())},
        "variant_counts": {f"{k}/{v}": c[1] for (k, v), c in sorted(per_variant.items())},
        "sites": total,
        "exact": exact / len(records),
        "outside_edits": outside,
        "outside_mark_swaps": outside_swaps,
        "runons_broken_corrupted": broken,
        "harm_sites": harm_sites,
        "harm_chars": harm_chars,
        "harm_sites_per_1k": harm_sites * 1000 / words,
        "harm_chars_per_1k": harm_chars * 1000 / words,
        "publisher_mark_edits": mark_sites,
        "publisher_errors": dict(sorted(publisher.items())),
        "harm_other_sites": harm_sites - sum(publisher.values()),
        "harm_other_shapes": dict(sorted(shapes.items())),
        "harm_other_codes": dict(sorted(by_code.items())),
        "harm_other_per_1k": (harm_sites - sum(publisher.values())) * 1000 / words,
        "runons_broken_clean": harm_broken,
        "not_idempotent": len(not_idempotent),
        "seconds": seconds,
        "words": words,
    }
    if misses:
        for rid, kind, variant, ctx, out, cs in missed[:misses]:
            print(f"  MISS {name} {rid} {kind}/{variant}: {ctx!r}\n      got {out[max(0, cs - 50):cs + 40]!r}", file=sys.stderr)
    if harm_show:
        for before, after, why in harm_examples[:harm_show]:
            print(f"  HARM {name}{' (publisher: ' + why + ')' if why else ''}: {before!r} -> {after!r}", file=sys.stderr)
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


# -- generated damage on articles of the corpus split (bench/quote_damage.py) ----------------------
def evaluate_generated(name: str, fix, part: str, seeds: list, n: int, misses: int = 0, harm: int = 0) -> dict:
    """Restoration per family and harm, per seed, on ``n`` articles of one part of the corpus split.

    On ``heldout`` only summary figures are printed (no misses, no harm excerpts)."""
    import quote_damage as qd

    pool = qd.clean_articles(part)
    texts = {a["id"]: a["text"] for a in pool}
    runs = []
    for seed in seeds:
        records = qd.generate(pool, seed, n=n)
        cleans = {r["doc_id"]: texts[r["doc_id"]] for r in records}
        shown = misses if part == "tune" else 0
        result = evaluate(f"{name} seed {seed}", fix, records, cleans, shown, harm if part == "tune" else -1)
        result["runon_sites"] = sum(len(runon_sites(c)) for c in cleans.values())
        runs.append(result)
    return {"name": name, "part": part, "seeds": list(seeds), "runs": runs}


def _spread(values: list) -> str:
    import statistics

    mean = statistics.mean(values)
    sd = statistics.stdev(values) if len(values) > 1 else 0.0
    return f"{mean:6.1%} ± {sd:4.1%} (min {min(values):.1%})"


def print_generated(summary: dict) -> None:
    runs = summary["runs"]
    print(f"\ngenerated damage on {summary['part']} articles, {summary['name']}, seeds {summary['seeds']} "
          f"({sum(r['sites'] for r in runs) // len(runs)} sites and {sum(r['words'] for r in runs) // len(runs)} clean words a seed):")
    print(f"  {'restored overall':26}{_spread([r['restored'] for r in runs])}")
    kinds = sorted({k for r in runs for k in r["per_kind"]})
    for kind in kinds:
        values = [r["per_kind"][kind] for r in runs if kind in r["per_kind"]]
        count = sum(r["kind_counts"].get(kind, 0) for r in runs) // len(runs)
        print(f"    {kind:24}{_spread(values)}  ~{count} sites a seed")
    if summary["part"] == "tune":
        variants = sorted({k for r in runs for k in r["per_variant"]})
        for v in variants:
            values = [r["per_variant"][v] for r in runs if v in r["per_variant"]]
            count = sum(r["variant_counts"].get(v, 0) for r in runs)
            print(f"      {v:38}{sum(values) / len(values):6.1%}  ({count} sites)")
    harm = [r["harm_sites_per_1k"] for r in runs]
    print(f"  harm sites / 1k clean words: mean {sum(harm) / len(harm):.3f}, max {max(harm):.3f}"
          f" (publisher-mark edits {sum(r['publisher_mark_edits'] for r in runs)}, not counted)")
    other = [r["harm_other_per_1k"] for r in runs]
    classes = defaultdict(int)
    for r in runs:
        for why, n in r["publisher_errors"].items():
            classes[why] += n
    print("    of which publishers' own errors (classes read from the clean copy): "
          + (", ".join(f"{why} {n}" for why, n in sorted(classes.items())) or "none")
          + f"; the rest: mean {sum(other) / len(other):.3f}, max {max(other):.3f} per 1k")
    shapes = defaultdict(int)
    for r in runs:
        for shape, n in r["harm_other_shapes"].items():
            shapes[shape] += n
    print("    the rest by the shape of the edit (summary only): " + (", ".join(f"{k} {n}" for k, n in sorted(shapes.items(), key=lambda kv: -kv[1])) or "none"))
    codes = defaultdict(int)
    for r in runs:
        for code, n in r["harm_other_codes"].items():
            codes[code] += n
    print("    the rest by the code that made it (its first-round safe edit there; summary only): "
          + (", ".join(f"{k} {n}" for k, n in sorted(codes.items(), key=lambda kv: -kv[1])) or "none"))
    doubtful = [(r["harm_other_sites"] + r["publisher_errors"].get(MARK_CLASS, 0)) * 1000 / r["words"] for r in runs]
    print(f"    the rest with the '{MARK_CLASS}' class counted as harm too (its repairs may misplace a mark): "
          f"mean {sum(doubtful) / len(doubtful):.3f}, max {max(doubtful):.3f} per 1k")
    print(f"  edits outside gold sites on damaged text: {sum(r['outside_edits'] for r in runs)} "
          f"(+ {sum(r['outside_mark_swaps'] for r in runs)} quote-mark swaps)")
    print(f"  run-on quotations broken: {sum(r['runons_broken_corrupted'] + r['runons_broken_clean'] for r in runs)} "
          f"of {sum(r['runon_sites'] for r in runs)} in the clean copy (x2: damaged and clean)")
    print(f"  not idempotent: {sum(r['not_idempotent'] for r in runs)}")


# -- every edit on clean copy, for review -----------------------------------------------------------
FIXTURE_BODIES = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "scrapinghub-bodies.json"


def clean_copy(n_corpus: int) -> list[tuple[str, str]]:
    """(id, text): the 121 clean bodies of the fixtures, then ``n_corpus`` tune articles of the corpus."""
    import quote_damage as qd
    from corpus_split import articles

    bodies = json.loads(FIXTURE_BODIES.read_text(encoding="utf-8"))
    out = [(k[:16], v["articleBody"]) for k, v in sorted(bodies.items())]
    out += [(a["id"], a["text"]) for a in articles("tune", sources=qd.QUOTE_SOURCES, limit=n_corpus)]
    return out


def list_clean_edits(fix, n_corpus: int) -> None:
    """Print every edit the fixer makes on clean copy: publisher-mark swaps first, then anything else."""
    copy = clean_copy(n_corpus)
    swaps, spacing, others, words = [], [], [], 0
    for doc_id, clean in copy:
        words += len(re.findall(r"\w+", clean))
        out = fix(clean)
        for op in diff_ops(clean, out):
            why = publisher_error(clean, out, op)
            line = (f"  {doc_id}{' [publisher: ' + why + ']' if why else ''}: {clean[max(0, op[0] - 40):op[1] + 40]!r}\n"
                    f"      -> {out[max(0, op[2] - 40):op[3] + 40]!r}")
            (swaps if is_mark_swap(clean, out, op) else spacing if why else others).append(line)
    print(f"\nedits on clean copy ({len(copy)} texts, {words} words): {len(swaps)} quote-mark swaps "
          f"(publisher marks), {len(spacing)} repairs of the publisher's own errors (classes below), "
          f"{len(others)} other edits ({len(others) * 1000 / max(1, words):.3f} per 1,000 words; "
          f"{(len(spacing) + len(others)) * 1000 / max(1, words):.3f} with the publisher errors)")
    classes = defaultdict(int)
    for line in spacing:
        classes[line.split("[publisher: ")[1].split("]")[0]] += 1
    print("  publisher errors by class: " + ", ".join(f"{why} {n}" for why, n in sorted(classes.items())))
    spacing.sort(key=lambda line: line.split("[publisher: ")[1])
    for line in swaps + spacing + others:
        print(line)


# -- speed --------------------------------------------------------------------------------------------
def _cpu(fn, texts, repeat: int = 1) -> float:
    start = time.process_time()
    for _ in range(repeat):
        for t in texts:
            fn(t)
    return (time.process_time() - start) / repeat


def speed(n_corpus: int = 400) -> None:
    """Q words/s beside ftfy's (CPU time, same texts, same run), then 10k/100k/1M-word documents."""
    import ftfy

    from cleaner.checks.quotes import detect

    texts = [t for _, t in clean_copy(n_corpus)]
    words = sum(len(re.findall(r"\w+", t)) for t in texts)
    detect(texts[0])  # load the rule data
    q = _cpu(detect, texts)
    f = _cpu(ftfy.fix_text, texts)
    print(f"\nspeed on {len(texts)} clean texts ({words} words), CPU time: Q {words / q:,.0f} words/s, "
          f"ftfy {words / f:,.0f} words/s (Q costs {q / f:.2f}x ftfy)")
    body = "\n\n".join(texts)
    body_words = len(re.findall(r"\w+", body))
    per_word = []
    for size in (10_000, 100_000, 1_000_000):
        doc = (body * (size // body_words + 1))
        doc = doc[:int(len(doc) * size / (body_words * (size // body_words + 1)))]
        seconds = _cpu(detect, [doc])
        per_word.append(seconds / size)
        print(f"  {size:>9,} words: {seconds:6.2f} s CPU, {seconds / size * 1e6:.1f} us/word")
    print(f"  1M/10k cost per word: {per_word[2] / per_word[0]:.2f} (1.0 is linear)")


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
    parser.add_argument("--generated", choices=("tune", "heldout"),
                        help="score damage from bench/quote_damage.py on articles of this part of the corpus split")
    parser.add_argument("--seeds", type=int, nargs="+", default=[11, 12, 13, 14, 15])
    parser.add_argument("--articles", type=int, default=300, help="articles a seed (--generated)")
    parser.add_argument("--clean-edits", type=int, metavar="N", default=None,
                        help="list every edit on the 121 clean bodies and N tune articles")
    parser.add_argument("--speed", action="store_true", help="Q words/s beside ftfy, and 10k/100k/1M-word linearity")
    parser.add_argument("--no-dev", action="store_true", help="skip the dev split")
    parser.add_argument("--unsafe-fixes", action="store_true",
                        help="with --generated or --clean-edits: apply the unsafe fixes too, so a site an unsafe suggestion "
                             "names rightly counts as restored (the figures of record are safe fixes only)")
    args = parser.parse_args(argv)
    if args.no_dev or args.generated or args.clean_edits is not None or args.speed:
        return extra(args)
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
    row("  publisher errors", "{}", getter=lambda r: sum(r["publisher_errors"].values()))
    row("  other harm sites / 1k", "{:.3f}", "harm_other_per_1k")
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


def fixer(unsafe: bool = False):
    """The Q fixer the generated figures score: safe fixes only (the figures of record), or with the unsafe ones.

    By default a site whose repair is only suggested (unsafe: two repairs tie, or the place is a judgement) counts
    as not restored, even when the suggestion names the right place; ``unsafe`` applies the suggestions, so the
    difference between the two runs is what the suggestions would restore.

    >>> text = '"We will pay," the minister said.\\n\\nThe \\'bumping\\' of flights at the centre has ended.'
    >>> fixer()(text) == text, fixer(unsafe=True)(text) == text.replace("'bumping'", '"bumping"')
    (True, True)
    """
    from cleaner import Cleaner

    cleaner = Cleaner(select=["Q"], unsafe_fixes=unsafe)
    return lambda t: cleaner.clean(t, kind="text").text


def extra(args) -> int:
    fix = fixer(args.unsafe_fixes)
    name = "news-cleaner (unsafe)" if args.unsafe_fixes else "news-cleaner (safe)"
    if not args.no_dev:
        main([a for a in ("--data", str(args.data)) if a])
    if args.generated:
        print_generated(evaluate_generated(name, fix, args.generated, args.seeds, args.articles, args.misses, args.harm))
    if args.clean_edits is not None:
        list_clean_edits(fix, args.clean_edits)
    if args.speed:
        speed()
    return 0


if __name__ == "__main__":
    sys.exit(main())
