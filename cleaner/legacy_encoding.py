"""Which legacy 8-bit code page a file that is not UTF-8 was written in, and whether that is certain.

Why not charset-normalizer alone: on a mostly-ASCII article its few accented letters are too little
for its letter statistics, and it read ``na\\xefve ... se\\xf1or`` as cp1257 (``naļve ... seńor``), which
``fix`` then wrote back as UTF-8. Here each candidate code page (``rules/encoding.toml`` ``[legacy]``)
decodes the file's words that hold high bytes, and the one that turns the most of them into real
words (the most frequent words of 26 European languages, ``rules/data/legacy-words.txt.gz``) wins,
but only when it beats every candidate that decodes differently. Otherwise the guess is ``ambiguous``:
it is used for checking, the candidates are reported (E007), and ``fix`` does not write the file.

Linear: the evidence is read from at most MAX_RUNS high-byte runs, each word at most MAX_WORD bytes.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .rulepacks import _builtin_root, load_builtin

MAX_RUNS = 50_000
# Letters of real words needed before a guess is certain: a short word can be a real word in some code
# page by chance (koi8 "зр" read as cp1251 "ЪТ"); one long one ("Maßnahmen") or two short ones cannot.
MIN_KNOWN = 6
MAX_WORD = 48
_HIGH_RUN = re.compile(rb"[\x80-\xff]+")
_LETTERS = re.compile(r"[^\W\d_]+")
# A character that is neither a letter nor a mark nor an apostrophe or hyphen, between two letters.
_SYMBOL_INSIDE = re.compile(r"(?<=[^\W\d_])[^\w'\u2019\u2018\-\s](?=[^\W\d_])")


@dataclass(frozen=True)
class Guess:
    """The codec chosen, the text it gives, and the other codecs that were as likely (empty: certain)."""

    encoding: str
    text: str
    rivals: tuple = ()

    @property
    def ambiguous(self) -> bool:
        return bool(self.rivals)


@lru_cache(maxsize=1)
def candidates() -> tuple:
    """The code pages weighed, in order of preference on a tie."""
    return tuple(load_builtin("encoding")["legacy"]["candidates"])


@lru_cache(maxsize=1)
def multi_byte() -> frozenset:
    """Codecs (charset-normalizer's names) this module cannot weigh; charset-normalizer's pick is used."""
    return frozenset(load_builtin("encoding")["legacy"]["multi_byte"])


@lru_cache(maxsize=1)
def known_words() -> frozenset:
    """Lower-cased words holding a non-ASCII letter (``tools/build_data.py`` builds the file)."""
    with (_builtin_root() / "data" / "legacy-words.txt.gz").open("rb") as raw:
        lines = gzip.decompress(raw.read()).decode("utf-8").split("\n")
    return frozenset(line for line in lines if line and line[0] != "#")


def _word_at(data: bytes, start: int, end: int) -> bytes:
    """The word around the high-byte run ``data[start:end]``: ASCII letters and high bytes either side,
    at most MAX_WORD bytes each way.

    >>> _word_at(b"the na\\xefve plan", 6, 7)
    b'na\\xefve'
    """
    left = start
    while left > 0 and start - left < MAX_WORD and (data[left - 1] >= 0x80 or chr(data[left - 1]).isalpha()):
        left -= 1
    right = end
    while right < len(data) and right - end < MAX_WORD and (data[right] >= 0x80 or chr(data[right]).isalpha()):
        right += 1
    return data[left:right]


def evidence_words(data: bytes) -> list:
    """The distinct words of ``data`` that hold high bytes (from its first MAX_RUNS high-byte runs)."""
    seen: dict = {}
    for count, match in enumerate(_HIGH_RUN.finditer(data)):
        if count >= MAX_RUNS:
            break
        seen.setdefault(_word_at(data, match.start(), match.end()), None)
    return list(seen)


def _score(words: list, codec: str) -> Optional[tuple]:
    """``(known - unknown, known, decoded words)``: the letters of the decoded letter runs holding a
    non-ASCII letter that are real words, less those of the runs that are not; None when the codec
    cannot decode one of the words."""
    lexicon = known_words()
    known = unknown = 0
    decoded = []
    for word in words:
        try:
            text = word.decode(codec)
        except UnicodeDecodeError:
            return None
        decoded.append(text)
        if _SYMBOL_INSIDE.search(text):  # "Pchn±æ", "ja÷Я": letters split by a sign are no word
            unknown += len(text)
            continue
        for part in _LETTERS.findall(text):
            if len(part) > 1 and not part.isascii():  # one letter ("я", "à") tells nothing
                if part.casefold() in lexicon:
                    known += len(part)
                else:
                    unknown += len(part)
    return known - unknown, known, tuple(decoded)


def guess(data: bytes) -> Optional[Guess]:
    """The most likely candidate code page for ``data`` (bytes that are not UTF-8), or None when none
    decodes it. Certain only when at least MIN_KNOWN of its words are real words and every code page
    that decodes the words differently finds fewer real words and more that are not.

    >>> guess("The naïve plan, said Zoë, was a déjà vu for the señor.".encode("cp1252")).encoding
    'cp1252'
    >>> guess("Příliš žluťoučký kůň úpěl ďábelské ódy.".encode("cp1250")).encoding
    'cp1250'
    >>> guess(b"Xq\\xf8zt").rivals[:2]  # one unknown word: nothing tells the code pages apart
    ('cp1250', 'iso8859_2')
    """
    words = evidence_words(data)
    scored = []  # (net, known, codec, decoded words), in order of preference
    for codec in candidates():
        score = _score(words, codec)
        if score is not None:
            scored.append((score[0], score[1], codec, score[2]))
    while scored:
        net, known, codec, decoded = max(scored, key=lambda item: item[0])  # the first of the best
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:  # a byte past the sampled runs that this code page lacks
            scored = [item for item in scored if item[2] != codec]
            continue
        if known < MIN_KNOWN:
            rivals = tuple(c for _, _, c, d in scored if c != codec and d != decoded)
        else:
            rivals = tuple(c for n, k, c, d in scored if c != codec and d != decoded and (n >= net or k >= known))
        return Guess(codec, text, rivals)
    return None
