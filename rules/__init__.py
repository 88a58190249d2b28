"""Rule packs (TOML data), installed as ``cleaner.rules`` and read with importlib.resources."""
