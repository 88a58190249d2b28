"""English word knowledge shared by the S and G checks: which words exist, how common they are, which
misspellings have one right answer, and the nearest real words to an unknown one.

Why these sources:

- **Dictionary: SCOWL size 70** (American + British, Kevin Atkinson's Spell Checker Oriented Word
  Lists as packaged by Debian ``wamerican-large``/``wbritish-large``; permissive licence, notice in
  ``rules/data/SCOWL-LICENSE.txt``). Size 70 is a "large" list: big enough that news vocabulary
  (``airstrike``, ``geopolitical``) is in, small enough that it keeps out the obscure words that would
  hide misspellings. Case is kept: an entry only listed capitalised (``James``, ``York``) is a name.
- **Frequencies: wordfreq**'s English list (CC BY-SA 4.0 data, attribution in
  ``rules/data/WORDFREQ-LICENSE.txt``), shipped as ``rules/data/zipf-en.tsv.gz`` by
  ``tools/build_data.py`` (words from zipf 1.5 up). It admits modern words SCOWL lacks
  (``touchscreen``, ``livestream``) above a frequency threshold, but it also lists common
  misspellings, so a word in the misspelling table is never admitted that way.
- **Known misspellings**: ``rules/data/misspellings-en.tsv.gz``, the one-correction entries of
  Wikipedia's "Lists of common misspellings" and codespell's dictionary (both CC BY-SA 3.0) that
  SCOWL rejects. These are the ``safe`` fixes.

Suggestions come from a SymSpell-style index of deletions (distance ≤ 2) over the common dictionary
words (zipf ≥ 3: corrections are common words), built lazily the first time an unknown word needs
one, and ranked by a weighted edit cost (transpositions, doubled letters, vowel slips and
neighbouring keys are cheap) against frequency, then re-ranked by how often each candidate follows the
previous word and precedes the next one in symspellpy's English bigram list (Google Books n-grams,
MIT), shipped as ``rules/data/bigrams-en.tsv.gz`` by ``tools/build_data.py``.
"""

from __future__ import annotations

import gzip
import hashlib
import marshal
import math
import os
import re
import sys
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from functools import lru_cache, partial
from itertools import compress, filterfalse, repeat
from typing import Iterable, Optional

from .rulepacks import _builtin_root, load_builtin

ADMIT_ZIPF = 3.0  # a word this frequent in wordfreq is accepted even when SCOWL lacks it
ADMIT_ZIPF_SHORT = 3.6    # ... and for words of up to four letters (web text is full of "thi", "teh")
COST_WEIGHT = 2.2         # how many zipf units (factors of ten in frequency) one edit costs
CONTEXT_WEIGHT = 0.3      # zipf units per factor of ten in a neighbouring bigram's count
COMPOUND_MIN_ZIPF = 3.0   # halves of a closed compound ("roofline") must be at least this common
COMPOUND_SEEN_ZIPF = 2.0  # ... and the compound itself this frequent in wordfreq
# particles of phrasal verbs that English closes up into nouns ("buildup", "payout", "layoff"): a common
# word and one of these written as one is a compound ("runup", "stopout")
CLOSED_UP_PARTICLES = ("up", "out", "off")
# Function words that get run into their neighbour by a missing space ("inthe", "alot", "ofthe")
GLUE_WORDS = {"a", "an", "the", "of", "in", "on", "to", "and", "or", "at", "by", "for", "is", "it", "as", "be",
              "we", "he", "she", "they", "you", "i", "this", "that", "with", "from", "not", "but", "was", "are"}
SPLIT_MIN_ZIPF = 4.5      # both halves of a run-together pair must be this common ("inthe" → "in the")
SUGGEST_MIN_ZIPF = 3.0    # suggestions are drawn from dictionary words at least this frequent
COMMON_ZIPF = 3.0         # the start-up snapshot holds words this frequent in one dict, rarer ones in shards
RARE_SHARDS = 1024        # ... of about 140 words each
MISSPELLING_SHARDS = 512  # the known misspellings in the snapshot, about 110 a shard
# A longer token is no misspelling of a dictionary word (a pasted hash, a run of letters): it gets no
# suggestion, and never reaches the deletion index, whose work grows with the cube of a token's length
# ('a' * 10000 took minutes and gigabytes).
MAX_SUGGEST_LENGTH = 30
# The shipped frequency table leaves out words rarer than this: no check compares a zipf with a lower
# threshold, so they decide as unseen words do (tests/test_data_files.py keeps the two in step).
ZIPF_FLOOR = 1.5
CONTRACTION_TAILS = {"s", "t", "d", "m", "ll", "re", "ve"}
# Productive suffixes (with the shortest stem they may follow): "wirelessly", "automations".
SUFFIXES = (("s", 5), ("ly", 5), ("ness", 4), ("less", 4))
# endings after which English writes "-es" for the plural and the third person, never "-s" alone
_SIBILANT_S = ("ss", "xs", "zs", "chs", "shs")
# Productive prefixes: "unevidenced", "preorder", "declutter" are words when what follows is one.
PREFIXES = ("un", "re", "pre", "de", "non", "over", "under", "out", "co", "anti", "counter", "mis", "dis",
            "sub", "super", "inter", "multi", "micro", "mini", "post", "semi", "self", "mega", "ultra", "hyper")

_VOWELS = set("aeiouy")
_KEYBOARD = [
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
]


def _neighbours() -> dict:
    pos = {}
    for row, keys in enumerate(_KEYBOARD):
        for col, key in enumerate(keys):
            pos[key] = (row, col + 0.5 * row)
    near = {}
    for a, (ra, ca) in pos.items():
        near[a] = {b for b, (rb, cb) in pos.items() if b != a and abs(ra - rb) <= 1 and abs(ca - cb) <= 1.0}
    return near


_NEAR = _neighbours()


def neighbouring_keys(ch: str) -> set:
    """The letters beside ``ch`` on a QWERTY keyboard (a slip's likeliest substitutes).

    >>> sorted(neighbouring_keys("e"))
    ['d', 'r', 's', 'w']
    """
    return _NEAR.get(ch, set())


def _shard_of(word: str, shards: int) -> int:
    """Which of ``shards`` rare-word shards holds ``word`` (a hash that is the same in every process).

    >>> _shard_of("crontab", 1024) == _shard_of("crontab", 1024), 0 <= _shard_of("naïve", 7) < 7
    (True, True)
    """
    return zlib.crc32(word.encode("utf-8", "surrogatepass")) % shards


def _data(name: str):
    return _builtin_root() / "data" / name


@lru_cache(maxsize=1)
def _load_rare_frequencies() -> dict:
    """word -> frequency for wordfreq's rare words (zipf 1.0 up to ZIPF_FLOOR, lower-case letters) from
    ``rules/data/zipf-en-rare.tsv.gz``: loaded on the first unknown word that asks (about 130,000
    words), never at start."""
    return _load_frequencies("zipf-en-rare.tsv.gz")


