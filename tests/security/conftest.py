"""Fixtures for the security suite."""

from tests.security.world import world  # noqa: F401 - module-scoped role world
