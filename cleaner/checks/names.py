"""G: names and terms the copy mangled.

- G001 near-miss of an acronym the article itself uses (``NASI`` in an article that says ``NASA``
  twice, ``FBS`` beside one ``FBI``), an acronym defined in parentheses that misses its name's
  initials, two one-off slips of the same well-known acronym, or a known garble of a gazetteer name
  that the article names (``ISM-held`` beside ``ISIS``); a title-case word no word list knows, one
  cheap slip from the word that completes a gazetteer name around it (``the Washingon Post``) or
  from a name the article writes (``Pentagin`` beside ``Pentagon``; :mod:`cleaner.checks.name_slips`,
  run from here): unsafe, with a confidence. Real acronyms are
  left alone: a token the article defines, one on the ubiquitous list (``US``, ``UN``), units and
  model numbers, or a gazetteer acronym whose own name the article mentions.
- G002 wrong casing of a known name (``Associated press``, ``Sugar land-based``, ``in france``,
  ``nato``, ``on monday``): safe for curated gazetteer names, except when the only difference is a
  word house styles lower-case (``Democratic party``); unsafe guesses for name-only words, surnames
  after given names, places after ``University of`` and lower-case words inside a name.
- G003 non-canonical form of a known name: ``of``/``for`` swapped (``Syrian Observatory of Human
  Rights``) or another joining word in place of its own: safe; the same swap after head words that
  take the other word, or the joining word left out (``House Representatives``): unsafe.
- G004 the same entity written two ways in one article (``Syrian democratic force`` after ``Syrian
  Democratic Forces (SDF)``), or a lower-case word the article itself shows to be part of a name
  (initials that spell an acronym it uses, ``&`` between name words, the pair capitalised elsewhere,
  a set phrase capitalised mid-sentence): unsafe, with a confidence.
- G5xx machine-translation and spinner phrases (:mod:`cleaner.checks.phrases`, run from here): unsafe.

Names come from the gazetteer (:mod:`cleaner.gazetteer`), the article itself, ``known-names`` and, in
batch mode, names seen in many articles of the batch. The word lists the heuristics use (style words,
designators, roles, head words, given names, ubiquitous acronyms) are data in
``rules/names_config.toml``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import accumulate, chain, compress, count, repeat
from operator import itemgetter, not_, or_
from functools import lru_cache
from typing import Optional

from ..document import Document
from ..finding import Finding
from ..gazetteer import SWAPS, gazetteer, norm
from ..lexicon import lexicon, weighted_distance
from ..rulepacks import load_builtin
from .phrases import phrases

SOURCE = "names"

# possessive (++, *+): the same tokens (a \w run ends where no \w follows), found a tenth faster
_TOKEN = re.compile(r"\w++(?:['’&.-]\w++)*+")
_TOKEN_SPLIT = re.compile("(" + _TOKEN.pattern + ")")
# two to six capitals standing alone; the first capital is matched before the look-behind (the same
# matches as "(?<![\w.&/-])[A-Z]{2,6}...", a third of the time: most positions fail at once)
_ACRONYM = re.compile(r"[A-Z](?<![\w.&/-][A-Z])[A-Z]{1,5}(?![\w&/]|\.[A-Za-z])")
_ACRONYM_PLURAL = re.compile(r"(?<![\w.&/-])([A-Z]{2,6})s(?![\w&/])")
# "National Security Council (NSC)": a capitalised name and the acronym defined for it
_DEFINED = re.compile(r" \([A-Z]{2,6}\)")  # what every _DEFINITION match ends with: a cheap test first
_DEFINITION = re.compile(r"((?:[A-Z][\w'’-]*,? (?:(?:of|for|and|the|on|&) )?){1,7}[A-Z][\w'’-]*) \(([A-Z]{2,6})\)")
# gazetteer kinds whose names are also ordinary phrases ("Sun City", "Garden City"): casing is unsafe
_GUESSABLE_KINDS = {"city", "county"}
_FUNCTION_WORDS = {"a", "an", "the", "and", "or", "but", "nor", "to", "in", "on", "at", "by", "with", "from", "as",
                   "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could",
                   "said", "says", "told", "tells", "vs", "versus", "via", "than", "into", "onto", "after", "before",
                   "while", "when", "where", "who", "which", "that", "this", "these", "those", "if", "so", "not",
                   "under", "over", "through", "since", "during", "against", "about", "above", "below", "between",
                   "among", "across", "behind", "beyond", "despite", "inside", "outside", "toward", "towards",
                   "upon", "within", "without", "near", "like", "unlike", "per", "plus", "amid", "until", "for",
                   "of", "off", "out", "up", "down", "also", "now", "then", "just", "only", "even", "still"}
_PRONOUNS = {"he", "she", "it", "we", "they", "him", "her", "his", "hers", "its", "us", "them", "their", "our",
             "you", "your", "me", "my", "mine", "yours", "ours", "theirs"}
_CONNECTORS = {"of", "for", "and", "the", "de", "del", "la", "al", "on", "du", "von", "van", "&"}
# quotes and brackets between a sentence's end and its first word; what ends a sentence
_OPENERS = " \t\"“”‘’'("
_SENTENCE_ENDS = ".!?:…\n"
_POSSESSIVE = re.compile(r"['’]s$")
_POSSESSIVE_ENDS = ("'s", "’s")
_NAME_HEAD = re.compile(r"([a-z]{3,})(?:['’]s\b|(-)\w)")  # a word's head: "japan's", "nasa-funded"
_CAP_HEAD = re.compile(r"([A-Z][a-z]+)(?:['’]s|-[\w.-]+)")  # "Volkswagen’s", "Jordanian-U.S."
_RUN_GAPS = (" ", ", ", " & ")  # what may stand between the words of one name
_QUOTE_CLOSE = re.compile(r"[\"”’'](?!\w)")
_LEADING_SKIP = {"the", "a", "an", "in", "on", "at", "but", "and", "as", "if", "for", "from", "by", "to",
                 "with", "when", "while", "after", "before", "since", "this", "that", "these", "those", "his",
                 "her", "their", "our", "its", "my", "your", "last", "next", "every", "each", "according"}


@lru_cache(maxsize=1)
def _pack() -> dict:
    return load_builtin("names_config")


def _known_names(ctx) -> tuple:
    names = list(getattr(ctx.settings, "known_names", []) or [])
    batch = (ctx.batch or {}).get("G") or {}
    names.extend(batch.get("names", ()))
    return tuple(sorted(set(names)))


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset:
    return frozenset(_pack()["abbreviations"]["not_sentence_end"])


def _headline_words(words: list, paragraph_text: str) -> bool:
    """Short or mostly capitalised: a headline, a caption or a table row, not running text."""
    if len(words) < 3:
        return True
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.6 or paragraph_text.isupper()


class _Tokens:
    """Word tokens of a text with spans, and what every pass asks of them, computed once per document:
    the text between two tokens, sentence starts, and which paragraphs are headlines."""

    def __init__(self, text: str):
        self.text = text
        pieces = _TOKEN_SPLIT.split(text)  # gap, word, gap, word, ..., gap: one scan of the text
        self.words = pieces[1::2]
        #: gaps[i]: the text between token i - 1 and token i (before the first token for i = 0)
        self.gaps = pieces[0:-1:2]
        offsets = list(accumulate(map(len, pieces)))
        self.spans = list(zip(offsets[0:-1:2], offsets[1::2]))
        words = self.words
        lower = list(map(str.islower, words))
        #: capitalised[i]: does word i start with a capital?
        self.capitalised = capitalised = list(map(str.isupper, map(itemgetter(0), words)))
        #: indexes of the lower-case words, and of those all letters: the candidates of most casing passes
        self.lower = list(compress(count(), lower))
        self.lower_alpha = list(compress(self.lower, map(str.isalpha, map(words.__getitem__, self.lower))))
        #: indexes of the words that start with a capital
        self.caps = list(compress(count(), capitalised))
        #: every word lower-cased
        self.low_words = list(map(str.lower, words))
        # the words one plain space after a capitalised word, found from the capitalised words (a
        # fifth of them) rather than from flags of every word
        after_caps = list(map((1).__add__, self.caps))
        if after_caps and after_caps[-1] == len(words):
            after_caps.pop()
        after_caps = list(compress(after_caps, map(" ".__eq__, map(self.gaps.__getitem__, after_caps))))
        #: indexes of the lower-case words one plain space after a capitalised word ("Associated press"):
        #: where most casing slips are, and of those all letters
        self.joined = list(compress(after_caps, map(lower.__getitem__, after_caps)))
        self.joined_alpha = list(compress(self.joined, map(str.isalpha, map(words.__getitem__, self.joined))))
        #: indexes of the capitalised words one plain space after a capitalised word ("Palm Bay")
        self.cap_pairs = list(compress(after_caps, map(capitalised.__getitem__, after_caps)))
        self._initial: dict = {}
        self._headlines: Optional[tuple] = None
        self._acronyms: Optional[list] = None
        self._lowered: Optional[str] = None
        self._token_starts: Optional[list] = None
        self._positions: Optional[dict] = None

    def among(self, keys) -> list:
        """Indexes of the words whose lower-cased form is in ``keys``, ascending.

        From an index of the article's distinct words, built on the first call: the passes ask this
        eight times a document, and an article has about half as many distinct words as words."""
        positions = self._positions
        if positions is None:
            positions = self._positions = {}
            for i, w in enumerate(self.low_words):
                at = positions.get(w)
                if at is None:
                    positions[w] = [i]
                else:
                    at.append(i)
        if len(keys) < len(positions):
            hits = [positions[k] for k in keys if k in positions]
        else:
            hits = [at for w, at in positions.items() if w in keys]
        if len(hits) == 1:
            return list(hits[0])
        return sorted(i for at in hits for i in at)

    @property
    def acronyms(self) -> list:
        """The ``_ACRONYM`` matches of the text."""
        if self._acronyms is None:
            self._acronyms = list(_ACRONYM.finditer(self.text))
        return self._acronyms

    @property
    def lowered(self) -> str:
        if self._lowered is None:
            self._lowered = self.text.lower()
        return self._lowered

    def spaced(self, i: int) -> bool:
        """Is token ``i`` one plain space after token ``i - 1``?"""
        return self.gaps[i] == " "

    def slice(self, i: int, n: int) -> Optional[str]:
        if i + n > len(self.spans):
            return None
        start, end = self.spans[i][0], self.spans[i + n - 1][1]
        chunk = self.text[start:end]
        if "\n" in chunk:
            return None
        return chunk

    def sentence_initial(self, i: int) -> bool:
        """Does token ``i`` start a sentence? Not after a title or an initial (``Mr.``, ``W.``)."""
        known = self._initial.get(i)
        if known is None:
            known = self._initial[i] = self._sentence_initial(i)
        return known

    def _sentence_initial(self, i: int) -> bool:
        start = self.spans[i][0]
        window = max(0, start - 3)
        before = self.text[window:start].rstrip(_OPENERS)
        if not before:
            return True
        if before[-1] not in _SENTENCE_ENDS:
            return False
        if before[-1] == "." and i and self.spans[i - 1][1] == window + len(before) - 1:
            prev = self.words[i - 1]
            if (len(prev) == 1 and prev.isupper()) or prev.lower() in _abbreviations():
                return False
        return True

    def paragraph_words(self, doc: Document, offset: int) -> int:
        """How many words the paragraph at ``offset`` has (0 outside paragraphs)."""
        paragraph = doc.paragraph_at(offset)
        if paragraph is None:
            return 0
        starts = self._starts()
        return bisect_left(starts, paragraph.end) - bisect_left(starts, paragraph.start)

    def _starts(self) -> list:
        if self._token_starts is None:
            self._token_starts = [s for s, _ in self.spans]
        return self._token_starts

    def headlines(self, doc: Document) -> tuple:
        """(headline paragraph spans, the title-case ones among them: no lower-case word over 3 letters)."""
        if self._headlines is None:
            starts = self._starts()
            heads, title_case = [], []
            for p in doc.paragraphs:
                lo, hi = bisect_left(starts, p.start), bisect_left(starts, p.end)
                tokens = self.words[lo:hi]
                if _headline_words([w for w in tokens if w[0].isalpha()], p.text):
                    heads.append((p.start, p.end))
                    if not any(len(w) > 3 and w.islower() for w in tokens):
                        title_case.append((p.start, p.end))
            self._headlines = (heads, title_case)
        return self._headlines


def _within(spans: list, offset: int) -> bool:
    """Is ``offset`` inside one of ``spans`` (sorted, not overlapping)?"""
    k = bisect_right(spans, (offset, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= offset < spans[k][1]


def _case_diff(found: str, canonical: str) -> Optional[list]:
    """Word indexes where ``canonical`` is capitalised but ``found`` is not, or where ``found`` shouts one
    word of a name the rest of which it writes properly (``European Space AGENCY``); None if shapes differ."""
    fw, cw = found.split(" "), canonical.split(" ")
    if len(fw) != len(cw):
        return None
    diff = []
    for i, (a, b) in enumerate(zip(fw, cw)):
        if a.lower() != b.lower():
            return None
        if i == 0 and b in ("The", "A"):
            continue  # "the Independent", "the New York Times": the article is lower-case in running text
        if a != b and b[:1].isupper() and (a[:1].islower() or (len(a) > 1 and a.isupper() and not b.isupper())):
            diff.append(i)
    return diff


def _word_offsets(found: str, start: int) -> list:
    out, pos = [], start
    for w in found.split(" "):
        out.append((pos, pos + len(w)))
        pos += len(w) + 1
    return out


def _norm(found: str) -> str:
    """``norm`` of words, without its regex when the only space is single plain spaces (no ’ either)."""
    if found.isprintable() and "  " not in found and "’" not in found and found.strip() == found:
        return found.lower()
    return norm(found)


def _key(found: str) -> str:
    """``norm`` without the regex for the common case of single spaces."""
    low = found.lower()
    if "  " in low or "\t" in low or "’" in low or "\xa0" in low:
        return norm(found)
    return low


def _casing_finding(doc: Document, found: str, start: int, slot: tuple, before: str, style_words: set):
    """G002 for ``found`` (at ``start``), a gazetteer form in other casing, or None when its casing is
    accepted: safe for curated names unless only house-style words differ. All lower case counts only
    when a word of it is no English word (``goldman sachs``, not ``general motors`` or ``world bank``)."""
    entry, spellings = slot
    if found in spellings or found.isupper():
        return None
    if found.islower() and (all(w in lexicon().lower or not w.isalpha() for w in found.split(" "))
                            or not _plain_context(doc.text, start, start + len(found))):
        return None
    best = None
    for spelling in sorted(spellings):
        diff = _case_diff(found, spelling)
        if diff:
            best = (spelling, diff)
            break
    if best is None:
        return None
    spelling, diff = best
    if before.lower() in ("a", "an") and sum(w[:1].isupper() for w in found.split(" ")) < 2:
        return None  # "establish an Islamic state": a generic phrase, not the name
    offsets = _word_offsets(found, start)
    fs, fe = offsets[diff[0]][0], offsets[diff[-1]][1]
    suggestion = spelling[fs - start:fe - start]
    differing = {spelling.split(" ")[k].lower() for k in diff}
    style_only = differing <= style_words or entry.kind in _GUESSABLE_KINDS
    return doc.finding(
        "G002", f"'{found}' is written '{spelling}'", fs, fe, suggestion=suggestion,
        fix="unsafe" if style_only else "safe", confidence=0.6 if style_only else 1.0,
        source=f"{SOURCE}:{entry.kind}", canonical=entry.name,
    )


def hyphenated_names(doc: Document, ctx, toks: _Tokens, covered: list) -> list[Finding]:
    """G002: a gazetteer name in other casing before a hyphenated suffix (``a Sugar land-based firm``,
    ``New york-based``), which the word tokens hide inside ``land-based``."""
    gaz = gazetteer(_known_names(ctx))
    style_words = set(_pack()["casing"]["style_lowercase"])
    words, spans, text = toks.words, toks.spans, toks.text
    findings = []
    for i in compress(count(), map(str.__contains__, words, repeat("-"))):
        w = words[i]
        if not w[0].isalpha():
            continue
        head_end = spans[i][0] + w.index("-")
        for n in range(gaz.max_words - 1, 0, -1):
            j = i - n
            if j < 0 or not words[j][0].isupper():
                continue
            found = text[spans[j][0]:head_end]
            if "\n" in found:
                continue
            slot = gaz.forms.get(_key(found))
            if slot is None:
                continue
            start = spans[j][0]
            if not any(s < head_end and start < e for s, e in covered):
                # no a/an test: in "a Sugar land-based firm" the article belongs to the compound
                finding = _casing_finding(doc, found, start, slot, "", style_words)
                if finding is not None:
                    findings.append(finding)
                    covered.append((start, head_end))
            break
    return findings


def gazetteer_names(doc: Document, ctx, toks: _Tokens, covered: list) -> list[Finding]:
    """G002 casing, G003 of/for swaps and multiword garbles of gazetteer names.

    ``the Associated press said`` → ``the Associated Press said``;
    ``Syrian Observatory of Human Rights`` → ``Syrian Observatory for Human Rights``.
    """
    gaz = gazetteer(_known_names(ctx))
    style_words = set(_pack()["casing"]["style_lowercase"])
    findings = []
    lowered = toks.lowered
    words = toks.words
    n_tokens = len(words)
    after = 0  # the first word not yet inside a name found
    gaps, low_words = toks.gaps, toks.low_words
    for i in toks.among(gaz.first_words):
        if i < after:
            continue
        if i + 1 < n_tokens and gaps[i + 1] == " ":  # the common case, without slicing the text
            pair = low_words[i] + " " + low_words[i + 1]
            if pair not in gaz.prefixes and "’" not in pair:
                continue
        matched = 0
        # how far can a gazetteer name starting here reach? extend while the text is a name prefix
        reach = 1
        while reach < min(gaz.max_words, n_tokens - i):
            found = toks.slice(i, reach + 1)
            if found is None:
                break
            key = _key(found)
            if key not in gaz.prefixes and not (key[-2:] in _POSSESSIVE_ENDS and key[:-2] in gaz.prefixes):
                break
            reach += 1
        for n in range(reach, 1, -1):
            found = toks.slice(i, n)
            if found is None:
                continue
            if found[-2:] in _POSSESSIVE_ENDS:
                found = found[:-2]  # "the Hall on Fame’s class": the name without its possessive
            key = _key(found)
            start = toks.spans[i][0]
            end = start + len(found)
            if key in gaz.forms:
                matched = n
                finding = _casing_finding(doc, found, start, gaz.forms[key], words[i - 1] if i else "", style_words)
                if finding is not None:
                    findings.append(finding)
                    covered.append((start, end))
                break
            if key in gaz.swaps and found[:1].isupper():
                entry, spelling = gaz.swaps[key]
                offsets = _word_offsets(found, start)
                fw = found.split(" ")
                sw = spelling.split(" ")
                for k, w in enumerate(fw):
                    if w.lower() in SWAPS and sw[k].lower() == SWAPS[w.lower()]:
                        fs, fe = offsets[k]
                        findings.append(doc.finding(
                            "G003", f"'{found}' is written '{spelling}'", fs, fe, suggestion=sw[k],
                            fix="safe", source=f"{SOURCE}:{entry.kind}", canonical=entry.name,
                        ))
                        break
                covered.append((start, end))
                matched = n
                break
            if key in gaz.garbles:
                entry = gaz.garbles[key]
                if gaz.entry_mentioned(entry, doc.text, lowered):
                    findings.append(doc.finding(
                        "G001", f"'{found}' looks like a garbled '{entry.name}'", start, end,
                        suggestion=entry.name, fix="unsafe", confidence=0.8, source=f"{SOURCE}:garble",
                    ))
                    covered.append((start, end))
                    matched = n
                    break
        after = i + max(matched, 1)
    return findings


def acronyms(doc: Document, ctx, covered: list, toks: Optional[_Tokens] = None) -> list[Finding]:
    """G001: an acronym one edit away from an acronym the article uses repeatedly.

    ``NASA said ... NASA's probe ... NASI scientist`` → ``NASA scientist`` (unsafe).
    """
    text = doc.text
    gaz = gazetteer(_known_names(ctx))
    config = _pack()["acronyms"]
    ubiquitous = set(config["ubiquitous"])
    topic_stop = frozenset(config["topic_stopwords"])
    matches = toks.acronyms if toks is not None else list(_ACRONYM.finditer(text))
    if not matches:
        return []
    counts = Counter(m.group() for m in matches)
    # a plural is a use of its acronym: "IRAs" vouches for "IRA" (and so makes "IRD" a slip of it)
    counts.update(m.group(1) for m in _ACRONYM_PLURAL.finditer(text))
    findings = []
    defined = set()
    for m in _DEFINITION.finditer(text) if _DEFINED.search(text) else ():
        name, acr = m.group(1), m.group(2)
        initials = "".join(w[0] for w in name.split() if w[:1].isupper())
        # "The National Aeronautics and Space Administration (NSAA)": a sentence's "The" is no
        # initial, except when the acronym has it ("The Onion Router (TOR)")
        if name.split(" ", 1)[0] in ("The", "A", "An") and acr != initials and not _one_edit(acr, initials):
            name = name.split(" ", 1)[1]
            initials = initials[1:]
        if acr == initials or not _one_edit(acr, initials) or acr in gaz.acronyms or counts[acr] > 1:
            defined.add(acr)
            continue
        start, end = m.span(2)
        covered.append((start, end))
        findings.append(doc.finding(
            "G001", f"'({acr})' does not match '{name}': did you mean '{initials}'?", start, end,
            suggestion=initials, fix="unsafe", confidence=0.7, source=f"{SOURCE}:definition",
        ))
    batch_known = set(((ctx.batch or {}).get("G") or {}).get("acronyms", ()))
    lowered = toks.lowered if toks is not None else text.lower()
    orphans: list = []
    shouted: dict = {}  # line start -> is the line mostly capitals?
    for m in matches:
        token = m.group()
        start, end = m.span()
        if any(s <= start < e for s, e in covered):
            continue
        garble = gaz.garbles.get(token.lower())
        if garble is not None and token not in gaz.acronyms and gaz.entry_mentioned(garble, text, lowered):
            target = next((a for a in garble.acronyms if counts.get(a)), garble.name)
            findings.append(doc.finding(
                "G001", f"'{token}' looks like a garbled '{target}' ({garble.name})", start, end,
                suggestion=target, fix="unsafe", confidence=0.8, source=f"{SOURCE}:garble",
            ))
            covered.append((start, end))
            continue
        if token in ubiquitous or token in defined or token in batch_known:
            continue
        if counts[token] > 1 and not (counts[token] == 2 and token not in gaz.acronyms and any(
                c > 2 and a in gaz.acronyms and _one_edit(token, a) for a, c in counts.items() if a != token)):
            continue  # used twice: real, unless a well-known acronym one slip away is used more often
        before = text[max(0, start - 12):start].rstrip()
        if text[end:end + 2][:1] == "-" and text[end + 1:end + 2].isdigit() or (before and before[-1].isdigit()):
            if len(token) < 3 or not any(c >= 3 and _one_edit(token, a) for a, c in counts.items() if a != token):
                continue  # model numbers (RS-25) and units after a number (151 PS, 600 MW), unless
                # a unit one slip away is used three times or more (1 TRL beside 1 TFL, 2 TFL, 1 TFL)
        line_start = text.rfind("\n", 0, start) + 1
        shouting = shouted.get(line_start)
        if shouting is None:
            line_end = text.find("\n", end)
            letters = "".join(filter(str.isalpha, text[line_start:line_end if line_end >= 0 else len(text)]))
            shouting = shouted[line_start] = bool(letters) and sum(map(str.isupper, letters)) / len(letters) > 0.5
        if shouting:
            continue  # an all-caps line: shouting, not acronyms
        targets = [
            a for a, c in counts.items()
            if a != token and _one_edit(token, a)
            and (c >= 2 or a in defined or (
                token not in gaz.acronyms and len(a) >= 3
                and (a in gaz.acronyms or a in ubiquitous) and (len(token) >= 3 or len(a) == 3))
                or (token not in gaz.acronyms and _slip_of(token, a))
                or (token in gaz.acronyms and a in gaz.acronyms and _slip_of(token, a)
                    and _topic_prefers(gaz.acronyms[a], gaz.acronyms[token], lowered, topic_stop)))
        ]
        if not targets:
            if token not in gaz.acronyms and len(token) >= 2:
                orphans.append((token, start, end))
            continue
        targets.sort(key=lambda a: (-counts[a], a))
        target = targets[0]
        known = gaz.acronyms.get(token)
        if known is not None and gaz.entry_mentioned(known, text, lowered) and any(norm(f) in lowered for f in known.forms):
            continue  # a real acronym whose own name the article spells out
        confidence = 0.75 + (0.1 if counts[target] >= 3 else 0.0) - (0.25 if known is not None else 0.0)
        if len(targets) > 1 and counts[targets[1]] == counts[target]:
            confidence -= 0.2
        findings.append(doc.finding(
            "G001", f"'{token}' looks like a garbled '{target}' (used {_times(counts[target])} in this article)",
            start, end, suggestion=target, fix="unsafe", confidence=round(confidence, 2), source=f"{SOURCE}:acronym",
        ))
    findings.extend(_shared_near_misses(doc, gaz, ubiquitous, counts, orphans))
    return findings


def _times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


def _shared_near_misses(doc, gaz, ubiquitous, counts, orphans) -> list[Finding]:
    """Two different one-off acronyms one slip from the same well-known acronym the article never
    spells right: both are that acronym (``AT Finals`` ... ``APT Finals`` → ``ATP``)."""
    if len(orphans) < 2:
        return []
    index = _derived(gaz, ("near-miss", frozenset(ubiquitous)), lambda g: _deletion_index(g, ubiquitous))
    groups: dict = {}
    for token, start, end in orphans:
        near = set()
        for variant in _deletions(token):
            near.update(index.get(variant, ()))
        for a in sorted(near):
            if not counts.get(a) and _one_edit(token, a):
                groups.setdefault(a, []).append((token, start, end))
    findings = []
    # the article's topic, from the kinds of the gazetteer acronyms it uses (institution, outlet, ...)
    kinds = {gaz.acronyms[a].kind for a in counts if a in gaz.acronyms}

    def fit(a: str) -> int:
        """How well ``a`` fits the article: an acronym of a kind it names, then an everyday one (LED)."""
        entry = gaz.acronyms.get(a)
        return 2 if entry is not None and entry.kind in kinds else 1 if a in ubiquitous else 0

    for target, members in sorted(groups.items()):
        if len({t for t, _, _ in members}) < 2:
            continue
        rivals = [a for a, g in groups.items() if a != target and len(g) > 1 and set(g) & set(members)]
        confidence = 0.55
        if rivals:
            if any(fit(a) >= fit(target) for a in rivals):
                continue  # as near another one that fits the article as well: which one was meant?
            confidence = 0.45  # the topic decides between them (LEN, ELD in a car review: LED, not ELN)
        for token, start, end in members:
            findings.append(doc.finding(
                "G001", f"'{token}' looks like a garbled '{target}' (the article has other slips of it)", start, end,
                suggestion=target, fix="unsafe", confidence=confidence, source=f"{SOURCE}:acronym",
            ))
    return findings


def _deletions(word: str) -> set:
    """``word`` and every string one letter shorter: two words one edit apart share one of them."""
    return {word} | {word[:k] + word[k + 1:] for k in range(len(word))}


def _deletion_index(gaz, ubiquitous) -> dict:
    """Well-known all-letter acronyms of three letters or more, by each of their :func:`_deletions`."""
    index: dict = {}
    for a in set(gaz.acronyms) | set(ubiquitous):
        if len(a) >= 3 and a.isalpha() and a.isupper():
            for variant in _deletions(a):
                index.setdefault(variant, []).append(a)
    return index


def _topic_words(entry, stop: frozenset) -> list:
    return [w for w in re.findall(r"[a-z]{5,}", entry.name.lower()) if w not in stop]


def _topic_prefers(entry, other, lowered: str, stop: frozenset) -> bool:
    """Does the article's wording fit ``entry``'s name and not ``other``'s (``spacecraft`` for the
    National Aeronautics and Space Administration, no ``security`` for the National Security Agency)?"""
    def fits(e) -> bool:
        return any(re.search(r"\b" + w, lowered) for w in _topic_words(e, stop))
    return entry is not other and fits(entry) and not fits(other)


def _slip_of(token: str, a: str) -> bool:
    """Is ``token`` a slip of ``a`` that reads one way only: a letter dropped (not the first) or doubled
    (``BAR``/``BART``, ``CDFF``/``CDF``), three letters or more? Then ``a`` used once in the article is
    enough to take ``token``, used once and unknown, for it."""
    if len(token) < 3 or len(a) < 3:
        return False
    if len(token) == len(a):
        return False  # a changed or transposed letter reads both ways: which of the two is the slip?
    if len(token) > len(a):  # one letter more: only a doubled one
        return any(token[:i] + token[i + 1:] == a and token[i] == token[i - 1] for i in range(1, len(token)))
    # a letter dropped, but not the first (PUC beside CPUC is a name without its state) nor one of a
    # doubled pair (CDF beside CDFF: which one is the slip?)
    return any(a[:i] + a[i + 1:] == token and a[i] != a[i - 1] and a[i] != a[i + 1:i + 2] for i in range(1, len(a)))


def _one_edit(a: str, b: str) -> bool:
    """One substitution, insertion, deletion or adjacent transposition apart."""
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if la > lb:
        a, b = b, a
    return any(b[:i] + b[i + 1:] == a for i in range(len(b)))


def _plural_variants(words: list) -> list:
    last = words[-1]
    out = []
    if last.endswith("ies") and len(last) > 4:
        out.append(last[:-3] + "y")
    elif last.endswith("es") and last[-3:-2] in ("s", "x", "h"):
        out.append(last[:-2])
    elif last.endswith("s") and not last.endswith("ss"):
        out.append(last[:-1])
    else:
        out.append(last + "s")
    return [words[:-1] + [v] for v in out]


def article_names(doc: Document, toks: _Tokens) -> dict:
    """Multiword capitalised names the article uses (outside headline-like lines), by normalised form."""
    lex = lexicon()
    names: dict = {}
    headline_spans = toks.headlines(doc)[0]
    words, spans = toks.words, toks.spans
    n = len(words)
    gaps, cap, low_words = toks.gaps, toks.capitalised, toks.low_words
    after = 0  # the first word not yet inside a name
    for i in toks.caps:
        if i < after or i + 1 >= n or gaps[i + 1] != " " or not (cap[i + 1] or words[i + 1] in _CONNECTORS):
            continue  # a name of one word at most starts here
        if low_words[i] in _LEADING_SKIP:
            continue
        w = words[i]
        j = i + 1
        while j < n and gaps[j] == " " and (cap[j] or (words[j] in _CONNECTORS and j + 1 < n and cap[j + 1])):
            j += 1
        while j > i and words[j - 1] in _CONNECTORS:
            j -= 1
        if j - i >= 2:
            start = spans[i][0]
            if not _within(headline_spans, start):
                k = i
                if toks.sentence_initial(i) and w.lower() in lex.lower and lex.zipf(w) > 4.5:
                    k = i + 1  # "Yesterday Syrian Democratic Forces ..." : drop the sentence's first word
                if j - k >= 2:
                    found = toks.text[spans[k][0]:spans[j - 1][1]]
                    names.setdefault(_norm(found), found)
        after = max(j, i + 1)
    return names


def consistency(doc: Document, ctx, toks: _Tokens, covered: list) -> list[Finding]:
    """G004: a name the article writes properly elsewhere, here with other casing, number or of/for.

    ``Syrian Democratic Forces (SDF) ... the Syrian democratic force`` → ``the Syrian Democratic Forces``.
    """
    names = dict(article_names(doc, toks))
    if not names:
        return []
    config = _pack()["function_words"]
    # another joining word in place of the name's own: not a locative one, which may start a
    # description of a place ("Pepperdine University in California" beside "University of California")
    joining = [w for w in config["swap_words"] if w not in config["swap_locative"]]
    variants: dict = {}
    rare: dict = {}  # a swapped form the article also uses, but less often than the name's own
    for key, form in names.items():
        words = form.split(" ")
        for v in _plural_variants(words):
            vk = _norm(" ".join(v))
            if vk not in names:
                variants.setdefault(vk, form)
        for k, w in enumerate(words[1:-1], 1):
            if w in SWAPS or w in joining:
                for other in {SWAPS.get(w), *joining} - {w, None}:
                    vk = _norm(" ".join(words[:k] + [other] + words[k + 1:]))
                    if vk not in names:
                        variants.setdefault(vk, form)
                    elif toks.lowered.count(key) > toks.lowered.count(vk):
                        rare[vk] = form  # both forms, this one more often ("Wheel of Time" x3, "Wheel for Time" x1)
    for vk, form in rare.items():
        names.pop(vk, None)
        variants.setdefault(vk, form)
    keys = list(names) + list(variants)
    max_words = max(len(k.split(" ")) for k in keys)
    first = {k.split(" ")[0] for k in keys}
    prefixes = set()  # every word-prefix of two words or more of a name or variant (the names too)
    for k in keys:
        split = k.split(" ")
        prefixes.update(" ".join(split[:m]) for m in range(2, len(split) + 1))
    findings = []
    words, gaps, low_words = toks.words, toks.gaps, toks.low_words
    after = 0  # the first word not yet inside a name found
    for i in toks.among(first):
        if i < after or not toks.capitalised[i]:
            continue
        if i + 1 < len(words) and gaps[i + 1] == " ":  # the common case, without slicing the text
            pair = low_words[i] + " " + low_words[i + 1]
            if pair not in prefixes and "’" not in pair and pair.isprintable():
                continue
        hit = 0
        # a name of n words here needs its first 2 .. n - 1 words to be a prefix of one: look no further
        runs = [None, None]  # runs[n]: (slice, key) of n words
        while len(runs) <= min(max_words, len(words) - i):
            found = toks.slice(i, len(runs))
            key = _norm(found) if found is not None else None
            if key not in prefixes:
                break
            runs.append((found, key))
        for n in range(len(runs) - 1, 1, -1):
            found, key = runs[n]
            start, end = toks.spans[i][0], toks.spans[i + n - 1][1]
            if any(s < end and start < e for s, e in covered):
                continue
            if key in names:
                form = names[key]
                if found == form or found.isupper():
                    hit = n
                    break
                diff = _case_diff(found, form)
                if diff:
                    offsets = _word_offsets(found, start)
                    fs, fe = offsets[diff[0]][0], offsets[diff[-1]][1]
                    findings.append(doc.finding(
                        "G004", f"'{found}' is written '{form}' elsewhere in this article", fs, fe,
                        suggestion=form[fs - start:fe - start], fix="unsafe", confidence=0.7,
                        source=f"{SOURCE}:article",
                    ))
                    covered.append((start, end))
                hit = n
                break
            if key in variants:
                form = variants[key]
                findings.append(doc.finding(
                    "G004", f"'{found}' is written '{form}' elsewhere in this article", start, end,
                    suggestion=form, fix="unsafe", confidence=0.7, source=f"{SOURCE}:article",
                ))
                covered.append((start, end))
                hit = n
                break
        after = i + max(hit, 1)
    return findings


def joining_word_majority(doc: Document, ctx, toks: _Tokens, covered: list) -> list[Finding]:
    """G004 (unsafe): ``A of B`` between two capitalised words where the article writes ``A for B``
    at least twice and more often (``Meal Prep Menu of Eating Plan B`` beside three ``Menu for Eating
    Plan`` headings): the names around the pair may differ, the pair is the same name's."""
    config = _pack()["function_words"]
    joining = set(config["swap_words"]) - set(config["swap_locative"])
    words, low, cap, gaps = toks.words, toks.low_words, toks.capitalised, toks.gaps
    seen: dict = {}  # (A, B) lower-cased -> {joining word: [token indexes]}
    for i in toks.among(joining):
        if 0 < i < len(words) - 1 and cap[i - 1] and cap[i + 1] and gaps[i] == " " and gaps[i + 1] == " " \
                and words[i].islower():
            seen.setdefault((low[i - 1], low[i + 1]), {}).setdefault(low[i], []).append(i)
    findings = []
    for (a, b), by_word in seen.items():
        if len(by_word) < 2:
            continue
        ranked = sorted(by_word.items(), key=lambda kv: -len(kv[1]))
        right, uses = ranked[0]
        if right not in SWAPS or len(uses) < 2 or len(uses) == len(ranked[1][1]):
            continue  # the name's own word is of or for, written at least twice and most often
        for wrong, indexes in ranked[1:]:
            for i in indexes:
                start, end = toks.spans[i]
                if any(s <= start < e for s, e in covered):
                    continue
                pair = f"{words[i - 1]} {right} {words[i + 1]}"
                findings.append(doc.finding(
                    "G004", f"'{words[i - 1]} {wrong} {words[i + 1]}' is written '{pair}' {len(uses)} times in "
                    "this article", start, end, suggestion=right, fix="unsafe", confidence=0.6,
                    source=f"{SOURCE}:article",
                ))
                covered.append((start, end))
    return findings