def _load_frequencies(name: str = "zipf-en.tsv.gz") -> dict:
    """word -> frequency from ``rules/data/zipf-en.tsv.gz`` (wordfreq's English list, CC BY-SA 4.0).

    Why a shipped table: importing wordfreq (and langcodes with it) and unpacking its list cost about
    0.15 s a start. ``tools/build_data.py`` writes one line per centibel bucket, ``cB<TAB>words``; the
    frequency is computed exactly as ``wordfreq.get_frequency_dict`` does, one float per bucket.
    Words under ZIPF_FLOOR are left out (``zipf`` gives them 0.0).
    """
    with _data(name).open("rb") as raw:
        text = gzip.decompress(raw.read()).decode("utf-8")
    freq: dict = {}
    for line in text.split("\n"):
        if line and line[0] != "#":
            cb, _, bucket = line.partition("\t")
            freq.update(dict.fromkeys(bucket.split(" "), 10 ** (-int(cb) / 100)))
    return freq


class ShardedTable(Mapping):
    """A read-only table of str keys (and marshal-able values) kept as marshalled shards (by :func:`_shard_of` of the key), each
    unpacked when a key of it is first asked about: the start-up snapshot's known misspellings (54,000),
    of which an article asks about some 80, cost every start 0.01 s to unpickle as one dict. Once a
    quarter of the shards are unpacked (a long run), the rest are too and look-ups go to one dict.

    >>> table = ShardedTable.of({"recieve": "receive", "teh": "the"}, 4)
    >>> "teh" in table, table["recieve"], table.get("the"), len(table), table.whole() == {"recieve": "receive", "teh": "the"}
    (True, 'receive', None, 2, True)
    >>> sorted(table.items()) == [("recieve", "receive"), ("teh", "the")]  # a whole read unpacks every shard
    True
    """

    __slots__ = ("_shards", "_loaded", "_size", "_whole")

    def __init__(self, shards: tuple, size: int) -> None:
        self._shards, self._size, self._loaded, self._whole = shards, size, {}, None

    @classmethod
    def of(cls, table: dict, shards: int) -> "ShardedTable":
        parts: list = [{} for _ in range(shards)]
        for key, value in table.items():
            parts[_shard_of(key, shards)][key] = value
        return cls(tuple(marshal.dumps(part) for part in parts), len(table))

    def _part(self, key: str) -> dict:
        if self._whole is not None:
            return self._whole
        number = _shard_of(key, len(self._shards))
        part = self._loaded.get(number)
        if part is None:
            part = self._loaded[number] = marshal.loads(self._shards[number])
            if len(self._loaded) * 4 > len(self._shards):
                self.load()
        return part

    def load(self) -> None:
        """Unpack every shard now: look-ups then go to one dict."""
        self._whole = self.whole()

    def whole(self) -> dict:
        """Every entry, as one dict."""
        if self._whole is not None:
            return self._whole
        table: dict = {}
        for number, data in enumerate(self._shards):
            table.update(self._loaded.get(number) or marshal.loads(data))
        return table

    def __contains__(self, key: str) -> bool:
        return key in self._part(key)

    def __getitem__(self, key: str) -> str:
        return self._part(key)[key]

    def get(self, key: str, default=None):
        return self._part(key).get(key, default)

    def __len__(self) -> int:
        return self._size

    def __iter__(self):
        return iter(self.whole())


