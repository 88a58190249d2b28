"""Blank lines of any length: the quote model's paragraph split searched for a run of non-blank lines
from every position of a line of spaces, reading it to its end each time (quadratic: 8,000 spaces
0.27 s, 200,000 spaces over 13 minutes, 1 MB over an hour; found probing ``clean`` with 200,000-character
tokens of 28 kinds). A run of lines starts at a line start, so the search is anchored there."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings, strategies as st

from cleaner.checks.quote_model import _BLOCK


def _blocks(text: str) -> list:
    """The definition: each run of consecutive lines holding a non-space character, with the newline
    after each of its lines."""
    spans, start, pos = [], None, 0
    for line in text.split("\n"):
        end = pos + len(line)
        nonblank = any(not c.isspace() for c in line)
        if nonblank and start is None:
            start = pos
        if not nonblank and start is not None:
            spans.append((start, pos))
            start = None
        pos = end + 1
    if start is not None:
        spans.append((start, min(pos, len(text))))
    return spans


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", " ", "\n", "\t", "b.", "\r", "\u00a0", "\n\n", "  x", "\u3000"]), max_size=40))
def test_the_paragraph_split_finds_each_run_of_non_blank_lines(pieces):
    text = "".join(pieces)
    assert [m.span() for m in _BLOCK.finditer(text)] == _blocks(text)


def _cpu_limit() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_CPU, (60, 60))  # SIGXCPU past 60 s of CPU, whatever the load


def test_a_long_line_of_spaces_and_many_blank_lines_are_cleaned_to_nothing():
    """A hang guard, not a speed test: 60 s of CPU (not wall time: the machine may be busy) is many
    times what the anchored search takes (under a second for both texts), and a fraction of the six
    minutes the old search took on the first. It runs in a process of its own, as a regular expression
    stuck in C answers no signal."""
    code = (
        "import random\nfrom cleaner import Cleaner\nrng = random.Random(7)\ncleaner = Cleaner()\n"
        "texts = [' ' * 300_000, ''.join(rng.choice([' ', '\\t', ' \\n', '\\n\\n', '\\u3000']) for _ in range(100_000))]\n"
        "print([cleaner.clean(text).text.strip() for text in texts])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=900,
                          preexec_fn=_cpu_limit)
    assert done.returncode == 0 and done.stdout == "['', '']\n", (done.returncode, done.stderr[-300:])
