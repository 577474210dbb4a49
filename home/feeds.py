"""The news feed (RSS 2.0) at `/news/feed/`: the twenty latest public articles."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed

FEED_ITEMS = 20


class NewsFeed(Feed):
    """Built per news index page, so the feed follows the page wherever editors move it."""

    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index_page

    def title(self, obj):
        return f"{obj.title} – Voices"

    def link(self, obj):
        return obj.get_url(request=self.request)

    def description(self, obj):
        return obj.intro or "News from the Voices programme."

    def items(self, obj):
        return obj.articles()[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_published_at
