"""``python -m cleaner`` is ``news-cleaner``."""

import sys

from .cli import main

sys.exit(main())
