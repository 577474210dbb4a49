"""Walk the URL resolver: every named route with its full pattern."""

from django.urls import URLResolver, get_resolver


def named_routes(patterns=None, prefix="", namespace=""):
    """(name, route) for every named URL pattern, walking included resolvers."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = (
                    f"{namespace}:{pattern.namespace}"
                    if namespace
                    else pattern.namespace
                )
            yield from named_routes(
                pattern.url_patterns, prefix + str(pattern.pattern), inner
            )
        elif pattern.name:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield name, prefix + str(pattern.pattern)