class Lexicon:
    """The dictionary plus frequencies; build once per process with :func:`lexicon`."""

    def __init__(self) -> None:
        with _data("scowl-en-70.txt.gz").open("rb") as raw:
            packed = raw.read()
        self._data_key = hashlib.sha256(packed).hexdigest()[:16]
        listing = gzip.decompress(packed).decode("utf-8")
        entries = listing.split("\n")
        self.lower: frozenset = frozenset(w for w in entries if w and not w[0].isupper())
        capitalised: dict = {}
        mixed: set = set()  # lower-case forms of the entries not all in capitals (Mia, McDonald)
        for w in entries:
            if w and w[0].isupper():
                capitalised.setdefault(w.lower(), w)
                if not w.isupper():
                    mixed.add(w.lower())
        #: lower-case forms SCOWL lists both in capitals and as a name (MIA and Mia, IRA and Ira): a
        #: title-case one beside another name is the name, not the acronym ("influencer Mia Khan")
        self.name_too: frozenset = frozenset(k for k, v in capitalised.items() if v.isupper() and k in mixed)
        #: lower-case form -> the capitalised entry, for words SCOWL lists only capitalised (names)
        self.names: dict = {k: v for k, v in capitalised.items() if k not in self.lower}
        #: lower-case form -> capitalised entry, for every word SCOWL lists capitalised (Smith, Mason)
        self.capitalised: dict = capitalised
        self.misspellings: dict = {}
        with _data("misspellings-en.tsv.gz").open("rb") as raw:
            for line in gzip.decompress(raw.read()).decode("utf-8").splitlines():
                if line and not line.startswith("#"):
                    wrong, _, right = line.partition("\t")
                    self.misspellings[wrong] = right
        self._add_bare_contractions(listing)
        #: word -> frequency: every word of the table, or (from the snapshot) those at least COMMON_ZIPF
        #: frequent, the rarer ones in ``_rare_shards`` (see :attr:`freq`)
        self._common: dict = _load_frequencies()
        self._rare_shards: tuple = ()
        #: wordfreq's rare words (see :meth:`rare_zipf`): from the snapshot a ShardedTable, else read whole
        #: from their file when first asked about
        self._rare_web: Optional[ShardedTable] = None
        self._freq_size = len(self._common)
        self._vocabulary: Optional[tuple] = None
        self._forget_lookups()

    _STATE = ("_data_key", "lower", "names", "capitalised", "name_too", "misspellings", "contractions", "_freq_size")

    def __getstate__(self) -> dict:
        """The word lists and the suggestion vocabulary, without what look-ups built (the start-up
        snapshot, :mod:`cleaner.snapshot`). The frequency table is split: words at least COMMON_ZIPF
        frequent (29,000, most of any article) in one dict, the 145,000 rarer ones in RARE_SHARDS
        marshalled dicts by a hash of the word, each unpacked when a word of it is first asked about:
        unpickling the whole table cost every start 0.05 s. The known misspellings and the rare words
        of web text (:meth:`rare_zipf`: reading their file whole cost a start that asked about one
        unknown word 0.045 s) are sharded the same way (:class:`ShardedTable`)."""
        state = {key: getattr(self, key) for key in self._STATE}
        misspellings = self.misspellings
        table = misspellings.whole() if isinstance(misspellings, ShardedTable) else misspellings
        state["misspellings"] = (ShardedTable.of(table, MISSPELLING_SHARDS)._shards, len(table))
        state["_vocabulary"] = self._suggestion_vocabulary()
        freq, floor = self.freq, 10 ** (COMMON_ZIPF - 9)
        state["_common"] = {w: f for w, f in freq.items() if f >= floor}
        shards: list = [{} for _ in range(RARE_SHARDS)]
        for w, f in freq.items():
            if f < floor:
                shards[_shard_of(w, RARE_SHARDS)][w] = f
        state["_rare_shards"] = tuple(marshal.dumps(shard) for shard in shards)
        rare = _load_rare_frequencies()
        state["_rare_web"] = (ShardedTable.of(rare, RARE_SHARDS)._shards, len(rare))
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        #: wrong spelling -> its one right answer (a dict when built here, a ShardedTable from the snapshot)
        self.misspellings = ShardedTable(*state["misspellings"])
        self._rare_web = ShardedTable(*state["_rare_web"]) if "_rare_web" in state else None
        self._forget_lookups()

    @property
    def freq(self) -> dict:
        """word -> frequency, for every word of the table (unpacks the rare shards, if any are left)."""
        if self._rare_shards:
            whole = dict(self._common)
            for data in self._rare_shards:
                whole.update(marshal.loads(data))
            self._common, self._rare_shards = whole, ()
        return self._common

    def _rare_frequency(self, w: str) -> float:
        """The frequency of a word under COMMON_ZIPF (0.0 for a word not in the table), from its shard."""
        number = _shard_of(w, len(self._rare_shards))
        shard = self._rare_loaded.get(number)
        if shard is None:
            shard = self._rare_loaded[number] = marshal.loads(self._rare_shards[number])
        return shard.get(w, 0.0)

    def _forget_lookups(self) -> None:
        self._rare_loaded: dict = {}  # shard number -> its dict, for the shards asked about
        self._frequent: dict = {}  # min_zipf -> frequent_words(min_zipf)
        self._index: Optional["_SuggestIndex"] = None
        self._index_cached = False  # was the built index's cache file there at the first look-up?
        self._recent_ids: dict = {}  # word -> _candidate_ids(word), the last 64 words asked
        self._bigram_rows: dict = {}  # first word -> {second: count}, parsed one row at a time
        self._short_rows: dict = {}  # first word -> its short row, unparsed (see bigram())
        self._long_rows: dict = {}  # first word -> [its long row, unparsed; how often it was searched]
        self._bigram_seconds: dict = {}  # one string per second word, shared by the rows
        self._raw_rows: Optional[dict] = None  # first word -> unparsed row, every row (finish_loading)

    def _add_bare_contractions(self, listing: str) -> None:
        """Contractions written without their apostrophe (``dont``, ``youre``, ``im``) join the known
        misspellings, so they get the one right answer instead of being admitted as words: wordfreq
        counts them as common (web text drops apostrophes). Bare forms that are words themselves
        (``cant``, ``wont``, ``well``, ``shell``) are left alone; which tails count is in
        ``rules/spelling.toml`` (``[bare_contractions]``)."""
        config = load_builtin("spelling")["bare_contractions"]
        tails = tuple(config["tails"])
        # the dictionary's entries with an apostrophe (about 130 of its 120,000 lines: found with
        # str.find, as a scan of every line would cost 15 ms at every start)
        with_apostrophe = []
        at = listing.find("'")
        while at != -1:
            start, end = listing.rfind("\n", 0, at) + 1, listing.find("\n", at)
            end = len(listing) if end == -1 else end
            with_apostrophe.append(listing[start:end])
            at = listing.find("'", end)
        #: the dictionary's entries with an apostrophe, by their lower-case form ("i'm" -> "I'm")
        self.contractions: dict = {w.lower(): w for w in with_apostrophe if w}
        for entry in [w for w in with_apostrophe if w.endswith(tails)] + list(config["also"]):
            bare = entry.replace("'", "").lower()
            if bare not in self.lower and bare not in self.capitalised and bare not in self.misspellings:
                self.misspellings[bare] = entry

    # -- knowing words -----------------------------------------------------------------------------
    def zipf(self, word: str) -> float:
        w = word.lower()
        f = self._common.get(w)
        if f is None:
            f = self._rare_frequency(w) if self._rare_shards else 0.0
        return math.log10(f) + 9 if f > 0 else 0.0

    def frequent_words(self, min_zipf: float) -> tuple:
        """The dictionary's lower-case words (:attr:`lower`) at least ``min_zipf`` frequent, in no
        particular order, kept per threshold (how English words start and end are read from them).

        From ``COMMON_ZIPF`` up they are all in the table of common words (a rare word's shard holds
        none: wordfreq's frequencies step by 0.01 zipf), and only the 23,000 words of it that
        frequent are read, not the 119,000 of the dictionary: deriving those letter patterns from
        the whole dictionary cost a process's first articles 0.3 s.

        >>> sorted(w for w in lexicon().frequent_words(6.5) if w.startswith("th"))
        ['that', 'the', 'they', 'this']
        """
        known = self._frequent.get(min_zipf)
        if known is None:
            zipf, words = self.zipf, self.lower
            if min_zipf >= COMMON_ZIPF:
                # the table's words about that frequent, picked in C (the exact test follows); a word
                # with capitals (``iPad``) has the frequency of its lower-cased form
                table, floor = self._common, 10 ** (min_zipf - 9) * (1 - 1e-9)
                words = words.intersection(compress(table, map(floor.__le__, table.values()))).union(
                    filterfalse(str.islower, words))
            known = self._frequent[min_zipf] = tuple(w for w in words if zipf(w) >= min_zipf)
        return known

    def rare_zipf(self, word: str) -> float:
        """The zipf of a word rarer than ZIPF_FLOOR that web text still uses (``crontab`` 1.42), or 0.0.

        >>> lexicon().rare_zipf("crontab"), lexicon().rare_zipf("governmet"), lexicon().rare_zipf("the")
        (1.42, 0.0, 0.0)
        """
        table = self._rare_web if self._rare_web is not None else _load_rare_frequencies()
        f = table.get(word.lower(), 0.0)
        return round(math.log10(f) + 9, 2) if f > 0 else 0.0

    def is_word(self, word: str, extra: Iterable[str] = ()) -> bool:
        """Is this lower-case token an English word (dictionary, frequent enough, or allowed)?

        >>> lex = lexicon()
        >>> lex.is_word("airstrikes"), lex.is_word("equivelant"), lex.is_word("don't")
        (True, False, True)
        """
        w = word.lower().replace("’", "'")
        if w in self.lower or w in extra:
            return True
        if "'" in w:
            base, _, tail = w.partition("'")
            if tail in CONTRACTION_TAILS and (base in self.lower or base in self.names or (tail == "t" and base + "'t" in self.lower)):
                return True
            if tail == "t" and w in {"can't", "won't", "shan't", "ain't"}:
                return True
            return False
        if w in self.misspellings:
            return False
        if self.zipf(w) >= (ADMIT_ZIPF_SHORT if len(w) <= 4 else ADMIT_ZIPF):
            return True
        return bool(self.derivation(w))

    def derivation(self, w: str) -> tuple:
        """The listed words a productive rule builds the lower-case ``w`` from (a prefix's remainder, a
        suffix's stem, a closed compound's halves), or ``()`` when no rule admits it.

        >>> lexicon().derivation("unevidenced"), lexicon().derivation("automations")
        (('evidenced',), ('automation',))

        English writes ``-es``, not ``-s``, after a hissing sound, so no ``-s`` follows one:

        >>> lexicon().derivation("employeess"), lexicon().derivation("indexs"), lexicon().derivation("employees")
        ((), (), ('employee',))
        """
        for prefix in PREFIXES:
            if w.startswith(prefix) and len(w) - len(prefix) >= 4 and w[len(prefix):] in self.lower:
                return (w[len(prefix):],)
        for suffix, stem_min in SUFFIXES:
            if w.endswith(suffix) and len(w) - len(suffix) >= stem_min and w[: -len(suffix)] in self.lower:
                if suffix == "s" and w.endswith(_SIBILANT_S):
                    continue
                return (w[: -len(suffix)],)
        return self._closed_compound(w)

    def _closed_compound(self, w: str) -> tuple:
        """Two common content words written as one (``weeklong``, ``roofline``, ``systemwide``)."""
        if self.zipf(w) < COMPOUND_SEEN_ZIPF:
            return ()  # a compound people actually write, not a slip that happens to split
        return self.compound_parts(w)

    def compound_parts(self, w: str) -> tuple:
        """The two common content words (three letters or more, neither a function word) that ``w``
        is written from, or ``()``: ``hostnames`` is (``host``, ``names``), however rare. A token longer
        than two of the longest words suggested is none (each split copies the token: a 60,000-letter
        e-mail name took 2.7 s).

        A word closed up with the particle of a phrasal verb is one too (``runup``, ``stopout``, as
        ``buildup``, ``payout`` and ``layoff`` are written).

        >>> lexicon().compound_parts("a" * 100_000)
        ()
        >>> [lexicon().compound_parts(w) for w in ("hostnames", "runup", "stopout", "inthe", "grouplet")]
        [('host', 'names'), ('run', 'up'), ('stop', 'out'), (), ()]
        """
        if len(w) > 2 * MAX_SUGGEST_LENGTH:
            return ()
        for i in range(3, len(w) - 3):
            left, right = w[:i], w[i:]
            if (left in self.lower and right in self.lower and left not in GLUE_WORDS and right not in GLUE_WORDS
                    and min(self.zipf(left), self.zipf(right)) >= COMPOUND_MIN_ZIPF):
                return (left, right)
        for particle in CLOSED_UP_PARTICLES:
            left = w[:-len(particle)]
            if w.endswith(particle) and len(left) >= 3 and left in self.lower and left not in GLUE_WORDS \
                    and self.zipf(left) >= COMPOUND_MIN_ZIPF:
                return (left, particle)
        return ()

    # -- suggesting words --------------------------------------------------------------------------
    def _build_index(self) -> tuple:
        """The suggestion vocabulary (common dictionary words) and its deletion index, packed.

        The index holds, sorted, one 64-bit number per (deletion of up to two letters, word) pair:
        the deletion's key (_index_key) above the word's position in the vocabulary. Why: as a dict
        of deletion strings it took about 55 MB of objects; packed, about 6 MB in one array.
        """
        words = self._suggestion_words()
        shift = max(1, (len(words) - 1).bit_length())
        mask = (1 << (64 - shift)) - 1
        packed = array("Q", sorted((_index_key(d) & mask) << shift | i for i, w in enumerate(words) for d in _deletes(w)))
        return words, packed.tobytes(), shift

    def _index_cache_file(self) -> Optional[str]:
        """Where the built index is kept between runs (``NEWS_CLEANER_DATA_CACHE=off`` disables it).

        Building takes about a second; loading the marshalled index a few milliseconds, which matters
        for a pre-commit hook that starts a fresh process for a handful of files.
        """
        base = os.environ.get("NEWS_CLEANER_DATA_CACHE")
        if base == "off":
            return None
        if not base:
            base = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
                                "news-cleaner")
        key = hashlib.sha256(
            f"{INDEX_FORMAT}|{self._data_key}|{SUGGEST_MIN_ZIPF}|{sys.version_info[:2]}|{self._freq_size}".encode()
        ).hexdigest()[:16]
        return os.path.join(base, f"suggest-index-{key}.marshal")

    def _suggestion_words(self) -> list:
        """The suggestion vocabulary: dictionary words of letters at least SUGGEST_MIN_ZIPF common."""
        threshold = 10 ** (SUGGEST_MIN_ZIPF - 9)
        freq = self.freq  # (filtered in C before sorting: sorting all 119,000 words cost 0.04 s)
        return sorted(filter(str.isalpha, self.lower.intersection(compress(freq, map(threshold.__le__, freq.values())))))

    def _suggestion_vocabulary(self) -> tuple:
        """(the suggestion vocabulary, the zipf of each word, the words by length), computed once
        (0.04 s) and kept in the start-up snapshot."""
        if self._vocabulary is None:
            words = self._suggestion_words()
            self._vocabulary = (words, self._zipfs(words), _by_length(words))
        return self._vocabulary

    def _ensure_index(self) -> None:
        """The index to look words up in: a scan of the vocabulary first (no start-up cost: a fresh
        machine or a pre-commit hook checking one article needs a few look-ups), then, once enough
        look-ups were made to pay for it, the built index: loaded from its cache file after
        INDEX_LOAD_AFTER_SCANS (loading takes about 0.03 s), built after INDEX_AFTER_SCANS."""
        index = self._index
        if index is None:
            path = self._index_cache_file()
            self._index_cached = bool(path) and os.path.exists(path)
            self._index = _ScanIndex(*self._suggestion_vocabulary())
            return
        if isinstance(index, _ScanIndex) and index.scans > (INDEX_LOAD_AFTER_SCANS if self._index_cached
                                                             else INDEX_AFTER_SCANS):
            self._index = self._load_index()

    def finish_loading(self) -> None:
        """Load now what look-ups load lazily: every rare-word, misspelling and rare-web-word shard, and the whole
        suggestion index (from its cache file, else built) and every row of the bigram list once a
        check has asked for a suggestion. For
        a process about to check many articles (a batch's parent before it forks its workers): the
        workers share them instead of each paying for them in its first articles, and a first article
        checked costs what any other does."""
        self.freq  # (unpacks the rare shards)
        for table in (self.misspellings, self._rare_web):
            if isinstance(table, ShardedTable):
                table.load()
        if isinstance(self._index, _ScanIndex):
            self._index = self._load_index()
        if self._index is not None and self._raw_rows is None:
            # every row of the bigram list, unparsed (3.6 MB, 0.03 s): a suggestion reads the rows of
            # its ~45 candidates, and a row's first read (its block found, then the row) cost a
            # first-time word ~3 µs, a dict look-up once they are all here
            self._raw_rows = _all_raw_bigram_rows()

    def _load_index(self) -> "_SuggestIndex":
        path = self._index_cache_file()
        built = None
        if path:
            try:
                with open(path, "rb") as fh:
                    built = marshal.load(fh)
                if not (isinstance(built, tuple) and len(built) == 4 and built[0] == INDEX_FORMAT):
                    built = None
                else:
                    built = built[1:]
            except (OSError, EOFError, ValueError, TypeError):
                built = None
        if built is None:
            built = self._build_index()
            if path:
                try:
                    os.makedirs(os.path.dirname(path), exist_ok=True)
                    from .atomic import atomic_write

                    atomic_write(path, marshal.dumps((INDEX_FORMAT, *built)), durable=False)
                except OSError:
                    pass  # a read-only home: build again next time
        words, packed, shift = built
        vocabulary = self._suggestion_vocabulary()
        return _SuggestIndex(words, vocabulary[1] if words == vocabulary[0] else self._zipfs(words), packed, shift)


    def _zipfs(self, words: list) -> list:
        """``[self.zipf(w) for w in words]`` with the look-ups in C (for the 23,000 words of the
        suggestion vocabulary, a method call each cost a cold start 0.01 s)."""
        log10 = math.log10
        return [log10(f) + 9 if f > 0 else 0.0 for f in map(self.freq.get, map(str.lower, words), repeat(0.0))]

    def _candidate_ids(self, word: str) -> set:
        """Positions in the suggestion vocabulary of the words sharing a deletion with ``word`` (the
        last few kept: a check that asks has_close_word() before suggest() looks the word up once)."""
        self._ensure_index()
        recent = self._recent_ids
        ids = recent.get(word)
        if ids is None:
            ids = recent[word] = self._index.lookup(word)
            if len(recent) > 64:
                del recent[next(iter(recent))]
        return ids

    def candidates(self, word: str) -> set:
        """The common words that share a deletion (up to two letters each side) with ``word``; none for a
        token longer than MAX_SUGGEST_LENGTH.

        >>> lexicon().candidates("a" * 10000)
        set()
        """
        if len(word) > MAX_SUGGEST_LENGTH:
            return set()
        ids = self._candidate_ids(word)
        words = self._index.words
        return {words[i] for i in ids}

    def has_close_word(self, word: str, min_zipf: float, max_cost: float, exclude: tuple = ()) -> bool:
        """Is a suggestion-vocabulary word at least ``min_zipf`` common within ``max_cost`` of ``word``?

        A necessary condition for any suggestion that passes both tests, a few times cheaper than
        ranking them (no context, no sorting): checks that only act on such a suggestion ask first.
        Words in ``exclude`` do not count (the stem a suffix was added to)."""
        if len(word) > MAX_SUGGEST_LENGTH:
            return False
        if max_cost < 1.1:
            # within one full edit, or two half ones: the variants are the word, its single deletions
            # and its double undoublings (see _near_deletes), a few lookups instead of dozens
            self._ensure_index()
            ids = self._index.lookup(word, _near_deletes(word))
        else:
            ids = self._candidate_ids(word)
        vocabulary, zipfs = self._index.words, self._index.zipfs
        gap_to = letter_gap_from(word)
        for i in ids:
            if zipfs[i] >= min_zipf:
                cand = vocabulary[i]
                if cand in exclude:
                    continue
                if gap_to(cand) <= max_cost + 1e-9 and weighted_distance(word, cand, cutoff=max_cost) <= max_cost:
                    return True
        return False

    def bigram(self, first: str, second: str) -> int:
        """How often ``first second`` occurs in symspellpy's English bigram list (0 when absent).

        Only what the pair needs is read: a row is searched for ``second`` unparsed (suggest() asks
        about one pair in each of forty candidates' rows), and a long one that is asked about again
        and again (a common first word) is parsed once and kept after ``PARSE_AFTER_ASKS`` searches,
        when they have cost about what parsing it does: parsing a long row at its first question
        (2.5 ms for ``more``, 35 ms for ``the``) was most of a slip's first suggestions.

        >>> lex = lexicon()
        >>> lex.bigram("tax", "credit") > 0, lex.bigram("tax", "1040"), lex.bigram("tax", "zzqx")
        (True, 0, 0)
        """
        row = self._bigram_rows.get(first)
        if row is not None:
            return row.get(second, 0)
        raw = self._short_rows.get(first)
        if raw is None:
            long = self._long_rows.get(first)
            if long is None:
                raw = self._raw_row(first)
                if raw is None:
                    return self._bigram_row(first).get(second, 0)  # (kept as a row of none)
                if len(raw) <= PARSE_ROWS_OVER:
                    self._short_rows[first] = raw  # (at most the 16,600 rows of the list)
                    return _count_in_row(raw, second) if second.isalpha() else 0
                long = self._long_rows[first] = [raw, 0]
            long[1] += 1
            if long[1] > PARSE_AFTER_ASKS:
                del self._long_rows[first]
                return self._bigram_row(first).get(second, 0)
            raw = long[0]
        # every second word of the list is letters only (tools/build_data.py), so no other is in it
        return _count_in_row(raw, second) if second.isalpha() else 0

    def _raw_row(self, first: str) -> Optional[str]:
        """``first``'s unparsed row of the bigram list (None when it has none): from every row, when
        finish_loading() has read them all, else from the one block of the file that can hold it."""
        rows = self._raw_rows
        return rows.get(first) if rows is not None else _raw_bigram_row(first)

    def _parse_long_row(self, first: str) -> None:
        """Parse ``first``'s row now if it is long and not parsed yet: for a row about to be asked about
        many times (the word before a slip, once for each candidate suggested)."""
        if first in self._bigram_rows or first in self._short_rows:
            return
        long = self._long_rows.pop(first, None)
        raw = long[0] if long is not None else self._raw_row(first)
        if raw is not None and len(raw) > PARSE_ROWS_OVER:
            self._bigram_row(first)

    def _bigram_row(self, first: str) -> dict:
        """``first``'s row of the bigram list, {second: count}, parsed on first use (a start parses the
        few rows it reads, not all 243,000 pairs; second words are shared between rows)."""
        row = self._bigram_rows.get(first)
        if row is None:
            raw = self._raw_row(first)
            row = self._bigram_rows[first] = _parse_row(raw, self._bigram_seconds) if raw else _NO_BIGRAMS
        return row

    def _pair_counts(self, first: str, seconds: list) -> list:
        """``[self.bigram(first, s) for s in seconds]``, ``first``'s row read once for all of them."""
        row = self._bigram_rows.get(first)
        if row is not None:
            return [row.get(s, 0) for s in seconds]
        raw = self._short_rows.get(first)
        if raw is None:  # (not read yet: bigram() reads and keeps it)
            return [self.bigram(first, s) for s in seconds]
        return [_count_in_row(raw, s) if s.isalpha() and (raw.startswith(s + " ") or f" {s} " in raw) else 0
                for s in seconds]

    def _evidence(self, cands: list, before: str, after: str) -> list:
        """Each candidate's context evidence in suggest(): CONTEXT_WEIGHT times the log counts of the
        pairs it makes with ``before`` and ``after`` (the before row read once, the after side's look-up
        inlined: suggest() asks this for every candidate, about 45 a word)."""
        log10 = math.log10
        out = [log10(1 + count) if count else 0.0 for count in self._pair_counts(before, cands)] if before \
            else [0.0] * len(cands)
        if after:
            rows, short, bigram = self._bigram_rows, self._short_rows, self.bigram
            head, needle, alpha = after + " ", f" {after} ", after.isalpha()
            for k, cand in enumerate(cands):
                row = rows.get(cand)
                if row is not None:
                    count = row.get(after, 0)
                else:
                    raw = short.get(cand)
                    if raw is None:
                        count = bigram(cand, after)
                    elif alpha and (needle in raw or raw.startswith(head)):
                        count = _count_in_row(raw, after)
                    else:
                        continue  # (no pair: nothing to add)
                if count:
                    out[k] += log10(1 + count)
        return [CONTEXT_WEIGHT * e for e in out]

    def suggest(self, word: str, limit: int = 3, before: str = "", after: str = "") -> list[tuple[str, float]]:
        """Ranked corrections for an unknown lower-case word, best first, as (word, score).

        ``before`` and ``after`` are the neighbouring words, when known: a candidate that forms a
        common bigram with them ranks higher (``tax creadit`` → ``credit``, ``thoy RAV4`` → ``the``).
        A word of the known-misspelling table gets its correction first.

        >>> [w for w, _ in lexicon().suggest("equivelant")][:1]
        ['equivalent']
        >>> lexicon().suggest("a" * 10000)
        []
        """
        if len(word) > MAX_SUGGEST_LENGTH:
            return []
        w = word.lower()
        known = self.misspellings.get(w)
        zipf, bigram, log10 = self.zipf, self.bigram, math.log10
        context = bool(before or after)
        following = partial(bigram, before) if before else _NO_BIGRAMS.get
        if before:
            self._parse_long_row(before)  # (asked about once for each candidate)

        def evidence(cand: str) -> float:  # as bigram() both sides, the row before looked up once
            e = 0.0
            if before:
                count = following(cand)
                if count:  # (log10(1 + 0) adds nothing)
                    e += log10(1 + count)
            if after:
                count = bigram(cand, after)
                if count:
                    e += log10(1 + count)
            return CONTEXT_WEIGHT * e

        scored = [(known, 10.0)] if known else []
        # two words run together ("inthe", "alot"): a missing space is one cheap edit
        for i in range(1, len(w)):
            left, right = w[:i], w[i:]
            if (left not in GLUE_WORDS and right not in GLUE_WORDS) or (left == "a" and len(right) < 3):
                continue
            if left in self.lower and right in self.lower and min(zipf(left), zipf(right)) >= SPLIT_MIN_ZIPF:
                z = min(zipf(left), zipf(right))
                cand = f"{left} {right}"
                score = z - COST_WEIGHT * 0.5 + 0.1 * log10(1 + bigram(left, right))
                scored.append((cand, round(score + evidence(cand), 3) if context else score))
        # Best first by an upper bound of the final score (frequency and context known, the edit cost
        # at least lower_costs()): once no bound reaches the limit-th best score found, no later
        # candidate can enter the result, so the edit distance (the expensive part) is computed for a
        # few candidates, not all of them.
        ids = self._candidate_ids(w)  # loads the index
        vocabulary, zipfs = self._index.words, self._index.zipfs
        cands = [vocabulary[i] for i in ids]
        evidence_of = self._evidence(cands, before, after) if context else repeat(0.0)
        queue = [(z + e - COST_WEIGHT * low, z, e, low, cand)
                 for cand, z, e, low in zip(cands, map(zipfs.__getitem__, ids), evidence_of, lower_costs(w, cands))
                 if cand != known]
        queue.sort(reverse=True)

        def kth() -> float:  # the limit-th best score so far
            return sorted((s for _, s in scored), reverse=True)[limit - 1] if len(scored) >= limit else float("-inf")

        worst = kth()
        for bound, z, e, low, cand in queue:
            if bound < worst - 0.001:  # margin: the final score is rounded
                break
            cutoff = min(2.0, (z + e - worst + 0.001) / COST_WEIGHT)  # a dearer edit cannot reach the list
            if low > cutoff + 1e-9:
                continue
            cost = weighted_distance(w, cand, cutoff=cutoff)
            if cost > cutoff:
                continue
            score = z - COST_WEIGHT * cost
            if context:
                score = round(score + e, 3)
            if score >= worst:
                scored.append((cand, score))
                worst = kth()
        scored.sort(key=lambda item: (-item[1], item[0]))
        return scored[:limit]


