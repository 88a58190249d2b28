"""Given names and surnames of the US Census 1990 name lists (``rules/data/census-names-en.tsv.gz``,
public domain, built by ``tools/build_census_names.py``): evidence that a lower-cased word is a
person's name (``Richard jolly``, ``said mark gorman``) where the dictionary knows fewer names."""

from __future__ import annotations

import gzip
from functools import lru_cache

from .lexicon import _data


@lru_cache(maxsize=1)
def census_names() -> tuple:
    """({given name: rank}, {surname: rank}), lower case, rank 1 the commonest.

    >>> given, surnames = census_names()
    >>> given["mary"], surnames["smith"], "gorman" in surnames, "gorman" in given
    (1, 1, True, False)
    """
    given: dict = {}
    surnames: dict = {}
    with _data("census-names-en.tsv.gz").open("rb") as raw:
        for line in gzip.decompress(raw.read()).decode("utf-8").splitlines():
            if line.startswith("#"):
                continue
            name, first, last = line.split("\t")
            if first != "-":
                given[name] = int(first)
            if last != "-":
                surnames[name] = int(last)
    return given, surnames
