"""The start-up snapshot (cleaner/snapshot.py): built once, reused while its sources are unchanged,
rebuilt when one changed or the file is damaged, and never unpickling a class it does not expect."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys

import pytest

from cleaner import snapshot

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.fixture
def isolated(monkeypatch, tmp_path):
    """A snapshot in ``tmp_path`` built from one small source file, with builds counted."""
    source = tmp_path / "rule.toml"
    source.write_text("a = 1\n", encoding="utf-8")
    built = []

    def build(name):
        built.append(name)
        return {"from": source.read_text(encoding="utf-8"), "part": name}

    monkeypatch.setenv("NEWS_CLEANER_DATA_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(snapshot, "PARTS", {"one": "", "two": ""})
    monkeypatch.setattr(snapshot, "_sources", lambda: [source])
    monkeypatch.setattr(snapshot, "_build", build)
    snapshot.forget()
    yield source, built, tmp_path / "cache" / snapshot.FILE_NAME
    snapshot.forget()


def test_parts_are_built_together_once_and_then_read_from_the_file(isolated):
    source, built, path = isolated
    assert snapshot.get("two") == {"from": "a = 1\n", "part": "two"}
    assert built == ["one", "two"] and path.exists()
    snapshot.forget()
    assert snapshot.get("one") == {"from": "a = 1\n", "part": "one"} and built == ["one", "two"]


def test_a_changed_source_makes_it_rebuild(isolated):
    source, built, _ = isolated
    snapshot.get("one")
    source.write_text("a = 2\n", encoding="utf-8")
    snapshot.forget()
    assert snapshot.get("one")["from"] == "a = 2\n" and built == ["one", "two", "one", "two"]


def test_a_source_touched_but_unchanged_is_hashed_once_and_not_rebuilt(isolated, monkeypatch):
    source, built, _ = isolated
    snapshot.get("one")
    os.utime(source, ns=(1, 1))
    hashed = []
    real = snapshot._digest
    monkeypatch.setattr(snapshot, "_digest", lambda path: hashed.append(path) or real(path))
    snapshot.forget()
    assert snapshot.get("one")["from"] == "a = 1\n" and built == ["one", "two"]
    assert hashed  # the time differed: its content was compared, and the new time recorded
    hashed.clear()
    snapshot.forget()
    snapshot.get("two")
    assert built == ["one", "two"] and hashed == []


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", "truncated"])
def test_a_damaged_file_is_rebuilt(isolated, damage):
    source, built, path = isolated
    snapshot.get("one")
    path.write_bytes(path.read_bytes()[:40] if damage == "truncated" else damage)
    snapshot.forget()
    assert snapshot.get("one")["part"] == "one" and built == ["one", "two", "one", "two"]


def test_a_part_holding_an_unexpected_class_is_refused():
    class Hostile:
        def __reduce__(self):
            return (os.system, ("echo pwned",))

    with pytest.raises(pickle.UnpicklingError, match="not a snapshot class"):
        snapshot._unpickle(pickle.dumps(Hostile()))


def test_off_builds_in_memory_and_writes_nothing(isolated, monkeypatch):
    source, built, path = isolated
    monkeypatch.setenv("NEWS_CLEANER_DATA_CACHE", "off")
    assert snapshot.get("one")["from"] == "a = 1\n" and not path.exists()


def test_the_real_parts_equal_what_their_builders_make(tmp_path):
    """A start that reads the snapshot sees the same lexicon, gazetteer and packs as one that builds them."""
    code = ("from cleaner import snapshot\n"
            "from cleaner.lexicon import lexicon\nfrom cleaner.gazetteer import gazetteer\n"
            "from cleaner.rulepacks import load_builtin\n"
            "lex, gaz = lexicon(), gazetteer()\n"
            "print(len(lex.lower), len(lex.freq), lex.zipf('the'), lex.suggest('equivelant')[0][0],"
            " len(gaz.forms), sorted(gaz.forms)[5000], load_builtin('spelling') == snapshot.get('packs')['spelling'])\n")
    env = dict(os.environ, NEWS_CLEANER_DATA_CACHE=str(tmp_path))
    built = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    assert (tmp_path / snapshot.FILE_NAME).exists()
    loaded = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    fresh = subprocess.run([sys.executable, "-c", code], env=dict(env, NEWS_CLEANER_DATA_CACHE="off"), cwd=ROOT,
                           capture_output=True, text=True, check=True)
    assert built.stdout == loaded.stdout == fresh.stdout
    assert "equivalent" in loaded.stdout and loaded.stdout.split()[-1] == "True"


def test_what_a_run_learned_is_written_back_and_read_by_the_next(isolated, monkeypatch):
    source, built, _ = isolated
    monkeypatch.setattr(snapshot, "LEARNING", {"one": len})
    snapshot.get("one")["index"] = ("derived", 1)
    snapshot.get("two")["ignored"] = True  # not a learning part: never written back
    snapshot.save_learned()
    snapshot.forget()
    assert snapshot.get("one")["index"] == ("derived", 1) and "ignored" not in snapshot.get("two")
    assert built == ["one", "two"]


def test_a_learned_part_the_next_start_would_refuse_is_not_written(isolated, monkeypatch):
    source, built, _ = isolated
    monkeypatch.setattr(snapshot, "LEARNING", {"one": len})
    snapshot.get("one")["flags"] = __import__("re").IGNORECASE  # an enum: not a snapshot class
    snapshot.save_learned()
    snapshot.forget()
    assert "flags" not in snapshot.get("one") and built == ["one", "two"]


def test_a_part_cut_short_is_rebuilt(isolated):
    source, built, path = isolated
    snapshot.get("one")
    path.write_bytes(path.read_bytes()[:-3])  # the last part loses its end
    snapshot.forget()
    assert snapshot.get("one")["part"] == "one" and built == ["one", "two"]  # the first part is whole
    assert snapshot.get("two")["part"] == "two" and built == ["one", "two", "two"]


def test_a_lexicon_from_the_snapshot_knows_every_frequency_of_one_built_from_the_word_lists():
    """The snapshot keeps rare words' frequencies in shards unpacked on demand: same zipf for every
    word, common, rare or unknown, and the same whole table when asked for."""
    from cleaner.lexicon import Lexicon

    built = Lexicon()
    loaded = snapshot._unpickle(pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
    assert len(loaded._common) < len(built.freq) // 3 and loaded._rare_loaded == {}
    words = list(built.freq)[::997] + ["governmet", "Crontab", "THE", "\udc80x", ""]
    assert [loaded.zipf(w) for w in words] == [built.zipf(w) for w in words]
    assert 0 < len(loaded._rare_loaded) < len(loaded._rare_shards) // 2  # only the shards asked about
    words = list(built.freq)[::7]
    assert [loaded.zipf(w) for w in words] == [built.zipf(w) for w in words]
    assert loaded.freq == built.freq and loaded.is_word("airstrikes") and not loaded.is_word("equivelant")


def test_nowhere_to_write_builds_in_memory_without_pickling(isolated, monkeypatch):
    source, built, path = isolated
    monkeypatch.setattr(snapshot, "_writable_directory", lambda: None)
    monkeypatch.setattr(snapshot.pickle, "dumps", lambda *a, **k: pytest.fail("pickled for nowhere"))
    assert snapshot.get("one")["part"] == "one" and built == ["one", "two"] and not path.exists()


FREEZE_PROBE = """
import gc, sys
from cleaner import snapshot
if sys.argv[1] == "command-line":
    snapshot.freeze_loaded_parts()
