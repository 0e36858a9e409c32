"""The check both selftest modules make: a condition that must hold, or Failed with a message."""


class Failed(Exception):
    """A check that did not hold."""


def check(condition, message):
    """Raises Failed(message) unless `condition`."""
    if not condition:
        raise Failed(message)
