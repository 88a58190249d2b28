"""tomllib (Python 3.11+, which the package requires), and reading a settings file (config or rule
pack) safely."""

import os
import stat

__all__ = ["tomllib", "read_settings_text", "MAX_SETTINGS_BYTES"]

class _Tomllib:
    """``tomllib``, imported when first used: a ``check`` with no config file parses no TOML (the
    shipped packs come from the start-up snapshot), and importing it cost every start about 3 ms.

    >>> tomllib.loads('a = 1'), issubclass(tomllib.TOMLDecodeError, ValueError)
    ({'a': 1}, True)
    """

    def __getattr__(self, name: str):
        import tomllib as module

        return getattr(module, name)


tomllib = _Tomllib()

#: a config file or rule pack larger than this is refused (real ones are a few kilobytes)
MAX_SETTINGS_BYTES = 10_000_000


def read_settings_text(path) -> str:
    """The UTF-8 text of a config file or rule pack. Only a regular file of at most
    ``MAX_SETTINGS_BYTES`` is read: ``--extend-rules /dev/zero`` read until the machine ran out of
    memory, and a FIFO would wait for a writer forever. Raises OSError (with the reason as its
    message) or UnicodeDecodeError, which the callers report naming the file.

    >>> read_settings_text("/dev/null")
    Traceback (most recent call last):
    OSError: not a regular file (a device, FIFO or socket)
    """
    mode = os.stat(path).st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(21, "Is a directory")
    if not stat.S_ISREG(mode):
        raise OSError("not a regular file (a device, FIFO or socket)")
    with open(path, "rb") as handle:
        data = handle.read(MAX_SETTINGS_BYTES + 1)
    if len(data) > MAX_SETTINGS_BYTES:
        raise OSError(f"larger than {MAX_SETTINGS_BYTES:,} bytes; a settings file is a few kilobytes")
    return data.decode("utf-8-sig")  # (a byte-order mark, as Windows editors write, is no TOML)
