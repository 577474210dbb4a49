from .pages import HomePage
from .snippets import Region

__all__ = ["HomePage", "Region"]
