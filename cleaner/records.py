"""JSONL records: which field holds the article, how a line is parsed, how a record is written back.

One place decides this for every way records come in (``check``/``fix`` on ``.jsonl`` files, ``batch``,
Dask, Scrapy items), so a record means the same thing everywhere: the article is ``--html-field`` when
that field holds a string, else ``--text-field`` (which must then exist), else the first of
``TEXT_FIELDS`` then ``HTML_FIELDS`` that holds a string.

A line is parsed with ``fileio.load_json``'s nesting limit (a hostile ``[[[[…`` line is a bad record
with a reason, not a ``RecursionError``) and every failure is a ``RecordError`` whose message is the
reason.
"""

from __future__ import annotations

import json
from typing import IO, Iterator, Mapping, Optional

from .errors import InputError
from .fileio import load_json
from .surrogates import escaped_in_json

TEXT_FIELDS = ("text", "body", "articleBody", "content")
HTML_FIELDS = ("html", "raw_html", "page")
METADATA_FIELDS = ("title", "site")


class RecordError(InputError):
    """One record cannot be used; the message is the reason (written to the rejects)."""


def pick_field(data: Mapping, text_field: Optional[str] = None, html_field: Optional[str] = None) -> tuple:
    """``(field name, is_html)`` of the article in ``data``; RecordError naming what was tried.

    >>> pick_field({"body": "Text.", "html": "<p>Page</p>"})
    ('body', False)
    >>> pick_field({"text": "Text.", "html": "<p>Page</p>"}, html_field="html")
    ('html', True)
    >>> pick_field({"text": "Text."}, text_field="body")
    Traceback (most recent call last):
    cleaner.records.RecordError: no string field 'body'
    >>> pick_field({"text": None, "id": 3})
    Traceback (most recent call last):
    cleaner.records.RecordError: no text field: 'text' holds null, not a string (tried text, body, articleBody, content, html, raw_html, page; use --text-field/--html-field)
    """
    if html_field and isinstance(data.get(html_field), str):
        return html_field, True
    if text_field:
        if isinstance(data.get(text_field), str):
            return text_field, False
        raise RecordError(f"no string field '{text_field}'" + (f" or '{html_field}'" if html_field else ""))
    if html_field:
        raise RecordError(f"no string field '{html_field}'")
    for name in TEXT_FIELDS:
        if isinstance(data.get(name), str):
            return name, False
    for name in HTML_FIELDS:
        if isinstance(data.get(name), str):
            return name, True
    held = next((f": '{name}' holds {_json_kind(data[name])}, not a string" for name in TEXT_FIELDS + HTML_FIELDS
                 if name in data), "")
    raise RecordError(f"no text field{held} (tried {', '.join(TEXT_FIELDS + HTML_FIELDS)}; use --text-field/--html-field)")


