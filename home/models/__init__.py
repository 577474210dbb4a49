from .content import ContentPage, ProgrammePage
from .easy_read import EasyReadLinkMixin, EasyReadPage
from .home_page import HomePage
from .news import NewsIndexPage, NewsPage, NewsPageTag
from .people import PeopleIndexPage
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
