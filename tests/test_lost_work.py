"""Work never lost to a killed or stuck run: temporary files, stale leftovers, files that take too long."""

import os
import subprocess
import sys
import time

import pytest

from cleaner.cache import FileCache
from cleaner.config import Settings
from cleaner.pipeline import Cleaner


def _dead_pid() -> int:
    """The pid of a process that has exited (what a `kill -9` leaves behind)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_cache_entry_whose_rename_fails_leaves_no_temporary_file(tmp_path, monkeypatch):
    cache = FileCache(tmp_path / "cache", Settings())

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    cache.put_features("ab" + "0" * 62, [("news.example.org", frozenset({"Share this"}))])
    left = [p.name for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    assert sorted(left) == [".gitignore", "CACHEDIR.TAG"]  # no half-written entry, no temporary file


def test_a_cache_entry_is_written_under_a_name_stale_cleanup_recognises(tmp_path, monkeypatch):
    """A run killed between write and rename leaves `.<entry>.<pid>-<random>.tmp`, which
    atomic.remove_stale finds once that process is gone."""
    from cleaner import atomic

    written = []
    real_replace = os.replace

    def record(src, dst):
        written.append(os.path.basename(src))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", record)
    cache = FileCache(tmp_path / "cache", Settings())
    key = "cd" + "1" * 62
    cache.put_features(key, [("news.example.org", frozenset({"Share this"}))])
    assert len(written) == 1 and atomic._TEMP.match(written[0]), written
    assert cache.get_features(key) == [("news.example.org", frozenset({"Share this"}))]


def test_fix_removes_the_temporary_files_a_killed_fix_left(cli, tmp_path):
    (tmp_path / "news").mkdir()
    article = tmp_path / "news" / "a.txt"
    article.write_text("Caf&eacute; owners said the rules would hurt trade.\n", encoding="utf-8")
    stale = tmp_path / "news" / f".a.txt.{_dead_pid()}-0123abcd.tmp"
    stale.write_text("Café owners said the rules", encoding="utf-8")  # a write cut short by kill -9
    other = tmp_path / "news" / f".b.txt.{_dead_pid()}-89abcdef.tmp"  # another file's leftover, same folder
    other.write_text("half", encoding="utf-8")
    alive = tmp_path / "news" / f".a.txt.{os.getppid()}-fedcba98.tmp"  # a running process's: kept
    alive.write_text("in progress", encoding="utf-8")
    code, out, err = cli("fix", "--no-cache", "news")
    assert code == 0, err
    assert not stale.exists() and not other.exists() and alive.exists()
    assert f"removed {stale}, a temporary file left by a killed run" in err
    assert article.read_text(encoding="utf-8").startswith("Café owners")


def test_check_leaves_temporary_files_alone(cli, tmp_path):
    (tmp_path / "a.txt").write_text("The council met on Tuesday.\n", encoding="utf-8")
    stale = tmp_path / f".a.txt.{_dead_pid()}-0123abcd.tmp"
    stale.write_text("x", encoding="utf-8")
    cli("check", "--no-cache", "a.txt")
    assert stale.exists()  # check never writes or removes anything


def _slow_on_marker(monkeypatch):
    """Cleaning an article that holds HANG takes a minute (inherited by forked workers)."""
    real_run = Cleaner.run

    def run(self, doc, **kwargs):
        if "HANG" in doc.text:
            time.sleep(60)
        return real_run(self, doc, **kwargs)

    monkeypatch.setattr(Cleaner, "run", run)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_over_the_time_limit_is_reported_and_the_run_goes_on(cli, tmp_path, monkeypatch, jobs):
    _slow_on_marker(monkeypatch)
    (tmp_path / "a.txt").write_text("Caf&eacute; owners said HANG the rules would hurt trade.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Caf&eacute; owners said the rules would hurt trade.\n", encoding="utf-8")
    started = time.monotonic()
    code, out, err = cli("fix", "--no-cache", "--jobs", jobs, "--timeout-per-file", "5", "a.txt", "b.txt")
    assert time.monotonic() - started < 50
    assert code == 2
    assert "a.txt: timed out after 5 s (timeout-per-file)" in err
    assert (tmp_path / "b.txt").read_text(encoding="utf-8").startswith("Café")  # the other file was fixed
    assert "HANG" in (tmp_path / "a.txt").read_text(encoding="utf-8")  # the slow one is left as it was


def test_timeout_per_file_is_a_setting(tmp_path):
    from cleaner.config import load_settings
    from cleaner.errors import ConfigError

    (tmp_path / "news-cleaner.toml").write_text("timeout-per-file = 30\n", encoding="utf-8")
    assert load_settings(str(tmp_path / "news-cleaner.toml")).timeout_per_file == 30.0
    (tmp_path / "news-cleaner.toml").write_text("timeout-per-file = -1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="timeout-per-file"):
        load_settings(str(tmp_path / "news-cleaner.toml"))


# -- inputs that are not regular files ---------------------------------------------------------------

def test_a_fifo_a_device_and_a_directory_named_like_articles_are_errors_not_hangs(cli, tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")  # nothing ever writes to it: reading it would block forever
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "ok.txt").write_text("Caf&eacute; owners said the rules would hurt trade.\n", encoding="utf-8")
    code, out, err = cli("check", "--no-cache", "pipe.txt", "/dev/zero", "ok.txt")
    assert code == 2
    assert "pipe.txt: not a regular file (a FIFO)" in err and "/dev/zero: not a regular file (a device)" in err
    assert "ok.txt:1:4: E002" in out  # the run went on
    code, _, err = cli("clean", "pipe.txt")
    assert code == 2 and "not a regular file (a FIFO)" in err


def test_a_file_name_that_is_not_utf8_is_reported_in_every_format(cli, tmp_path):
    """`check -o out.json` on `bad\\xffname.txt` ended in UnicodeEncodeError (surrogates not allowed)."""
    name = os.fsdecode(b"bad\xffname.txt")
    (tmp_path / name).write_bytes(b"Caf&eacute; owners said the rules would hurt trade.\n")
    for fmt in ("text", "json", "sarif", "github"):
        code, _, err = cli("check", "--no-cache", name, "--format", fmt, "-o", f"out.{fmt}")
        assert code == 1, err
        assert b"bad\xffname.txt" in (tmp_path / f"out.{fmt}").read_bytes()
