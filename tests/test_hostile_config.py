"""Other config shapes (issue 17's held-back kinds): a settings file or rule pack a user or a repository
may hold is read or refused with a clear error naming it, never a traceback: ``tool`` or
``tool.news-cleaner`` that is no table (AttributeError), a TOML number of over 4,300 digits (tomllib's
ValueError), and a UTF-8 byte-order mark as Windows editors write it (was refused as invalid TOML)."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.cli import main

SHAPES = {
    "tool is an array": ("tool = [1, 2]\n", "'tool' must be a table ([tool]), not list"),
    "news-cleaner is a string": ('[tool]\nnews-cleaner = "E"\n',
                                 "'tool.news-cleaner' must be a table ([tool.news-cleaner]), not str"),
    "news-cleaner is an array of tables": ('[[tool.news-cleaner]]\nselect = ["E"]\n',
                                           "'tool.news-cleaner' must be a table ([tool.news-cleaner]), not list"),
    "a 5,000-digit number": ("[tool.news-cleaner]\nfail-under = 1" + "0" * 5000 + "\n",
                             "invalid config: Exceeds the limit (4300 digits)"),
}


@pytest.mark.parametrize("shape", SHAPES, ids=list(SHAPES))
@pytest.mark.parametrize("command", [["check", "a.txt"], ["fix", "a.txt"], ["config", "--show"]], ids=lambda c: c[0])
def test_a_settings_file_of_another_shape_is_a_clear_error(tmp_path, monkeypatch, capsys, shape, command):
    text, message = SHAPES[shape]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    (tmp_path / "a.txt").write_text("The mayor said  the bridge would open.\n", encoding="utf-8")
    assert main(command) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"news-cleaner: error: {tmp_path / 'pyproject.toml'}: ") and message in err
    assert "Traceback" not in err and len(err.splitlines()) == 1
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "The mayor said  the bridge would open.\n"


def test_a_rule_pack_with_a_5000_digit_number_is_a_config_error(tmp_path):
    pack = tmp_path / "pack.toml"
    pack.write_text('[[rule]]\ncode = "B901"\nmessage = "x"\npattern = "ad"\nconfidence = 1' + "0" * 5000 + "\n",
                    encoding="utf-8")
    with pytest.raises(Exception) as caught:
        Cleaner({"extend-rules": [str(pack)]}).clean("The mayor spoke.")
    assert type(caught.value).__name__ == "RulePackError" and str(caught.value).startswith(f"{pack}: Exceeds the limit")


def test_a_settings_file_and_a_pack_with_a_byte_order_mark_are_read(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_bytes(b"\xef\xbb\xbf[tool.news-cleaner]\nselect = [\"E\"]\nextend-rules = [\"pack.toml\"]\n")
    (tmp_path / "pack.toml").write_bytes(b'\xef\xbb\xbf[[rule]]\ncode = "B901"\nmessage = "an ad tag"\npattern = "\\\\[ad\\\\]"\n')
    (tmp_path / "a.txt").write_text("The mayor spoke [ad] today.\n", encoding="utf-8")
    assert main(["check", "--select", "B901", "a.txt"]) == 1
    assert "a.txt:1:17: B901 [*] an ad tag -> (delete)" in capsys.readouterr().out