def wrong_function_word(doc: Document, ctx, toks: _Tokens, covered: list) -> list[Finding]:
    """G003 (unsafe): ``for`` where a name's head word takes ``of``, or ``of`` where it takes ``for``.

    ``André Neu, Head for Platform Solutions`` → ``Head of Platform Solutions``;
    ``the Chinese Center of Disease Control`` → ``Center for Disease Control``.
    """
    config = _pack()["function_words"]
    heads = {"for": set(config["of_heads"]), "of": set(config["for_heads"])}
    unless_after = {k: set(v) for k, v in config.get("of_heads_unless_after", {}).items()}
    verb_heads = set(config.get("verb_heads", []))
    gaz = gazetteer(_known_names(ctx))
    words, spans, text = toks.words, toks.spans, toks.text
    findings = []
    for i in toks.among(heads):
        fw = words[i]
        if fw not in heads or not 0 < i < len(words) - 1:
            continue
        head, nxt = words[i - 1], words[i + 1]
        if not head[:1].isupper() or head.lower() not in heads[fw] or not nxt[:1].isupper() or nxt in ("The", "A", "An"):
            continue
        if toks.gaps[i] != " " or toks.gaps[i + 1] != " ":
            continue
        if head.lower() in verb_heads and toks.sentence_initial(i - 1):
            continue  # "Head for Paris this summer": a verb
        if fw == "for" and i >= 2 and words[i - 2].lower() in unless_after.get(head.lower(), ()):
            continue
        start, end = spans[i]
        if any(s <= start < e for s, e in covered):
            continue
        # a gazetteer form with this function word here (Department for Transport) is right as written
        tail = norm(text[spans[i - 1][0]:spans[min(i + gaz.max_words, len(words) - 1)][1]]).split(" ")
        if any(" ".join(tail[:n]).rstrip(".,;:") in gaz.forms for n in range(3, len(tail) + 1)):
            continue
        right = SWAPS[fw]
        findings.append(doc.finding(
            "G003", f"'{head} {fw} {nxt}': a name with '{head}' takes '{right}'", start, end, suggestion=right,
            fix="unsafe", confidence=0.6, source=f"{SOURCE}:function-word",
        ))
    return findings