snapshot.get("gazetteer")
print(gc.get_freeze_count())
"""


@pytest.mark.parametrize("caller", ["library", "command-line"])
def test_only_the_command_line_freezes_loaded_parts_out_of_the_collector(caller):
    # a library caller's process is not ours: its objects must stay collectable
    out = subprocess.run([sys.executable, "-c", FREEZE_PROBE, caller], capture_output=True, text=True,
                         cwd=ROOT, check=True).stdout
    frozen = int(out.split()[-1])
    assert (frozen > 10_000) if caller == "command-line" else (frozen == 0)


def test_a_lexicon_from_the_snapshot_knows_the_rare_words_of_web_text_without_reading_their_file():
    """``rare_zipf`` from the snapshot reads the rare words of web text from shards unpacked on demand
    (ShardedTable): reading their file whole cost a cold check that asked about one unknown word about
    0.045 s. The same answer for every word, and a batch's parent unpacks them all before forking."""
    from cleaner.lexicon import Lexicon, ShardedTable, _load_rare_frequencies

    built = Lexicon()
    loaded = snapshot._unpickle(pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
    table = loaded._rare_web
    assert built._rare_web is None and isinstance(table, ShardedTable) and not table._loaded
    rare = _load_rare_frequencies()
    words = list(rare)[::4999] + ["crontab", "Mixins", "governmet", "the", "\udc80x", ""]
    assert [loaded.rare_zipf(w) for w in words] == [built.rare_zipf(w) for w in words]
    assert loaded.rare_zipf("crontab") == 1.42 and loaded.rare_zipf("governmet") == 0.0
    assert 0 < len(table._loaded) < len(table._shards) // 4 and table._whole is None  # only the shards asked about
    loaded.finish_loading()
    assert table._whole == rare


def test_a_lexicon_from_the_snapshot_knows_every_misspelling_of_one_built_from_the_word_lists():
    """The snapshot keeps the known misspellings in shards unpacked on demand (ShardedTable): the same
    answer for every key, present or not, and only the shards asked about unpacked until a long run
    has asked about many."""
    from cleaner.lexicon import Lexicon, ShardedTable

    built = Lexicon()
    loaded = snapshot._unpickle(pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
    table = loaded.misspellings
    assert isinstance(table, ShardedTable) and isinstance(built.misspellings, dict) and not table._loaded
    asked = list(built.misspellings)[::601] + ["receive", "Teh", "\udc80x", ""]
    assert [(w in table, table.get(w), table[w] if w in table else None) for w in asked] == \
        [(w in built.misspellings, built.misspellings.get(w), built.misspellings.get(w)) for w in asked]
    assert table["recieve"] == "receive" and "recieve" in built.misspellings
    assert 0 < len(table._loaded) < len(table._shards) // 4 and table._whole is None
    asked = list(built.misspellings)[::5]
    assert [table.get(w) for w in asked] == [built.misspellings[w] for w in asked]
    assert table._whole is not None and table.whole() == built.misspellings and len(table) == len(built.misspellings)
    again = snapshot._unpickle(pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL))  # a loaded one pickles too
    assert again.misspellings.whole() == built.misspellings
    again.finish_loading()  # a batch's parent before forking: every shard unpacked, shared by the workers
    assert again.misspellings._whole == built.misspellings


def test_the_snapshot_file_read_on_first_use_is_closed_at_exit():
    # the file stays open for the parts read on first use; Python's development mode reported it unclosed
    # at every exit ("ResourceWarning: unclosed file <... snapshot-cpython-311.bin>")
    code = "from cleaner import Cleaner; print(Cleaner().clean('The council voted on Tuesday.').verdict)"
    for _ in range(2):  # (the first run may build the snapshot; the second reads it)
        run = subprocess.run([sys.executable, "-X", "dev", "-c", code], capture_output=True, text=True, timeout=120)
        assert run.returncode == 0 and run.stdout.strip() == "clean"
    assert "ResourceWarning" not in run.stderr, run.stderr


def test_a_pattern_compiled_from_kept_code_is_the_pattern_re_compiles():
    """``snapshot.compiled`` gives ``re.compile``'s pattern (equal: flags, engine code and text) for
    every shipped rule pattern, with named groups and inline flags, and its kept parts are plain data
    the snapshot loads again (a ``RegexFlag`` among them made every start throw away all regex facts)."""
    import re

    from cleaner.checks.boilerplate import builtin_rules
    from cleaner.rulepacks import LazyPattern

    seen = 0
    for rule in builtin_rules():
        for pattern, _ in rule.patterns:
            if not isinstance(pattern, LazyPattern):
                continue
            made = snapshot.compiled(pattern.pattern, pattern.flags)
            assert made == re.compile(pattern.pattern, pattern.flags), pattern.pattern
            assert made.groupindex == re.compile(pattern.pattern, pattern.flags).groupindex
            seen += 1
    assert seen > 100
    for pattern, flags in ((r"(?i)read (?P<what>more)", 0), (r"a.b", re.IGNORECASE | re.DOTALL), (r"(x)(?:y)(z)?", 0)):
        parts = snapshot._engine_parts(pattern, flags)
        assert parts is not None and snapshot._unpickle(pickle.dumps(parts)) == parts
        made = snapshot.compiled(pattern, flags)
        assert made == re.compile(pattern, flags) and made.groups == re.compile(pattern, flags).groups
    assert snapshot.compiled(r"(?i)read (?P<what>more)").match("Read MORE").group("what") == "MORE"


def test_kept_code_another_python_wrote_is_not_trusted(monkeypatch):
    """Parts ``_sre`` refuses (code of another version's engine) give the pattern ``re`` compiles."""
    import re

    facts = snapshot.get("facts")
    key = ("sre", (r"shipped (\d+)", 0))
    monkeypatch.setitem(facts, key, (32, b"\xff\xff\xff\xff" * 4, 0, {}, (None, None)))
    assert snapshot.compiled(r"shipped (\d+)") == re.compile(r"shipped (\d+)")


def test_the_first_write_keeps_the_engine_code_of_every_shipped_pattern_loaded():
    """One write after a snapshot is built keeps the code of every shipped pattern loaded (not a few
    more per new article, each rewriting the whole file)."""
    import re

    from cleaner.checks.boilerplate import builtin_rules
    from cleaner.rulepacks import shipped_patterns

    builtin_rules()
    shipped = shipped_patterns()
    assert len(shipped) > 100
    snapshot._keep_engine_code()
    facts = snapshot.get("facts")
    assert all(("sre", key) in facts for key in shipped)
    for pattern, flags in shipped[:: max(1, len(shipped) // 25)]:
        assert snapshot.compiled(pattern, flags) == re.compile(pattern, flags)
