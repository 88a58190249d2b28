"""The rule-code registry (docs come from ``rules/codes/*.toml``) and ruff-style selection by prefix."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional

from .rulepacks import load_builtin_dir

FAMILIES = {
    "B": "boilerplate",
    "E": "encoding",
    "S": "spelling",
    "G": "garbled terms",
    "Q": "quotes and punctuation",
    "LT": "LanguageTool",
}


@dataclass(frozen=True)
class CodeDoc:
    code: str
    name: str
    summary: str
    what: str
    why: str
    before: str
    after: str
    fix: str
    fix_note: str = ""
    #: sub-codes: the heuristics (G passes) that report this code, by name, each with what it finds
    passes: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def family(self) -> str:
        return "LT" if self.code.startswith("LT") else self.code[0]

    def render(self) -> str:
        """The ruff-style page printed by ``news-cleaner rule CODE``."""
        lines = [
            f"# {self.name} ({self.code})",
            "",
            f"Family: {FAMILIES.get(self.family, self.family)}. Fix: {self.fix}.",
            "",
            "## What it does",
            self.what.strip(),
            "",
            "## Why is this bad?",
            self.why.strip(),
            "",
            "## Example",
            "Before:",
            f"    {self.before.strip()}",
            "After:",
            f"    {self.after.strip()}",
            "",
            "## Fix safety",
            (self.fix_note or _DEFAULT_FIX_NOTES[self.fix]).strip(),
        ]
        if self.passes:
            example = f"{self.code}:{next(iter(self.passes))}"
            lines += ["", "## Sub-codes", "Each finding names its heuristic in `extra[\"pass\"]`; ignore one to turn it "
                      f"off (`ignore = [\"{example}\"]`) or select it to run it alone (`--select {example}`)."]
            lines += [f"- `{self.code}:{name}`: {what}" for name, what in self.passes.items()]
        return "\n".join(lines) + "\n"


_DEFAULT_FIX_NOTES = {
    "safe": "The fix has one right answer and is applied by `news-cleaner fix`.",
    "unsafe": "The fix is a judgement; it is applied only with `--unsafe-fixes`.",
    "none": "Report only: there is no automatic fix.",
    "mixed": "Some findings carry a safe fix, others an unsafe one; each finding says which.",
}

LT_DOC = CodeDoc(
    code="LT",
    name="languagetool",
    summary="A LanguageTool match (LT:<RULE_ID>), when a LanguageTool server is configured.",
    what="Passes each article to the LanguageTool server set in `[languagetool] url` and reports its matches "
    "as `LT:<RULE_ID>` findings; matches on known names are dropped.",
    why="LanguageTool's grammar rules catch agreement and usage errors the offline checks do not model.",
    before="He go to the market.",
    after="He goes to the market.",
    fix="unsafe",
)


@lru_cache(maxsize=1)
def all_codes() -> dict[str, CodeDoc]:
    codes: dict[str, CodeDoc] = {}
    for pack_name, pack in load_builtin_dir("codes"):
        for code, entry in pack.items():
            if code in codes:
                raise ValueError(f"rule code {code} is defined twice (second time in rules/{pack_name}.toml)")
            codes[code] = CodeDoc(code=code, **entry)
    return dict(sorted(codes.items()))


def lookup(code: str) -> Optional[CodeDoc]:
    if code == "LT" or code.startswith("LT:"):
        return LT_DOC
    return all_codes().get(code)


def _prefix_len(code: str, prefixes: Iterable[str]) -> int:
    best = -1
    for prefix in prefixes:
        if prefix == "ALL":
            best = max(best, 0)
        elif code.startswith(prefix):
            best = max(best, len(prefix))
    return best


def sub_code(code: str, name: str) -> str:
    """The sub-code of the findings of ``code`` a G heuristic (pass) ``name`` makes: ``G002:name-parts``.
    Each such finding names its pass in ``extra["pass"]``, ``rules/codes/G.toml`` documents the passes
    under their codes, and a selection reads the sub-code where the code alone would not say enough:
    ``ignore = ["G002:name-parts"]`` turns one heuristic off, ``select = ["G002:name-parts"]`` runs it
    alone. Upper case, as selections hold every code (they are case-insensitive).

    >>> sub_code("G002", "name-parts")
    'G002:NAME-PARTS'
    """
    return f"{code}:{name}".upper()


def selection_key(finding) -> str:
    """What a selection reads for ``finding``: its sub-code when a named heuristic made it, else its
    code. A selection that names no sub-code treats both alike (``G002`` is a prefix of each of its
    sub-codes).

    >>> from cleaner.finding import Finding
    >>> selection_key(Finding("G002", "m", 0, 1, extra={"pass": "name-parts"})), selection_key(Finding("Q001", "m", 0, 1))
    ('G002:NAME-PARTS', 'Q001')
    """
    name = finding.extra.get("pass") if finding.extra else None
    return sub_code(finding.code, name) if name else finding.code


class Selection:
    """Which codes are on: the most specific matching prefix wins, ``ignore`` wins a tie (as in ruff)."""

    def __init__(self, select: Iterable[str], ignore: Iterable[str] = ()):
        # codes are case-insensitive (``g002``, a sub-code as documented: ``G002:name-parts``)
        self.select = tuple(p.upper() for p in select)
        self.ignore = tuple(p.upper() for p in ignore)
        self._cache: dict[str, bool] = {}

    def __call__(self, code: str) -> bool:
        hit = self._cache.get(code)
        if hit is None:
            chosen = _prefix_len(code, self.select)
            dropped = _prefix_len(code, self.ignore)
            hit = chosen >= 0 and chosen > dropped
            self._cache[code] = hit
        return hit

    def any_in(self, family: str) -> bool:
        """True when some code of ``family`` (a prefix like ``Q``) could be selected: a select prefix
        overlaps it and no ignore prefix at least as specific covers the whole overlap. A more specific
        select wins over an ignore, as in ``__call__``: ``--select Q004 --ignore Q`` runs Q004.

        >>> Selection(["Q004"], ["Q"]).any_in("Q"), Selection(["Q"], ["Q"]).any_in("Q")
        (True, False)
        >>> Selection(["ALL"], ["Q0"]).any_in("Q"), Selection(["ALL", "B011"], ["B0"]).any_in("B011")
        (True, True)
        """
        for chosen in self.select:
            if chosen != "ALL" and not (chosen.startswith(family) or family.startswith(chosen)):
                continue
            width = 0 if chosen == "ALL" else len(chosen)
            overlap = chosen if width > len(family) else family
            if not any((p == "ALL" or overlap.startswith(p)) and (0 if p == "ALL" else len(p)) >= width
                       for p in self.ignore):
                return True
        return False


def is_valid_prefix(prefix: str) -> bool:
    """A family, ``ALL``, a code or a code's prefix, an ``LT:`` rule, or a documented sub-code
    (``G002:name-parts``, in any case).

    >>> is_valid_prefix("G002:NAME-PARTS"), is_valid_prefix("G002:recased-words")
    (True, False)
    """
    if prefix in FAMILIES or prefix == "ALL" or prefix.startswith("LT:"):
        return True
    code, _, sub = prefix.partition(":")
    if sub:
        doc = all_codes().get(code)
        return doc is not None and sub.lower() in doc.passes
    return any(code.startswith(prefix) for code in all_codes())
