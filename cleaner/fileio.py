"""Reading inputs: type by extension, decoding by detection, and encoding back the way a file came.

A text file that is not valid UTF-8 is decoded by guessing its code page (``legacy_encoding``; scraped
dumps are often cp1252 or mixed) and reported as E007; ``fix`` then writes it back as UTF-8, unless
the guess was uncertain. Otherwise the original encoding, byte-order mark and newline style are kept.
Writing back is ``cleaner/atomic.py``'s (a temporary sibling renamed over the original).
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
import sys
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from . import surrogates
from .errors import InputError

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
RECORD_SUFFIXES = {".jsonl", ".ndjson"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES


def resolved_path(path) -> Path:
    """``path.resolve()``, or its absolute form when the system cannot resolve it: a symlink loop
    (``RuntimeError`` on Python 3.11, ``OSError`` later) ended a folder's run in a traceback; the file is
    then named as unreadable when it is read.

    >>> import os, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> os.symlink("b", os.path.join(folder, "a")); os.symlink("a", os.path.join(folder, "b"))
    >>> resolved_path(Path(folder, "a")) == Path(os.path.abspath(folder), "a")
    True
    """
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def kind_for(path: str) -> str:
    """``text``, ``html`` or ``records`` from the file name (unknown extensions are read as text)."""
    suffix = Path(path).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in RECORD_SUFFIXES:
        return "records"
    return "text"


@dataclass
class InputFile:
    """A decoded input with what is needed to write it back the way it came."""

    path: str
    text: str
    kind: str
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"
    detected: bool = False  # True when the bytes were not valid UTF-8 and the codec was guessed
    rivals: tuple = ()  # other codecs as likely as ``encoding``: the file is never rewritten
    line_endings: tuple = ()  # each line's own ending, kept only for a file that mixes CRLF and LF

    def encode(self, text: str, *, as_utf8: bool = False) -> bytes:
        """Bytes for ``text`` in this file's newline style and encoding (UTF-8 when ``as_utf8``)."""
        if self.line_endings:
            text = with_line_endings(self.text, self.line_endings, text)
        elif self.newline != "\n":
            text = text.replace("\n", self.newline)
        utf8 = self.encoding in {"utf-8", "utf_8", "ascii", "utf-8+cp1252"}
        if as_utf8 or utf8:
            return ("\ufeff" if self.bom and utf8 else "").encode("utf-8") + text.encode("utf-8", surrogates.ERRORS)
        return (("\ufeff" if self.bom else "") + text).encode(self.encoding)  # UTF-16/32 keep their mark


def decode_bytes(data: bytes, path: str) -> InputFile:
    """Decode ``data``: UTF-8 (with or without BOM) first, then UTF-16 or UTF-32 (by byte-order mark or
    by where the NUL bytes fall), else the code page guessed (``_decode_legacy``)."""
    wide = _wide_unicode(data)
    rivals: tuple = ()
    if wide is None and (signature := file_signature(data)) is not None:
        name, advice = signature
        raise InputError(f"{path}: {name}, not an article: {advice if path == '-' else advice.replace('FILE', path)}")
    if wide is None and b"\x00" in data[:8192]:
        wide, rivals = _wide_by_evidence(data)
        if wide is None:
            raise InputError(f"{path}: binary file (NUL bytes), not an article (if it is UTF-16 or UTF-32 text "
                             "that was not recognised, convert it to UTF-8 first, e.g. "
                             "`iconv -f UTF-16LE -t UTF-8 FILE > FILE.txt`)")
    bom = data.startswith(b"\xef\xbb\xbf")
    if wide is not None:
        text, encoding, bom = wide
        detected = True
    else:
        try:
            text = data.decode("utf-8-sig")
            encoding, detected, rivals = "utf-8", False, ()
            shifted = _iso2022(data)
            if shifted is not None:
                (text, encoding), detected = shifted, True
        except UnicodeDecodeError:
            text, encoding, rivals = _decode_legacy(data, path)
            detected = True
    newline = "\r\n" if "\r\n" in text else "\n"
    endings: tuple = ()
    if newline == "\r\n" and text.count("\n") != text.count("\r\n"):  # mixed: keep each line's own
        endings = tuple("\r\n" if line.endswith("\r") else "\n" for line in text.split("\n")[:-1])
    text = text.replace("\r\n", "\n")
    return InputFile(path=path, text=text, kind=kind_for(path), encoding=encoding, bom=bom, newline=newline,
                     detected=detected, rivals=rivals, line_endings=endings)