def swapped_function_words(doc: Document, ctx, toks: _Tokens, covered: list) -> list[Finding]:
    """G003: a gazetteer name with another joining word in place of its own (``House on
    Representatives``, ``Securities of Exchange Commission``): safe; unsafe when the word written is a
    locative one (``in``, ``at``), which may start a description of a place rather than a name."""
    config = _pack()["function_words"]
    swap_words = tuple(config["swap_words"])
    locative = set(config["swap_locative"])
    gaz = gazetteer(_known_names(ctx))
    index = gaz.joining_swaps(swap_words)
    words, low, spans = toks.words, toks.low_words, toks.spans
    headline_spans = None
    findings = []
    for i in toks.among(set(swap_words)):
        if not 0 < i < len(words) - 1 or not toks.capitalised[i - 1] or not toks.capitalised[i + 1]:
            continue
        nxt = low[i + 1]
        cands = index.get((low[i - 1], low[i], nxt[:-2] if nxt[-2:] in _POSSESSIVE_ENDS else nxt))
        if not cands:
            continue
        start, end = spans[i]
        if any(s <= start < e for s, e in covered):
            continue
        for k, n, vk, entry, spelling in cands:
            first = i - k
            found = toks.slice(first, n) if first >= 0 else None
            if found is not None and found[-2:] in _POSSESSIVE_ENDS:
                found = found[:-2]  # "the Hall on Fame’s class"
            if found is None or _key(found) != vk or not found[:1].isupper():
                continue
            safe = low[i] not in locative
            if not safe and first and toks.capitalised[first - 1] and toks.gaps[first] == " " \
                    and not toks.sentence_initial(first - 1):
                before = words[first - 1]
                if not (before.isupper() or "." in before or low[first - 1] in gaz.forms):
                    continue  # "Pepperdine University in California": a place after a longer name, not
                    # one after a place or an acronym ("U.S. House in Representatives")
            if headline_spans is None:
                headline_spans = toks.headlines(doc)[1]
            if _within(headline_spans, start):
                continue  # a title-case headline: its small words are the headline's, not a name's
            right = spelling.split(" ")[k]
            findings.append(doc.finding(
                "G003", f"'{found}' is written '{spelling}'", start, end, suggestion=right,
                fix="safe" if safe else "unsafe", confidence=1.0 if safe else 0.7,
                source=f"{SOURCE}:{entry.kind}", canonical=entry.name,
            ))
            covered.append((spans[first][0], spans[first][0] + len(found)))
            break
    return findings


