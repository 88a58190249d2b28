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

import codecs
import gzip
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .rulepacks import _builtin_root, load_builtin

MAX_RUNS = 50_000
# Letters of real words needed before a guess is certain: a short word can be a real word in some code
# page by chance (koi8 "зр" read as cp1251 "ЪТ", cp1252 "serã" as cp1250 "seră"); a longer one cannot.
MIN_KNOWN = 5
# ... except for the first candidate (cp1252) in a mostly-ASCII file, as the file's language is then most
# likely English with a few borrowed or foreign words ("déjà vu"): the prior English news sites give.
# Three letters are too few even so: cp1257 "įst" reads as cp1252 "ást", a real word.
MIN_KNOWN_PREFERRED = 4
MOSTLY_ASCII = 0.9  # share of a file's letters that are ASCII
MAX_WORD = 48
_HIGH_RUN = re.compile(rb"[\x80-\xff]+")
_LETTERS = re.compile(r"[^\W\d_]+")
# A character that is neither a letter nor a mark nor an apostrophe or hyphen, between two letters.
_SYMBOL_INSIDE = re.compile(r"(?<=[^\W\d_])[^\w'\u2019\u2018\-\s](?=[^\W\d_])")
# Box-drawing and block characters touching a letter: KOI8-R reads KOI8-U's і ї є ґ (and their
# capitals) as these, so "економі" would be "економ╕", a real word plus a glued frame piece.
_FRAME_BY_LETTER = re.compile(r"[\u2500-\u259f](?=[^\W\d_])|(?<=[^\W\d_])[\u2500-\u259f]")
# C1 control characters: no text holds them, so a code page that reads a file's bytes as these is not
# the file's (ISO 8859 code pages leave 0x80-0x9F to them, where cp1252 has € ‘ ’ “ ” š œ).
_C1 = re.compile("[\x80-\x9f]")


MIXED = "utf-8+cp1252"  # UTF-8 with stray cp1252 bytes, decoded byte by byte


def _cp1252_fallback(error: UnicodeDecodeError):
    bad = error.object[error.start:error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("news_cleaner_cp1252", _cp1252_fallback)


def decode(data: bytes, codec: str) -> str:
    """``data`` decoded with ``codec`` (strict), or as MIXED."""
    if codec == MIXED:
        return data.decode("utf-8", errors="news_cleaner_cp1252")
    return data.decode(codec)


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


def _word_score(text: str, lexicon: frozenset) -> tuple:
    """``(letters of real words, letters of other words)`` among a decoded word's letter runs that
    hold a non-ASCII letter (one letter, "я" or "à", tells nothing); a real word counts only in lower
    case or capitalised.

    >>> _word_score("déjà", known_words()), _word_score("dĂŠjĂ ", known_words())
    ((4, 0), (0, 5))
    >>> _word_score("економ╕", known_words())  # KOI8-U "економі" read as KOI8-R
    (0, 7)
    """
    if _SYMBOL_INSIDE.search(text) or _FRAME_BY_LETTER.search(text):
        # "Pchn±æ", "ja÷Я": letters split by a sign are no word; "економ╕": no word ends in a frame piece
        return 0, len(text)
    known = unknown = 0
    for part in _LETTERS.findall(text):
        if len(part) > 1 and not part.isascii():
            # a real word in a plausible case: lower, Capitalised (koi8 read as cp1251 turns "вел" into "ВЕЛ")
            if (part.islower() or part[1:].islower()) and part.casefold() in lexicon:
                known += len(part)
            else:
                unknown += len(part)
    return known, unknown


def _ascii_share(data: bytes) -> float:
    """Share of the letters (ASCII letters and high bytes) that are ASCII, in the first megabyte.

    >>> _ascii_share(b"caf\\xe9")
    0.75
    """
    head = data[:1 << 20]
    high = len(head) - len(head.translate(None, bytes(range(0x80, 0x100))))
    ascii_letters = len(head) - len(head.translate(None, b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
    return ascii_letters / max(1, ascii_letters + high)


def _decode_all(words: list, codec: str) -> Optional[tuple]:
    """The words decoded with ``codec``; None when it cannot decode them or reads C1 controls into them.

    >>> _decode_all([b"5 \\x80"], "cp1252"), _decode_all([b"5 \\x80"], "iso8859_15")
    (('5 €',), None)
    """
    try:
        decoded = tuple(decode(word, codec) for word in words)
    except UnicodeDecodeError:
        return None
    return None if any(_C1.search(text) for text in decoded) else decoded


def _beats(best: tuple, rival: tuple, scores: dict, needed: int = MIN_KNOWN) -> bool:
    """Whether ``best`` (decoded words) wins outright over ``rival`` on the words they decode apart:
    more letters of real words (at least ``needed``) and fewer of others."""
    known = unknown = rival_known = rival_unknown = 0
    for mine, theirs in zip(best, rival):
        if mine != theirs:
            k, u = scores[mine]
            known, unknown = known + k, unknown + u
            k, u = scores[theirs]
            rival_known, rival_unknown = rival_known + k, rival_unknown + u
    return known >= needed and known > rival_known and known - unknown > rival_known - rival_unknown


def guess(data: bytes, *, mixed: bool = False) -> Optional[Guess]:
    """The most likely candidate code page for ``data`` (bytes that are not UTF-8), or None when none
    decodes it: the one whose decoded words hold the most letters of real words, less those of
    others. Certain only when it wins outright (``_beats``) over every code page that decodes the
    words differently, on the words they decode differently. With ``mixed`` (most high-byte runs are
    valid UTF-8), MIXED competes first.

    >>> guess("The naïve plan, said Zoë, was a déjà vu for the señor.".encode("cp1252")).encoding
    'cp1252'
    >>> guess("Příliš žluťoučký kůň úpěl ďábelské ódy.".encode("cp1250")).encoding
    'cp1250'
    >>> guess(b"Xq\\xf8zt").rivals[:2]  # one unknown word: nothing tells the code pages apart
    ('cp1250', 'iso8859_2')
    """
    words = evidence_words(data)
    lexicon = known_words()
    decodings = []  # (codec, decoded words), in order of preference
    scores: dict = {}  # decoded word -> (known letters, other letters)
    for codec in ((MIXED,) if mixed else ()) + candidates():
        decoded = _decode_all(words, codec)
        if decoded is not None:
            decodings.append((codec, decoded))
            for text in decoded:
                if text not in scores:
                    scores[text] = _word_score(text, lexicon)

    def net(item) -> int:
        return sum(scores[t][0] - scores[t][1] for t in item[1])

    while decodings:
        codec, decoded = max(decodings, key=net)  # the first of the best
        try:
            text = decode(data, codec)
        except UnicodeDecodeError:  # a byte past the sampled runs that this code page lacks
            decodings = [item for item in decodings if item[0] != codec]
            continue
        needed = MIN_KNOWN
        if codec == candidates()[0] and _ascii_share(data) >= MOSTLY_ASCII:
            needed = MIN_KNOWN_PREFERRED
        rivals = tuple(c for c, d in decodings if d != decoded and not _beats(decoded, d, scores, needed))
        return Guess(codec, text, rivals)
    return None