INDEX_FORMAT = "packed-2"  # the layout of the suggestion index, part of its cache file's name
INDEX_AFTER_SCANS = 1000  # look-ups by scanning before the index is built (a scan ~1 ms, building ~1 s)
INDEX_LOAD_AFTER_SCANS = 30  # ... before the index is loaded from its cache file (loading ~0.03 s)


def _max_deletions(length: int) -> int:
    """How many letters _deletes() removes from a word of this length."""
    return 2 if length >= 5 else 1


def _by_length(words: list) -> dict:
    """length -> (the words of that length, their positions in ``words``), for _ScanIndex.

    >>> _by_length(["an", "ant", "at"])
    {2: (['an', 'at'], [0, 2]), 3: (['ant'], [1])}
    """
    out: dict = {}
    for i, w in enumerate(words):
        slot = out.get(len(w))
        if slot is None:
            slot = out[len(w)] = ([], [])
        slot[0].append(w)
        slot[1].append(i)
    return out


class _ScanIndex:
    """The suggestion vocabulary looked up without the deletion index, by longest common subsequence
    (rapidfuzz, in C) over the words of nearby lengths: the same words the index finds, at no
    start-up cost.

    Two words share a deletion (up to ``_max_deletions`` letters from each) exactly when their
    longest common subsequence leaves no more than that many letters of either; a variant is among a
    word's deletions when it is a subsequence of the word short by no more than that.
    """

    __slots__ = ("words", "zipfs", "scans", "_by_length")

    def __init__(self, words: list, zipfs: list, by_length: Optional[dict] = None) -> None:
        self.words, self.zipfs, self.scans = words, zipfs, 0
        self._by_length: dict = _by_length(words) if by_length is None else by_length

    def lookup(self, word: str, variants: Optional[set] = None) -> set:
        """Positions of the words sharing a deletion with ``word``, or holding one of ``variants``
        among their deletions.

        >>> index = _ScanIndex(["there", "these", "three", "throw"], [5.0] * 4)
        >>> sorted(index.words[i] for i in index.lookup("thre"))
        ['there', 'these', 'three', 'throw']
        >>> sorted(index.words[i] for i in index.lookup("thre", {"thre"}))
        ['there', 'three']
        """
        from rapidfuzz.distance import LCSseq
        from rapidfuzz.process import extract_iter

        self.scans += 1
        ids: set = set()
        if variants is None:
            n, need = len(word), len(word) - _max_deletions(len(word))
            for length in range(max(0, n - 2), n + 3):
                words, positions = self._by_length.get(length, ((), ()))
                floor = max(need, length - _max_deletions(length), 0)
                for _, _, at in extract_iter(word, words, scorer=LCSseq.similarity, score_cutoff=floor):
                    ids.add(positions[at])
            return ids
        for variant in variants:
            n = len(variant)
            for length in range(n, n + 3):
                if length - n > _max_deletions(length):
                    continue
                words, positions = self._by_length.get(length, ((), ()))
                for _, _, at in extract_iter(variant, words, scorer=LCSseq.similarity, score_cutoff=n):
                    ids.add(positions[at])
        return ids