def file_signature(data: bytes) -> Optional[tuple]:
    """``(name, advice)`` of the compressed, archive, document or image format whose leading bytes ``data``
    has (``[[signatures]]`` of ``rules/encoding.toml``), when ``data`` is also no text (a NUL byte or no
    UTF-8), else None.

    >>> import gzip
    >>> file_signature(gzip.compress(b'{"text": "The mayor spoke."}\\n'))[0]
    'gzip-compressed file'
    >>> file_signature(b"%PDF-1.7 is the version the archive asks for.") is None  # an article, read as text
    True
    """
    if len(data) < 3:
        return None
    for magic, name, advice in _signatures().get(data[0], ()):
        if data.startswith(magic):
            if b"\x00" not in data[:8192] and _is_utf8(data):
                return None
            return name, advice
    return None


@lru_cache(maxsize=1)
def _signatures() -> dict:
    """first byte -> [(leading bytes, name, advice)] of ``[[signatures]]`` (``rules/encoding.toml``)."""
    from .rulepacks import load_builtin

    table: dict = {}
    for entry in load_builtin("encoding")["signatures"]:
        magic = bytes.fromhex(entry["magic"])
        table.setdefault(magic[0], []).append((magic, entry["name"], entry["advice"]))
    return table


def _is_utf8(data: bytes) -> bool:
    """Is ``data`` UTF-8, but for a character its end may cut (a file's first bytes)?"""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=False)
    except UnicodeDecodeError:
        return False
    return True


_ISO2022_ESCAPE = re.compile(rb"\x1b\$(?:[@AB]|[()*+][@A-GC])")  # "switch to a double-byte set"


def _iso2022(data: bytes) -> Optional[tuple]:
    r"""``(text, codec)`` of 7-bit ISO-2022 text (Japanese or Korean e-mail and older news feeds), else None.

    Its bytes are ASCII, so they decode as UTF-8 too, but an escape sequence switches to a
    double-byte set whose letters read as ASCII garbage: ``fix`` rewrote such a file as that garbage.
    The escape sequences name the encoding, so there is nothing to guess.

    >>> _iso2022("市長は橋を開いた。".encode("iso2022_jp"))
    ('市長は橋を開いた。', 'iso2022_jp_2')
    >>> _iso2022("시장은 말했다.".encode("iso2022_kr"))[1], _iso2022(b"plain ASCII") is None
    ('iso2022_kr', True)
    """
    if b"\x1b$" not in data or not _ISO2022_ESCAPE.search(data):
        return None
    for codec in ("iso2022_jp_2", "iso2022_jp_ext", "iso2022_kr"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if not _CONTROLS.search(text):  # (the escape character among them)
            return text, codec
    return None


_WIDE_BOMS = ((b"\xff\xfe\x00\x00", "utf_32_le"), (b"\x00\x00\xfe\xff", "utf_32_be"),
              (b"\xff\xfe", "utf_16_le"), (b"\xfe\xff", "utf_16_be"))
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f]")


def _wide_unicode(data: bytes) -> Optional[tuple]:
    r"""``(text, codec, whether it has a byte-order mark)`` of UTF-16 or UTF-32 text, else None.

    Without a mark, the NUL bytes tell: mostly-Latin UTF-16-LE text has one in every other byte at odd
    offsets and none at even ones (UTF-32: two or three in every four); it must then decode without error into
    text with no control characters, or it is taken for the binary file it may be.

    >>> _wide_unicode("Café news.\n".encode("utf-16-le"))
    ('Café news.\n', 'utf_16_le', False)
    >>> _wide_unicode("\ufeffCafé".encode("utf-16-be"))[1:], _wide_unicode("Café".encode("utf-32"))[1:]
    (('utf_16_be', True), ('utf_32_le', True))
    >>> _wide_unicode(b"PK\x03\x04\x00\x00\x08\x00") is None, _wide_unicode(b"plain") is None
    (True, True)
    """
    for mark, codec in _WIDE_BOMS:
        if data.startswith(mark):
            return _wide_text(data[len(mark):], codec, True)
    sample = data[:8192]
    if b"\x00" not in sample:
        return None
    # (codec, width, offsets mostly NUL, offset never NUL: the low byte of a letter)
    for codec, width, zero_at, low in (("utf_32_le", 4, (2, 3), 0), ("utf_32_be", 4, (0, 1), 3),
                                       ("utf_16_le", 2, (1,), 0), ("utf_16_be", 2, (0,), 1)):
        units = len(sample) // width
        if len(data) % width or not units:
            continue
        if all(sample[k::width].count(0) >= 0.5 * units for k in zero_at) and not sample[low::width].count(0):
            return _wide_text(data, codec, False)
    return None


