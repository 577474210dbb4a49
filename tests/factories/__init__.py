"""factory-boy factories shared by the suite; each app adds its own module here."""

from .users import UserFactory

__all__ = ["UserFactory"]