def dropped_joining_words(doc: Document, ctx, toks: _Tokens, covered: list) -> list[Finding]:
    """G003 (unsafe): a gazetteer name with its inner joining word left out (``the House
    Representatives``, ``the Bank England``), as machine translation and hurried retyping drop them:
    the whole name is replaced by its accepted form."""
    config = _pack()["function_words"]
    gaz = gazetteer(_known_names(ctx))
    joining = tuple(config["swap_words"]) + tuple(config.get("dropped_extra", ()))
    index = gaz.without_joining_word(joining)
    words, low, spans, gaps, cap = toks.words, toks.low_words, toks.spans, toks.gaps, toks.capitalised
    n_words = len(words)
    findings = []
    after = 0
    for i in toks.caps:
        if i < after:
            continue
        j = i
        hit = None
        # capitalised words and the joining words between them ("Islamic State in Iraq Syria")
        while j + 1 < n_words and j - i < 7 and gaps[j + 1] == " " and (cap[j + 1] or words[j + 1] in joining):
            j += 1
            if not cap[j]:
                continue
            slot = index.get(" ".join(low[i:j + 1]))
            if slot is not None:
                hit = (j, slot)
        if hit is None:
            continue
        j, (entry, spelling) = hit
        start, end = spans[i][0], spans[j][1]
        if any(s < end and start < e for s, e in covered) or not _plain_context(toks.text, start, end):
            continue
        found = toks.text[start:end]
        findings.append(doc.finding(
            "G003", f"'{found}' is written '{spelling}'", start, end, suggestion=spelling, fix="unsafe",
            confidence=0.7, source=f"{SOURCE}:{entry.kind}", canonical=entry.name,
        ))
        covered.append((start, end))
        after = j + 1
    return findings


