"""Kinds of garble the typo dev split never shows, injected into clean article bodies: does S/G generalise?

Usage::

    python bench/typos_injected.py [--seed 1] [--copies 2] [--errors N]

The dev split (``bench/typos.py``) has non-word misspellings, acronym slips, one lower-cased word in a
name and ``of``/``for`` swaps. A held-back split "also contains kinds of error this split never shows";
this script makes some such kinds itself, seeded, in the clean bodies of the extraction ground truth
(the same articles as dev, so it measures kinds of error, not other articles):

- ``name_word_slip``: a slip (dropped, doubled, swapped or neighbouring-key letter, never the first)
  in a word of a multiword gazetteer name the body uses (``Washingon Post``);
- ``article_name_slip``: a slip in one later use of a capitalised word the body uses twice or more;
- ``single_name_slip``: a slip in a well-known one-word name (companies, outlets, countries);
- ``dropped_joining``: the inner ``of``/``for``/``and`` of a gazetteer name left out;
- ``joining_swap``: that word replaced by ``on``/``to``/``and``;
- ``split_word``: a common long word split by a space where one half is no word (``infor mation``);
- ``digit``: a letter typed as the digit it looks like (``g0vernment``);
- ``shift``: the second letter of a capitalised word upper-cased (``THe``, ``GOvernment``);
- ``name_lowercased``: one later use of a name the body capitalises mid-sentence at least three
  times, lower-cased, where the name is no dictionary word (``as biden put it``);
- ``case_in_name`` / ``case_in_gazetteer_name``: one word (not the first) of a multiword capitalised
  name lower-cased, as the dev split does (``Hubble space Telescope``), for a name the gazetteer does not
  know and for one it knows: how much casing recall owes to the gazetteer;
- ``case_first_in_name``: the first word of a later use of a multiword name the body writes twice,
  lower-cased (``the blossom Music Center``);
- ``name_word_misspelt``: a common word of a multiword capitalised name given a misspelling from that
  same typos crate list, capital kept (``Blossom Muisc Center``): a name-like word to the S checks;
- ``typos_crate``: a non-word misspelling (Damerau-Levenshtein distance 1 or 2) from the typos crate's
  list (MIT/Apache; not a source of the shipped misspelling table, unlike Wikipedia's list and
  codespell's), for a lower-case word of the body: another source than the dev split's Mitton corpora.

Each copy of a body gets at most one garble of each kind (sites at least 40 characters apart). The
scoring is ``bench/typos.py``'s: a flag overlapping a garble's changed token finds it, every other flag
is a false positive. The garbles are made by this script's rules, which were written beside the checks
that find them: read the recall per kind as "this kind is handled", not as a held-out estimate.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import ahocorasick  # noqa: E402

from cleaner.gazetteer import gazetteer  # noqa: E402
from cleaner.language import is_language  # noqa: E402
from cleaner.lexicon import lexicon  # noqa: E402
from typos import TOOLS, WORD, score  # noqa: E402

GROUND_TRUTH = ROOT.parent / "shared" / "data" / "extraction" / "scrapinghub" / "ground-truth.json"
KEYBOARD = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
DIGITS = {"o": "0", "l": "1", "i": "1", "s": "5", "e": "3", "b": "8"}
JOINING = ("of", "for", "and")
CURATED = {"company", "outlet", "institution", "armed-group", "party", "organisation", "country"}


def _neighbours(ch: str) -> str:
    for row in KEYBOARD:
        at = row.find(ch)
        if at >= 0:
            return row[max(0, at - 1):at] + row[at + 1:at + 2]
    return ""


def slip(word: str, rng: random.Random) -> str | None:
    """One typing slip in ``word`` after its first letter that makes no known word, or None."""
    lex = lexicon()
    for _ in range(20):
        k = rng.randrange(1, len(word))
        how = rng.choice(("drop", "double", "swap", "key"))
        if how == "drop":
            out = word[:k] + word[k + 1:]
        elif how == "double":
            out = word[:k] + word[k] + word[k:]
        elif how == "swap" and k + 1 < len(word):
            out = word[:k] + word[k + 1] + word[k] + word[k + 2:]
        else:
            near = _neighbours(word[k].lower())
            if not near:
                continue
            out = word[:k] + rng.choice(near) + word[k + 1:]
        low = out.lower()
        if out != word and low not in lex.lower and low not in lex.capitalised and lex.zipf(low) == 0:
            return out
    return None


class Sites:
    """Where each kind of garble can go in one body: lists of (start, end, replacement)."""

    def __init__(self, body: str, rng: random.Random):
        self.body, self.rng = body, rng
        self.lex, self.gaz = lexicon(), gazetteer()

    def names(self):
        """Gazetteer spellings the body uses, case-sensitively, as (start, end, spelling, entry)."""
        for end, (spelling, entry) in _spellings().iter(self.body):
            start = end - len(spelling) + 1
            if (start == 0 or not self.body[start - 1].isalnum()) and (
                    end + 1 >= len(self.body) or not self.body[end + 1].isalnum()):
                yield start, end + 1, spelling, entry

    def name_word_slip(self):
        for start, end, spelling, _ in self.names():
            words = spelling.split(" ")
            if len(words) < 2:
                continue
            offset = 0
            for w in words:
                if len(w) >= 5 and w.isalpha() and w[0].isupper():
                    bad = slip(w, self.rng)
                    if bad:
                        yield start + offset, start + offset + len(w), bad
                offset += len(w) + 1

    def single_name_slip(self):
        for start, end, spelling, entry in self.names():
            if " " not in spelling and len(spelling) >= 5 and spelling.isalpha() and entry.kind in CURATED:
                bad = slip(spelling, self.rng)
                if bad:
                    yield start, end, bad

    def _capitalised_uses(self, min_length: int) -> dict:
        """Title-case words after a lower-case word or a comma (so not a sentence's first), by their spans."""
        seen: dict = {}
        pattern = r"(?<=[a-z,] )[A-Z][a-z]{%d,}\b" % (min_length - 1)
        for m in re.finditer(pattern, self.body):
            seen.setdefault(m.group(), []).append(m.span())
        return seen

    def article_name_slip(self):
        for word, spans in self._capitalised_uses(6).items():
            if len(spans) >= 2 and word.lower() not in self.lex.lower:
                bad = slip(word, self.rng)
                if bad:
                    start, end = spans[-1]
                    yield start, end, bad

    def _joining(self):
        for start, end, spelling, _ in self.names():
            words = spelling.split(" ")
            for k in range(1, len(words) - 1):
                if words[k] in JOINING:
                    at = start + len(" ".join(words[:k])) + 1
                    yield at, words[k]

    def dropped_joining(self):
        for at, word in self._joining():
            before = self.body.rfind(" ", 0, at - 1) + 1  # the word before the dropped one stands for it
            yield before, at + len(word), self.body[before:at - 1]

    def joining_swap(self):
        for at, word in self._joining():
            yield at, at + len(word), self.rng.choice([w for w in ("on", "to", "and") if w != word])

    def split_word(self):
        for m in re.finditer(r"\b[a-z]{8,}\b", self.body):
            w = m.group()
            if self.lex.zipf(w) < 3.5:
                continue
            cuts = [k for k in range(3, len(w) - 2)
                    if w[:k] not in self.lex.lower or w[k:] not in self.lex.lower]
            if cuts:
                k = self.rng.choice(cuts)
                yield m.start(), m.end(), w[:k] + " " + w[k:]

    def digit(self):
        for m in re.finditer(r"\b[a-z]{5,}\b", self.body):
            w = m.group()
            places = [k for k in range(1, len(w) - 1) if w[k] in DIGITS]
            if places and self.lex.zipf(w) >= 3.5:
                k = self.rng.choice(places)
                yield m.start(), m.end(), w[:k] + DIGITS[w[k]] + w[k + 1:]

    def typos_crate(self):
        table = _typos_crate()
        for m in re.finditer(r"\b[a-z]{4,}\b", self.body):
            options = table.get(m.group())
            if options:
                yield m.start(), m.end(), self.rng.choice(options)

    def _case_in_name(self, known: bool):
        forms = self.gaz.forms
        for m in re.finditer(r"(?<=[a-z,] )(?:[A-Z][a-z]{2,} ){1,3}[A-Z][a-z]{2,}\b", self.body):
            name = m.group()
            if (name.lower() in forms) != known:
                continue
            words = name.split(" ")
            k = self.rng.randrange(1, len(words))
            if words[k].lower() in self.lex.lower:  # the dev split lower-cases ordinary words of names
                offset = m.start() + len(" ".join(words[:k])) + 1
                yield offset, offset + len(words[k]), words[k].lower()

    def case_first_in_name(self):
        """The first word of a later use of a multiword name the body writes twice or more, lower-cased
        where it is an ordinary word (``the blossom Music Center``)."""
        uses: dict = {}
        for m in re.finditer(r"(?<=[a-z,] )(?:[A-Z][a-z]{2,} ){1,3}[A-Z][a-z]{2,}\b", self.body):
            uses.setdefault(m.group(), []).append(m.start())
        for name, starts in uses.items():
            first = name.split(" ")[0]
            if len(starts) >= 2 and first.lower() in self.lex.lower:
                yield starts[-1], starts[-1] + len(first), first.lower()

    def case_in_name(self):
        return self._case_in_name(False)

    def case_in_gazetteer_name(self):
        return self._case_in_name(True)

    def name_word_misspelt(self):
        """A common word of a multiword capitalised name misspelt, as the typos crate lists it, keeping
        its capital (``Blossom Music Center`` -> ``Blossom Muisc Center``): a name-like word to S."""
        table = _typos_crate()
        for m in re.finditer(r"(?<=[a-z,] )(?:[A-Z][a-z]{2,} ){1,3}[A-Z][a-z]{2,}\b", self.body):
            offset = m.start()
            for w in m.group().split(" "):
                options = table.get(w.lower())
                if options and self.lex.zipf(w.lower()) >= 3.5:
                    bad = self.rng.choice(options)
                    yield offset, offset + len(w), bad[0].upper() + bad[1:]
                offset += len(w) + 1

    def name_lowercased(self):
        for word, spans in self._capitalised_uses(4).items():
            if len(spans) >= 3 and word.lower() not in self.lex.lower:
                start, end = spans[-1]
                yield start, end, word.lower()

    def shift(self):
        for m in re.finditer(r"(?<![\w.-])[A-Z][a-z]{3,}\b|(?<=\. )The\b", self.body):
            w = m.group()
            if w.lower() in self.lex.lower and self.lex.zipf(w.lower()) >= 4:
                yield m.start(), m.end(), w[0] + w[1].upper() + w[2:]


KINDS = ("name_word_slip", "article_name_slip", "single_name_slip", "dropped_joining", "joining_swap",
         "split_word", "digit", "shift", "name_lowercased", "case_in_name", "case_in_gazetteer_name", "typos_crate",
         "name_word_misspelt", "case_first_in_name")
PAIRS = ROOT.parent / "shared" / "data" / "typos" / "pairs.tsv"
_TYPOS: dict = {}


def _typos_crate() -> dict:
    """correction -> non-word misspellings (distance 1-2) of the typos crate, from pairs.tsv."""
    if not _TYPOS:
        lex = lexicon()
        for line in PAIRS.read_text(encoding="utf-8").splitlines()[1:]:
            wrong, right, source, _, realword, dl = line.split("\t")
            if (source == "typos" and realword == "0" and dl in ("1", "2") and wrong.isalpha() and wrong.islower()
                    and wrong not in lex.lower and lex.zipf(wrong) == 0):
                _TYPOS.setdefault(right, []).append(wrong)
    return _TYPOS

_AUTOMATON = None


def _spellings():
    """An Aho-Corasick automaton of every gazetteer spelling (case-sensitive)."""
    global _AUTOMATON
    if _AUTOMATON is None:
        _AUTOMATON = ahocorasick.Automaton()
        for entry, spellings in gazetteer().forms.values():
            for spelling in spellings:
                if len(spelling) >= 4:
                    _AUTOMATON.add_word(spelling, (spelling, entry))
        _AUTOMATON.make_automaton()
    return _AUTOMATON


def corrupt(body: str, rng: random.Random) -> tuple:
    """(text, gold spans): at most one garble of each kind, sites 40 characters apart."""
    sites = Sites(body, rng)
    chosen: list = []
    for kind in KINDS:
        options = list(getattr(sites, kind)())
        rng.shuffle(options)
        for start, end, replacement in options:
            if all(end + 40 <= s or e + 40 <= start for s, e, _, _ in chosen):
                chosen.append((start, end, replacement, kind))
                break
    chosen.sort()
    text, gold, shift = [], [], 0
    pos = 0
    for start, end, replacement, kind in chosen:
        text.append(body[pos:start])
        new_start = start + shift
        text.append(replacement)
        new_end = new_start + len(replacement)
        parts = [[new_start, new_end]]  # the changed tokens
        gold.append({"start": new_start, "end": new_end, "corrupted": replacement, "original": body[start:end],
                     "kind": kind, "parts": parts})
        shift += len(replacement) - (end - start)
        pos = end
    text.append(body[pos:])
    return "".join(text), gold


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--copies", type=int, default=2, help="corrupted copies of each body")
    parser.add_argument("--errors", type=int, default=0, help="print this many misses / false flags")
    parser.add_argument("--corpus", default=str(GROUND_TRUTH))
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    bodies = [v["articleBody"] for v in json.loads(Path(args.corpus).read_text(encoding="utf-8")).values()]
    bodies = [b for b in bodies if len(WORD.findall(b)) >= 80 and is_language(b)]
    records = []
    for n, body in enumerate(bodies):
        for copy in range(args.copies):
            text, gold = corrupt(body, rng)
            if gold:
                records.append({"id": f"inj-{n}-{copy}", "text": text, "clean": body, "gold": gold})
    setup, flags_of = TOOLS["news-cleaner"]
    cleaner = setup()
    metrics, errors = score(records, [flags_of(cleaner, r["text"]) for r in records])
    words = sum(len(WORD.findall(r["text"])) for r in records)
    print(f"{len(records)} corrupted copies of {len(bodies)} clean bodies ({words} words), "
          f"{sum(len(r['gold']) for r in records)} garbles, seed {args.seed}")
    print(f"news-cleaner: P {metrics['precision']:.3f} R {metrics['recall']:.3f} F1 {metrics['f1']:.3f} "
          f"correction {metrics['correction_accuracy']:.3f} false flags/1k {metrics['false_flags_per_1000']:.2f}")
    for kind in KINDS:
        if kind in metrics["per_kind_recall"]:
            total = sum(1 for r in records for g in r["gold"] if g["kind"] == kind)
            print(f"  {kind:<18} recall {metrics['per_kind_recall'][kind]:.3f} of {total}")
    for kind in ("FN", "FP", "BADFIX"):
        for e in [e for e in errors if e[0] == kind][: args.errors]:
            print(*e, sep=" | ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
