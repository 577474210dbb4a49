"""Site-wide response rules that no single view should have to remember."""

from csp.constants import SELF
from csp.middleware import CSPMiddleware
from django.conf import settings

PRIVATE_PREFIXES = ("/portal/", "/accounts/", "/admin/")


class PermissionsPolicyMiddleware:
    """Browser features the site never uses are switched off for every response (HD-4).

    A script injected despite the CSP then still cannot reach the camera, the microphone,
    the person's location or payment details.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DISABLED
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.header)
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp, with the report-only policy kept to the admin (HD-3).

    The strict policy covers the public site and portal. Wagtail's admin is not ready for it,
    so the admin gets the same rules as report-only: the browser's console then lists what
    would break, which is what anyone tightening the admin needs. Elsewhere a report-only
    header with nowhere to report would only add noise.

    A preview (Wagtail runs a dummy request for the page's own URL through this stack) is
    shown in the admin's preview panel, an iframe on the same origin, so it alone may be
    framed by 'self'; Wagtail already answers it with X-Frame-Options: SAMEORIGIN.
    """

    def process_response(self, request, response):
        if getattr(request, "is_preview", False):
            response._csp_replace = {"frame-ancestors": [SELF]}
        if not request.path_info.startswith("/admin/"):
            response._csp_exempt_ro = True
        return super().process_response(request, response)


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