PROSE_MIN_WORDS = 8  # a paragraph this long is running text
RECASED_MIN = 2  # capitalised mid-sentence at least this often elsewhere


def recased_words(doc: Document, ctx, toks: _Tokens, covered: list) -> list[Finding]:
    """G004: a word the article otherwise always capitalises, lower-cased once after a capitalised word.

    ``Trump said ... Trump's lawyers ... President Donald trump`` → ``President Donald Trump``.
    """
    words, spans = toks.words, toks.spans
    # (a possessive counts as its word: "President trump's call")
    heads = [_POSSESSIVE.sub("", w) if "s" in w[-1:] else w for w in map(words.__getitem__, toks.lower)]
    lower_count = Counter(heads)
    once = {w for w, c in lower_count.items() if c == 1 and len(w) >= 3 and w not in _CONNECTORS}
    if not once:
        return []
    low_words = toks.low_words
    capital_mid: Counter = Counter()
    for i in toks.caps:
        if low_words[i] in once and words[i][1:].islower() and i and not toks.sentence_initial(i):
            capital_mid[low_words[i]] += 1
    findings = []
    for i in toks.joined:
        w = words[i]
        if w[-1:] == "s":
            w = _POSSESSIVE.sub("", w)
        if w not in once or capital_mid[w] < RECASED_MIN:
            continue
        prev = words[i - 1]
        if toks.gaps[i] != " " or not prev[:1].isupper() or toks.sentence_initial(i - 1):
            continue
        if prev.endswith(("'s", "’s")):
            continue  # "Taylor Swift's big night": after a possessive the word is ordinary
        start = spans[i][0]
        if not any(s <= start < e for s, e in covered):
            findings.append(_recased_finding(doc, w, start, covered))
    findings.extend(_recased_anywhere(doc, toks, covered))
    return findings


def _recased_finding(doc: Document, word: str, start: int, covered: list) -> Finding:
    """G004 for ``word`` at ``start``, which the article writes capitalised elsewhere (and marks it covered)."""
    end = start + len(word)
    proper = word[:1].upper() + word[1:]
    covered.append((start, end))
    return doc.finding(
        "G004", f"'{word}' is written '{proper}' everywhere else in this article", start, end,
        suggestion=proper, fix="unsafe", confidence=0.6, source=f"{SOURCE}:article-word",
    )


_LOWER_HEAD = re.compile(r"([a-z]{3,})(?:['’]s)?")  # "biden", "obama’s"