def _index_key(deletion: str) -> int:
    """A stable 64-bit key of a deletion string (Python's own str hash changes from one process to the
    next; CRC-32s, tried first, collide on seven-letter strings)."""
    return int.from_bytes(hashlib.blake2b(deletion.encode(), digest_size=8).digest(), "big")


class _SuggestIndex:
    """The packed deletion index (see Lexicon._build_index) with the vocabulary and its zipf values."""

    __slots__ = ("words", "zipfs", "packed", "shift")

    def __init__(self, words: list, zipfs: list, packed: bytes, shift: int) -> None:
        self.words, self.zipfs, self.shift = words, zipfs, shift
        self.packed = array("Q")
        self.packed.frombytes(packed)

    def lookup(self, word: str, variants: Optional[set] = None) -> set:
        """Positions of the words sharing one of ``variants`` (default: every deletion of ``word``)."""
        packed, shift = self.packed, self.shift
        mask = (1 << (64 - shift)) - 1
        ids: set = set()
        for d in _deletes(word) if variants is None else variants:
            low = (_index_key(d) & mask) << shift
            high = low + (1 << shift)
            at = bisect_left(packed, low)
            while at < len(packed) and packed[at] < high:
                ids.add(packed[at] - low)
                at += 1
        return ids


_NO_BIGRAMS: dict = {}  # (never written to)


