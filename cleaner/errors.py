"""Typed errors: the library raises these and never prints or exits; the CLI turns them into exit code 2."""


class CleanerError(Exception):
    """Base class of every error news-cleaner raises on purpose."""


class ConfigError(CleanerError):
    """A configuration file or option is invalid (unknown key, bad value, unreadable file)."""


class InputError(CleanerError):
    """An input cannot be read or parsed; the message names the path (and line, where there is one)."""


class RulePackError(ConfigError):
    """A rule pack is malformed or holds a pattern that could backtrack catastrophically."""
