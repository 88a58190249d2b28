"""The ``max-file-size`` setting: a file over the limit is refused with a clear error naming it and
its size, before it is read; the other files of the run are still checked; fix leaves it untouched."""

from __future__ import annotations

import tomllib

import pytest

from cleaner.config import Settings, apply_mapping
from cleaner.errors import ConfigError

DIRTY = "The  mayor said the bridge would open in May.\n"


def test_a_file_over_the_limit_is_named_and_the_run_goes_on(cli, tmp_path):
    (tmp_path / "news-cleaner.toml").write_text("max-file-size = 0.001\n")  # 1,000 bytes
    big = tmp_path / "big.txt"
    big.write_text(DIRTY * 40)  # 1,840 bytes
    small = tmp_path / "small.txt"
    small.write_text(DIRTY)
    code, out, err = cli("check", str(big), str(small))
    assert code == 2
    assert f"{big}: 0.0 MB is over the max-file-size limit of 0.001 MB" in err
    assert f"{small}:1:4: E006" in out and "big.txt:" not in out


def test_fix_leaves_a_file_over_the_limit_as_it_was(cli, tmp_path):
    (tmp_path / "news-cleaner.toml").write_text("max-file-size = 0.001\n")
    big = tmp_path / "big.txt"
    big.write_text(DIRTY * 40)
    code, _, err = cli("fix", str(big))
    assert code == 2 and "max-file-size" in err
    assert big.read_text() == DIRTY * 40


def test_clean_refuses_a_file_over_the_limit(cli, tmp_path):
    (tmp_path / "news-cleaner.toml").write_text("max-file-size = 0.001\n")
    big = tmp_path / "big.txt"
    big.write_text(DIRTY * 40)
    code, out, err = cli("clean", str(big))
    assert code == 2 and out == "" and f"{big}: 0.0 MB is over the max-file-size limit" in err


def test_zero_means_no_limit_and_the_default_reads_ordinary_files(cli, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(DIRTY * 40)
    code, out, _ = cli("check", str(big))
    assert code == 1 and f"{big}:1:4: E006" in out
    (tmp_path / "news-cleaner.toml").write_text("max-file-size = 0\n")
    code, out, _ = cli("check", str(big))
    assert code == 1 and f"{big}:40:4: E006" in out


def test_config_show_lists_the_limit_and_where_it_came_from(cli, tmp_path):
    code, out, _ = cli("config", "--show")
    assert code == 0 and tomllib.loads(out)["max-file-size"] == 100.0 and "max-file-size = 100.0    # default" in out
    (tmp_path / "news-cleaner.toml").write_text("max-file-size = 250\n")
    code, out, _ = cli("config", "--show")
    assert tomllib.loads(out)["max-file-size"] == 250.0 and "news-cleaner.toml" in out.split("max-file-size")[1].split("\n")[0]


@pytest.mark.parametrize("value", ["-1", '"big"', "true"])
def test_a_bad_limit_is_a_config_error(value):
    with pytest.raises(ConfigError, match="max-file-size"):
        apply_mapping(Settings(), tomllib.loads(f"max-file-size = {value}\n"), "news-cleaner.toml")
