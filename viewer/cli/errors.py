"""The command line's own error: bad input a subcommand found, reported in one line with exit status 1."""


class UsageError(Exception):
    """Bad input found by a subcommand: one line, exit 1."""
