"""Typos and garbled names made by a seeded damage generator in clean articles: do S and G hold on
damage nobody tuned on?

Usage::

    python bench/typos_generated.py                        # dev split, tune seeds, held-out seeds
    python bench/typos_generated.py --part tune --seeds 1 --errors 20   # misses and false flags (tune only)
    python bench/typos_generated.py --write out.jsonl --part tune --seeds 1   # the damaged records

Clean articles come from ``bench/corpus_split.py`` (``../shared/data/news_clean``): the ``tune`` part
for development, the ``heldout`` part for the fresh-seed figures, and from sources with varied prose
(onestop_adv, wikinews_gum, digitalgov, 18f) plus some Reuters wire copy. Each article gets several
damages, at most one of each kind, sites at least 40 characters apart, chosen by a seeded
``random.Random`` (the seed and the article's id fix every choice). Every damage is labelled with its
family (what the acceptance criteria count) and its kind:

- ``acronym``: an acronym garbled in its only mention (``acronym_only``: one substituted, swapped,
  dropped or doubled letter) or the same way in every mention (``acronym_every``, two to four
  mentions, each its own gold span), or written in title case (``acronym_title``: ``Fbi``, in one or
  every mention);
- ``casing``: any number of words of a multiword name lower-cased (``name_lower``; the gold record's
  ``known_name`` says whether the gazetteer lists it), the last word also flipped between singular
  and plural (``name_number``: ``White houses``), a person's surname lower-cased (``person_lower``:
  ``Chris tang``);
- ``joining``: the joining word of a name replaced by another of in/on/at/of/for/to
  (``joining_swap``: ``University on California``);
- ``misspelling``: a one-edit slip making a non-word (``word_slip``), two slips in one word
  (``two_letter_slip``), a real learner's or coder's misspelling from the Birkbeck, Holbrook and
  typos-crate lists that hunspell and the dictionary reject, even where web text (wordfreq) has seen
  it (``corpus_misspelling``), a slip that a prefix or suffix rule would admit
  (``affix_nonword``: ``defeet``, ``studys``), a slip in a sentence's first word (``sentence_initial``),
  a misspelt ordinary word inside a name (``name_word_misspelt``: ``Prime Minester``), a word split
  by a space where a half is no word (``split_word``);
- ``realword``: a real word for another, from the same lists' real-word entries or one slip away
  (``realword``: ``form`` for ``from``);
- ``mt``: a machine-translation synonym swap inside a common pair of words (``mt_swap``:
  ``resistance pack``), from a synonym table of this script's own (``MT_SYNONYMS``, written for the
  generator: nothing in ``cleaner/`` or ``rules/`` may use it).

Made only with ``--extra-kinds`` (so the default seeds' damage stays as it was):

- ``acronym_swap`` (family ``acronym``): a gazetteer name's acronym in its definition replaced by
  another entry's acronym one letter away, or two with the same first letter (``World Health
  Organization (WTO)``); tried first in each article that has such a definition.
- ``name_number_title`` (family ``casing``): one word of a multiword name flipped between singular
  and plural with its capital kept (``the Internal Revenue Services``, ``the United Nation``); the
  gold record's ``known_name`` says whether the gazetteer lists the name.

Scoring is ``bench/typos.py``'s: a flag overlapping a damage's changed tokens finds it, each damage is
found at most once, any other flag is a false flag, counted per 1,000 words outside the damages. The
clean articles keep their publishers' own typos, and flags on them count as false flags.

Printed: the dev split (``../shared/data/typos/dev.jsonl``, through bench/typos.py), the tune-part
seeds used for development, and the mean and spread (sample standard deviation) over the held-out
seeds (default 101..105). Only summary figures are printed for the held-out part: ``--errors`` refuses it.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from cleaner.gazetteer import gazetteer, norm  # noqa: E402
from cleaner.lexicon import PREFIXES, SUFFIXES, lexicon  # noqa: E402
from corpus_split import articles  # noqa: E402
from typos import DEFAULT_SPLIT, TOOLS, WORD, score  # noqa: E402
from typos_injected import _neighbours as _near_keys  # noqa: E402

PAIRS = ROOT.parent / "shared" / "data" / "typos" / "pairs.tsv"
FAMILY = {
    "acronym_only": "acronym", "acronym_every": "acronym", "acronym_title": "acronym",
    "name_lower": "casing", "name_number": "casing", "person_lower": "casing",
    "joining_swap": "joining",
    "word_slip": "misspelling", "two_letter_slip": "misspelling", "corpus_misspelling": "misspelling",
    "affix_nonword": "misspelling", "sentence_initial": "misspelling", "name_word_misspelt": "misspelling",
    "split_word": "misspelling",
    "realword": "realword",
    "mt_swap": "mt",
}
KINDS = tuple(FAMILY)
# kinds made only on request (--extra-kinds): adding one to KINDS would change every seed's damage
EXTRA_KINDS = {"acronym_swap": "acronym", "name_number_title": "casing"}
FAMILY_OF = {**FAMILY, **EXTRA_KINDS}
FAMILIES = ("acronym", "casing", "joining", "misspelling", "realword", "mt")
CORE = FAMILIES[:4]
# how many articles of each source one seed draws (all of a source when it has fewer)
SOURCES = {"onestop_adv": 70, "wikinews_gum": 22, "18f": 45, "digitalgov": 45, "reuters21578": 40}
JOINING = ("in", "on", "at", "of", "for", "to")
GAP = 40  # characters between two damages

# Synonym groups a word-by-word translation picks from without regard to the pair the word sits in
# ("resistance group" -> "resistance pack"). Written for this generator from general English; the
# checks must never read it.
MT_SYNONYMS = [
    ("group", "pack", "band", "cluster"), ("fighters", "combatants", "warriors"),
    ("killed", "slain", "murdered"), ("attack", "assault", "offensive"), ("forces", "powers", "strengths"),
    ("government", "administration", "regime"), ("minister", "secretary", "pastor"),
    ("meeting", "assembly", "gathering"), ("conference", "convention", "congress"),
    ("statement", "declaration", "assertion"), ("said", "stated", "declared"), ("told", "informed", "narrated"),
    ("people", "persons", "folks"), ("country", "nation", "land"), ("city", "town", "metropolis"),
    ("company", "firm", "enterprise"), ("market", "marketplace", "bazaar"), ("price", "cost", "tariff"),
    ("prices", "costs", "tariffs"), ("rate", "ratio", "tempo"), ("growth", "development", "expansion"),
    ("increase", "rise", "augmentation"), ("decline", "decrease", "drop"), ("share", "portion", "stake"),
    ("shares", "portions", "stakes"), ("profit", "gain", "earnings"), ("loss", "damage", "deprivation"),
    ("losses", "damages", "deprivations"), ("bank", "lender", "depository"), ("deal", "agreement", "bargain"),
    ("plan", "scheme", "project"), ("program", "programme", "agenda"), ("service", "utility", "ministry"),
    ("services", "utilities", "ministries"), ("team", "crew", "squad"), ("leader", "chief", "head"),
    ("leaders", "chiefs", "heads"), ("official", "functionary", "officer"), ("officials", "functionaries", "officers"),
    ("police", "militia", "constabulary"), ("war", "warfare", "combat"), ("troops", "soldiers", "militaries"),
    ("election", "poll", "ballot"), ("vote", "ballot", "suffrage"), ("law", "legislation", "statute"),
    ("court", "tribunal", "yard"), ("case", "instance", "occurrence"), ("report", "account", "bulletin"),
    ("news", "tidings", "information"), ("data", "facts", "figures"), ("work", "labor", "toil"),
    ("job", "post", "occupation"), ("jobs", "posts", "occupations"), ("home", "dwelling", "residence"),
    ("house", "residence", "dwelling"), ("school", "academy", "institute"), ("students", "pupils", "learners"),
    ("children", "kids", "offspring"), ("women", "females", "ladies"), ("men", "males", "gentlemen"),
    ("health", "wellness", "fitness"), ("care", "caution", "concern"), ("public", "communal", "civic"),
    ("big", "large", "huge"), ("small", "little", "tiny"), ("new", "novel", "fresh"), ("old", "aged", "ancient"),
    ("high", "tall", "elevated"), ("low", "short", "shallow"), ("strong", "powerful", "sturdy"),
    ("important", "significant", "weighty"), ("major", "main", "principal"), ("early", "premature", "initial"),
    ("last", "final", "ultimate"), ("first", "initial", "premier"), ("next", "following", "subsequent"),
    ("help", "aid", "assistance"), ("support", "backing", "assistance"), ("use", "usage", "utilization"),
    ("make", "produce", "fabricate"), ("take", "seize", "grab"), ("give", "grant", "donate"),
    ("get", "obtain", "acquire"), ("find", "discover", "locate"), ("show", "display", "exhibit"),
    ("start", "begin", "commence"), ("end", "finish", "termination"), ("build", "construct", "erect"),
    ("open", "unlock", "launch"), ("run", "operate", "sprint"), ("keep", "retain", "preserve"),
    ("user", "consumer", "operator"), ("users", "consumers", "operators"), ("website", "site", "webpage"),
    ("agency", "bureau", "office"), ("agencies", "bureaus", "offices"), ("team", "staff", "workforce"),
    ("federal", "national", "central"), ("state", "province", "condition"), ("local", "regional", "native"),
    ("world", "globe", "earth"), ("time", "period", "epoch"), ("year", "annum", "twelvemonth"),
    ("week", "sennight", "seven-day"), ("day", "daytime", "date"), ("way", "manner", "path"),
    ("problem", "issue", "trouble"), ("problems", "issues", "troubles"), ("question", "query", "inquiry"),
    ("answer", "reply", "response"), ("information", "intelligence", "knowledge"), ("research", "inquiry", "study"),
    ("oil", "petroleum", "grease"), ("energy", "vigor", "power"), ("trade", "commerce", "traffic"),
    ("tax", "levy", "duty"), ("money", "cash", "funds"), ("funds", "capital", "resources"),
    ("crude", "raw", "rough"), ("output", "production", "yield"), ("exports", "shipments", "outflows"),
]


# -- word knowledge the generator needs (what is a word, what is a name) --------------------------
def is_nonword(word: str) -> bool:
    """No dictionary entry, no capitalised entry, and wordfreq has (nearly) never seen it."""
    lex = lexicon()
    low = word.lower()
    return low not in lex.lower and low not in lex.capitalised and lex.zipf(low) < 1.5


def affix_admitted(low: str, original: str = "") -> bool:
    """Would a productive prefix or suffix rule of the lexicon take ``low`` for a word (with an affix
    that ``original``, the word it was made from, has too: the slip is in the stem, ``defeet``)?"""
    lex = lexicon()
    for prefix in PREFIXES:
        if low.startswith(prefix) and len(low) - len(prefix) >= 4 and low[len(prefix):] in lex.lower \
                and original.startswith(prefix):
            return True
    for suffix, stem_min in SUFFIXES:
        if low.endswith(suffix) and len(low) - len(suffix) >= stem_min and low[: -len(suffix)] in lex.lower \
                and original.endswith(suffix):
            return True
    return False


def edits(word: str, rng: random.Random, keep_first: bool = True) -> list:
    """Every one-edit slip of ``word`` (dropped, doubled, swapped, neighbouring-key or inserted letter),
    shuffled; the first letter kept when ``keep_first``."""
    out = set()
    first = 1 if keep_first else 0
    for k in range(first, len(word)):
        out.add(word[:k] + word[k + 1:])
        out.add(word[:k] + word[k] + word[k:])
        if k + 1 < len(word) and word[k] != word[k + 1]:
            out.add(word[:k] + word[k + 1] + word[k] + word[k + 2:])
        for near in _near_keys(word[k].lower()):
            near = near.upper() if word[k].isupper() else near
            out.add(word[:k] + near + word[k + 1:])
            out.add(word[:k] + near + word[k:])
    out.discard(word)
    ordered = sorted(out)
    rng.shuffle(ordered)
    return ordered


@lru_cache(maxsize=1)
def _corpus_pairs() -> tuple:
    """(non-word misspellings, real-word errors) by correction, from pairs.tsv: Birkbeck and Holbrook
    (Mitton) and the typos crate, Damerau-Levenshtein distance 1-2, lower-case letters only."""
    nonword: dict = {}
    realword: dict = {}
    if not PAIRS.exists():
        return nonword, realword
    lex = lexicon()
    for line in PAIRS.read_text(encoding="utf-8").splitlines()[1:]:
        wrong, right, source, _, real, dl = line.split("\t")
        if source not in ("mitton-birkbeck", "mitton-holbrook", "typos") or dl not in ("1", "2"):
            continue
        if not (wrong.isalpha() and wrong.islower() and right.isalpha() and right.islower()):
            continue
        if real == "1":
            if lex.zipf(wrong) >= 3.0 and lex.zipf(right) >= 3.0 and len(right) >= 3 and len(wrong) >= 2:
                realword.setdefault(right, set()).add(wrong)
        elif wrong not in lex.lower and wrong not in lex.capitalised:
            # hunspell and SCOWL reject it, though web text may use it (wordfreq may know "recieve")
            nonword.setdefault(right, set()).add(wrong)
    return ({k: sorted(v) for k, v in nonword.items()}, {k: sorted(v) for k, v in realword.items()})


@lru_cache(maxsize=1)
def _synonyms() -> dict:
    table: dict = {}
    for group in MT_SYNONYMS:
        for word in group:
            table.setdefault(word, set()).update(w for w in group if w != word)
    return {k: sorted(v) for k, v in table.items()}


# -- where damage can go --------------------------------------------------------------------------
_WORD = re.compile(r"[A-Za-z]+")
_OPENERS = " \n\t\"'(“‘—"
_CLOSERS = " \n\t\"'),.;:!?”’—"
_NAME = re.compile(r"(?<=[a-z,;] )(?:[A-Z][a-z]+ (?:(?:of|for|and|the|on|in|at|to) ){0,2}){1,3}[A-Z][a-z]+\b")
_ACRONYM = re.compile(r"(?<![\w.&/-])[A-Z]{2,5}(?![\w&/-]|\.\w)")
_SENTENCE_FIRST = re.compile(r"(?:(?<=^)|(?<=\n)|(?<=[.!?] ))[A-Z][a-z]{3,}\b")
_JOIN = re.compile(r"(?<=[a-z,;] )([A-Z][a-z]{2,}) (in|on|at|of|for|to) (?:the )?[A-Z][a-z]+")
_ROMAN = re.compile(r"^[IVXLC]+$")
_DEFINED_ACRONYM = re.compile(r"\(([A-Z]{2,6})\)")


@lru_cache(maxsize=1)
def _acronym_swaps() -> dict:
    """Each gazetteer acronym -> the other entries' acronyms of its length one letter from it, or two
    with the same first letter (``WHO`` -> ``WTO``, ``ECB`` -> ``EIB``): what a spinner or a translation
    may put in a definition."""
    gaz = gazetteer()
    real = [a for a in gaz.acronyms if a.isalpha() and a.isupper()]
    by_pattern: dict = {}
    for a in real:
        for k in range(len(a)):
            by_pattern.setdefault(a[:k] + "*" + a[k + 1:], []).append(a)
            for j in range(max(1, k + 1), len(a)):
                if k:
                    by_pattern.setdefault(a[:k] + "*" + a[k + 1:j] + "*" + a[j + 1:], []).append(a)
    out: dict = {}
    for a in real:
        own = {x.lower() for x in gaz.acronyms[a].acronyms}
        near = set()
        for k in range(len(a)):
            near.update(by_pattern.get(a[:k] + "*" + a[k + 1:], ()))
            for j in range(max(1, k + 1), len(a)):
                if k:
                    near.update(by_pattern.get(a[:k] + "*" + a[k + 1:j] + "*" + a[j + 1:], ()))
        out[a] = sorted(b for b in near if b.lower() not in own and gaz.acronyms[b] is not gaz.acronyms[a])
    return out


def _standalone(text: str, start: int, end: int) -> bool:
    """A plain word: spaces or punctuation around it, not part of a URL, number, handle or code."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before not in _OPENERS or after not in _CLOSERS:
        return False
    if after == "." and end + 1 < len(text) and text[end + 1].isalnum():
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end != -1 else len(text)]
    return "://" not in line and "www." not in line and "@" not in line[max(0, start - line_start - 30):end - line_start + 30]


