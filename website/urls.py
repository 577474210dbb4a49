"""URL map: operational routes, one sign-in pathway (allauth), the portal, then Wagtail's pages."""

from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import routing
from members.accounts.views import signin
from website import views
from website.site_url import SiteUrlSitemap

# Wagtail's own sign-in and reset views would bypass allauth's rate limits and the MFA step,
# so they are shadowed by redirects to the site's sign-in (security checklist AU-1).
legacy_sign_in = [
    path(
        "admin/login/",
        RedirectView.as_view(url="/accounts/login/", query_string=True),
        name="legacy_admin_login",
    ),
    path(
        "_util/login/",
        RedirectView.as_view(url="/accounts/login/", query_string=True),
        name="legacy_util_login",
    ),
    re_path(
        r"^admin/password_reset/",
        RedirectView.as_view(url="/accounts/password/reset/"),
        name="legacy_admin_password_reset",
    ),
]

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"wagtail": SiteUrlSitemap}},
        name="sitemap",
    ),
    *legacy_sign_in,
    # allauth's code step, with wrong codes audited; before allauth's own URLs so it wins.
    path(
        "accounts/login/code/confirm/",
        signin.confirm_login_code,
        name="account_confirm_login_code",
    ),
    path(
        "accounts/two-step/check-email/",
        signin.confirm_enrolment,
        name="mfa_enrolment_confirm",
    ),
    path("accounts/", include("allauth.urls")),
    path("", include("members.urls")),
    path("", include("networks.urls")),
    path("", include("home.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEV_MAILBOX_DIR:
    # Development only (make run): what the site sent, newest first (website/devmail.py).
    from website import devmail

    urlpatterns.insert(0, path("dev/mail/", devmail.mailbox_view, name="dev_mail"))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
else:
    # Media from local disk in small deployments; public images only (documents use serve_view).
    # The root is the images folder itself, so "images/../documents/…" cannot climb out of it
    # to private documents or original images (UP-3).
    from pathlib import Path

    from django.views.static import serve

    urlpatterns += [
        re_path(
            r"^media/images/(?P<path>.*)$",
            serve,
            {"document_root": Path(settings.MEDIA_ROOT) / "images"},
        )
    ]

# Wagtail's own routes, its page view swapped for one that routes in fewer queries.
urlpatterns += [
    *(p for p in wagtail_urls.urlpatterns if p.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
]

handler500 = "website.views.server_error"
