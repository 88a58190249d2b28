"""Which texts ftfy could change: a linear-time pre-test, so clean text skips ftfy's per-line work.

E001 asks ftfy to repair mojibake (``_ftfy_config`` in ``encoding.py``: no quote, width or HTML
changes). ftfy then changes a line only if its badness regex matches there, or the line holds a C1
control, a surrogate or a terminal escape. The badness regex is a large alternation that Python's
engine tries at every position, most of E's cost on clean text; the same regex on RE2 (a DFA, with
Python's Unicode ``\\s`` and ``\\w`` written out) answers in a hundredth of the time. A text with no
match on either is returned as is; any other text goes through ftfy whole, so the result is ftfy's.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Optional

try:  # Python 3.11+
    import re._constants as _sre
    import re._parser as _sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

# ftfy's other enabled fixes: C1 controls, surrogates (which RE2 cannot even read), terminal escapes
_OTHER_TRIGGERS = re.compile(r"[\x1b\x80-\x9f\ud800-\udfff]")
# Python's Unicode \s and \w in RE2 syntax (RE2's own are ASCII-only); wider is safe, never narrower
_SPACE = r"\s\x{b}\x{1c}-\x{1f}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}"
_WORD = r"\pL\pN\pM_"


class _Untranslatable(Exception):
    pass


def _char(code: int) -> str:
    return "\\x{%x}" % code


def _class(items) -> str:
    parts, negate = [], False
    for op, av in items:
        if op is _sre.NEGATE:
            negate = True
        elif op is _sre.LITERAL:
            parts.append(_char(av))
        elif op is _sre.RANGE:
            parts.append(_char(av[0]) + "-" + _char(av[1]))
        elif op is _sre.CATEGORY and av in (_sre.CATEGORY_SPACE, _sre.CATEGORY_WORD) and not negate:
            parts.append(_SPACE if av is _sre.CATEGORY_SPACE else _WORD)  # (widened: never in a negation)
        else:
            raise _Untranslatable(op)
    return "[" + ("^" if negate else "") + "".join(parts) + "]"


def _translate(items: list) -> str:
    out = []
    for op, av in items:
        if op is _sre.LITERAL:
            out.append(_char(av))
        elif op is _sre.NOT_LITERAL:
            out.append("[^" + _char(av) + "]")
        elif op is _sre.ANY:
            out.append(".")
        elif op is _sre.IN:
            out.append(_class(av))
        elif op is _sre.AT and av is _sre.AT_BEGINNING:
            out.append("^")
        elif op is _sre.BRANCH:
            out.append("(?:" + "|".join(_translate(list(alt)) for alt in av[1]) + ")")
        elif op is _sre.SUBPATTERN and not (av[1] or av[2]):
            out.append("(?:" + _translate(list(av[3])) + ")")
        elif op is _sre.MAX_REPEAT:
            low, high, sub = av
            out.append("(?:%s){%d,%s}" % (_translate(list(sub)), low, "" if high is _sre.MAXREPEAT else high))
        else:
            raise _Untranslatable(op)
    return "".join(out)


def wider_re2_syntax(pattern: str, flags: int = 0) -> Optional[str]:
    r"""RE2 source that matches wherever the Python regex ``pattern`` matches (``^`` at every line
    start: it is meant for ``(?m)``), or None for a construct it does not translate.

    >>> wider_re2_syntax(r"^[ab] |x?y")
    '(?:^[\\x{61}\\x{62}]\\x{20}|(?:\\x{78}){0,1}\\x{79})'
    >>> wider_re2_syntax(r"(?<=a)b") is None
    True
    """
    try:
        return _translate(list(_sre_parse.parse(pattern, flags)))
    except _Untranslatable:
        return None


#: The RE2 translation of ftfy's badness regex, with the SHA-256 of the ``ftfy/badness.py`` it was made
#: from (``tools/build_data.py`` writes it): importing ftfy costs a start about 0.05 s, and a clean text
#: never needs it.
SHIPPED_GATE = "ftfy-badness-re2.txt"


def installed_badness_digest() -> Optional[str]:
    """SHA-256 of the installed ``ftfy/badness.py``, found without importing ftfy (None when unreadable)."""
    import hashlib
    import importlib.util

    try:
        spec = importlib.util.find_spec("ftfy")
        folder = spec.submodule_search_locations[0] if spec and spec.submodule_search_locations else None
        with open(os.path.join(folder, "badness.py"), "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()
    except (OSError, TypeError, ValueError, ImportError):
        return None


def shipped_gate_source() -> Optional[str]:
    """The shipped RE2 source of the gate, when it was made from the installed ftfy's badness regex."""
    from ..rulepacks import _builtin_root

    try:
        digest_line, source = (_builtin_root() / "data" / SHIPPED_GATE).read_text(encoding="utf-8").split("\n")[:2]
    except (OSError, ValueError):
        return None
    return source if digest_line.split()[-1] == installed_badness_digest() else None


def badness_gate_source() -> Optional[str]:
    """The gate's RE2 source made from ftfy's badness regex now (imports ftfy), None if it does not translate."""
    from ftfy.badness import BADNESS_RE

    return wider_re2_syntax(BADNESS_RE.pattern, BADNESS_RE.flags)


@lru_cache(maxsize=1)
def _badness_gate():
    """ftfy's badness regex on RE2 (the shipped translation, else made now), or ftfy's own regex on
    Python's engine when it does not translate."""
    source = shipped_gate_source() or badness_gate_source()
    if source is None:  # pragma: no cover - a future ftfy's regex
        from ftfy.badness import BADNESS_RE

        return re.compile(BADNESS_RE.pattern, BADNESS_RE.flags | re.MULTILINE)
    import re2

    options = re2.Options()
    options.log_errors = False
    options.never_nl = False
    options.max_mem = 64 << 20  # the DFA of this alternation is large; less makes RE2 fall back to its NFA
    return re2.compile("(?m)" + source, options)


def could_change(text: str) -> bool:
    """Whether ftfy (as E001 runs it) could change ``text``; False means it returns ``text`` as is.

    >>> could_change("The café is open, “she said”."), could_change("The cafÃ© is open.")
    (False, True)
    """
    return bool(_OTHER_TRIGGERS.search(text)) or _badness_gate().search(text) is not None


def ftfy_fixed(text: str, make_config) -> str:
    """``ftfy.fix_text(text, make_config())``, skipped when ftfy could not change ``text`` (then neither
    ftfy nor its config is loaded).

    >>> from cleaner.checks.encoding import _ftfy_config
    >>> ftfy_fixed("Fine line.\\nThe cafÃ© is open.", _ftfy_config)
    'Fine line.\\nThe café is open.'
    """
    if not could_change(text):
        return text
    import ftfy

    return ftfy.fix_text(text, make_config())
