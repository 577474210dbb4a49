"""Site-wide response rules that no single view should have to remember."""

PRIVATE_PREFIXES = ("/portal/", "/accounts/", "/admin/")


class PrivatePagesNoStoreMiddleware:
    """Personal pages must never be kept by browsers or shared caches (HD-5)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        signed_in = bool(user and user.is_authenticated)
        if request.path.startswith(PRIVATE_PREFIXES) or signed_in:
            response["Cache-Control"] = "no-store, private"
        return response
