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
    ``--unsafe-fixes`` (``unsafe``), or never (``none``).
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

    def __post_init__(self) -> None:
        if self.fix not in FIX_SAFETIES:
            raise ValueError(f"fix must be one of {FIX_SAFETIES}, not {self.fix!r}")
        if self.suggestion is None and self.fix != "none":
            self.fix = "none"
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}:{self.end} for {self.code}")

    @property
    def fixable(self) -> bool:
        return self.suggestion is not None and self.fix != "none"

    def to_dict(self) -> dict:
        data = asdict(self)
        if not data["extra"]:
            data.pop("extra")
        return data
