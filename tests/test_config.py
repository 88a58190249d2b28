"""Config discovery, validation (unknown keys named, with did-you-mean) and precedence."""

from __future__ import annotations

import pytest

from cleaner.config import find_config, load_settings
from cleaner.errors import ConfigError


def test_discovers_nearest_file_upward(tmp_path):
    (tmp_path / "news-cleaner.toml").write_text('ignore = ["S"]\n')
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    settings = load_settings(start=nested)
    assert settings.ignore == ["S"]
    assert settings.sources["ignore"].endswith("news-cleaner.toml")


def test_pyproject_without_table_is_skipped(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.black]\nline-length = 100\n')
    (tmp_path / "setup.cfg").write_text("[news-cleaner]\nselect = B, Q\nunsafe-fixes = true\n")
    path = find_config(tmp_path)
    assert path.name == "setup.cfg"
    settings = load_settings(start=tmp_path)
    assert settings.select == ["B", "Q"] and settings.unsafe_fixes is True


def test_pyproject_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.news-cleaner]\nallow-words = ["Hajin"]\n[tool.news-cleaner.languagetool]\nurl = "http://127.0.0.1:8010"\n')
    settings = load_settings(start=tmp_path)
    assert settings.allow_words == ["Hajin"]
    assert settings.languagetool.url == "http://127.0.0.1:8010"


def test_dotfile_config_and_isolated(tmp_path):
    (tmp_path / ".news-cleaner.toml").write_text('fail-under = 0.7\n')
    assert load_settings(start=tmp_path).fail_under == 0.7
    assert load_settings(start=tmp_path, isolated=True).fail_under is None


def test_unknown_key_names_key_and_suggestion(tmp_path):
    (tmp_path / "news-cleaner.toml").write_text('ignor = ["S"]\n')
    with pytest.raises(ConfigError, match=r"unknown key 'ignor'.*did you mean 'ignore'"):
        load_settings(start=tmp_path)


def test_unknown_nested_key(tmp_path):
    (tmp_path / "news-cleaner.toml").write_text('[languagetool]\nurll = "x"\n')
    with pytest.raises(ConfigError, match=r"languagetool.urll.*did you mean 'url'"):
        load_settings(start=tmp_path)


def test_bad_values_are_errors(tmp_path):
    config = tmp_path / "c.toml"
    config.write_text('fail-under = 3\n')
    with pytest.raises(ConfigError, match="fail-under"):
        load_settings(str(config))
    config.write_text('select = ["Z9"]\n')
    with pytest.raises(ConfigError, match="Z9"):
        load_settings(str(config))
    config.write_text('select = [\n')
    with pytest.raises(ConfigError, match="invalid config"):
        load_settings(str(config))


def test_command_line_wins_over_file(tmp_path):
    config = tmp_path / "c.toml"
    config.write_text('select = ["B"]\nunsafe-fixes = true\n')
    settings = load_settings(str(config), overrides={"select": ["Q"], "unsafe-fixes": None})
    assert settings.select == ["Q"]
    assert settings.unsafe_fixes is True
    assert settings.sources["select"] == "command line"


def test_per_file_ignores(tmp_path):
    config = tmp_path / "news-cleaner.toml"
    config.write_text('[per-file-ignores]\n"legacy/*.txt" = ["S", "G"]\n')
    settings = load_settings(str(config))
    assert settings.ignores_for(str(tmp_path / "legacy" / "a.txt")) == ["S", "G"]
    assert settings.ignores_for(str(tmp_path / "new" / "a.txt")) == []


def test_missing_config_file(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_settings(str(tmp_path / "nope.toml"))