class Article:
    """One clean article and the places where each kind of damage can go: each generator yields
    damages as lists of edits ``(start, end, replacement, parts)``, ``parts`` relative to ``start``."""

    def __init__(self, text: str, rng: random.Random):
        self.text, self.rng = text, rng
        self.lex = lexicon()
        self.words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)
                      if _standalone(text, m.start(), m.end())]

    def _plain_words(self, min_length: int, min_zipf: float):
        """Lower-case ordinary words, not a sentence's first."""
        for start, end, w in self.words:
            if w.islower() and len(w) >= min_length and w in self.lex.lower and self.lex.zipf(w) >= min_zipf:
                yield start, end, w

    @staticmethod
    def _one(start, end, replacement, parts=None):
        return [(start, end, replacement, parts or [(0, len(replacement))])]

    # acronym ---------------------------------------------------------------------------------
    def _acronyms(self) -> dict:
        uses: dict = {}
        for m in _ACRONYM.finditer(self.text):
            a = m.group()
            if _ROMAN.match(a) or not _standalone(self.text, m.start(), m.end()):
                continue
            around = self.text[max(0, m.start() - 30):m.end() + 30]
            if sum(1 for w in _WORD.findall(around) if w.isupper() and len(w) > 1) > 2:
                continue  # an all-caps heading or ticker line, not an acronym in prose
            uses.setdefault(a, []).append(m.start())
        return uses

    def _acronym_garble(self, acronym: str) -> str | None:
        rng = self.rng
        uses = self._acronyms()
        for _ in range(10):
            how = rng.choice(("sub", "swap", "drop", "double"))
            k = rng.randrange(len(acronym))
            if how == "sub":
                near = _near_keys(acronym[k].lower()) or "e"
                out = acronym[:k] + rng.choice(near).upper() + acronym[k + 1:]
            elif how == "swap" and k + 1 < len(acronym):
                out = acronym[:k] + acronym[k + 1] + acronym[k] + acronym[k + 2:]
            elif how == "drop" and len(acronym) >= 3:
                out = acronym[:k] + acronym[k + 1:]
            else:
                out = acronym[:k] + acronym[k] + acronym[k:]
            if out != acronym and out not in uses and out.lower() not in self.lex.lower:
                return out
        return None

    def acronym_only(self):
        for acronym, starts in self._acronyms().items():
            if len(starts) == 1:
                bad = self._acronym_garble(acronym)
                if bad:
                    yield self._one(starts[0], starts[0] + len(acronym), bad)

    def acronym_every(self):
        for acronym, starts in self._acronyms().items():
            if 2 <= len(starts) <= 4:
                bad = self._acronym_garble(acronym)
                if bad:
                    yield [(s, s + len(acronym), bad, [(0, len(bad))]) for s in starts]

    def acronym_title(self):
        for acronym, starts in self._acronyms().items():
            if len(acronym) >= 3 and len(starts) <= 4:
                title = acronym[0] + acronym[1:].lower()
                if self.rng.random() < 0.5:
                    starts = [self.rng.choice(starts)]
                yield [(s, s + len(acronym), title, [(0, len(title))]) for s in starts]

    def acronym_swap(self):
        """A gazetteer name's acronym, in its definition right after one of the name's forms, replaced by
        another entry's acronym a letter or two away (``World Health Organization (WTO)``)."""
        gaz = gazetteer()
        for m in _DEFINED_ACRONYM.finditer(self.text):
            acr = m.group(1)
            entry = gaz.acronyms.get(acr)
            if entry is None or not _acronym_swaps().get(acr):
                continue
            before = norm(self.text[max(0, m.start() - 120):m.start()])
            if any(before.endswith(norm(f)) for f in entry.forms):
                yield self._one(m.start(1), m.end(1), self.rng.choice(_acronym_swaps()[acr]))

    # casing ----------------------------------------------------------------------------------
    def _names(self):
        """Multiword capitalised names inside sentences: (start, [(offset, word)...])."""
        for m in _NAME.finditer(self.text):
            if not _standalone(self.text, m.start(), m.end()):
                continue
            words, offset = [], 0
            for w in m.group().split(" "):
                words.append((offset, w))
                offset += len(w) + 1
            yield m.start(), m.group(), words

    def name_lower(self):
        for start, name, words in self._names():
            capitals = [(o, w) for o, w in words if w[0].isupper()]
            chosen = self.rng.sample(capitals, self.rng.randint(1, len(capitals)))
            out = list(name)
            parts = []
            for o, w in chosen:
                out[o:o + len(w)] = w.lower()
                parts.append((o, o + len(w)))
            edit = (start, start + len(name), "".join(out), sorted(parts))
            yield [edit + (norm(name) in gazetteer().forms,)]

    def _flip_number(self, low: str):
        """The other number of the dictionary word ``low``, when that is a dictionary word too."""
        if low not in self.lex.lower:
            return None
        if low.endswith("ies") and low[:-3] + "y" in self.lex.lower:
            flipped = low[:-3] + "y"
        elif low.endswith("s") and low[:-1] in self.lex.lower:
            flipped = low[:-1]
        elif low.endswith("y") and low[-2:-1] not in "aeiou":
            flipped = low[:-1] + "ies"
        elif low.endswith(("s", "x", "ch", "sh")):
            flipped = low + "es"
        else:
            flipped = low + "s"
        return flipped if flipped in self.lex.lower else None

    def name_number(self):
        for start, name, words in self._names():
            o, last = words[-1]
            flipped = self._flip_number(last.lower())
            if flipped is None:
                continue
            yield [(start + o, start + o + len(last), flipped, [(0, len(flipped))], norm(name) in gazetteer().forms)]

    def name_number_title(self):
        """One word of a multiword name flipped between singular and plural, its capital kept (``the
        Internal Revenue Services``, ``the United Nation``)."""
        for start, name, words in self._names():
            options = [(o, w, self._flip_number(w.lower())) for o, w in words if w[0].isupper() and len(w) >= 4]
            options = [(o, w, f) for o, w, f in options if f]
            if options:
                o, w, flipped = self.rng.choice(options)
                flipped = flipped[0].upper() + flipped[1:]
                yield [(start + o, start + o + len(w), flipped, [(0, len(flipped))], norm(name) in gazetteer().forms)]

    def person_lower(self):
        for m in re.finditer(r"\b([A-Z][a-z]+) ([A-Z][a-z]{2,})\b", self.text):
            given, surname = m.group(1), m.group(2)
            if given.lower() in self.lex.names and _standalone(self.text, m.start(2), m.end(2)):
                yield self._one(m.start(2), m.end(2), surname.lower())

    # joining ---------------------------------------------------------------------------------
    def joining_swap(self):
        for m in _JOIN.finditer(self.text):
            head, joining = m.group(1), m.group(2)
            if head.lower() not in self.lex.lower or self.lex.zipf(head) < 3.0:
                continue  # "Trump in Washington": a name before a preposition, not a name's joining word
            other = self.rng.choice([w for w in JOINING if w != joining])
            yield self._one(m.start(2), m.end(2), other)

    # misspelling -----------------------------------------------------------------------------
    def word_slip(self):
        for start, end, w in self._plain_words(4, 3.0):
            bad = next((e for e in edits(w, self.rng) if is_nonword(e)), None)
            if bad:
                yield self._one(start, end, bad)

    def two_letter_slip(self):
        for start, end, w in self._plain_words(6, 3.0):
            once = edits(w, self.rng)[:6]
            bad = next((e2 for e1 in once for e2 in edits(e1, self.rng)[:6]
                        if is_nonword(e2) and e2 != w and is_nonword(e1)), None)
            if bad:
                yield self._one(start, end, bad)

    def corpus_misspelling(self):
        nonword, _ = _corpus_pairs()
        for start, end, w in self._plain_words(3, 0.0):
            options = nonword.get(w)
            if options:
                yield self._one(start, end, self.rng.choice(options))

    def affix_nonword(self):
        for start, end, w in self._plain_words(5, 3.0):
            options = [e for e in edits(w, self.rng) if e.isalpha() and e != w + w[-1]]
            if w.endswith("ies") and len(w) > 5:
                options.append(w[:-3] + "ys")  # "studies" -> "studys"
            options = [o for o in options if is_nonword(o) and affix_admitted(o, w)]
            if options:
                yield self._one(start, end, self.rng.choice(options))

    def sentence_initial(self):
        for m in _SENTENCE_FIRST.finditer(self.text):
            w = m.group()
            if w.lower() not in self.lex.lower or self.lex.zipf(w) < 3.0:
                continue
            bad = next((e for e in edits(w, self.rng) if is_nonword(e)), None)
            if bad:
                yield self._one(m.start(), m.end(), bad)

    def name_word_misspelt(self):
        nonword, _ = _corpus_pairs()
        for start, name, words in self._names():
            for o, w in words:
                low = w.lower()
                if not w[0].isupper() or len(w) < 4 or low not in self.lex.lower or self.lex.zipf(low) < 3.5:
                    continue
                options = [e for e in edits(w, self.rng) if is_nonword(e)][:3]
                options += [b[0].upper() + b[1:] for b in nonword.get(low, [])]
                if options:
                    yield self._one(start + o, start + o + len(w), self.rng.choice(options))

    def split_word(self):
        for start, end, w in self._plain_words(7, 3.0):
            cuts = [k for k in range(2, len(w) - 1)
                    if w[:k] not in self.lex.lower or w[k:] not in self.lex.lower]
            if cuts:
                k = self.rng.choice(cuts)
                yield self._one(start, end, w[:k] + " " + w[k:], [(0, k), (k + 1, len(w) + 1)])

    # real words and MT -----------------------------------------------------------------------
    def realword(self):
        _, real = _corpus_pairs()
        for start, end, w in self._plain_words(3, 3.0):
            options = list(real.get(w, []))
            options += [e for e in edits(w, self.rng)[:12] if e in self.lex.lower and self.lex.zipf(e) >= 3.5
                        and len(e) >= 3][:2]
            if options:
                yield self._one(start, end, self.rng.choice(options))

    def mt_swap(self):
        synonyms = _synonyms()
        words = self.words
        for i, (start, end, w) in enumerate(words):
            options = synonyms.get(w)
            if not options:
                continue
            prev = words[i - 1][2].lower() if i and words[i - 1][1] + 1 == start else ""
            nxt = words[i + 1][2].lower() if i + 1 < len(words) and words[i + 1][0] == end + 1 else ""
            pair = max(self.lex.bigram(prev, w) if prev else 0, self.lex.bigram(w, nxt) if nxt else 0)
            if pair < 100_000:
                continue  # not a set pair: a synonym there may read fine
            swaps = [s for s in options if max(self.lex.bigram(prev, s) if prev else 0,
                                               self.lex.bigram(s, nxt) if nxt else 0) * 20 < pair]
            if swaps:
                yield self._one(start, end, self.rng.choice(swaps))


