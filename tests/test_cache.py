"""The result cache: unchanged files are answered from ``.news_cleaner_cache/``; any change is a miss."""

from __future__ import annotations

import json
import zlib

import pytest

import cleaner.cache as cache_module
import cleaner.filerun as filerun
from cleaner.cache import FileCache, report_from_dict, report_to_dict, settings_key
from cleaner.config import Settings

DIRTY = "Caf&eacute; owners in Paris said the new rules would hurt trade.\n"
CLEAN = "The city council approved the budget on Tuesday after a long debate.\n"


@pytest.fixture
def counted(monkeypatch):
    """Count the files actually checked (cache misses) by wrapping process_file."""
    calls = []
    real = filerun.process_file

    def wrapper(cleaner, path, **kwargs):
        calls.append(path)
        return real(cleaner, path, **kwargs)

    monkeypatch.setattr(filerun, "process_file", wrapper)
    return calls


def test_second_run_is_served_from_cache_with_the_same_output(tmp_path, cli, counted):
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(CLEAN, encoding="utf-8")
    first = cli("check", "a.txt", "b.txt", "--jobs", "1")
    assert sorted(counted) == ["a.txt", "b.txt"]
    cache_dir = tmp_path / ".news_cleaner_cache"
    assert (cache_dir / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (cache_dir / ".gitignore").read_text().strip().endswith("*")
    counted.clear()
    second = cli("check", "a.txt", "b.txt", "--jobs", "1")
    assert counted == []
    assert second == first
    assert first[0] == 1 and "a.txt:1:4: E002" in first[1]


def test_json_output_identical_from_cache_for_jsonl_records(tmp_path, cli, counted):
    lines = [json.dumps({"id": i, "url": f"https://example.org/{i}", "text": t}) for i, t in enumerate([DIRTY, CLEAN])]
    (tmp_path / "r.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    first = cli("check", "r.jsonl", "--format", "json")
    counted.clear()
    second = cli("check", "r.jsonl", "--format", "json")
    assert counted == [] and second == first
    data = json.loads(first[1])
    assert data and data[0]["record_line"] == 1 and data[0]["url"] == "https://example.org/0"


def test_changed_content_or_settings_are_misses(tmp_path, cli, counted):
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    cli("check", "a.txt")
    counted.clear()
    (tmp_path / "a.txt").write_text(DIRTY + "More text.\n", encoding="utf-8")
    cli("check", "a.txt")
    assert counted == ["a.txt"]
    counted.clear()
    code, out, _ = cli("check", "a.txt", "--ignore", "E002")
    assert counted == ["a.txt"] and "E002" not in out
    counted.clear()
    (tmp_path / "news-cleaner.toml").write_text('ignore = ["E"]\n', encoding="utf-8")
    code, out, _ = cli("check", "a.txt")
    assert counted == ["a.txt"] and code == 0


def test_check_and_fix_results_are_cached_separately_and_fix_still_writes(tmp_path, cli, counted):
    target = tmp_path / "a.txt"
    target.write_text(DIRTY, encoding="utf-8")
    cli("check", "a.txt")
    counted.clear()
    code, _, _ = cli("fix", "a.txt")
    assert counted == ["a.txt"]  # check results are not fix results
    fixed = target.read_text(encoding="utf-8")
    assert fixed == DIRTY.replace("&eacute;", "é")
    target.write_text(DIRTY, encoding="utf-8")  # the same dirty bytes again
    counted.clear()
    cli("fix", "a.txt")
    assert counted == ["a.txt"]  # bytes to write are derived anew, never read from the cache...
    assert target.read_text(encoding="utf-8") == fixed  # ...and the fix is written
    cli("fix", "a.txt")  # the fixed bytes, seen for the first time: nothing to write, stored
    counted.clear()
    cli("fix", "a.txt")
    assert counted == []  # a fixed file, with nothing left to write, is served from the cache


def test_no_cache_and_cache_dir(tmp_path, cli, counted):
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    cli("check", "a.txt", "--no-cache")
    cli("check", "a.txt", "--no-cache")
    assert counted == ["a.txt", "a.txt"]
    assert not (tmp_path / ".news_cleaner_cache").exists()
    cli("check", "a.txt", "--cache-dir", "elsewhere/cache")
    assert (tmp_path / "elsewhere" / "cache" / "CACHEDIR.TAG").is_file()
    assert not (tmp_path / ".news_cleaner_cache").exists()


def test_cache_dir_setting_is_relative_to_the_config_file(tmp_path, cli, monkeypatch):
    (tmp_path / "news-cleaner.toml").write_text('cache-dir = ".cache/nc"\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(CLEAN, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "sub")
    from cleaner.cli import main

    assert main(["check", "a.txt"]) == 0
    assert (tmp_path / ".cache" / "nc" / "CACHEDIR.TAG").is_file()


def test_damaged_entry_is_a_miss_and_is_rewritten(tmp_path, cli, counted):
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    first = cli("check", "a.txt")
    entries = list((tmp_path / ".news_cleaner_cache").rglob("*.json.z"))
    assert len(entries) == 1
    entries[0].write_bytes(b"not zlib")
    counted.clear()
    assert cli("check", "a.txt") == first
    assert counted == ["a.txt"]
    json.loads(zlib.decompress(entries[0].read_bytes())[32:])  # rewritten, readable again (after its checksum)


def test_unwritable_cache_is_skipped(tmp_path, cli):
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "blocker").write_text("a file where the cache directory should go", encoding="utf-8")
    code, out, err = cli("check", "a.txt", "--cache-dir", "blocker/cache")
    assert code == 1 and "E002" in out


def test_key_depends_on_version_rule_packs_and_settings(tmp_path, monkeypatch):
    pack = tmp_path / "extra.toml"
    pack.write_text("# pack v1\n", encoding="utf-8")
    settings = Settings(extend_rules=[str(pack)])
    base = settings_key(settings)
    assert settings_key(Settings(extend_rules=[str(pack)])) == base  # deterministic
    pack.write_text("# pack v2\n", encoding="utf-8")
    assert settings_key(settings) != base
    pack.write_text("# pack v1\n", encoding="utf-8")
    assert settings_key(settings) == base
    assert settings_key(Settings(extend_rules=[str(pack)], allow_words=["Kyiv"])) != base
    cache_module.code_fingerprint.cache_clear()
    monkeypatch.setattr(cache_module, "__version__", "999.0")
    try:
        assert settings_key(settings) != base
    finally:
        cache_module.code_fingerprint.cache_clear()


def test_key_depends_on_per_file_ignores(tmp_path):
    settings = Settings(per_file_ignores={"wire/*": ["E"]}, root=str(tmp_path))
    cache = FileCache(tmp_path / "c", settings)
    data = DIRTY.encode()
    assert cache.key(data, str(tmp_path / "wire" / "a.txt"), fix=False, options=(None, None)) != \
        cache.key(data, str(tmp_path / "desk" / "a.txt"), fix=False, options=(None, None))
    assert cache.key(data, str(tmp_path / "desk" / "a.txt"), fix=False, options=(None, None)) == \
        cache.key(data, str(tmp_path / "desk" / "b.txt"), fix=False, options=(None, None))


def test_key_depends_on_the_site_boilerplate_learned_for_the_file(tmp_path):
    cache = FileCache(tmp_path / "c", Settings())
    data, path = CLEAN.encode(), str(tmp_path / "a.txt")
    plain = cache.key(data, path, fix=False, options=(None, None))
    line = "The Daily Example is an independent newspaper."
    learned = cache.key(data, path, fix=False, options=(None, None), learned={"daily.example": frozenset({line})})
    assert learned != plain
    assert cache.key(data, path, fix=False, options=(None, None), learned={}) == plain  # nothing learned
    other = cache.key(data, path, fix=False, options=(None, None),
                      learned={"daily.example": frozenset({line, "Follow us on the harbour channel."})})
    assert other not in {plain, learned}


def test_learning_features_round_trip_and_damaged_entry_is_a_miss(tmp_path):
    cache = FileCache(tmp_path / "c", Settings())
    key = cache.features_key(CLEAN.encode(), str(tmp_path / "a.txt"), options=(None, None))
    assert key != cache.key(CLEAN.encode(), str(tmp_path / "a.txt"), fix=False, options=(None, None))
    assert cache.get_features(key) is None
    features = [("daily.example", frozenset({"a b c", "d e f"})), (None, frozenset())]
    cache.put_features(key, features)
    assert cache.get_features(key) == features
    cache._entry(key).write_bytes(b"not zlib")
    assert cache.get_features(key) is None


def test_report_round_trip_keeps_what_outputs_need(tmp_path):
    from cleaner.pipeline import Cleaner
    from cleaner.runner import process_file

    path = tmp_path / "a.txt"
    path.write_text(DIRTY, encoding="utf-8")
    report = process_file(Cleaner(), str(path), fix=True)
    again = report_from_dict(json.loads(json.dumps(report_to_dict(report))), str(path))
    assert again.new_bytes == report.new_bytes and again.diff() == report.diff()
    assert [f.to_dict() for _, f in again.findings] == [f.to_dict() for _, f in report.findings]
    assert [(o.result.score, o.result.verdict) for o in again.articles] == \
        [(o.result.score, o.result.verdict) for o in report.articles]
