"""Standard input read as a file is: decoded the same way (a cp1252 ``é`` was U+FFFD in ``clean -``,
binary input was cleaned as text), bounded by ``max-file-size``, and ``fix -`` as a filter never loses
or transcodes what it refuses: its output is what a fix of the file would write, else the input
unchanged (binary input gave an empty output, an uncertain code page a UTF-8 one, CRLF became LF)."""

from __future__ import annotations

import subprocess
import sys

import pytest


def run(*args: str, data: bytes, tmp_path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cleaner", *args, "--isolated"], input=data, capture_output=True,
                          cwd=tmp_path, timeout=120)


def test_clean_decodes_stdin_as_it_decodes_a_file(tmp_path):
    done = run("clean", "-", data=b"The caf\xe9 au lait was served on Tuesday.\n", tmp_path=tmp_path)
    assert done.returncode == 0 and done.stdout == "The café au lait was served on Tuesday.\n".encode("utf-8")


def test_clean_refuses_binary_stdin_as_it_refuses_a_binary_file(tmp_path):
    done = run("clean", "-", data=b"\x00\x01\x02\xff" * 500, tmp_path=tmp_path)
    assert done.returncode == 2 and done.stdout == b""
    assert b"-: binary file (NUL bytes)" in done.stderr and b"Traceback" not in done.stderr


@pytest.mark.parametrize("data", [
    b"\xff\xfe\x00",  # binary: refused
    b"Xq\xf8zt spoke on Tuesday.\n",  # no code page certain: never rewritten
    b'{"text": "The mayor  said."}\n[[[\n',  # a records file with a bad line is left alone
], ids=["binary", "uncertain-code-page", "bad-record"])
def test_fix_passes_input_it_does_not_rewrite_through_unchanged(tmp_path, data):
    args = ("--stdin-filename", "x.jsonl") if data.startswith(b"{") else ()
    done = run("fix", *args, "-", data=data, tmp_path=tmp_path)
    assert done.stdout == data and done.returncode in (1, 2), done.stderr


def test_fix_writes_what_a_fix_of_the_file_writes(tmp_path):
    """A certain code page becomes UTF-8, as ``fix FILE`` writes it, and each line keeps its CRLF."""
    data = b"The na\xefve plan  passed.\r\nIt was a d\xe9j\xe0 vu for the se\xf1or.\r\n"
    done = run("fix", "-", data=data, tmp_path=tmp_path)
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    run("fix", str(path), data=b"", tmp_path=tmp_path)
    assert done.stdout == path.read_bytes() == "The naïve plan passed.\r\nIt was a déjà vu for the señor.\r\n".encode("utf-8")


def test_stdin_over_max_file_size_is_refused_by_check_and_passed_through_by_fix(tmp_path):
    (tmp_path / "news-cleaner.toml").write_text("max-file-size = 0.001\n", encoding="utf-8")
    data = b"The mayor  said the bridge would open. " * 100  # 3,900 bytes
    checked = subprocess.run([sys.executable, "-m", "cleaner", "check", "-"], input=data, capture_output=True,
                             cwd=tmp_path, timeout=120)
    assert checked.returncode == 2 and b"over the max-file-size limit of 0.001 MB" in checked.stderr
    fixed = subprocess.run([sys.executable, "-m", "cleaner", "fix", "-"], input=data, capture_output=True,
                           cwd=tmp_path, timeout=120)
    assert fixed.returncode == 2 and fixed.stdout == data