def damage(text: str, rng: random.Random, per_words: int = 80, max_damages: int = 12, extra: tuple = ()) -> tuple:
    """(damaged text, gold spans): several damages of different kinds, sites ``GAP`` characters apart;
    ``extra`` kinds (of :data:`EXTRA_KINDS`) are tried first, where the article has a site for them."""
    site = Article(text, rng)
    n_words = len(WORD.findall(text))
    wanted = max(2, min(max_damages, n_words // per_words))
    kinds = list(KINDS)
    rng.shuffle(kinds)
    kinds = list(extra) + kinds
    chosen: list = []  # (start, end, replacement, parts, kind, known_name)
    taken: list = []
    for kind in kinds:
        if len(chosen) >= wanted:
            break
        options = list(getattr(site, kind)())
        rng.shuffle(options)
        for edits_ in options[:50]:
            spans = [(e[0], e[1]) for e in edits_]
            if all(e + GAP <= s0 or e0 + GAP <= s for s, e in spans for s0, e0 in taken):
                for e in edits_:
                    chosen.append((e[0], e[1], e[2], e[3], kind, e[4] if len(e) > 4 else None))
                taken.extend(spans)
                break
    chosen.sort()
    out, gold, pos, shift = [], [], 0, 0
    for start, end, replacement, parts, kind, known in chosen:
        out.append(text[pos:start])
        out.append(replacement)
        new_start = start + shift
        record = {"start": new_start, "end": new_start + len(replacement), "corrupted": replacement,
                  "original": text[start:end], "kind": FAMILY_OF[kind], "detail": kind,
                  "parts": [[new_start + a, new_start + b] for a, b in parts]}
        if known is not None:
            record["known_name"] = known
        gold.append(record)
        shift += len(replacement) - (end - start)
        pos = end
    out.append(text[pos:])
    return "".join(out), gold


def generate(part: str, seed: int, sources: dict = SOURCES, extra: tuple = ()) -> list:
    """The damaged records of one seed: articles drawn by the seed from ``part``, then damaged."""
    pool: dict = {}
    for rec in articles(part, sources=set(sources)):
        pool.setdefault(rec["source"], []).append(rec)
    rng = random.Random(seed)
    drawn = []
    for source, n in sources.items():
        recs = pool.get(source, [])
        drawn.extend(rng.sample(recs, min(n, len(recs))))
    records = []
    for rec in drawn:
        text, gold = damage(rec["text"], random.Random(f"{seed}:{rec['id']}"), extra=extra)
        if gold:
            records.append({"id": rec["id"], "source": rec["source"], "split": f"{part}-{seed}", "text": text,
                            "clean": rec["text"], "gold": gold})
    return records


# -- evaluation -----------------------------------------------------------------------------------
def evaluate(records: list, cleaner) -> tuple:
    """bench/typos.py's metrics by family, plus recall by kind, and the misses and false flags."""
    found = [cleaner.detect(cleaner.document(r["text"], kind="text")) for r in records]
    flags = [[(f.start, f.end, f.suggestion) for f in fs] for fs in found]
    metrics, errors = score(records, flags)
    # false flags by code: a flag that overlaps no damaged token (as score() counts them)
    wrong: Counter = Counter()
    for r, fs in zip(records, found):
        parts = [p for g in r["gold"] for p in g["parts"]]
        wrong.update(f.code for f in fs if not any(f.start < e and s < f.end for s, e in parts))
    by_kind = [dict(r, gold=[dict(g, kind=g["detail"]) for g in r["gold"]]) for r in records]
    metrics["per_detail_recall"] = score(by_kind, flags)[0]["per_kind_recall"]
    # the kinds whose gold says whether the gazetteer lists the name: recall on listed names apart
    by_known = [dict(r, gold=[dict(g, kind=g["detail"] + (":listed" if g["known_name"] else ":unlisted"))
                              for g in r["gold"] if "known_name" in g]) for r in records]
    metrics["per_listed_recall"] = score(by_known, flags)[0]["per_kind_recall"]
    metrics["gold"] = sum(len(r["gold"]) for r in records)
    # the same with only the families every offline check is asked for (real-word errors and MT swaps
    # left to LanguageTool): their recall, and F1 with the same precision
    totals = {f: sum(1 for r in records for g in r["gold"] if g["kind"] == f) for f in CORE}
    found = sum(round(metrics["per_kind_recall"].get(f, 0) * n) for f, n in totals.items())
    core_recall = found / max(1, sum(totals.values()))
    p = metrics["precision"]
    metrics["core_recall"] = core_recall
    metrics["core_f1"] = 2 * p * core_recall / (p + core_recall) if p + core_recall else 0.0
    metrics["words"] = sum(len(WORD.findall(r["text"])) for r in records)
    metrics["false_flags_by_code"] = {c: 1000 * n / metrics["words"] for c, n in wrong.items()}
    return metrics, errors


def _mean_sd(values: list) -> str:
    if not values:
        return "-"
    mean = statistics.fmean(values)
    sd = statistics.stdev(values) if len(values) > 1 else 0.0
    return f"{mean:.3f}±{sd:.3f}"


def summary(name: str, runs: list) -> str:
    """One block: P/R/F1/false flags and recall per family and kind, mean±sd over the runs."""
    lines = [f"{name}: {len(runs)} seed(s), {statistics.fmean(m['gold'] for m in runs):.0f} damages and "
             f"{statistics.fmean(m['words'] for m in runs):.0f} words a seed"]
    lines.append("  " + "  ".join(f"{k} {_mean_sd([m[key] for m in runs])}" for k, key in
                                  (("P", "precision"), ("R", "recall"), ("F1", "f1"),
                                   ("FF/1k", "false_flags_per_1000"))))
    codes = sorted({c for m in runs for c in m["false_flags_by_code"]})
    lines.append("  false flags/1k by code: " + "  ".join(
        f"{c} {_mean_sd([m['false_flags_by_code'].get(c, 0.0) for m in runs])}" for c in codes))
    lines.append(f"  without realword/mt: R {_mean_sd([m['core_recall'] for m in runs])}  "
                 f"F1 {_mean_sd([m['core_f1'] for m in runs])}")
    lines.append("  family recall: " + "  ".join(
        f"{f} {_mean_sd([m['per_kind_recall'][f] for m in runs if f in m['per_kind_recall']])}" for f in FAMILIES))
    for family in FAMILIES:
        kinds = [k for k in FAMILY_OF if FAMILY_OF[k] == family
                 and (k in FAMILY or any(k in m["per_detail_recall"] for m in runs))]
        lines.append(f"    {family:<12}" + "  ".join(
            f"{k} {_mean_sd([m['per_detail_recall'][k] for m in runs if k in m['per_detail_recall']])}" for k in kinds))
    listed = sorted({k for m in runs for k in m.get("per_listed_recall", {})})
    if listed:
        lines.append("    by name   " + "  ".join(
            f"{k} {_mean_sd([m['per_listed_recall'][k] for m in runs if k in m['per_listed_recall']])}" for k in listed))
    return "\n".join(lines)


def dev_split(cleaner) -> dict:
    records = [json.loads(line) for line in Path(DEFAULT_SPLIT).read_text(encoding="utf-8").splitlines() if line.strip()]
    _, flags_of = TOOLS["news-cleaner"]
    return score(records, [flags_of(cleaner, r["text"]) for r in records])[0]


def _seeds(text: str) -> list:
    out = []
    for piece in text.split(","):
        lo, _, hi = piece.partition("..")
        out.extend(range(int(lo), int(hi or lo) + 1))
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=("tune", "heldout", "both"), default="both")
    parser.add_argument("--seeds", help="seeds for --part tune or heldout, e.g. 1..3 or 101,102")
    parser.add_argument("--tune-seeds", default="1..2")
    parser.add_argument("--heldout-seeds", default="101..105")
    parser.add_argument("--no-dev", action="store_true", help="skip the dev split")
    parser.add_argument("--errors", type=int, default=0, help="print this many misses and false flags (tune part only)")
    parser.add_argument("--write", help="write the damaged records (JSONL, bench/typos.py's format) here")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--extra-kinds", default="", help="comma-separated kinds made only on request, tried "
                        "first in each article: " + ", ".join(EXTRA_KINDS))
    args = parser.parse_args(argv)
    extra = tuple(k for k in args.extra_kinds.split(",") if k)
    if set(extra) - set(EXTRA_KINDS):
        parser.error(f"--extra-kinds: one of {', '.join(EXTRA_KINDS)}")
    if args.errors and args.part != "tune":
        parser.error("--errors looks at individual misses: only with --part tune")
    tune_seeds, heldout_seeds = _seeds(args.tune_seeds), _seeds(args.heldout_seeds)
    if args.seeds:
        tune_seeds = heldout_seeds = _seeds(args.seeds)
    parts = {"tune": tune_seeds, "heldout": heldout_seeds}
    if args.part != "both":
        parts = {args.part: parts[args.part]}
    setup, _ = TOOLS["news-cleaner"]
    cleaner = setup()
    results: dict = {}
    if not args.no_dev and Path(DEFAULT_SPLIT).exists():
        results["dev"] = dev_split(cleaner)
        d = results["dev"]
        print(f"dev split ({DEFAULT_SPLIT.name}, bench/typos.py): P {d['precision']:.3f} R {d['recall']:.3f} "
              f"F1 {d['f1']:.3f} FF/1k {d['false_flags_per_1000']:.2f}  "
              + "  ".join(f"{k} {v:.3f}" for k, v in d["per_kind_recall"].items()), flush=True)
    written = []
    for part, seeds in parts.items():
        runs = []
        for seed in seeds:
            records = generate(part, seed, extra=extra)
            written.extend(records)
            metrics, errors = evaluate(records, cleaner)
            runs.append(metrics)
            if args.errors:
                for kind in ("FN", "FP", "BADFIX"):
                    for e in [e for e in errors if e[0] == kind][: args.errors]:
                        print(*e, sep=" | ")
        results[part] = runs
        print(summary(f"{part} part, seeds {','.join(map(str, seeds))}", runs), flush=True)
    if args.write:
        with open(args.write, "w", encoding="utf-8") as fh:
            for r in written:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    if args.json:
        print(json.dumps(results, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