_WIDE_CODECS = ("utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be")


def _wide_by_evidence(data: bytes) -> tuple[Optional[tuple], tuple]:
    r"""``((text, codec, False), rival codecs)`` of UTF-16 or UTF-32 text without a byte-order mark whose
    NUL bytes do not follow the Latin pattern, else ``(None, ())``.

    In Cyrillic, Greek, Arabic or CJK text a NUL is only the high byte of a space, a digit or a
    newline, so where the NULs fall says little: such files were refused as binary. charset-normalizer,
    limited to the four wide codecs, weighs each decoding (how messy the text is, how coherent its
    language); the one it names must also decode the whole file strictly with no control characters.
    A wide codec as good as the one named is a rival: the file is then read but never rewritten.

    >>> text = "Мэр заявил, что новый мост откроется в мае.\n"
    >>> _wide_by_evidence(text.encode("utf-16-be"))[0] == (text, "utf_16_be", False)
    True
    >>> _wide_by_evidence("市长表示，新桥将于五月通车。\n".encode("utf-32-le"))[0][1:]
    ('utf_32_le', False)
    >>> _wide_by_evidence(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" * 20)
    (None, ())
    """
    from charset_normalizer import from_bytes

    matches = from_bytes(data, cp_isolation=list(_WIDE_CODECS))
    best = matches.best()
    found = None if best is None else _wide_text(data, best.encoding, False)
    if found is None:
        return None, ()
    rivals = tuple(match.encoding for match in matches if match.encoding != best.encoding
                   and match.chaos <= best.chaos and match.coherence >= best.coherence)
    return found, rivals


def _wide_text(data: bytes, codec: str, bom: bool) -> Optional[tuple]:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return None if _CONTROLS.search(text) else (text, codec, bom)


LINE_LOOKAHEAD = 16  # how many original lines a deletion may skip and still be matched (keeps this linear)


def with_line_endings(old: str, endings: tuple, new: str) -> str:
    r"""``new`` (LF only) with each line ending as the line of ``old`` it comes from did.

    Lines are matched in order; an edited line keeps the ending of the line it replaces, a deleted run
    of up to ``LINE_LOOKAHEAD`` lines is skipped, so a mixed CRLF/LF file stays mixed as it was.

    >>> with_line_endings("a\nb\nc\n", ("\r\n", "\n", "\r\n"), "a\nB\nc\n")
    'a\r\nB\nc\r\n'
    >>> with_line_endings("a\n\nb\nc\n", ("\n", "\r\n", "\n", "\r\n"), "a\nc\n")
    'a\nc\r\n'
    """
    old_lines = old.split("\n")
    out = []
    i = 0
    new_lines = new.split("\n")
    for line in new_lines[:-1]:
        k = next((k for k in range(i, min(i + LINE_LOOKAHEAD, len(endings))) if old_lines[k] == line), None)
        if k is not None:
            i = k
        out.append(line + (endings[i] if i < len(endings) else endings[-1]))
        i += 1
    out.append(new_lines[-1])
    return "".join(out)


def _decode_legacy(data: bytes, path: str) -> tuple[str, str, tuple]:
    """Decode bytes that are not valid UTF-8: ``(text, codec, rival codecs)``.

    The 8-bit code page whose decoding gives the most real words wins (``legacy_encoding``); a
    mostly-UTF-8 file with a few stray cp1252 bytes (scraped dumps concatenated from several sources)
    competes as ``utf-8+cp1252``, decoded byte by byte. When no candidate wins outright,
    charset-normalizer may still name a multi-byte codec (Shift-JIS, GB18030...) or another rival;
    the rivals are kept, and a file whose codec is uncertain is checked, never rewritten.
    """
    from .legacy_encoding import guess, multi_byte

    found = guess(data, mixed=_utf8_share(data) >= 0.5)
    if found is not None and not found.ambiguous:
        return found.text, found.encoding, ()
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding in multi_byte():
        rivals = (found.encoding, *found.rivals) if found is not None else ()
        return str(best), best.encoding, rivals
    if found is not None:
        other = (best.encoding,) if best is not None and best.encoding not in (found.encoding, *found.rivals) else ()
        return found.text, found.encoding, found.rivals + other
    raise InputError(f"{path}: cannot decode: not UTF-8 and no character set detected")