@lru_cache(maxsize=1)
def _raw_bigram_rows() -> dict:
    """first word -> its unparsed row (``second count second count ...``) from ``bigrams-en.tsv.gz``."""
    with _data("bigrams-en.tsv.gz").open("rb") as raw:
        text = gzip.decompress(raw.read()).decode("utf-8")
    return dict(line.split("\t", 1) for line in text.split("\n") if line and line[0] != "#")


@lru_cache(maxsize=1)
def _bigram_blocks() -> Optional[tuple]:
    """(first word of each block, its gzip member's byte span, the file's bytes) of ``bigrams-en.tsv.gz``,
    from the ``# blocks`` line of its first member (``tools/build_data.py``); None for a file without."""
    raw = _data("bigrams-en.tsv.gz").read_bytes()
    first_member = zlib.decompressobj(31)
    head = first_member.decompress(raw).decode("utf-8")
    at = len(raw) - len(first_member.unused_data)
    for line in head.split("\n"):
        if line.startswith("# blocks\t"):
            firsts, spans = [], []
            for item in line.split("\t")[1:]:
                word, size = item.rsplit(" ", 1)
                firsts.append(word)
                spans.append((at, at + int(size)))
                at += int(size)
            return firsts, spans, raw
    return None


@lru_cache(maxsize=None)
def _bigram_block(number: int) -> dict:
    """first word -> unparsed row, for the rows of one block of the bigram file."""
    _, spans, raw = _bigram_blocks()
    start, end = spans[number]
    text = zlib.decompress(raw[start:end], 31).decode("utf-8")
    return dict(line.split("\t", 1) for line in text.split("\n") if line)


