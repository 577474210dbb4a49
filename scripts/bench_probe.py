"""The page list `make bench` measures, found in its database: run in a child process
with the bench's settings, it prints each page's path, status, queries and bytes as JSON,
with a session cookie for the pages that need someone signed in."""

PROBE = r"""
import json, os, sys
import django
django.setup()
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection, reset_queries
from django.conf import settings
from django.templatetags.static import static
from django.test import Client
from django.test.utils import CaptureQueriesContext

def first_url(app, model, **filters):
    try:
        Model = apps.get_model(app, model)
    except LookupError:
        return None
    page = Model.objects.live().public().filter(**filters).order_by("-pk").first() if hasattr(Model.objects, "live") else None
    return page.url if page else None

def busiest_event():
    from django.db.models import Count
    from members.events.models import Event
    event = (Event.objects.filter(audience="public").annotate(places=Count("bookings"))
             .order_by("-places", "pk").first())
    return event.get_absolute_url() if event else None

pages = [
    ("home", "/"),
    ("programme page", first_url("home", "ProgrammePage")),
    ("news index", "/news/"),
    ("news article", first_url("home", "NewsPage")),
    ("search", "/search/?q=network"),
    ("networks index", "/networks/"),
    ("network page", "/networks/west-midlands/"),
    ("opportunities", "/opportunities/"),
    ("opportunities filtered", "/opportunities/?region=west-midlands&closing_soon=1"),
    ("opportunity", first_url("members", "OpportunityPage")),
    ("enquiry page", "/enquire/"),
    ("events", "/events/"),
    ("event page", busiest_event()),
    ("feedback form", "/feedback/"),
]

# A session for each person, made directly: the bench never posts a password.
def signed_in(email):
    user = get_user_model().objects.get(email=email)
    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = settings.AUTHENTICATION_BACKENDS[0]
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session.create()
    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    return user, client, f"{settings.SESSION_COOKIE_NAME}={session.session_key}"

from members.payments.totals import tax_year
from django.utils import timezone

year = tax_year(timezone.localdate())[0].year
people = {email: signed_in(email) for email in
          ("member@example.org", "partner@example.org", "finance@example.org",
           "staff@example.org")}
from home.models import Region
region = Region.objects.filter(slug="west-midlands").values_list("pk", flat=True).first()
today = timezone.localdate()
quarter = (today.month - 1) // 3 + 1
signed = [
    ("member dashboard", "/portal/", "member@example.org"),
    ("portal profile", "/portal/profile/", "member@example.org"),
    ("portal edit profile", "/portal/profile/edit/", "member@example.org"),
    ("portal interests", "/portal/interests/", "member@example.org"),
    ("my payments", "/portal/payments/", "partner@example.org"),
    ("payment statement", f"/portal/payments/statement/{year}/", "partner@example.org"),
    ("admin home", "/admin/", "finance@example.org"),
    ("finance queue", "/admin/payments/", "finance@example.org"),
    ("finance figures", "/admin/payments/figures/", "finance@example.org"),
    ("impact report", "/admin/impact/", "staff@example.org"),
    ("impact by region", f"/admin/impact/?region={region}&start={today.year - 1}-01-01",
     "staff@example.org"),
    ("funders' page", f"/admin/impact/funders/{today.year}/{quarter}/", "staff@example.org"),
]

results = []
anon = Client(HTTP_HOST="127.0.0.1")
rows = [(name, path, None) for name, path in pages] + signed
for name, path, email in rows:
    if not path:
        continue
    client, cookie = (people[email][1], people[email][2]) if email else (anon, "")
    client.get(path)  # first visit: renditions and cached menus are made once
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    results.append({"name": name, "path": path, "status": response.status_code,
                    "queries": len(queries), "bytes": len(response.content),
                    "cookie": cookie})
results.append({"name": "static CSS", "path": static("css/site.css"), "status": 200,
                "queries": 0, "bytes": 0, "cookie": ""})
print(json.dumps(results))
"""
