"""Run inside a subprocess with production settings; prints what a client sees as JSON.

Used by test_production_http.py so the checks exercise the real production settings module
rather than the test settings.
"""

import json
import os
import sys

import django

django.setup()

from django.test import Client  # noqa: E402

from members.models import User  # noqa: E402

HOST = "voices.example.org"
results = {}
client = Client(HTTP_HOST=HOST)

insecure = client.get("/healthz")
results["insecure_status"] = insecure.status_code
results["insecure_location"] = insecure.get("Location", "")

secure = client.get("/healthz", secure=True)
results["secure_status"] = secure.status_code
results["hsts"] = secure.get("Strict-Transport-Security", "")

forwarded = client.get("/healthz", HTTP_X_FORWARDED_PROTO="https")
results["forwarded_status"] = forwarded.status_code

bad_host = Client(HTTP_HOST="evil.example").get("/healthz", secure=True)
results["bad_host_status"] = bad_host.status_code

User.objects.filter(email="probe@example.org").delete()
User.objects.create_user("probe@example.org", os.environ["PROBE_PASSWORD"])
login_page = client.get("/accounts/login/", secure=True)
csrf_cookie = login_page.cookies.get("__Host-csrftoken")
results["csrf_cookie"] = {
    "present": csrf_cookie is not None,
    "secure": bool(csrf_cookie and csrf_cookie["secure"]),
    "samesite": csrf_cookie["samesite"] if csrf_cookie else "",
    "path": csrf_cookie["path"] if csrf_cookie else "",
    "domain": csrf_cookie["domain"] if csrf_cookie else "",
}
signed_in = client.post(
    "/accounts/login/",
    {"login": "probe@example.org", "password": os.environ["PROBE_PASSWORD"]},
    secure=True,
)
session_cookie = signed_in.cookies.get("__Host-sessionid")
results["login_status"] = signed_in.status_code
results["session_cookie"] = {
    "present": session_cookie is not None,
    "secure": bool(session_cookie and session_cookie["secure"]),
    "httponly": bool(session_cookie and session_cookie["httponly"]),
    "samesite": session_cookie["samesite"] if session_cookie else "",
    "path": session_cookie["path"] if session_cookie else "",
    "domain": session_cookie["domain"] if session_cookie else "",
}
portal = client.get("/portal/", secure=True)
results["portal_status"] = portal.status_code
results["portal_cache_control"] = portal.get("Cache-Control", "")

json.dump(results, sys.stdout)
