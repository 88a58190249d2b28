"""tomllib on Python 3.11+, tomli before."""

try:  # pragma: no cover - depends on the interpreter
    import tomllib
except ModuleNotFoundError:  # pragma: no cover
    import tomli as tomllib  # type: ignore[no-redef]

__all__ = ["tomllib"]
