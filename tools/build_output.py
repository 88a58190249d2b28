"""Write a maintainer tool's built files, or with ``--check`` say which differ from a fresh build (shared
by the ``tools/build_*.py`` scripts, whose rebuilds are byte-identical)."""

from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(built: list[tuple[Path, bytes]], check: bool, script: str) -> int:
    """Write each ``(path, data)`` of ``built`` and say so; with ``check``, write nothing and return 1
    (naming the stale files and ``script``, which rebuilds them) when a file is missing or differs."""
    stale = []
    for path, data in built:
        if check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(path.name)
        else:
            path.write_bytes(data)
            print(f"wrote {path} ({len(data):,} bytes)")
    if stale:
        print(f"out of date: {', '.join(stale)} (run python {script})", file=sys.stderr)
        return 1
    return 0
