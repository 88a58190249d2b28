"""news-cleaner: clean scraped news articles and say how trustworthy each one is.

The pipeline runs one way, one module per stage:
``extract`` (HTML → text, :mod:`cleaner.extract`) → ``repair encoding`` and ``detect`` (the check
families in :mod:`cleaner.checks`, their data in ``rules/``) → ``fix`` (:mod:`cleaner.fixer`) →
``score`` (:mod:`cleaner.score`), driven by :class:`cleaner.pipeline.Cleaner`.
"""

__version__ = "0.1.0"

from .pipeline import Cleaner, Result, check, clean  # noqa: E402

__all__ = ["Cleaner", "Result", "check", "clean", "__version__"]