def _utf8_share(data: bytes) -> float:
    """Share of non-ASCII byte runs that are valid UTF-8 sequences of plausible text (letters, digits,
    punctuation, symbols, spaces: an 8-bit file's bytes can form valid UTF-8 by chance, as cp1251
    ``\\xd6\\xb3`` does, but then mostly of combining marks, controls or unassigned code points).

    >>> _utf8_share("José said “no”".encode("utf-8") + b" \\x93hi\\x94")
    0.6
    >>> _utf8_share("Ці".encode("cp1251"))  # valid UTF-8: U+05B3, a Hebrew point
    0.0
    """
    runs = re.findall(rb"[\x80-\xff]+", data)
    if not runs:
        return 0.0
    valid = 0
    for run in runs:
        try:
            text = run.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if all(unicodedata.category(c)[0] in "LNPSZ" for c in text):
            valid += 1
    return valid / len(runs)


def read_bytes(path: str, max_mb: Optional[float] = None) -> bytes:
    """The bytes of one input file; errors name the path.

    Only a regular file is read: a FIFO would block the run until something writes to it, and a
    device such as ``/dev/zero`` never ends (it is opened without blocking and refused, with a hint
    to pipe it to ``-`` instead). A file over ``max_mb`` MB (the ``max-file-size`` setting; 0 or
    None: no limit) is refused before it is read, so one huge file cannot take the run's memory and
    time.

    >>> read_bytes(__file__, max_mb=0.001)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    cleaner.errors.InputError: ...fileio.py: ... MB is over the max-file-size limit of 0.001 MB; not read (raise max-file-size in the config to check it)
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):  # before fdopen, which refuses a directory with IsADirectoryError
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise InputError(f"{path}: is a directory")
        kind = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
        raise InputError(f"{path}: not a regular file ({kind}); to read from it, pipe it to `news-cleaner check -`")
    with os.fdopen(fd, "rb") as handle:
        size = os.fstat(fd).st_size
        if max_mb and size > max_mb * 1e6:
            raise InputError(f"{path}: {size / 1e6:.1f} MB is over the max-file-size limit of {max_mb:g} MB; "
                             f"not read (raise max-file-size in the config to check it)")
        try:
            return handle.read()
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def read_stream(stream, max_mb: Optional[float] = None, name: str = "-") -> bytes:
    """All the bytes of ``stream`` (standard input), or InputError once it passes ``max_mb`` MB (the
    ``max-file-size`` limit files have; 0 or None: no limit): a pipe has no size to refuse it by
    before reading, so it is read up to the limit and no further (the error's ``head``).

    >>> import io
    >>> read_stream(io.BytesIO(b"The mayor spoke."))
    b'The mayor spoke.'
    >>> read_stream(io.BytesIO(b"x" * 2000), max_mb=0.001)
    Traceback (most recent call last):
    cleaner.errors.InputError: -: over the max-file-size limit of 0.001 MB; not read (raise max-file-size in the config to check it)
    """
    if not max_mb:
        return stream.read()
    limit = int(max_mb * 1e6)
    data = stream.read(limit + 1)
    if len(data) > limit:
        error = InputError(f"{name}: over the max-file-size limit of {max_mb:g} MB; not read "
                           "(raise max-file-size in the config to check it)")
        error.head = data  # the bytes read, for a filter that passes its input through
        raise error
    return data


def read_input(path: str, max_mb: Optional[float] = None) -> InputFile:
    """Read and decode one input file; errors name the path."""
    return decode_bytes(read_bytes(path, max_mb), path)


# Deeper than any real record (scraped articles nest a few levels); deep enough input would otherwise
# exhaust the parser's recursion (``'[' * 100000`` raises RecursionError).
MAX_JSON_DEPTH = 100
# possessive, one repeat of plain characters between escapes: ``"(?:[^"\\]|\\.)*"`` kept a backtracking
# frame per character, about 110 bytes each (a 9.3 MB record took 1.2 GB to find its strings)
_JSON_STRING = re.compile(r'"[^"\\]*+(?:\\.[^"\\]*+)*+"')
_JSON_BRACKET = re.compile(r"[\[\]{}]")


def json_depth_error(raw: str, limit: int = MAX_JSON_DEPTH) -> Optional[json.JSONDecodeError]:
    """The error for JSON text nested deeper than ``limit``, else None; linear, strings skipped.

    >>> json_depth_error('{"a": [1, "[[["]}') is None
    True
    >>> json_depth_error('[' * 5, limit=3).msg
    'nested deeper than 3 levels'
    """
    if raw.count("[") + raw.count("{") <= limit:
        return None
    depth = 0
    outside = _JSON_STRING.sub('""', raw)
    for match in _JSON_BRACKET.finditer(outside):
        depth += 1 if match.group() in "[{" else -1
        if depth > limit:
            return json.JSONDecodeError(f"nested deeper than {limit} levels", outside, match.start())
    return None


def load_json(raw: str):
    """``json.loads`` with a nesting limit: too deep is a ``JSONDecodeError`` like any other bad JSON.

    >>> load_json('{"text": "ok"}')
    {'text': 'ok'}
    >>> load_json('[' * 100000)
    Traceback (most recent call last):
    ...
    json.decoder.JSONDecodeError: nested deeper than 100 levels: line 1 column 101 (char 100)
    >>> load_json('{"id": ' + '1' * 5000 + '}')
    Traceback (most recent call last):
    ...
    json.decoder.JSONDecodeError: a number of 5000 digits (at most 4300 are read): line 1 column 8 (char 7)

    ``NaN``, ``Infinity`` and ``-Infinity`` are not JSON (Python reads them, and ``batch`` wrote them
    back: a line jq, orjson and browsers refuse):

    >>> load_json('{"id": 1, "score": -Infinity}')
    Traceback (most recent call last):
    ...
    json.decoder.JSONDecodeError: -Infinity is not JSON: line 1 column 20 (char 19)
    """
    error = json_depth_error(raw)
    if error is not None:
        raise error
    try:
        return json.loads(raw, parse_constant=_not_json)
    except _NotJSON as exc:
        raise _constant_error(raw, exc.args[0]) from None
    except json.JSONDecodeError:
        raise
    except ValueError:  # an integer longer than Python converts (sys.get_int_max_str_digits)
        raise _long_number_error(raw) from None


class _NotJSON(ValueError):
    """A constant Python's reader takes that JSON has not (``NaN``, ``Infinity``, ``-Infinity``)."""


def _not_json(name: str):
    raise _NotJSON(name)


def _constant_error(raw: str, name: str) -> json.JSONDecodeError:
    """The error for ``name`` (``NaN``, ``Infinity``, ``-Infinity``) in ``raw``, pointing at the first
    such value outside a string.

    >>> _constant_error('{"a": "NaN", "b": NaN}', "NaN").pos
    18
    """
    outside = _JSON_STRING.sub(lambda m: " " * len(m.group()), raw)  # (same offsets, no string's text)
    match = re.search(r"(?<![\w.-])" + re.escape(name) + r"(?!\w)", outside)
    return json.JSONDecodeError(f"{name} is not JSON", raw, match.start() if match else 0)


def _long_number_error(raw: str) -> json.JSONDecodeError:
    """The error for JSON holding an integer of more digits than Python converts to a number (4,300
    by default: converting is quadratic), pointing at it; ``json.loads`` raises a bare ValueError.

    >>> _long_number_error('{"id": ' + '9' * 5000 + '}').msg
    'a number of 5000 digits (at most 4300 are read)'
    """
    limit = getattr(sys, "get_int_max_str_digits", lambda: 4300)()
    match = re.search(r"\d{%d,}" % (limit + 1), raw) if limit else None
    digits = len(match.group()) if match else 0
    return json.JSONDecodeError(f"a number of {digits} digits (at most {limit} are read)", raw,
                                match.start() if match else 0)


def write_back(path: str, data: bytes, original: bytes) -> Optional[str]:
    """Write fixed ``data`` over ``path``, which was read as ``original``; a notice when it was not
    written (the file vanished, changed since it was read, or is read-only), None when it was.
    Raises InputError (naming the path) when the write itself fails.

    A symbolic link is written through (the link stays a link); a file with several hard links is
    rewritten in place so every link sees the fix; otherwise a temporary sibling is renamed over the
    real file, keeping its mode and (where allowed) its owner.
    """
    from .atomic import atomic_write

    real = os.path.realpath(path)
    try:
        info = os.stat(real)
        current = Path(real).read_bytes() if info.st_size == len(original) else None
    except FileNotFoundError:
        return "not fixed: the file was removed or renamed during the run (not re-created)"
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    if current != original:
        return "not fixed: the file changed since it was read (run again)"
    if not info.st_mode & 0o222 or not os.access(real, os.W_OK):
        return "not fixed: the file is read-only"
    try:
        if info.st_nlink > 1:
            with open(real, "r+b") as handle:
                handle.write(data)
                handle.truncate()
                handle.flush()
                os.fsync(handle.fileno())
            return None
        atomic_write(real, data)
        try:
            os.chown(real, info.st_uid, info.st_gid)
        except OSError:
            pass  # not allowed to give the file away: it keeps the writer's owner
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    return None

