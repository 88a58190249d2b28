"""Atomic output: every file news-cleaner writes is written to a temporary sibling and renamed into place.

So a killed run never leaves a half-written output. The temporary file is named after its target and
the writing process (``.out.jsonl.<pid>-<random>.tmp``): SIGTERM, SIGHUP and Ctrl-C remove it
(``signals_end_the_run`` turns them into an exception the writers clean up after), and what a
``kill -9`` leaves behind is found by the next run writing the same target (its process is gone) and
removed with a notice.
"""

from __future__ import annotations

import gzip
import io
import os
import re
import signal
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Callable, Iterable, Optional

from . import surrogates
from .errors import InputError

_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)-[0-9a-f]{8}\.tmp$")


def temp_path(target: str) -> str:
    """A fresh temporary sibling of ``target`` that names this process.

    >>> import re; bool(re.fullmatch(r"/d/\\.out\\.jsonl\\.\\d+-[0-9a-f]{8}\\.tmp", temp_path("/d/out.jsonl")))
    True
    """
    directory, name = os.path.split(target)
    return os.path.join(directory, f".{name}.{os.getpid()}-{_token()}.tmp")


def _token() -> str:
    """Eight random hex digits; ``secrets`` is imported on the first write (with ``base64``, ``hmac``
    and ``random`` it cost every start 2 ms, and a ``check`` writes nothing)."""
    import secrets

    return secrets.token_hex(4)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    except OSError:
        return False
    return True


def remove_stale(target: str, notice: Callable[[str], None] = lambda message: None) -> list:
    """Remove the temporary files a killed run left beside ``target`` (their process is gone)."""
    directory, name = os.path.split(os.path.abspath(target))
    return remove_stale_in(directory, notice, name=name)


def remove_stale_in(directory: str, notice: Callable[[str], None] = lambda message: None, *,
                    name: Optional[str] = None) -> list:
    """Remove every temporary file a killed run left in ``directory`` (of any target, or of ``name``):
    ``fix`` calls it once per folder it fixes files in, so what a ``kill -9`` of ``fix`` left is gone
    after the next ``fix`` there, with a notice. A file whose process still runs is left alone."""
    removed: list = []
    try:
        entries = os.listdir(directory)
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP.match(entry)
        if match and (name is None or match["name"] == name) and not _alive(int(match["pid"])):
            path = os.path.join(directory, entry)
            try:
                os.unlink(path)
            except OSError:
                continue
            removed.append(path)
            notice(f"removed {path}, a temporary file left by a killed run")
    return removed


def atomic_write(path: str, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary sibling and a rename; keep the file's permissions.

    ``durable``: flush to disk before the rename (a user's file); a cache entry, which a crash may
    lose at no cost, skips that.
    """
    target = Path(path)
    try:
        mode = target.stat().st_mode & 0o7777
    except OSError:
        mode = None
    tmp = temp_path(str(target))
    try:
        with open(tmp, "xb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        _unlink(tmp)
        raise


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


class AtomicOutput:
    """A text sink of lines, written to a temporary sibling and renamed on ``commit`` (gzip by name).

    ``-`` is stdout; a device or FIFO (``/dev/null``) is written in place, never renamed over.
    """

    def __init__(self, path: str, notice: Callable[[str], None] = lambda message: None):
        self.path = path
        self._tmp: Optional[str] = None
        self._direct = False
        self._raw = None
        if path == "-":
            self.stream: IO[str] = sys.stdout
            return
        if os.path.isdir(path):
            raise InputError(f"{path}: is a directory; name a file to write")
        if os.path.exists(path) and not os.path.isfile(path):
            self.stream = open(path, "w", encoding="utf-8", errors=surrogates.ERRORS)
            self._direct = True
            return
        directory = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(directory):
            raise InputError(f"{path}: directory {directory} does not exist")
        remove_stale(path, notice)
        self._tmp = temp_path(os.path.abspath(path))
        try:
            raw = open(self._tmp, "xb")
        except OSError as exc:
            raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
        if path.endswith(".gz"):
            self._raw = raw
            raw = gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6)
        self.stream = io.TextIOWrapper(raw, encoding="utf-8", errors=surrogates.ERRORS)

    def write_line(self, line: str) -> None:
        self.stream.write(line + "\n")

    def write_lines(self, lines: Iterable[str]) -> None:
        self.stream.writelines(line + "\n" for line in lines)

    def commit(self) -> None:
        if self._tmp is None:
            self.stream.close() if self._direct else self.stream.flush()
            return
        self._close()
        os.replace(self._tmp, self.path)
        self._tmp = None

    def discard(self) -> None:
        if self._tmp is None:
            if self._direct:
                self.stream.close()
            return
        try:
            self._close()
        finally:
            _unlink(self._tmp)
            self._tmp = None

    def _close(self) -> None:
        try:
            self.stream.close()
        finally:
            if self._raw is not None:
                self._raw.close()


def same_file(a: str, b: str) -> bool:
    """Whether two output paths name the same file (so one would overwrite the other)."""
    if a == "-" or b == "-":
        return a == b
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


class Terminated(SystemExit):
    """The run got SIGTERM or SIGHUP: raised in the main thread so temporary files are removed."""


@contextmanager
def signals_end_the_run():
    """While the block runs, SIGTERM and SIGHUP raise ``Terminated`` (exit status 128 + signal) in the
    main thread instead of ending the process on the spot, so ``finally`` and ``except`` clauses remove
    temporary files and stop worker processes. Elsewhere than the main thread, a no-op."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    wanted = [s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s is not None]

    def _raise(signum, frame):
        raise Terminated(128 + signum)

    previous = {}
    for signum in wanted:
        try:
            previous[signum] = signal.signal(signum, _raise)
        except (OSError, ValueError):
            pass
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def write_fs_atomic(fs, path: str, lines: Iterable[str]) -> None:
    """``AtomicOutput`` for an fsspec filesystem (local or remote): a temporary sibling, then a move."""
    import posixpath

    directory, name = posixpath.split(path)
    tmp = posixpath.join(directory, f".{name}.{os.getpid()}-{_token()}.tmp")
    try:
        with fs.open(tmp, "wb") as handle:
            for line in lines:
                handle.write(line.encode("utf-8", surrogates.ERRORS) + b"\n")
        fs.mv(tmp, path)
    except BaseException:
        try:
            fs.rm(tmp)
        except Exception:  # the temporary file may not exist or the store may be gone; the error wins
            pass
        raise
