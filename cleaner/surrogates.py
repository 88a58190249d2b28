"""Writing text that may hold lone surrogates, never failing on them.

Two kinds reach our output. Bytes of a file name or input line that were not UTF-8 are read as
``\\udc80``-``\\udcff`` (Python's ``surrogateescape``) and must be written back as those same bytes. A
JSON record may also spell any lone surrogate as an escape (``"\\ud800"``), which no encoding can
write: such a character is written as its escape, so a JSON report or record stays valid JSON with the
same value, and a text report shows where it was. The :data:`ERRORS` error handler does both.
"""

from __future__ import annotations

import codecs

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
