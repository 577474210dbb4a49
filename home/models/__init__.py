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
