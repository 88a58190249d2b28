"""Writing text that may hold lone surrogates, never failing on them.

Two kinds reach our output. Bytes of a file name or input line that were not UTF-8 are read as
``\\udc80``-``\\udcff`` (Python's ``surrogateescape``) and must be written back as those same bytes. A
JSON record may also spell any lone surrogate as an escape (``"\\ud800"``), which no encoding can
write: such a character is written as its escape, so a JSON report or record stays valid JSON with the
same value, and a text report shows where it was. The :data:`ERRORS` error handler does both.
"""

from __future__ import annotations

import codecs
import re

ERRORS = "news-cleaner-surrogates"


def _keep_or_escape(error: UnicodeError) -> tuple:
    r"""Encode error handler: ``\udc80``-``\udcff`` back to their bytes, any other character as ``\uXXXX``.

    >>> "caf\udce9 \ud800".encode("utf-8", ERRORS)
    b'caf\xe9 \\ud800'
    """
    if not isinstance(error, UnicodeEncodeError):
        raise error
    out = bytearray()
    for char in error.object[error.start:error.end]:
        code = ord(char)
        out += bytes([code - 0xDC00]) if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}".encode("ascii")
    return bytes(out), error.end


codecs.register_error(ERRORS, _keep_or_escape)


_LONE = re.compile("[\ud800-\udfff]")


def escaped_in_json(line: str) -> str:
    r"""A line of JSON with each lone surrogate (which JSON text can hold only inside a string) spelled as
    its ``\uXXXX`` escape: the same value, and a line any UTF-8 reader takes. Written through
    :data:`ERRORS`, ``"\udcff"`` (a JSON record's escape) became the raw byte 0xFF: an output of
    ``batch`` no strict reader took although its input was valid UTF-8.

    >>> escaped_in_json('{"url": "http://\udcff/", "t": "caf\u00e9"}')
    '{"url": "http://\\udcff/", "t": "café"}'
    """
    return _LONE.sub(lambda found: f"\\u{ord(found.group()):04x}", line)
