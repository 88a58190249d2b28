"""Held-back kinds of issue 17's reproducers, other inputs of the same kinds, each of which ended a run
in a traceback: a symlink loop in a checked folder (``Path.resolve`` raises ``RuntimeError`` on
Python 3.11), and a user rule pack whose pattern nests groups hundreds deep (Python's regex parser,
which reads a user pattern before RE2 compiles it, recurses once per group: ``RecursionError``)."""

from __future__ import annotations

import json
import os

import pytest

from cleaner import Cleaner
from cleaner.errors import RulePackError

ARTICLE = "The mayor said  the bridge would open in May.\n"


@pytest.fixture()
def folder_with_a_symlink_loop(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink("loop2.txt", folder / "loop1.txt")  # each names the other
    os.symlink("loop1.txt", folder / "loop2.txt")
    return folder


@pytest.mark.parametrize("command", ["check", "fix"])
def test_a_symlink_loop_in_a_folder_is_named_and_the_other_files_are_checked(cli, folder_with_a_symlink_loop, command):
    code, out, err = cli(command, "--no-cache", "--isolated", "d")
    assert "Traceback" not in err and code == 2  # 2: an input could not be read, the rest done
    assert "loop1.txt" in err and "loop2.txt" in err
    if command == "check":
        assert "d/a.txt:1:" in out and "E006" in out
    else:
        assert (folder_with_a_symlink_loop / "a.txt").read_text(encoding="utf-8") == ARTICLE.replace("  ", " ")


def test_a_symlink_loop_named_with_an_exclude_pattern_is_excluded_without_a_traceback(cli, folder_with_a_symlink_loop):
    (folder_with_a_symlink_loop.parent / "news-cleaner.toml").write_text('extend-exclude = ["loop*"]\n', encoding="utf-8")
    code, out, err = cli("check", "--no-cache", "d")
    assert "Traceback" not in err and "loop" not in err and code == 1 and "d/a.txt:1:" in out


@pytest.mark.parametrize("pattern", [
    "(?:" * 500 + "ad" + ")" * 500,  # what Python's parser cannot read (recursion)
    "(" * 5000 + "ad" + ")" * 5000,
    "[(]" + "(?:x|" * 300 + "ad" + ")" * 300,  # a bracket inside a class opens no group
])
def test_a_user_pattern_nesting_groups_too_deeply_is_refused_with_a_clear_error(tmp_path, pattern):
    pack = tmp_path / "pack.toml"
    pack.write_text(f'[[rule]]\ncode = "B901"\nmessage = "x"\npattern = "{pattern}"\n', encoding="utf-8")
    with pytest.raises(RulePackError) as caught:
        Cleaner({"extend-rules": [str(pack)]}).clean("The mayor spoke [ad] today.")
    assert str(caught.value).startswith(f"{pack}: rule 1 (B901): pattern ") and "groups nested" in str(caught.value)


def test_a_user_pattern_of_moderate_nesting_still_runs(tmp_path):
    pack = tmp_path / "pack.toml"
    pattern = r"\\[" + "(?:" * 40 + "ad" + ")" * 40 + r"\\]"
    pack.write_text(f'[[rule]]\ncode = "B901"\nmessage = "an ad tag"\npattern = "{pattern}"\n', encoding="utf-8")
    result = Cleaner({"extend-rules": [str(pack)], "select": ["B901"]}).clean("The mayor spoke [ad] today.")
    assert result.text == "The mayor spoke today." and [f.code for f in result.findings] == ["B901"]


def test_the_cli_names_a_too_deep_user_pattern_without_a_traceback(cli, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "pack.toml").write_text('[[rule]]\ncode = "B901"\nmessage = "x"\npattern = "' + "(" * 2000 + "a"
                                        + ")" * 2000 + '"\n', encoding="utf-8")
    code, _, err = cli("check", "--no-cache", "--isolated", "--extend-rules", "pack.toml", "a.txt")
    assert code == 2 and "Traceback" not in err and "groups nested" in err


# -- a report or output file that is also an input (the issue's "output and rejects may not be the same
# -- file", other shapes): the input article was overwritten before it was read -------------------------

@pytest.mark.parametrize("command", ["check", "fix"])
@pytest.mark.parametrize("spelled", ["a.txt", "./a.txt"])
def test_a_report_file_that_is_a_named_input_is_refused_and_the_article_kept(cli, tmp_path, command, spelled):
    """``check a.txt -o a.txt`` replaced the article by the report ('All clean!')."""
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, _, err = cli(command, "--no-cache", "--isolated", "a.txt", "-o", spelled)
    assert code == 2 and "Traceback" not in err
    assert f"{spelled}: the report file is also an input" in err
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == ARTICLE


@pytest.mark.parametrize("command", ["check", "fix"])
@pytest.mark.parametrize("name, fmt", [("report.txt", "text"), ("report.html", "html"), ("r.jsonl", "jsonl")])
def test_a_report_written_inside_the_checked_folder_is_not_checked_or_fixed_on_a_rerun(cli, tmp_path, command, name, fmt):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "x.txt").write_text(ARTICLE, encoding="utf-8")
    for _ in range(2):
        code, _, err = cli("check", "--no-cache", "--isolated", "--format", fmt, "d", "-o", f"d/{name}")
        assert code == 1 and "Traceback" not in err
    report = (folder / name).read_text(encoding="utf-8")
    assert "d/x.txt" in report and f"d/{name}" not in report  # the second run did not check the first's report
    code, _, err = cli(command, "--no-cache", "--isolated", "--format", fmt, "d", "-o", f"d/{name}")
    assert "Traceback" not in err and f"d/{name}" not in (folder / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("option", ["-o", "--rejects"])
def test_batch_output_or_rejects_naming_the_input_is_refused_and_the_input_kept(cli, tmp_path, option):
    """``batch in.jsonl -o in.jsonl`` replaced the input by the output, and the rejected records were
    then nowhere; ``--rejects in.jsonl`` replaced it by the rejects."""
    records = '{"id": 1, "text": "The mayor  spoke."}\n{"id": 2, "text": 5}\n'
    (tmp_path / "in.jsonl").write_text(records, encoding="utf-8")
    out = ["-o", "./in.jsonl"] if option == "-o" else ["-o", "out.jsonl", "--rejects", "./in.jsonl"]
    code, _, err = cli("batch", "in.jsonl", *out)
    assert code == 2 and "Traceback" not in err and "cannot be the input file" in err
    assert (tmp_path / "in.jsonl").read_text(encoding="utf-8") == records


# -- a user rule pack edited while the process lives (a Scrapy pipeline, a notebook): the compiled rules
# -- were kept under the pack's path alone, so the edit was never read --------------------------------

@pytest.mark.parametrize("code, before, after, text", [
    ("B901", r"\\[promo\\]", r"\\[sponsored\\]", "The mayor spoke [sponsored] today."),
    ("G501", "bridge of cars", "hard circle drive", "The mayor said the hard circle drive was full."),
])
def test_an_edited_user_pack_is_read_again(tmp_path, code, before, after, text):
    pack = tmp_path / "pack.toml"
    body = '[[rule]]\ncode = "{code}"\nmessage = "x"\npattern = "{pattern}"\n' + (
        'replacement = "hard drive"\n' if code.startswith("G") else "")
    pack.write_text(body.format(code=code, pattern=before), encoding="utf-8")
    settings = {"extend-rules": [str(pack)], "select": [code]}
    assert [f.code for f in Cleaner(settings).check(text).findings] == []
    pack.write_text(body.format(code=code, pattern=after) + "# edited\n", encoding="utf-8")
    assert [f.code for f in Cleaner(settings).check(text).findings] == [code]


# -- other malformed URLs and field values in a JSONL record: a lone surrogate spelled as a JSON escape
# -- ("http://\udcff/") was written to the output as the raw byte it stands for, so an input of valid
# -- UTF-8 gave an output line no UTF-8 reader takes --------------------------------------------------

def test_batch_output_and_rejects_stay_utf8_when_a_record_escapes_lone_surrogates(cli, tmp_path):
    lines = ['{"id": 1, "text": "The mayor spoke today.", "url": "http://\\udcff/", "title": "caf\\udce9"}',
             '{"id": 2, "text": "The mayor spoke today.", "url": "http://[\\udcff"}',
             '{"id": 3, "text": 5, "note": "\\udc80"}']
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = cli("batch", "in.jsonl", "-o", "out.jsonl", "--rejects", "rejects.jsonl", "--jobs", "1")
    assert "Traceback" not in err
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_bytes().decode("utf-8").splitlines()]
    rejects = [json.loads(line) for line in (tmp_path / "rejects.jsonl").read_bytes().decode("utf-8").splitlines()]
    assert [(r["id"], r["url"], r["title"]) for r in out] == [(1, "http://\udcff/", "caf\udce9")]  # same values
    assert [(r["record"]["id"], r["record"].get("note")) for r in rejects] == [(2, None), (3, "\udc80")]


