"""How often English web text writes a word before or after a joining word (``institute of``,
``of statistics``): the G003 joining-word check's evidence where the gazetteer's names say nothing
about a head word.

The counts are Peter Norvig's, from the Google Web Trillion Word Corpus, as the ``wordsegment``
package ships them, cut to the pairs with one of :data:`JOINING` by ``tools/build_joining_counts.py``
(``rules/data/joining-bigrams-en.tsv.gz``, licence beside it). Read on the first question, never at
start (about 51,000 pairs).
"""

from __future__ import annotations

import gzip
from functools import lru_cache

from .lexicon import _data

JOINING = ("in", "on", "at", "of", "for", "to")
#: The list keeps pairs written at least this often: a pair it lacks is rarer, so it counts half this.
FLOOR = 100_000


@lru_cache(maxsize=1)
def _counts() -> dict:
    with gzip.open(_data("joining-bigrams-en.tsv.gz"), "rt", encoding="utf-8") as fh:
        return {pair: int(count) for pair, _, count in (line.rstrip("\n").partition("\t") for line in fh)
                if not pair.startswith("#")}


def pair_count(first: str, second: str) -> int:
    """How often web text writes ``first second`` (lower case), half :data:`FLOOR` when the list lacks it.

    >>> pair_count("institute", "of") > 30 * pair_count("institute", "at"), pair_count("zzqx", "of")
    (True, 50000)
    """
    return _counts().get(f"{first} {second}", FLOOR // 2)