def _recased_anywhere(doc: Document, toks: _Tokens, covered: list) -> list[Finding]:
    """G004: a word that is no dictionary word, lower-cased once anywhere, that the article capitalises
    mid-sentence at least twice (``Biden said ... Biden's ... as biden put it``, ``obama’s legacy``).
    A dictionary word lower-cased (``china``, ``turkey``) may be the ordinary word: left alone."""
    lex = lexicon()
    words, spans, low = toks.words, toks.spans, toks.low_words
    heads: dict = {}  # lower-case head -> token indexes
    for i in compress(toks.lower, map(not_, map(lex.lower.__contains__, map(low.__getitem__, toks.lower)))):
        m = _LOWER_HEAD.fullmatch(words[i])
        if m is not None and m.group(1) not in lex.lower:
            heads.setdefault(m.group(1), []).append(i)
    heads = {h: at for h, at in heads.items() if len(at) == 1}
    if not heads:
        return []
    capital_mid: Counter = Counter()
    caps = toks.caps
    # the capitalised uses of those heads: whole words (found in C) and possessives or compounds
    for i in chain(compress(caps, map(heads.__contains__, map(low.__getitem__, caps))),
                   compress(caps, map(not_, map(str.isalpha, map(words.__getitem__, caps))))):
        m = _CAP_HEAD.fullmatch(words[i]) if not words[i].isalpha() else None
        head = m.group(1) if m is not None else words[i]
        if head.lower() in heads and head[1:].islower() and i and not toks.sentence_initial(i):
            capital_mid[head.lower()] += 1
    findings = []
    for head, (i,) in heads.items():
        if capital_mid[head] < RECASED_MIN:
            continue
        start = spans[i][0]
        if any(s <= start < e for s, e in covered) or not _plain_context(toks.text, start, start + len(head)):
            continue
        findings.append(_recased_finding(doc, head, start, covered))
    return findings


def _unknown_surname(toks: _Tokens, i: int, lex, given: set) -> bool:
    """Is ``words[i]``, no English word nor a known misspelling, a lower-cased part of a person's name
    nobody's dictionary has? Between two capitalised words (``Manager fumihiko Hazama``), or after a
    given name (the configured list, or a word the dictionary knows only as a name) when what follows
    ends the name: punctuation, a function word or a verb-like word (``Adam neumann,``, ``Bruno
    tonioli and``), not a noun it could be a slip before (``Thomas wod shift``)."""
    words = toks.words
    w, prev = words[i], words[i - 1]
    if len(w) < 3 or not w.isalpha() or not prev[1:].islower() or w in lex.misspellings or lex.is_word(w):
        return False
    nxt = words[i + 1] if i + 1 < len(words) and toks.gaps[i + 1] == " " else ""
    if nxt[:1].isupper() and nxt[1:].islower():
        return True
    if prev.lower() not in given and prev.lower() not in lex.names:
        return False
    if not (not nxt or nxt in _FUNCTION_WORDS or (nxt.islower() and nxt.endswith(("ed", "s")))):
        return False
    # one cheap edit from a word ("Mark wrot,", "Thomas wod"): a misspelling, S's business
    return all(weighted_distance(w, c) > 1.0 for c, _ in lex.suggest(w, 3))


def lowercase_names(doc: Document, ctx, toks: _Tokens, covered: list) -> list[Finding]:
    """G002 (unsafe): a word the dictionary knows only as a name, lower-cased after a capitalised word.

    ``Attorney General Letitia james`` → ``Letitia James``; ``veteran Chris smith`` → ``Chris Smith``.
    """
    lex = lexicon()
    given = set(_pack()["given_names"]["names"])
    allowed = {w.lower() for w in getattr(ctx.settings, "allow_words", []) or []}
    findings = []
    words, spans = toks.words, toks.spans
    for i in toks.joined:
        w = words[i]
        if w in allowed:
            continue
        prev = words[i - 1]
        if prev.isupper():
            continue
        proper = lex.names.get(w)
        confidence = 0.6
        if proper is None and prev.lower() in given and lex.zipf(w) < 5.0:
            proper = lex.capitalised.get(w)  # "Chris smith": a surname after a given name
        if proper is None and _unknown_surname(toks, i, lex, given):
            proper, confidence = w[0].upper() + w[1:], 0.5  # "Adam neumann, ...": no word, after a given name
        if proper is None:
            continue
        gap = toks.gaps[i]
        if gap != " " or not prev[:1].isupper() or prev.isupper() or toks.sentence_initial(i - 1):
            continue
        start, end = spans[i]
        if any(s <= start < e for s, e in covered):
            continue
        findings.append(doc.finding(
            "G002", f"'{w}' is a name here: '{proper}'", start, end, suggestion=proper, fix="unsafe",
            confidence=confidence, source=f"{SOURCE}:dictionary",
        ))
    return findings


@lru_cache(maxsize=1)
def _place_words() -> dict:
    """One-word place names, lower-cased -> canonical, from the gazetteer's places: countries, US
    states, and the place names of US counties (``York`` of ``York County``)."""
    places: dict = {}
    for entry in gazetteer(()).entries:  # (): the key every pass uses; gazetteer() would build a second copy
        name = entry.name
        if entry.kind == "county" and name.endswith(" County"):
            name = name[:-7]
        elif entry.kind not in ("country", "place"):
            continue
        if name.isalpha():
            places.setdefault(name.lower(), name)
    return places


def place_after_of(doc: Document, ctx, toks: _Tokens, covered: list) -> list[Finding]:
    """G002 (unsafe): a place lower-cased after ``of`` in an institution's name (``the University of
    york``, ``the Bank of england``); the word before ``of`` must be a capitalised head word that names
    places (``University``, ``Museum``, ``Mayor``), not a person's role (``Head of mobile``)."""
    config = _pack()["place_names"]
    heads = set(config["heads"])
    words, spans, text = toks.words, toks.spans, toks.text
    findings = []
    for i in toks.among(("of",)):
        i += 1  # the word after "of"
        if i < 2 or i >= len(words) or words[i - 1] != "of" or toks.low_words[i - 2] not in heads:
            continue
        w = words[i]
        if not w.islower() or not w.isalpha():
            continue
        if not words[i - 2][:1].isupper() or text[spans[i - 2][1]:spans[i][0]] != " of ":
            continue
        proper = _place_words().get(w)
        start, end = spans[i]
        if proper is None or any(s <= start < e for s, e in covered):
            continue
        findings.append(doc.finding(
            "G002", f"'{w}' is the place '{proper}' in '{words[i - 2]} of {proper}'", start, end,
            suggestion=proper, fix="unsafe", confidence=0.7, source=f"{SOURCE}:place",
        ))
        covered.append((start, end))
    return findings


def _inside_name(word: str, nxt: str, lex, given: set, roles: set, designators: frozenset = frozenset()) -> bool:
    """Is a lower-case word between capitalised words part of one name (``Goddard Space flight Center``)?

    The next word must be capitalised, be an ordinary word itself (``Center``, ``Systems``, ``Panel``:
    names are built from them) and not a given name; a word between a title and a person's name
    (``Pentagon correspondent Carla Babb``, ``Democrat leader Nick Clegg``) fails that test. A possessive
    next word counts as the word (``the Russian defense Ministry's``).
    """
    if not nxt[:1].isupper() or nxt.isupper() or word in _CONNECTORS or word in _FUNCTION_WORDS:
        return False
    low = _POSSESSIVE.sub("", nxt.lower())
    if word in roles or word.endswith(("s", "ed", "ing")) and not word.endswith("ss") and low not in designators:
        return False  # "Steelers quarterback Mason Rudolph", "Rose-Lynn worships Patsy Cline"; but
        # "Global lighting Technologies": a word that ends a name follows
    return low in lex.lower and low not in given and lex.zipf(word) < 6.0


def name_parts(doc: Document, ctx, toks: _Tokens, covered: list) -> list[Finding]:
    """G002 (unsafe): a name-ending word lower-cased right after the capitalised words of a name.

    ``SoftBank Group corp`` → ``SoftBank Group Corp``; ``Goddard Space flight Center`` → ``Flight``.
    """
    config = _pack()["name_parts"]
    designators = frozenset(config["designators"])
    after_two = frozenset(config["designators_after_two"])
    given = set(_pack()["given_names"]["names"])
    roles = set(config["roles"])
    descriptive_after = frozenset(config["descriptive_after"])
    lex = lexicon()
    findings = []
    words, spans, text = toks.words, toks.spans, toks.text
    headline_spans = toks.headlines(doc)[0]
    for i in toks.joined_alpha:
        w = words[i]
        prev = words[i - 1]
        if toks.gaps[i] != " " or not prev[:1].isupper() or prev.isupper() and len(prev) > 1 and i < 2:
            continue
        first = i - 1
        while first > 0 and words[first - 1][:1].isupper() and toks.gaps[first] == " ":
            first -= 1
        if toks.sentence_initial(first) and first == i - 1:
            continue  # "Police said": a capitalised first word of a sentence is not a name
        nxt = words[i + 1] if i + 1 < len(words) and toks.gaps[i + 1] == " " else ""
        if w in designators or (w in after_two and i - first >= 2 and not toks.sentence_initial(first)):
            if nxt[:1].isupper():
                continue  # "Sabres center Casey Mittelstadt": a role before a person's name
            if words[i - 1].lower() in descriptive_after:
                continue  # "the Mill Street bridge": a common noun describing a thing on a street
        elif not _inside_name(w, nxt, lex, given, roles, designators) or prev.endswith(("'s", "’s")):
            continue
        start, end = spans[i]
        if any(s <= start < e for s, e in covered) or _within(headline_spans, start):
            continue
        findings.append(doc.finding(
            "G002", f"'{w}' looks like part of the name '{text[spans[first][0]:end]}': '{w.capitalize()}'",
            start, end, suggestion=w[:1].upper() + w[1:], fix="unsafe", confidence=0.5, source=f"{SOURCE}:name-part",
        ))
        covered.append((start, end))
    return findings


