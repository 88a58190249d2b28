"""``python -m cleaner`` is ``news-cleaner``."""

from .cli import run

run()
