"""Path oddities of the issue-17 kind beyond its reproducers: a name too long for the system, a folder
where a file is wanted (to read, to write, as a config file), a cache folder that cannot exist. Each is
an error naming the path (exit 2) or is ignored, never a traceback, and no input is changed."""

from __future__ import annotations

import os

import pytest

ARTICLE = "The mayor said teh bridge would open in May.\n"

TOO_LONG_NAME = "x" * 300 + ".txt"  # one name over NAME_MAX (255 bytes)


def too_long_path(tmp_path) -> str:
    """A file that exists under a path over PATH_MAX (4,096 bytes), made one folder at a time."""
    here = os.getcwd()
    try:
        os.chdir(tmp_path)
        for _ in range(20):
            os.mkdir("d" * 250)
            os.chdir("d" * 250)
        with open("a.txt", "w", encoding="utf-8") as handle:
            handle.write(ARTICLE)
    finally:
        os.chdir(here)
    return os.path.join(str(tmp_path), *(["d" * 250] * 20), "a.txt")


@pytest.mark.parametrize("command", ["check", "fix", "clean"])
def test_a_name_too_long_for_the_system_is_an_error_naming_it(cli, tmp_path, command):
    (tmp_path / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    names = [TOO_LONG_NAME, too_long_path(tmp_path)]
    for name in names:
        argv = [command, name] if command == "clean" else [command, "--no-cache", name, "ok.txt"]
        code, out, err = cli(*argv)
        assert code == 2 and "Traceback" not in err
        assert f"news-cleaner: error: {name}: cannot read: File name too long" in err
        if command != "clean":
            assert "ok.txt:1:16: S002" in out  # the other file is still checked


def test_clean_of_a_folder_is_an_error_naming_it(cli, tmp_path):
    (tmp_path / "news.txt").mkdir()
    code, out, err = cli("clean", "news.txt")
    assert (code, out) == (2, "") and err == "news-cleaner: error: news.txt: is a directory\n"


@pytest.mark.parametrize("option", ["-o", "--rejects"])
def test_batch_output_or_rejects_naming_a_folder_is_an_error_and_writes_nothing(cli, tmp_path, option):
    (tmp_path / "in.jsonl").write_text('{"text": "The mayor spoke."}\n', encoding="utf-8")
    (tmp_path / "out").mkdir()
    argv = ["batch", "in.jsonl", "-o", "out"] if option == "-o" else ["batch", "in.jsonl", "-o", "o.jsonl", "--rejects", "out"]
    code, _, err = cli(*argv)
    assert code == 2 and "Traceback" not in err
    assert "news-cleaner: error: out: is a directory; name a file to write" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out"] and not any((tmp_path / "out").iterdir())


def test_a_folder_as_the_config_file_is_named_as_such(cli, tmp_path):
    (tmp_path / "conf").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, _, err = cli("check", "--config", "conf", "a.txt")
    assert code == 2 and err == "news-cleaner: error: conf: is a directory, not a config file\n"
    code, _, err = cli("check", "--config", TOO_LONG_NAME, "a.txt")
    assert code == 2 and err == f"news-cleaner: error: {TOO_LONG_NAME}: config file not found\n"


def test_a_cache_folder_whose_name_is_too_long_only_costs_the_cache(cli, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, out, err = cli("check", "--cache-dir", "c" * 300, "a.txt")
    assert code == 1 and "a.txt:1:16: S002" in out and "Traceback" not in err


@pytest.mark.parametrize("body", ["rule = 5\n", 'rule = "mayor"\n', "rule = {code = 'B901'}\n"])
def test_a_rule_pack_whose_rule_key_is_no_array_is_a_clear_error(cli, tmp_path, body):
    """`rule = 5` ended in TypeError: 'int' object is not iterable."""
    (tmp_path / "pack.toml").write_text(body, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, _, err = cli("check", "--no-cache", "--extend-rules", "pack.toml", "a.txt")
    assert code == 2 and "Traceback" not in err
    assert "pack.toml: 'rule' must be an array of tables ([[rule]]), not " in err