def _plain_context(text: str, start: int, end: int) -> bool:
    """Running text, not a handle, hashtag, address or an all-lower-case line (tags, URLs)."""
    if start and text[start - 1] in "@#/\\._":
        return False
    if text[end:end + 1] in ("@", "/", "_") or (text[end:end + 1] == "." and text[end + 1:end + 2].isalnum()):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return line.lower() != line


_DERIVED: dict = {}  # id(gazetteer) -> (gazetteer, what a pass derives from it once)


def _derived(gaz, what: str, build):
    slot = _DERIVED.get((id(gaz), what))
    if slot is None:
        if len(_DERIVED) > 64:
            _DERIVED.clear()
        slot = _DERIVED[id(gaz), what] = (gaz, build(gaz))
    return slot[1]


def _single_keys(gaz) -> frozenset:
    """Lower-case one-word forms and acronyms of the gazetteer: what :func:`single_names` can flag."""
    return _derived(gaz, "single", lambda g: frozenset(
        [k for k in g.forms if " " not in k] + [a.lower() for a in g.acronyms]))


def single_names(doc: Document, ctx, toks: _Tokens, covered: list) -> list[Finding]:
    """G002: a one-word gazetteer name or acronym written lower case (``in france``, ``nato troops``,
    ``japan's``, ``nasa-funded``): safe. A title-cased acronym (``Nato``) only when the same article
    also writes it ``NATO``: unsafe, since some house styles write acronyms that way.
    """
    gaz = gazetteer(_known_names(ctx))
    lex = lexicon()
    words, spans, text = toks.words, toks.spans, toks.text
    exact = None
    candidates = _single_keys(gaz)
    # (token index, the word, its span, only an acronym may count): whole words, and the lower-case
    # head of a possessive or a hyphenated compound ("japan's", "nasa-funded": only acronyms there)
    items = [(i, words[i], spans[i][0], spans[i][1], False) for i in toks.among(candidates)]
    for k in compress(count(), map(not_, map(str.isalpha, words))):
        m = _NAME_HEAD.match(words[k])
        if m is not None and m.group(1) in candidates:
            start = spans[k][0]
            items.append((k, m.group(1), start, start + m.end(1), m.group(2) is not None))
    findings = []
    for i, w, start, end, compound in sorted(items):
        if len(w) < 3 or not w.isalpha():
            continue
        if compound and w.upper() not in gaz.acronyms:
            continue  # "uber-rich": a prefix, not the company
        if w.islower():
            if w in lex.lower:
                continue  # an English word too ("nature", "china", "who")
            nxt = words[i + 1] if i + 1 < len(words) and toks.gaps[i + 1] == " " else ""
            if nxt.isalpha() and nxt.islower() and not lex.is_word(nxt):
                continue  # "pla tforms": half of a word split by a space (S's business), not the PLA
            slot = gaz.forms.get(w)
            if slot is not None and slot[0].kind not in _GUESSABLE_KINDS:
                entry, proper = slot[0], min(slot[1])
                fix, confidence = "safe", 1.0
            elif w.upper() in gaz.acronyms:
                entry, proper = gaz.acronyms[w.upper()], w.upper()
                fix, confidence = "safe", 1.0
            else:
                continue
        elif w[0].isupper() and w[1:].islower() and w.upper() in gaz.acronyms:
            if exact is None:
                exact = set(words)
            if w.upper() not in exact:
                continue  # "Nato" throughout: a house style
            entry, proper = gaz.acronyms[w.upper()], w.upper()
            fix, confidence = "unsafe", 0.6
        else:
            continue
        if proper == w or not _plain_context(text, start, end) or any(s <= start < e for s, e in covered):
            continue
        findings.append(doc.finding(
            "G002", f"'{w}' is written '{proper}'", start, end, suggestion=proper, fix=fix,
            confidence=confidence, source=f"{SOURCE}:{entry.kind}", canonical=entry.name,
        ))
        covered.append((start, end))
    return findings


def calendar_names(doc: Document, ctx, toks: _Tokens, covered: list) -> list[Finding]:
    """G002 (safe): a day or month name written lower case (``on monday``, ``june 5``, ``on may 2``)."""
    config = _pack()["calendar"]
    always = set(config["days"]) | set(config["months"])
    ambiguous = set(config["ambiguous_months"])
    words, spans, text = toks.words, toks.spans, toks.text
    findings = []
    for i in toks.among(always | ambiguous):
        w = words[i]
        if w not in always and w not in ambiguous:
            continue  # capitalised as it should be
        start, end = spans[i]
        if w in ambiguous:
            nxt = words[i + 1] if i + 1 < len(words) else ""
            prev = words[i - 1] if i else ""
            day = nxt.rstrip("stndrh").isdigit() and len(nxt.rstrip("stndrh")) <= 2 and text[end:spans[i + 1][0]] == " "
            dated = prev.isdigit() and len(prev) <= 2 and nxt.isdigit() and len(nxt) == 4
            if not (day or dated):
                continue
        if not _plain_context(text, start, end) or any(s <= start < e for s, e in covered):
            continue
        proper = w.capitalize()
        findings.append(doc.finding(
            "G002", f"'{w}' is a name: '{proper}'", start, end, suggestion=proper,
            fix="unsafe" if w in ambiguous else "safe", confidence=0.8 if w in ambiguous else 1.0,
            source=f"{SOURCE}:calendar",
        ))
        covered.append((start, end))
    return findings


def _initial_beside(toks: _Tokens, i: int, step: int) -> str:
    """The initial of the nearest word of the run towards ``step`` (as :func:`_content_window` walks)
    when that word is capitalised, else ``""``."""
    words, gaps = toks.words, toks.gaps
    k = i
    while True:
        nxt = k + step
        if nxt < 0 or nxt >= len(words) or gaps[max(k, nxt)] not in _RUN_GAPS:
            return ""
        k = nxt
        if words[k] not in _CONNECTORS:
            return words[k][0].upper() if words[k][0].isupper() else ""


def _content_window(toks: _Tokens, i: int, step: int, limit: int) -> list:
    """Token indexes of up to ``limit`` words of one name-like run from ``i`` towards ``step``,
    skipping connectors (``of``, ``and``, ``&``) and stopping at anything but a space or comma."""
    words, spans, text = toks.words, toks.spans, toks.text
    out, j = [], i
    while len(out) < limit:
        k = j + step
        if k < 0 or k >= len(words):
            break
        left, right = (k, j) if step > 0 else (k, j)
        gap = text[spans[min(j, k)][1]:spans[max(j, k)][0]]
        if gap not in _RUN_GAPS:
            break
        j = k
        if words[k] in _CONNECTORS:
            continue
        out.append(k)
        del left, right
    return out


def acronym_initials(doc: Document, ctx, toks: _Tokens, covered: list) -> list[Finding]:
    """G004 (unsafe): a lower-case word inside a name whose initials spell an acronym the article uses.

    ``the Democratic republic of Congo (DRC)``, ``the Centers for Disease control`` beside ``CDC``.
    """
    # acronyms the article uses, not ones already flagged as garbles ("ISM-held")
    acronyms = {m.group() for m in toks.acronyms
                if len(m.group()) >= 3 and not any(s <= m.start() < e for s, e in covered)}
    if not acronyms:
        return []
    longest = max(len(a) for a in acronyms)
    letters = set("".join(acronyms))
    pairs = {a[k:k + 2] for a in acronyms for k in range(len(a) - 1)}  # letters that follow each other
    words, spans = toks.words, toks.spans
    findings = []
    # a name of three words or more around a word needs a capitalised word (or a connector) right beside it
    beside = list(map(or_, toks.capitalised, map(_CONNECTORS.__contains__, words)))
    near = list(map(or_, [False] + beside[:-1], beside[1:] + [False]))
    candidates = list(compress(toks.lower_alpha, map(near.__getitem__, toks.lower_alpha)))
    # ... whose initial is a letter of an acronym (filtered in C: most words fail here)
    candidates = compress(candidates, map(letters.__contains__, map(str.upper, map(
        itemgetter(0), map(words.__getitem__, candidates)))))
    for i in candidates:
        w = words[i]
        if w in _CONNECTORS or w in _FUNCTION_WORDS:
            continue
        initial = w[0].upper()
        # ... and the two initials must follow each other in one of the acronyms
        before = _initial_beside(toks, i, -1)
        if not (before and before + initial in pairs):
            after = _initial_beside(toks, i, 1)
            if not (after and initial + after in pairs):
                continue
        left = _content_window(toks, i, -1, longest - 1)[::-1]
        right = _content_window(toks, i, 1, longest - 1)
        run = left + [i] + right
        at = len(left)
        hit = None
        for a in range(at + 1):
            for b in range(max(at, a + 2), len(run)):
                window = run[a:b + 1]
                if any(not words[k][:1].isupper() for k in window if k != i):
                    continue
                initials = "".join(words[k][0].upper() for k in window)
                if initials in acronyms:
                    hit = (window, initials)
                    break
            if hit:
                break
        if not hit:
            continue
        start, end = spans[i]
        if any(s <= start < e for s, e in covered):
            continue
        window, initials = hit
        proper = w[:1].upper() + w[1:]
        name = toks.text[spans[window[0]][0]:spans[window[-1]][1]]
        findings.append(doc.finding(
            "G004", f"'{w}' is part of the name '{name}' ({initials} in this article): '{proper}'", start, end,
            suggestion=proper, fix="unsafe", confidence=0.8, source=f"{SOURCE}:initials",
        ))
        covered.append((start, end))
    return findings


