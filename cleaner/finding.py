"""The finding model every stage speaks: a coded observation about a span of text, maybe with an edit."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Optional

FIX_SAFETIES = ("safe", "unsafe", "none")


@dataclass
class Finding:
    """One observation about ``text[start:end]``.

    ``suggestion`` is the replacement text (``""`` deletes the span, ``None`` means no edit is offered).
    ``fix`` says whether ``news-cleaner fix`` may apply the edit by default (``safe``), only with
    ``--unsafe-fixes`` (``unsafe``), or never (``none``). ``line``, ``col`` and ``excerpt`` describe
    ``text[start:end]`` exactly. ``edit`` is ``[start, end]`` of the text the fix replaces when that is
    wider than the finding (a deletion takes the blank line or space around what it points at, as
    ruff's fixes take a whole line for one name); None when it is the finding's own span.

    >>> f = Finding("B001", "shortcode", 16, 22, suggestion="", fix="safe", edit=[16, 23])
    >>> (f.edit_start, f.edit_end), Finding("X", "", 1, 2).edit_end
    ((16, 23), 2)
    """

    code: str
    message: str
    start: int
    end: int
    line: int = 0
    col: int = 0
    end_line: int = 0
    end_col: int = 0
    excerpt: str = ""
    suggestion: Optional[str] = None
    fix: str = "none"
    confidence: float = 1.0
    source: str = ""
    applied: bool = False
    extra: dict = field(default_factory=dict)
    edit: Optional[list] = None

    def __post_init__(self) -> None:
        if self.fix not in FIX_SAFETIES:
            raise ValueError(f"fix must be one of {FIX_SAFETIES}, not {self.fix!r}")
        if self.suggestion is None and self.fix != "none":
            self.fix = "none"
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}:{self.end} for {self.code}")
        if self.edit is not None:
            self.edit = [int(self.edit[0]), int(self.edit[1])]
            if not 0 <= self.edit[0] <= self.start <= self.end <= self.edit[1]:
                raise ValueError(f"edit {self.edit} of {self.code} does not cover its span {self.start}:{self.end}")

    def replaced(self, **changes) -> "Finding":
        """``dataclasses.replace(self, **changes)``, checked alike, without its walk over every field:
        a fix round copies each finding it moves (tens of thousands on a text of many short lines).

        >>> from dataclasses import replace
        >>> f = Finding("E006", "tab", 3, 4, suggestion=" ", fix="safe", extra={"k": 1})
        >>> g = f.replaced(start=5, end=6, applied=True)
        >>> (g.start, g.end, g.applied, g.extra is f.extra, f.start), g == replace(f, start=5, end=6, applied=True)
        ((5, 6, True, True, 3), True)
        """
        unknown = changes.keys() - self.__dict__.keys()
        if unknown:
            raise TypeError(f"Finding has no field(s) {', '.join(sorted(unknown))}")
        copy = object.__new__(type(self))
        copy.__dict__.update(self.__dict__)
        copy.__dict__.update(changes)
        copy.__post_init__()
        return copy

    @property
    def edit_start(self) -> int:
        """Where the text the fix replaces starts (the finding's start unless ``edit`` is wider)."""
        return self.start if self.edit is None else self.edit[0]

    @property
    def edit_end(self) -> int:
        return self.end if self.edit is None else self.edit[1]

    @property
    def fixable(self) -> bool:
        return self.suggestion is not None and self.fix != "none"

    def to_dict(self) -> dict:
        data = asdict(self)
        if not data["extra"]:
            data.pop("extra")
        if data["edit"] is None:
            data.pop("edit")
        return data
