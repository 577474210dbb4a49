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


class AdminForStaffOnlyMiddleware:
    """Signed-in people without admin access are sent to their portal, not to sign in again.

    Wagtail answers them with a redirect to the sign-in page, which allauth bounces straight
    back to /admin/ for a signed-in user: a redirect loop. Members never need the admin.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            request.path.startswith("/admin/")
            and user is not None
            and user.is_authenticated
            and not user.has_perm("wagtailadmin.access_admin")
        ):
            from django.contrib import messages
            from django.shortcuts import redirect

            messages.info(
                request,
                "The admin is for programme staff and editors. Here is your portal.",
            )
            return redirect("/portal/")
        return self.get_response(request)