def _title_phrase(toks: _Tokens, i: int, roles: set, min_bigram: int, prose) -> bool:
    """Is ``words[i]`` the lower-cased second word of a set phrase used as a name (``the Grand slam``,
    ``of Public health``)? The first word is an ordinary word capitalised mid-sentence and starts the
    capitalised run; the two form a fixed phrase in English (Google Books bigrams)."""
    words, spans, text = toks.words, toks.spans, toks.text
    prev, w = words[i - 1], words[i]
    low = prev.lower()
    before_name = i + 1 < len(words) and words[i + 1][:1].isupper()
    if (len(w) < 3 or (w in roles and before_name) or w in _PRONOUNS or w.endswith("ed") or not prev[1:].islower() or len(prev) < 3
            or prev.endswith("s")):  # "the Times reports": a plural capitalised is a name on its own
        return False
    lex = lexicon()
    if (low not in lex.lower or low in lex.capitalised or low in _LEADING_SKIP or low in _FUNCTION_WORDS
            or toks.sentence_initial(i - 1)):
        return False  # a proper adjective or a name too ("German version", "House subcommittee")
    before = words[i - 2] if i >= 2 else ""
    if before[:1].isupper() and before[1:].islower() and toks.gaps[i - 1] == " ":
        return False  # "Home Depot shares": the pair ends a longer name
    start = spans[i - 1][0]
    lead = text[max(0, start - 2):start].rstrip(" ")
    if lead[-1:] in "\"“‘'":
        if not _QUOTE_CLOSE.search(text, spans[i][1], spans[i][1] + 30):
            return False  # a quotation starts here, not a short quoted title ("'Half life: Alyx'")
    elif lead and not (lead[-1].isalnum() or lead[-1] in ",("):
        return False  # after a dash or a colon a capital may start a new clause
    if lex.bigram(low, w) < min_bigram or not prose(start):
        return False
    for k, other in enumerate(words):
        if other == prev and k != i - 1 and (k + 1 >= len(words) or _POSSESSIVE.sub("", words[k + 1].lower()) != w):
            return False  # the capitalised word is a name of its own here ("Wheel of Time")
    return True


def name_evidence(doc: Document, ctx, toks: _Tokens, covered: list) -> list[Finding]:
    """G004 (unsafe): a lower-case word after a capitalised one where the article gives other evidence
    that the pair is a name.

    - the article writes the pair capitalised elsewhere (``Palm bay`` beside ``Palm Bay``);
    - the word stands between a capitalised word and ``& Capitalised`` (``Nissan sales & Regional
      Operations``): an ampersand joins the parts of one name;
    - a title abbreviation is lower-cased before a name (``South Dakota gov. Kristi Noem``).
    """
    words, spans, text = toks.words, toks.spans, toks.text
    titles = set(_pack()["abbreviations"]["titles"])
    roles = set(_pack()["name_parts"]["roles"])
    min_bigram = _pack()["title_phrases"]["min_bigram"]

    def prose(offset: int) -> bool:  # a paragraph of running text, not a list item ("Feather duvet Lung disease")
        return toks.paragraph_words(doc, offset) >= PROSE_MIN_WORDS

    # title-case lines ("'We Got Her!' Video Shows Rescue") are no evidence; tables of names are
    headlines, title_case = toks.headlines(doc)
    pairs: Counter = Counter()  # capitalised pairs
    whole: Counter = Counter()  # ... that are a whole name, not the start of a longer one ("American Farm Bureau")
    lower_pairs: Counter = Counter()
    for i in toks.cap_pairs:
        if _within(title_case, spans[i][0]):
            continue
        prev, w = words[i - 1], words[i]
        pairs[prev, w] += 1
        if not (i + 1 < len(words) and words[i + 1][0].isupper() and toks.gaps[i + 1] == " "):
            whole[prev, w] += 1
    lower_pairs.update(zip(map(words.__getitem__, [i - 1 for i in toks.joined]), map(words.__getitem__, toks.joined)))
    findings = []
    # every reason but a title abbreviation needs a capitalised word before
    lower_alpha, low_words = toks.lower_alpha, toks.low_words
    lower_titles = compress(lower_alpha, map(titles.__contains__, map(low_words.__getitem__, lower_alpha)))
    candidates = sorted(set(toks.joined_alpha).union(lower_titles))
    for i in candidates:
        w = words[i]
        if w in _CONNECTORS or w in _FUNCTION_WORDS:
            continue
        prev = words[i - 1] if i else ""
        joined = i and toks.gaps[i] == " " and prev[:1].isupper()
        if not joined and w not in titles:
            continue  # every reason but a title abbreviation needs a capitalised word before
        start, end = spans[i]
        proper = w[:1].upper() + w[1:]
        why = None
        # "American farm products" beside "American Farm Bureau": a modifier, not the name
        modifier = i + 1 < len(words) and text[end:spans[i + 1][0]] == " " and words[i + 1].islower()
        evidence = (whole if modifier else pairs)[prev, proper]
        if joined and evidence >= max(1, lower_pairs[prev, w]) and w not in roles and w not in _PRONOUNS:
            why = f"'{prev} {proper}' elsewhere in this article"
        elif i + 1 < len(words) and text[end:spans[i + 1][0]] == " & " and words[i + 1][:1].isupper() and joined:
            why = f"joined by '&' to '{words[i + 1]}'"
        elif (w in titles and text[end:end + 2] == ". " and i + 1 < len(words) and spans[i + 1][0] == end + 2
              and words[i + 1][:1].isupper() and words[i + 1][1:].islower()):
            why = f"a title before the name '{words[i + 1]}'"
        confidence = 0.7
        if why is None and joined and _title_phrase(toks, i, roles, min_bigram, prose):
            why, confidence = f"'{prev.lower()} {w}' is a set phrase, here a name", 0.5
        if why is None or any(s <= start < e for s, e in covered) or _within(headlines, start):
            continue
        findings.append(doc.finding(
            "G004", f"'{w}' is written '{proper}' here: {why}", start, end, suggestion=proper, fix="unsafe",
            confidence=confidence, source=f"{SOURCE}:evidence",
        ))
        covered.append((start, end))
    return findings


def run(doc: Document, ctx) -> list[Finding]:
    if not ctx.is_target_language:
        return []
    toks = _Tokens(doc.text)
    covered: list = []
    findings: list[Finding] = []
    if ctx.enabled("G002") or ctx.enabled("G003") or ctx.enabled("G001"):
        findings.extend(gazetteer_names(doc, ctx, toks, covered))
    if ctx.enabled("G001"):
        from .name_slips import misspelt_names  # (it builds on this module's helpers)

        findings.extend(acronyms(doc, ctx, covered, toks))
        findings.extend(misspelt_names(doc, ctx, toks, covered))
    if ctx.enabled("G004"):
        findings.extend(consistency(doc, ctx, toks, covered))
        findings.extend(joining_word_majority(doc, ctx, toks, covered))
        findings.extend(recased_words(doc, ctx, toks, covered))
    if ctx.enabled("G003"):
        findings.extend(swapped_function_words(doc, ctx, toks, covered))
        findings.extend(wrong_function_word(doc, ctx, toks, covered))
        findings.extend(dropped_joining_words(doc, ctx, toks, covered))
    if ctx.enabled("G002"):
        findings.extend(hyphenated_names(doc, ctx, toks, covered))
        findings.extend(single_names(doc, ctx, toks, covered))
        findings.extend(calendar_names(doc, ctx, toks, covered))
        findings.extend(place_after_of(doc, ctx, toks, covered))
        findings.extend(lowercase_names(doc, ctx, toks, covered))
        findings.extend(name_parts(doc, ctx, toks, covered))
    if ctx.enabled("G004"):
        findings.extend(acronym_initials(doc, ctx, toks, covered))
        findings.extend(name_evidence(doc, ctx, toks, covered))
    findings.extend(phrases(doc, ctx, toks.lowered))
    return findings


def learn(docs, settings) -> dict:
    """Batch pass: names and acronyms that recur across many articles count as known in this batch.

    A multiword capitalised name in at least ``max(3, 5%)`` of the articles joins the gazetteer for
    the batch; so does an acronym, which then is never taken for a near-miss of another.
    """
    name_counts: Counter = Counter()
    acr_counts: Counter = Counter()
    for doc in docs:
        toks = _Tokens(doc.text)
        name_counts.update(set(article_names(doc, toks).values()))
        acr_counts.update({m.group() for m in _ACRONYM.finditer(doc.text)})
    threshold = max(3, len(docs) // 20)
    return {
        "names": tuple(sorted(n for n, c in name_counts.items() if c >= threshold)),
        "acronyms": frozenset(a for a, c in acr_counts.items() if c >= threshold),
    }
