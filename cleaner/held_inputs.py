"""The bytes of a run's input files, held within a memory budget and read again when their turn comes.

``check DIR`` read every file of the folder before checking the first, and held all their bytes until
each file's report was out (and the worker processes, forked after that, started with a copy of
them): a folder of 380 MB of articles took 635 MB in the parent, a bigger one more, whatever
``max-file-size`` says of each file. Here the files are held only while their total stays under
:data:`HOLD_BYTES`; the rest are read again when a pass needs them. A file read again must be what it
was (size and hash): one changed in between is not checked, with a clear reason, since its pieces and
its cache key were taken from what was read first.
"""

from __future__ import annotations

import hashlib
from typing import Iterator, Optional

from .errors import InputError
from .fileio import read_bytes

#: bytes of input files a run holds at once; the files past it are read again when asked for
HOLD_BYTES = 128 * 10**6


def _fingerprint(data: bytes) -> tuple:
    return len(data), hashlib.blake2b(data, digest_size=16).digest()


class HeldInputs:
    """``index -> bytes`` of the readable input files, as a dict is read (``inputs[i]``, ``i in
    inputs``, ``items()``, ``pop``): the first files up to ``budget`` bytes are held, the others read
    again on each ask (the last one read kept, so a file's pieces read it once).

    >>> import os, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> for name in "ab":
    ...     with open(os.path.join(folder, name), "w") as out:
    ...         _ = out.write(name * 10)
    >>> inputs = HeldInputs(budget=15)
    >>> for i, name in enumerate("ab"):
    ...     inputs.add(i, os.path.join(folder, name), read_bytes(os.path.join(folder, name)))
    >>> inputs.held_bytes, list(inputs), inputs[0]  # only "a" is held; "b" is read when asked for
    (10, [0, 1], b'aaaaaaaaaa')
    >>> with open(os.path.join(folder, "b"), "w") as out:
    ...     _ = out.write("changed")
    >>> inputs[1]  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    cleaner.errors.InputError: .../b: changed while it was being checked; not checked (run again)
    """

    def __init__(self, budget: Optional[int] = None, max_mb: Optional[float] = None):
        self.budget = HOLD_BYTES if budget is None else budget
        self.max_mb = max_mb
        self.held_bytes = 0
        self._held: dict = {}  # index -> bytes
        self._files: dict = {}  # index -> (path, fingerprint)
        self._last: Optional[tuple] = None  # (index, bytes): the file last read again

    def add(self, index: int, path: str, data: bytes) -> None:
        """``data``, just read from ``path``: held if it fits in the budget, else only fingerprinted."""
        if self.held_bytes + len(data) <= self.budget:
            self._held[index] = data
            self.held_bytes += len(data)
            self._files[index] = (path, None)
        else:
            self._files[index] = (path, _fingerprint(data))

    def __contains__(self, index: int) -> bool:
        return index in self._files

    def __iter__(self) -> Iterator[int]:
        return iter(list(self._files))

    def __len__(self) -> int:
        return len(self._files)

    def __getitem__(self, index: int) -> bytes:
        if index in self._held:
            return self._held[index]
        if self._last is not None and self._last[0] == index:
            return self._last[1]
        self._last = None  # (not two files' bytes at once)
        data = self._read_again(index)
        self._last = (index, data)
        return data

    def _read_again(self, index: int) -> bytes:
        path, fingerprint = self._files[index]
        data = read_bytes(path, self.max_mb)
        if _fingerprint(data) != fingerprint:
            raise InputError(f"{path}: changed while it was being checked; not checked (run again)")
        return data

    def items(self) -> Iterator[tuple]:
        """``(index, bytes)`` of each file in turn (one at a time for files past the budget)."""
        for index in self:
            yield index, self[index]

    def pop(self, index: int) -> bytes:
        """The file's bytes, no longer held or known (raises ``InputError`` as ``[]`` does). The last
        file read stays: a file handed out while a later one's pieces are being read does not make
        that one be read again for its next piece."""
        try:
            if index in self._held or (self._last is not None and self._last[0] == index):
                return self[index]
            return self._read_again(index)
        finally:
            self.forget(index)

    def forget(self, index: int) -> None:
        self.held_bytes -= len(self._held.pop(index, b""))
        self._files.pop(index, None)
        if self._last is not None and self._last[0] == index:
            self._last = None