# -- the learning pass over many files (the review's missing item): every file's features (each line of
# -- each article, decoded anew in each file) were held until the last file was read ------------------

def _learning_peak(tmp_path, monkeypatch, copies: int) -> int:
    """The traced peak of the learning pass (``filerun._learn``) of a check of ``copies`` copies of a page."""
    import tracemalloc

    from cleaner import filerun, held_inputs
    from cleaner.config import load_settings
    from cleaner.filerun import iter_files

    folder = tmp_path / f"site{copies}"
    folder.mkdir()
    template = "".join(f"Template line {n} of the Riverside Gazette, which every page of the site repeats.\n"
                       for n in range(40))
    for i in range(copies):
        (folder / f"a{i}.txt").write_text(f"Story {i}: the council met on Tuesday.\n\n{template}", encoding="utf-8")
    monkeypatch.setattr(held_inputs, "HOLD_BYTES", 0)  # the files' bytes are not what is measured here
    peaks: list = []
    learn = filerun._learn

    def traced(*args):
        tracemalloc.start()
        try:
            return learn(*args)
        finally:
            peaks.append(tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()

    cleaner = Cleaner(load_settings(None, isolated=True))
    learned = 0
    with monkeypatch.context() as patched:  # (undone after each call: wrappers must not nest)
        patched.setattr(filerun, "_learn", traced)
        for report in iter_files(cleaner, sorted(str(p) for p in folder.iterdir()), fix=False, jobs=1, stream=True):
            learned += sum(1 for _, f in report.findings if f.code == "B011")
    assert learned >= copies and len(peaks) == 1  # the template was learned (and reported in every file)
    return peaks[0]


def test_the_learning_pass_does_not_hold_every_files_features(tmp_path, monkeypatch):
    _learning_peak(tmp_path, monkeypatch, 10)  # what a first run allocates once
    few, many = _learning_peak(tmp_path, monkeypatch, 60), _learning_peak(tmp_path, monkeypatch, 260)
    # 200 more copies of a 40-line page: each held its own ~8 KB of decoded lines (1.6 MB more at the end
    # of the pass); counted as they come, they cost their paths and the bookkeeping of their reports
    assert many - few < 600_000, (few, many)


# -- other config shapes: the [site-boilerplate] table was not checked, and its values were read only when
# -- a folder's learning pass ran: a traceback in the middle of the run; a boolean passed for a number ---

@pytest.mark.parametrize("body, message", [
    ('[tool.news-cleaner.site-boilerplate]\nmin-articles = "many"\n', "'site-boilerplate.min-articles' must be a whole number"),
    ("[tool.news-cleaner.site-boilerplate]\nmin-articles = inf\n", "'site-boilerplate.min-articles' must be a whole number"),
    ("[tool.news-cleaner.site-boilerplate]\nmin-articles = 0\n", "'site-boilerplate.min-articles' must be between 1 and"),
    ("[tool.news-cleaner.site-boilerplate]\nmin-length = [1]\n", "'site-boilerplate.min-length' must be a whole number"),
    ('[tool.news-cleaner.site-boilerplate]\nmin-share = "half"\n', "'site-boilerplate.min-share' must be a number"),
    ("[tool.news-cleaner.site-boilerplate]\nmin-share = nan\n", "'site-boilerplate.min-share' must be between 0.0 and 1.0"),
    ("[tool.news-cleaner.site-boilerplate]\nsite-key = 5\n", "'site-boilerplate.site-key' must be a string"),
    ("[tool.news-cleaner]\nfail-under = true\n", "'fail-under' must be a number"),
    ("[tool.news-cleaner.score]\nclean-above = false\n", "'score.clean-above' must be a number"),
])
@pytest.mark.parametrize("command", ["check", "fix"])
def test_a_config_value_of_another_shape_is_a_clear_error_before_any_file_is_read(cli, tmp_path, body, message, command):
    folder = tmp_path / "site"
    folder.mkdir()
    for i in range(6):  # enough articles of one site for the learning pass
        (folder / f"a{i}.txt").write_text(f"Story {i}: the council met.\n\nThe Riverside Gazette is published by "
                                          "Valley Media Group.\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(body, encoding="utf-8")
    code, _, err = cli(command, "--no-cache", "site")
    assert code == 2 and "Traceback" not in err
    assert err == f"news-cleaner: error: {tmp_path / 'pyproject.toml'}: {message}" + err.split(message, 1)[1]
    assert "Story 0: the council met." in (folder / "a0.txt").read_text(encoding="utf-8")


def test_setup_cfg_strings_for_the_site_boilerplate_numbers_are_still_read(cli, tmp_path):
    (tmp_path / "setup.cfg").write_text("[news-cleaner]\nselect = B011\nsite-boilerplate.min-articles = 3\n"
                                        "site-boilerplate.min-share = 0.5\n", encoding="utf-8")
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(f"Story {i}: the council met.\n\nThe Riverside Gazette is published "
                                            "by Valley Media Group.\n", encoding="utf-8")
    code, out, err = cli("check", "--no-cache", "a0.txt", "a1.txt", "a2.txt")
    assert "Traceback" not in err and out.count("B011") == 3


@pytest.mark.parametrize("url, message", [
    ("5", "'languagetool.url' must be a string"),
    ('"http://[bad"', "'languagetool.url' cannot be parsed: Invalid IPv6 URL"),
    ('"http://localhost:99999/v2"', "'languagetool.url' cannot be parsed: Port out of range"),
])
def test_a_languagetool_url_of_another_shape_is_a_clear_error(cli, tmp_path, url, message):
    """The issue's malformed URL, in a config: with the opt-in, ``check`` ended in a traceback
    (``ValueError: Invalid IPv6 URL``, ``AttributeError`` for a number) once the checks ran."""
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(f"[tool.news-cleaner.languagetool]\nurl = {url}\n", encoding="utf-8")
    code, _, err = cli("check", "--no-cache", "--allow-languagetool", "a.txt")
    assert code == 2 and "Traceback" not in err
    assert err.startswith(f"news-cleaner: error: {tmp_path / 'pyproject.toml'}: {message}")