def _all_raw_bigram_rows() -> dict:
    """first word -> unparsed row, for every row of the bigram file (the blocks' rows together)."""
    blocks = _bigram_blocks()
    if blocks is None:
        return dict(_raw_bigram_rows())
    rows: dict = {}
    for number in range(len(blocks[0])):
        rows.update(_bigram_block(number))
    _bigram_block.cache_clear()  # (read through the whole table from now on)
    return rows


def _raw_bigram_row(first: str) -> Optional[str]:
    """``first``'s unparsed row, from the one block of the file that can hold it (a start looks up a
    few rows: decompressing the whole file cost it 0.03 s)."""
    blocks = _bigram_blocks()
    if blocks is None:
        return _raw_bigram_rows().get(first)
    number = bisect_right(blocks[0], first) - 1
    return _bigram_block(number).get(first) if number >= 0 else None


PARSE_ROWS_OVER = 4096  # characters: a longer row (the commonest 80 first words) may be parsed and kept
PARSE_AFTER_ASKS = 32  # ... once it has been searched this often (parsing costs 50-300 searches of it)


def _count_in_row(row: str, second: str) -> int:
    """The count of ``second`` in an unparsed row (``second count second count ...``), by one search
    in C: ``second`` is letters only and counts are digits, so a hit is always a second word.

    >>> _count_in_row("card 15 cards 4", "card"), _count_in_row("card 15 cards 4", "cards"), _count_in_row("card 15", "car")
    (15, 4, 0)
    """
    if row.startswith(second + " "):
        at = len(second) + 1
    else:
        at = row.find(" " + second + " ")
        if at < 0:
            return 0
        at += len(second) + 2
    end = row.find(" ", at)
    return int(row[at:end] if end >= 0 else row[at:])


def _parse_row(row: str, seconds: dict) -> dict:
    """{second word: count} of one row; ``seconds`` shares one string object per distinct second word."""
    parts = row.split(" ") if row else []
    words = parts[0::2]
    return dict(zip(map(seconds.setdefault, words, words), map(int, parts[1::2])))


def _load_bigrams() -> dict:
    """symspellpy's English bigram frequencies (Google Books n-grams, MIT licence) as
    first word -> {second word: count}: a lookup builds no "first second" string, and the table
    takes about 17 MB instead of 30 as a dict of such strings."""
    seconds: dict = {}
    table = {first: _parse_row(row, seconds) for first, row in _raw_bigram_rows().items()}
    _raw_bigram_rows.cache_clear()  # the whole table is loaded: bigram() reads it, not the raw rows
    return table


def _deletes(word: str) -> set:
    """``word`` with up to two letters removed (one for words under five letters)."""
    out = {word}
    n = len(word)
    first = [word[:i] + word[i + 1:] for i in range(n)]
    out.update(first)
    if n >= 5:
        for d in first:
            out.update(d[:j] + d[j + 1:] for j in range(len(d)))
    return out