def _json_kind(value) -> str:
    """What a JSON value is, in a reason: ``{"text": 12}`` is a record whose text field "holds a number".

    >>> [_json_kind(v) for v in (None, True, 12, 1.5, [], {})]
    ['null', 'true or false', 'a number', 'a number', 'a list', 'an object']
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    return "a list" if isinstance(value, list) else "an object"


def parse_line(raw: str, max_size: float = 0.0) -> dict:
    """One JSONL line as a dict; RecordError with the reason for bad JSON, deep nesting, a non-object
    or a line over ``max_size`` million characters (the ``max-record-size`` setting; 0: no limit).

    >>> parse_line('{"id": 1, "text": "Hello."}')
    {'id': 1, 'text': 'Hello.'}
    >>> parse_line('[1, 2]')
    Traceback (most recent call last):
    cleaner.records.RecordError: a record must be a JSON object, not list
    >>> parse_line('{"text": "' + "a" * 2000 + '"}', max_size=0.001)
    Traceback (most recent call last):
    cleaner.records.RecordError: a record of 2,012 characters is over the max-record-size limit of 0.001 million; not cleaned (raise max-record-size in the config to clean it)
    """
    if max_size and len(raw) > max_size * 1e6:
        raise RecordError(oversize_reason(len(raw), max_size))
    try:
        data = load_json(raw)  # with a nesting limit
    except json.JSONDecodeError as exc:
        raise RecordError(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(data, dict):
        raise RecordError(f"a record must be a JSON object, not {type(data).__name__}")
    return data


def oversize_reason(chars: int, max_size: float) -> str:
    """Why a record of ``chars`` characters is not cleaned: its findings and output record grow with
    it (a 9.3 MB article's record: 33,000 findings, a 33 MB output line), so memory would too."""
    return (f"a record of {chars:,} characters is over the max-record-size limit of {max_size:g} million; "
            "not cleaned (raise max-record-size in the config to clean it)")


def iter_lines(stream: IO[str], first_line: int = 1) -> Iterator[tuple]:
    """``(line number, line)`` for every non-blank line of ``stream``, without its newline."""
    for number, line in enumerate(stream, start=first_line):
        line = line.rstrip("\r\n")
        if line.strip():
            yield number, line


def read_records(text: str, path: str, first_line: int = 1, max_size: float = 0.0) -> Iterator[tuple]:
    """``(line number, record, error)`` for each non-blank line of a JSONL file's text: the record, or
    None and why the line is not one (path and line named), so one bad line never hides the others.
    ``first_line``: the number of the text's first line (a piece of a bigger file); ``max_size``: see
    ``parse_line``.

    >>> list(read_records('{"text": "A."}\\n\\n[1]', "x.jsonl"))
    [(1, {'text': 'A.'}, None), (3, None, 'x.jsonl:3: a record must be a JSON object, not list')]
    """
    for number, line in enumerate(text.split("\n"), start=first_line):
        if line.strip():
            try:
                yield number, parse_line(line, max_size), None
            except RecordError as exc:
                yield number, None, f"{path}:{number}: {exc}"


_BLANK = " \t\n\r"  # JSON's whitespace


def with_field(raw: str, key: str, value: str) -> str:
    """One JSON object's text ``raw`` with its top-level ``key``'s value (the last, as ``json.loads``
    reads a repeated key) written as ``value``, and every other character as it was: ``fix`` wrote the
    whole record anew, turning ``1e999999`` into ``Infinity`` (not JSON), ``1.10`` into ``1.1`` and
    ``\\u00e9`` into ``é`` in fields it had no reason to touch. ``raw`` is a valid record (``parse_line``).

    >>> with_field('{"id":1.10, "text" : "a  b", "n": 1e999}', "text", "a b")
    '{"id":1.10, "text" : "a b", "n": 1e999}'
    >>> with_field('{"text": "x", "meta": {"text": "y"}, "text": "z"}', "text", "Z")
    '{"text": "x", "meta": {"text": "y"}, "text": "Z"}'
    """
    decoder = json.JSONDecoder()
    span = None
    pos = _past_blanks(raw, raw.index("{") + 1)
    while raw[pos] != "}":
        name, pos = json.decoder.scanstring(raw, pos + 1)
        pos = _past_blanks(raw, _past_blanks(raw, pos) + 1)  # past the colon
        _, end = decoder.raw_decode(raw, pos)
        if name == key:
            span = (pos, end)
        pos = _past_blanks(raw, end)
        if raw[pos] == ",":
            pos = _past_blanks(raw, pos + 1)
    if span is None:
        raise KeyError(key)
    return raw[:span[0]] + json.dumps(value, ensure_ascii=False) + raw[span[1]:]


def output_line(raw: str, out: dict, added: tuple) -> str:
    """A cleaned record's output line: ``out`` (the record read from ``raw`` with the ``added`` fields
    set) as JSON; when it holds a number JSON cannot write back (``1e999``, read as infinity, was
    written ``Infinity``: a line no strict reader takes), ``raw`` as it was with the ``added`` fields
    set in it, so the line stays JSON.

    >>> output_line('{"id": 1, "text": "a"}', {"id": 1, "text": "a", "clean": "A"}, ("clean",))
    '{"id": 1, "text": "a", "clean": "A"}'
    >>> output_line('{"id": 1e999, "clean": 0 }', {"id": float("inf"), "clean": "A", "n": 2}, ("clean", "n"))
    '{"id": 1e999, "clean": "A", "n": 2}'
    """
    try:
        return escaped_in_json(json.dumps(out, ensure_ascii=False, allow_nan=False))
    except ValueError:
        pass
    line = raw.rstrip()
    for key in added:
        try:
            line = with_field(line, key, out[key])
        except KeyError:  # a new field: before the closing brace
            body = line[:-1].rstrip()
            comma = "" if body.endswith("{") else ","
            line = f"{body}{comma} {json.dumps(key, ensure_ascii=False)}: {json.dumps(out[key], ensure_ascii=False)}}}"
    return escaped_in_json(line)


def _past_blanks(raw: str, pos: int) -> int:
    while raw[pos] in _BLANK:
        pos += 1
    return pos


def document_for(cleaner, data: Mapping, text_field: Optional[str] = None, html_field: Optional[str] = None,
                 *, path: Optional[str] = None):
    """The record's article as a Document, with its ``url`` and its ``title``/``site`` as metadata."""
    name, is_html = pick_field(data, text_field, html_field)
    url = data.get("url") if isinstance(data.get("url"), str) else None
    meta = {key: data[key] for key in METADATA_FIELDS if isinstance(data.get(key), str) and data[key]}
    return cleaner.document(data[name], url, kind="html" if is_html else "text", path=path, metadata=meta or None)


def annotation(result, *, with_metadata: bool) -> dict:
    """The ``cleaner`` object added to a record: score, verdict, findings (and metadata from HTML)."""
    data = {
        "score": result.score,
        "verdict": result.verdict,
        "findings": [f.to_dict() for f in result.findings],
    }
    if result.notices:
        data["notices"] = list(result.notices)
    if with_metadata:
        data["metadata"] = {k: v for k, v in result.metadata.items() if v is not None}
    return data


def reject_line(reason: str, *, where: dict, record) -> str:
    """A rejects line: where the record was (``line``/``part``, ``id``), why, and the record itself."""
    return escaped_in_json(json.dumps({**where, "reason": reason, "record": record}, ensure_ascii=False))
