"""The garbage collector paused while one article is checked, the host's setting given back after.

Cleaning an article allocates tens of thousands of short-lived containers (tokens, matches,
paragraphs); CPython's collector, at its default thresholds, walks them a hundred times an article and
now and then walks everything alive, word lists included. Paused for the article, that work is not
done: about 5% of ``clean(text)``'s CPU on the 121 ScrapingHub bodies (``bench/speed.py``). The
cycles an article leaves (about 1,200 objects; documents of earlier fix rounds, rapidfuzz closures)
are collected by the first collection after it, so memory stays bounded by one article, and a part
of a long file (``parts.py``) is one article here.

A library must not leave its host's collector changed (a Scrapy or Dask worker tunes its own), so the
collector is enabled again after the article only if it was enabled before; articles cleaned at once
on several threads pause it once, and the last to finish gives the setting back.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

_LOCK = threading.Lock()
_depth = 0  # articles now inside ``paused``, on any thread
_host_enabled = False  # the collector's state when the first of them entered


@contextmanager
def paused() -> Iterator[None]:
    """Run the block with the garbage collector disabled, then restore the caller's setting.

    >>> gc.isenabled()
    True
    >>> with paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    >>> gc.disable()
    >>> with paused():
    ...     pass
    >>> gc.isenabled()  # a host that disabled it keeps it disabled
    False
    >>> gc.enable()
    """
    global _depth, _host_enabled
    with _LOCK:
        if _depth == 0:
            _host_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _LOCK:
            _depth -= 1
            if _depth == 0 and _host_enabled:
                gc.enable()