def _near_deletes(word: str) -> set:
    """The deletions of ``word`` that every word within a weighted distance under 1.1 shares with it.

    Such a word is one edit away (a substitution or a transposition: both lose one letter to the same
    string; an insertion: it loses one to the word; a deletion: the word loses one) or two half-cost
    edits (a doubled letter added twice: it loses two to the word; added and undone: one each; two
    undoublings: the word loses two letters that each repeat the letter before)."""
    out = {word}
    n = len(word)
    out.update(word[:i] + word[i + 1:] for i in range(n))
    doubled = [i for i in range(1, n) if word[i] == word[i - 1]]
    for a in doubled:
        for b in doubled:
            if b > a:
                first = word[:b] + word[b + 1:]  # remove the later one first: the earlier index stays
                out.add(first[:a] + first[a + 1:])
    return out


def _sub_cost(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if a in _VOWELS and b in _VOWELS:
        return 0.6
    if b in _NEAR.get(a, ()):
        return 0.7
    return 1.0


_SUB_ROWS: dict = {}


def _sub_row(a: str) -> dict:
    """The cheaper-than-1.0 substitution costs for letter ``a``, as {b: cost} (memoised).

    Why: weighted_distance fills ~20 cells per candidate pair; a dict lookup per cell is about
    three times cheaper than calling _sub_cost, and the costs are identical.
    """
    row = _SUB_ROWS.get(a)
    if row is None:
        row = {b: _sub_cost(a, b) for b in set(_VOWELS) | set(_NEAR.get(a, ())) | {a}}
        row = {b: c for b, c in row.items() if c != 1.0}
        _SUB_ROWS[a] = row
    return row


def letter_gap_from(a: str):
    """A lower bound of ``weighted_distance(a, b)`` from letter counts alone, as a function of ``b``
    (the counts of ``a`` taken once), a few times cheaper than the distance.

    Each insertion or deletion (at least 0.5) changes one letter count, each substitution (at least
    0.6) two, a transposition none: suggest() skips a candidate whose bound is past its cutoff.
    """
    counts = [(ch, a.count(ch)) for ch in set(a)]
    la = len(a)

    def gap(b: str) -> float:
        common = 0
        for ch, n in counts:
            m = b.count(ch)
            common += n if n < m else m
        diff = abs(la - len(b))
        return max(0.5, 0.5 * diff + 0.3 * (la + len(b) - 2 * common - diff))

    return gap


def lower_costs(a: str, words: list) -> list:
    """A lower bound of ``weighted_distance(a, b)`` for each ``b`` of ``words``, from the two words'
    longest common subsequence (rapidfuzz's Indel distance, in C): tighter than letter_gap_from and
    cheaper, so suggest() orders its candidates by it and computes the distance for fewer of them.

    Each insertion or deletion (at least 0.5) changes the Indel distance by one, each substitution (at
    least 0.6) or transposition (0.8) by at most two, and the length difference needs that many
    insertions or deletions: the cost is at least 0.5 per letter of length difference plus 0.3 per
    unit of Indel distance beyond it, and 0.5 for any edit at all (also given for ``b`` equal to
    ``a``, as the bound before it did: suggest() is asked about unknown words).

    >>> lower_costs("recieve", ["receive", "relieve", "recieve"]), weighted_distance("recieve", "receive")
    ([0.6, 0.6, 0.5], 0.8)
    >>> [weighted_distance("adress", b) >= low for b, low in zip(["address", "dress", "adrift"], lower_costs("adress", ["address", "dress", "adrift"]))]
    [True, True, True]
    """
    from rapidfuzz.distance import Indel

    distance, n = Indel.distance, len(a)
    out = []
    for b in words:
        diff = len(b) - n
        if diff < 0:
            diff = -diff
        low = 0.5 * diff + 0.3 * (distance(a, b) - diff)
        out.append(low if low > 0.5 else 0.5)
    return out


def weighted_distance(a: str, b: str, cutoff: float = float("inf")) -> float:
    """Damerau-Levenshtein distance with cheap common slips (vowels, neighbouring keys, doubled letters).

    With ``cutoff``, only the cells a path under it can reach are filled, and it stops as soon as
    every path already costs more than it and returns ``inf`` (suggest() drops dearer candidates
    anyway). Below the cutoff the result is exactly the full distance.

    >>> weighted_distance("recieve", "receive")
    0.8
    >>> weighted_distance("adress", "address")
    0.5
    """
    la, lb = len(a), len(b)
    inf = float("inf")
    band = 4  # every edit costs at least 0.5 and only costs up to 2 matter: |i - j| > 4 is never cheaper
    if abs(la - lb) > band:
        return float(abs(la - lb)) * 0.5 + 0.5
    lo, hi = -band, band  # the diagonals j - i that are filled
    if cutoff < inf:
        # an insertion or deletion costs at least 0.5 and moves the path one diagonal; one through
        # diagonal d needs |d| + |(lb - la) - d| of them, so under the cutoff only these diagonals count
        spare = int(2 * cutoff + 1e-9) - abs(lb - la)
        if spare < 0:
            return inf
        lo = max(lo, min(0, lb - la) - spare // 2)
        hi = min(hi, max(0, lb - la) + spare // 2)
    ins = [1.0, 1.0] + [0.5 if b[j - 2] == b[j - 1] else 1.0 for j in range(2, lb + 1)]  # doubling a letter
    limit = cutoff + 1e-9  # margin: float sums
    prev2: list = []
    prev = [j * 1.0 if j <= hi else inf for j in range(lb + 1)]
    prev_min = 0.0
    last = ""  # a[i - 2]
    rows = _SUB_ROWS
    padded = " " + b  # padded[j] is b[j - 1]: one index less per cell
    for i in range(1, la + 1):
        cur = [inf] * (lb + 1)
        left = cur[0] = i * 1.0 if i <= -lo else inf  # left: the cell before j in this row
        row_min = left
        ca = a[i - 1]
        subs = rows.get(ca) or _sub_row(ca)  # (a row is never empty: it holds ca itself)
        dele = 0.5 if last == ca else 1.0   # undoubling
        first = i + lo
        if first > 1:
            left = inf  # outside the diagonals
        else:
            first = 1
        stop = i + hi if i + hi < lb else lb
        for j in range(first, stop + 1):
            cb = padded[j]
            best = prev[j] + dele
            c = left + ins[j]
            if c < best:
                best = c
            c = prev[j - 1] + subs.get(cb, 1.0)
            if c < best:
                best = c
            if cb == last and j > 1 and ca == padded[j - 1]:  # transposition (prev2 is filled: last is set)
                c = prev2[j - 2] + 0.8
                if c < best:
                    best = c
            cur[j] = left = best
            if best < row_min:
                row_min = best
        # every later cell extends a path through this row or (by a transposition) the previous one
        if row_min > limit and prev_min > limit:
            return inf
        prev2, prev, prev_min = prev, cur, row_min
        last = ca
    return round(prev[lb], 3)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The process-wide lexicon, loaded on first use from the start-up snapshot (built from the word
    lists when there is none: about a seventh of a second)."""
    from . import snapshot

    return snapshot.get("lexicon")


_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def words(text: str) -> list[str]:
    return _WORD_RE.findall(text)
