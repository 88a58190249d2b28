"""The command line: formats, selection, exit codes, bad input (one clear error, the run goes on)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

DIRTY = "The mayor\u200b said the caf\u00c3\u00a9 would open.\n\nIt will  open in May.\n"
CLEAN = "The mayor said the bridge would open.\n\nIt will open in May.\n"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_check_text_output_and_exit_codes(cli, tmp_path):
    dirty = write(tmp_path / "dirty.txt", DIRTY)
    clean = write(tmp_path / "clean.txt", CLEAN)
    code, out, _ = cli("check", str(clean))
    assert code == 0 and "All clean" in out
    code, out, _ = cli("check", str(dirty))
    assert code == 1
    assert f"{dirty}:1:10: E004 [*] invisible character (zero-width space) -> (delete)" in out
    assert "E001" in out and "E006" in out
    assert "Found 3 (3 fixable" in out
    code, _, _ = cli("check", "--exit-zero", str(dirty))
    assert code == 0


def test_select_and_ignore_by_prefix(cli, tmp_path):
    dirty = write(tmp_path / "dirty.txt", DIRTY)
    code, out, _ = cli("check", "--select", "E004", "--format", "json", str(dirty))
    assert {f["code"] for f in json.loads(out)} == {"E004"}
    code, out, _ = cli("check", "--ignore", "E00", "--format", "json", str(dirty))
    assert not [f for f in json.loads(out) if f["code"].startswith("E00")]
    code, out, _ = cli("check", "--select", "ALL", "--ignore", "E0", "--extend-select", "E004", "--format", "json", str(dirty))
    assert {f["code"] for f in json.loads(out)} == {"E004"}
    # a code selected more specifically than the family it is ignored with still runs (as in ruff)
    code, out, _ = cli("check", "--select", "E004", "--ignore", "E", "--format", "json", str(dirty))
    assert {f["code"] for f in json.loads(out)} == {"E004"}


def test_json_and_jsonl_fields(cli, tmp_path):
    dirty = write(tmp_path / "dirty.txt", DIRTY)
    code, out, _ = cli("check", "--format", "json", str(dirty))
    records = json.loads(out)
    first = records[0]
    for key in ["path", "code", "message", "start", "end", "line", "col", "end_line", "end_col", "excerpt",
                "suggestion", "fix", "confidence", "source", "url"]:
        assert key in first
    code, out, _ = cli("check", "--format", "jsonl", str(dirty))
    assert [json.loads(line) for line in out.splitlines()] == records


def test_fix_rewrites_and_reports(cli, tmp_path):
    dirty = write(tmp_path / "dirty.txt", DIRTY)
    code, out, _ = cli("fix", "--show-fixes", str(dirty))
    assert code == 0
    assert dirty.read_text(encoding="utf-8") == "The mayor said the café would open.\n\nIt will open in May.\n"
    assert "Fixed" in out and "3 fixed, 0 remaining" in out
    code, out, _ = cli("fix", "--exit-non-zero-on-fix", str(dirty))
    assert code == 0  # nothing left to fix


def test_fix_exit_non_zero_on_fix(cli, tmp_path):
    dirty = write(tmp_path / "dirty.txt", DIRTY)
    code, _, _ = cli("fix", "--exit-non-zero-on-fix", str(dirty))
    assert code == 1


def test_fix_diff_writes_nothing(cli, tmp_path):
    dirty = write(tmp_path / "dirty.txt", DIRTY)
    code, out, _ = cli("fix", "--diff", str(dirty))
    assert code == 1
    assert "-The mayor\u200b said" in out and "+The mayor said the café" in out
    assert dirty.read_text(encoding="utf-8") == DIRTY
    clean = write(tmp_path / "clean.txt", CLEAN)
    code, out, _ = cli("fix", "--diff", str(clean))
    assert code == 0 and out == ""


def test_fix_keeps_crlf_and_bom(cli, tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbfOne  two.\r\n\r\nThree.\r\n")
    cli("fix", str(path))
    assert path.read_bytes() == b"\xef\xbb\xbfOne two.\r\n\r\nThree.\r\n"


def test_fix_keeps_each_lines_own_ending_in_a_mixed_crlf_lf_file(cli, tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"The mayor  spoke on Tuesday.\r\n\nIt will open in May.\n\r\n"
                     b"Caf&eacute; owners were pleased.\r\n")
    cli("fix", str(path))
    assert path.read_bytes() == (b"The mayor spoke on Tuesday.\r\n\nIt will open in May.\n\r\n"
                                 b"Caf\xc3\xa9 owners were pleased.\r\n")


def test_cp1252_file_is_decoded_reported_and_written_as_utf8(cli, tmp_path):
    path = tmp_path / "legacy.txt"
    # only "São" reads differently in cp1250 ("Săo"): three letters are too little to be sure
    unsure = tmp_path / "unsure.txt"
    unsure.write_bytes("The caf\u00e9 in S\u00e3o Paulo reopened.\n".encode("cp1252"))
    code, out, _ = cli("fix", str(unsure))
    assert "its encoding is uncertain: cp1252 or cp1250" in out and unsure.read_bytes()[-6:] == b"ened.\n"
    text = ("The caf\u00e9 in S\u00e3o Paulo reopened on Monday, the owner said. \u201cWe are back,\u201d she said, "
            "and the cr\u00e8me br\u00fbl\u00e9e is too.\n")
    path.write_bytes(text.encode("cp1252"))
    code, out, _ = cli("check", "--format", "json", str(path))
    findings = json.loads(out)
    assert any(f["code"] == "E007" and "cp1252" in f["message"].lower().replace("windows-1252", "cp1252") for f in findings)
    cli("fix", str(path))
    assert path.read_bytes().decode("utf-8") == text


def test_bad_inputs_are_named_and_run_goes_on(cli, tmp_path):
    good = write(tmp_path / "good.txt", DIRTY)
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00")
    broken = tmp_path / "records.jsonl"
    broken.write_text('{"text": "Fine  text here."}\n{"text": "oops"\n')
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    code, out, err = cli("check", str(tmp_path / "missing.txt"), str(tmp_path / "binary.txt"), str(broken),
                         str(empty_dir), str(good))
    assert code == 2
    assert f"{tmp_path / 'missing.txt'}: no such file" in err
    assert f"{tmp_path / 'binary.txt'}: binary file" in err
    assert f"{broken}:2: invalid JSON" in err
    assert f"{empty_dir}: no article files found" in err
    assert f"{good}:1:10: E004" in out  # the good file was still checked


def test_jsonl_fix_keeps_key_order_and_other_fields(cli, tmp_path):
    path = tmp_path / "records.jsonl"
    lines = [
        {"id": 1, "text": "Fine text.", "url": "https://example.com/a"},
        {"url": "https://example.com/b", "text": "Bad  spacing\u200b here.", "id": 2, "extra": [1, 2]},
    ]
    path.write_text("\n".join(json.dumps(r) for r in lines) + "\n")
    code, out, _ = cli("check", str(path))
    assert f"{path}:2:" in out
    cli("fix", str(path))
    got = [json.loads(line) for line in path.read_text().splitlines()]
    assert list(got[1].keys()) == ["url", "text", "id", "extra"]
    assert got[1]["text"] == "Bad spacing here."
    assert path.read_text().splitlines()[0] == json.dumps(lines[0])


def test_html_input_is_extracted(cli, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Bridge opens</title></head><body><nav>Home | World | Sport</nav>"
        "<article><h1>Bridge opens</h1><p>The new bridge over the river opened on Monday after three years "
        "of work, the city said in a statement released to reporters.</p><p>Officials said  traffic would "
        "flow freely from Tuesday morning, and that the old crossing would close for repairs.</p></article>"
        "<footer>Copyright 2024</footer></body></html>"
    )
    code, out, err = cli("clean", "--format", "json", str(page))
    result = json.loads(out)
    assert "The new bridge over the river opened on Monday" in result["text"]
    assert "Home | World" not in result["text"]
    assert "traffic would flow" in result["text"]  # the double space was fixed


def test_clean_reads_stdin(cli, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("It will  open in May.".encode("utf-8"))))
    code, out, _ = cli("clean", "-")
    assert code == 0 and out == "It will open in May.\n"


def test_rule_docs(cli):
    code, out, _ = cli("rule", "E004")
    assert code == 0
    for heading in ["## What it does", "## Why is this bad?", "## Example", "## Fix safety"]:
        assert heading in out
    code, out, _ = cli("rules")
    assert "E001" in out and "LT" in out
    code, _, err = cli("rule", "X999")
    assert code == 2 and "unknown rule code 'X999'" in err


def test_config_error_exits_2_naming_key(cli, tmp_path):
    (tmp_path / "news-cleaner.toml").write_text('selct = ["B"]\n')
    write(tmp_path / "a.txt", CLEAN)
    code, _, err = cli("check", "a.txt")
    assert code == 2 and "unknown key 'selct'" in err and "did you mean 'select'" in err


def test_config_show_names_sources(cli, tmp_path):
    (tmp_path / "news-cleaner.toml").write_text('ignore = ["S"]\n')
    code, out, _ = cli("config", "--show")
    assert code == 0
    assert 'ignore = ["S"]' in out and "news-cleaner.toml" in out


def test_config_show_is_valid_toml_that_loads_back_to_the_same_settings(cli, tmp_path):
    (tmp_path / "news-cleaner.toml").write_text(
        'ignore = ["S"]\nper-file-ignores = { "my_dir/*.txt" = ["Q"] }\n'
        '[languagetool]\ndisabled-rules = ["WHITESPACE_RULE"]\n', encoding="utf-8")
    code, out, _ = cli("config", "--show")
    assert code == 0
    import tomllib

    shown = tomllib.loads(out)  # unset values (fail-under) are comments: TOML has no null
    assert "fail-under" not in shown and "# fail-under is not set" in out
    assert shown["per-file-ignores"] == {"my_dir/*.txt": ["Q"]}
    assert shown["languagetool"]["disabled-rules"] == ["WHITESPACE_RULE"]
    (tmp_path / "shown.toml").write_text(out, encoding="utf-8")
    code, again, _ = cli("config", "--show", "--config", str(tmp_path / "shown.toml"))
    assert code == 0 and tomllib.loads(again) == shown


def test_clean_help_lists_only_the_formats_clean_accepts(cli, capsys):
    with pytest.raises(SystemExit) as help_exit:
        cli("clean", "--help")
    out = capsys.readouterr().out
    assert help_exit.value.code == 0 and "{text,json,jsonl}" in out and "sarif" not in out


def test_fail_under(cli, tmp_path):
    dirty = write(tmp_path / "dirty.txt", DIRTY)
    code, _, _ = cli("check", "--exit-zero", "--fail-under", "0.99", str(dirty))
    assert code == 0  # --exit-zero wins
    code, _, _ = cli("fix", "--fail-under", "0.99", str(dirty))
    assert code == 1


def test_python_dash_m_and_console_script(tmp_path):
    dirty = write(tmp_path / "dirty.txt", DIRTY)
    proc = subprocess.run([sys.executable, "-m", "cleaner", "check", str(dirty)], capture_output=True, text=True)
    assert proc.returncode == 1 and "E004" in proc.stdout


def test_fix_is_atomic_when_killed(tmp_path):
    """A process killed mid-write leaves the original file intact (temp file + rename)."""
    target = tmp_path / "article.txt"
    original = ("The mayor  said the bridge would open. " * 2000 + "\n")
    target.write_text(original)
    script = (
        "import os, sys, time\n"
        "import cleaner.fileio as f\n"
        "real = os.fsync\n"
        "def slow(fd):\n"
        "    sys.stdout.write('writing\\n'); sys.stdout.flush(); time.sleep(30)\n"
        "os.fsync = slow\n"
        "from cleaner.cli import main\n"
        f"main(['fix', {str(target)!r}])\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "writing"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert target.read_text() == original


def test_mixed_utf8_and_cp1252_file(cli, tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes("Jos\u00e9 Mart\u00ed said ".encode("utf-8") + "\u201cno\u201d today.\n".encode("cp1252"))
    code, out, _ = cli("check", "--format", "json", str(path))
    assert any(f["code"] == "E007" for f in json.loads(out))
    cli("fix", str(path))
    assert path.read_text(encoding="utf-8") == "Jos\u00e9 Mart\u00ed said \u201cno\u201d today.\n"


def test_check_and_fix_from_stdin(cli, monkeypatch):
    import io

    class FakeStdin(io.StringIO):
        @property
        def buffer(self):
            return io.BytesIO(self.getvalue().encode("utf-8"))

    monkeypatch.setattr("sys.stdin", FakeStdin("It will  open in May.\n"))
    code, out, _ = cli("check", "--stdin-filename", "story.txt", "-")
    assert code == 1 and out.startswith("story.txt:1:8: E006")
    monkeypatch.setattr("sys.stdin", FakeStdin("It will  open in May.\n"))
    code, out, err = cli("fix", "-")
    assert out == "It will open in May.\n"
    assert "1 fixed" in err


def test_the_command_collects_garbage_less_often_and_the_library_leaves_the_host_alone():
    code = ("import gc, io, contextlib\nfrom cleaner import clean\nclean('The mayor spoke on Tuesday.')\n"
            "print(gc.get_threshold())\nfrom cleaner.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n    main(['rules'])\nprint(gc.get_threshold())\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out == ["(700, 10, 10)", "(20000, 20, 20)"]


def test_checking_named_files_does_not_import_pathspec(tmp_path):
    """pathspec (0.03 s a start) is needed only to read a .gitignore in a walked directory."""
    (tmp_path / "one.txt").write_text("The mayor said the budget passed on Tuesday.\n", encoding="utf-8")
    code = ("import sys, io, contextlib\nfrom cleaner.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n    main(['check', '--isolated', '--no-cache', 'one.txt'])\n"
            "print('pathspec' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path).stdout
    assert out.split() == ["False"]


def test_the_command_ends_without_teardown_and_loses_no_output(tmp_path, cli):
    """``python -m cleaner`` (as the console script) exits straight after main(): the report on stdout
    and in --output-file is whole and the exit code is main()'s."""
    article = tmp_path / "one.txt"
    article.write_text("The mayor said said the budget was passed on Tuesday .\n\n[ad_1]\n\nShe thanked "
                       "the council.\n" * 40, encoding="utf-8")
    code, expected, _ = cli("check", "--isolated", "--no-cache", str(article))
    run = subprocess.run([sys.executable, "-m", "cleaner", "check", "--isolated", "--no-cache", str(article)],
                         capture_output=True, text=True)
    assert (run.returncode, run.stdout) == (code, expected) and code == 1 and expected.count("\n") > 100
    cli("check", "--isolated", "--no-cache", "-o", str(tmp_path / "expected.txt"), str(article))
    written = subprocess.run([sys.executable, "-m", "cleaner", "check", "--isolated", "--no-cache", "-o",
                              str(tmp_path / "report.txt"), str(article)], capture_output=True, text=True)
    report = (tmp_path / "report.txt").read_text(encoding="utf-8")
    assert written.returncode == 1 and report == (tmp_path / "expected.txt").read_text(encoding="utf-8")
    assert report.count("\n") > 100
