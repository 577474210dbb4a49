"""`{% keep %}`: a part of a page template rendered once and kept (website/fragments.py).

    {% load keep_tags %}
    {% keep "programme-content" page %} ...what every reader of this page sees alike... {% endkeep %}
    {% keep "network-content" page visitors %} ...kept only for people not signed in... {% endkeep %}

The part is kept per name, page and host until anything public changes (the page cache's
generation), so a publish shows at once. Wrap only what is the same for every reader who
may open the page: never a form, a CSRF token or anything about the reader, unless
`visitors` says it is kept only for people who are not signed in. A preview (an editor's
draft) renders afresh and is never kept.
"""

from django import template
from wagtail.models import Page

from website import fragments

register = template.Library()


class KeepNode(template.Node):
    def __init__(self, nodelist, name, page, visitors_only):
        self.nodelist = nodelist
        self.name = name
        self.page = page
        self.visitors_only = visitors_only

    def render(self, context):
        request = context.get("request")
        page = self.page.resolve(context)

        def build():
            return self.nodelist.render(context)

        if request is None or not isinstance(page, Page) or not page.pk:
            return build()
        user = getattr(request, "user", None)
        if self.visitors_only and (user is None or user.is_authenticated):
            return build()
        name = self.name.resolve(context)
        return fragments.cached(
            request, f"keep:{name}", build, vary=f"{request.get_host()}|{page.pk}"
        )


@register.tag("keep")
def do_keep(parser, token):
    bits = token.split_contents()
    if len(bits) not in (3, 4) or (len(bits) == 4 and bits[3] != "visitors"):
        raise template.TemplateSyntaxError(
            '{% keep "name" page %} or {% keep "name" page visitors %}'
        )
    nodelist = parser.parse(("endkeep",))
    parser.delete_first_token()
    return KeepNode(
        nodelist,
        parser.compile_filter(bits[1]),
        parser.compile_filter(bits[2]),
        visitors_only=len(bits) == 4,
    )
