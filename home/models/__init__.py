from .easy_read import EasyReadLinkMixin, EasyReadPage
from .pages import (
    ContentPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    NewsPageTag,
    PeopleIndexPage,
    ProgrammePage,
)
from .settings import NavigationSettings, OrganisationSettings
from .snippets import Person, PersonKind, Region

__all__ = [
    "ContentPage",
    "EasyReadLinkMixin",
    "EasyReadPage",
    "HomePage",
    "NavigationSettings",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "OrganisationSettings",
    "PeopleIndexPage",
    "Person",
    "PersonKind",
    "ProgrammePage",
    "Region",
]
