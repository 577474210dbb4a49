"""The access matrix (security checklist AC-1, AC-2) as data.

Every named URL is either in ``PUBLIC_ROUTES`` (anyone may GET it), in ``MATRIX`` (route ×
method × role → expected result), or belongs to one of Wagtail's own admin URL namespaces in
``WAGTAIL_ADMIN_NAMESPACES`` (classified as a group: only people with admin access get past
the sign-in redirect, and Wagtail checks the finer permissions itself).

Expected results:
  ``200``    the page is shown
  ``ok``     the action is accepted (200 with the form, or a redirect that is not to sign-in)
  ``login``  302 to ``/accounts/login/?next=...``
  ``403``    refused
  ``404``    hidden (other people's objects, other networks, other roles' areas)
  ``405``    the method is not allowed (GET-only or POST-only routes)

A new URL fails ``test_ac2_every_url_is_classified`` until it is added here.
"""

ROLES = (
    "anonymous",
    "member",
    "member_other",
    "cochair",
    "past_cochair",
    "leader",
    "editor",
    "staff",
    "superuser",
    "inactive",
)

# Routes anyone may use without signing in (sign-in itself, public feeds, pages, health).
PUBLIC_ROUTES = {
    "healthz",
    "robots_txt",
    "security_txt",
    "sitemap",
    "legacy_admin_login",
    "legacy_util_login",
    "legacy_admin_password_reset",
    "account_login",
    "account_logout",
    "account_inactive",
    "account_signup",
    "account_email_verification_sent",
    "account_reset_password",
    "account_confirm_email",
    "account_reset_password_from_key_done",
    "account_reset_password_from_key",
    "account_reset_password_done",
    "account_request_login_code",
    "account_confirm_login_code",
    "mfa_authenticate",
    "members:account_deleted",
    "members:accept_invitation",
    "members:apply",
    "members:apply_thanks",
    "members:opportunities_feed",
    "members:opportunities_ical",
    "networks:updates_feed",
    "networks:network_calendar",
    "networks:meeting_calendar",
    "home:search",
    # Wagtail's page serving and document serving check page/collection privacy themselves
    # (AC-5, UP-2 cover those).
    "wagtail_serve",
    "wagtail_serve_preview",
    "wagtaildocs_serve",
    "wagtaildocs:serve",
    "wagtaildocs:authenticate_with_password",
    "wagtailcore_authenticate_with_password",
    "wagtailimages_serve",
}

# Wagtail's own admin namespaces and names. Anonymous visitors, members, co-chairs, leaders
# and inactive users are sent to sign in by Wagtail's `require_admin_access`; editors, staff
# and superusers are then checked view by view by Wagtail (AC-4 covers the project's screens).
WAGTAIL_ADMIN_NAMESPACES = {
    "wagtailadmin_pages",
    "wagtailadmin_workflows",
    "wagtailimages",
    "wagtailadmin_reports",
    "wagtaildocs",
    "wagtailadmin_api",
    "wagtailsearchpromotions",
    "wagtailsnippets_home_region",
    "wagtailsnippets_home_person",
    "wagtailsites",
    "wagtailusers_users",
    "wagtailusers_groups",
    "wagtailredirects",
    "wagtailimages_chooser",
    "wagtailadmin_collections",
    "wagtailforms",
    "wagtailsnippetchoosers_home_region",
    "wagtailsnippetchoosers_home_person",
    "wagtaildocs_chooser",
    "wagtailsettings",
    "wagtailadmin_editing_sessions",
    "wagtailembeds",
    "wagtailsnippets",
    "wagtail_modeladmin",
}

# Wagtail names outside the namespaces above that are safe for anyone: static admin assets,
# and Wagtail's own sign-in and reset URLs, which website/urls.py shadows with redirects to
# allauth (AU-1), and the privacy password forms (shared passwords are off, AC-5).
PUBLIC_ROUTES |= {
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_login",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtaildocs_authenticate_with_password",
    "wagtailcore_login",
}

# URL keyword arguments for each project route, as keys into the test world's objects.
ROUTE_KWARGS = {
    "members:express_interest": {"page_id": "opportunity"},
    "members:interest_detail": {"pk": "interest"},
    "members:withdraw_interest": {"pk": "interest"},
    "members:respond_to_offer": {"pk": "interest"},
    "members:pairing_detail": {"pk": "pairing"},
    "members:pairing_respond": {"pk": "pairing"},
    "members:pairing_session": {"pk": "pairing"},
    "members:pairing_claim": {"pk": "pairing"},
    "members:pairing_reflect": {"pk": "pairing"},
    "members:pairing_status": {"pk": "pairing", "action": "=pause"},
    "networks:workspace": {"slug": "slug"},
    "networks:members": {"slug": "slug"},
    "networks:update_create": {"slug": "slug"},
    "networks:update_edit": {"slug": "slug", "pk": "update"},
    "networks:update_withdraw": {"slug": "slug", "pk": "update"},
    "networks:join_request_decide": {"slug": "slug", "pk": "join_request"},
    "networks:meeting_create": {"slug": "slug"},
    "networks:meeting_registrations": {"slug": "slug", "pk": "meeting"},
    "networks:enquiry_detail": {"slug": "slug", "pk": "enquiry"},
    "networks:join": {"slug": "slug"},
    "networks:leave": {"slug": "slug"},
    "networks:membership_settings": {"slug": "slug"},
    "networks:meeting_register": {"slug": "slug", "pk": "meeting"},
    "networks:meeting_cancel": {"slug": "slug", "pk": "meeting"},
    "members_enquiry_modeladmin_edit": {"instance_pk": "enquiry"},
    "members_enquiry_modeladmin_delete": {"instance_pk": "enquiry"},
    "members_enquiry_modeladmin_inspect": {"instance_pk": "enquiry"},
    "members_enquiry_modeladmin_history": {"instance_pk": "enquiry"},
    "enquiry_outbox_retry": {"pk": "=999999"},
    "members_expressionofinterest_modeladmin_edit": {"instance_pk": "interest"},
    "members_expressionofinterest_modeladmin_delete": {"instance_pk": "interest"},
    "members_expressionofinterest_modeladmin_inspect": {"instance_pk": "interest"},
    "members_expressionofinterest_modeladmin_history": {"instance_pk": "interest"},
    "pairings_admin:propose": {"enquiry_pk": "enquiry"},
    "pairings_admin:detail": {"pk": "pairing"},
    "pairings_admin:claim_step": {"pk": "=999999", "step": "=approve"},
    "members_memberprofile_modeladmin_edit": {"instance_pk": "profile"},
    "members_memberprofile_modeladmin_delete": {"instance_pk": "profile"},
    "members_memberprofile_modeladmin_history": {"instance_pk": "profile"},
    "members_invitation_modeladmin_edit": {"instance_pk": "=999999"},
    "members_invitation_modeladmin_delete": {"instance_pk": "=999999"},
    "members_invitation_modeladmin_history": {"instance_pk": "=999999"},
    "members_application_modeladmin_edit": {"instance_pk": "application"},
    "members_application_modeladmin_delete": {"instance_pk": "application"},
    "members_application_modeladmin_inspect": {"instance_pk": "application"},
    "members_application_modeladmin_history": {"instance_pk": "application"},
    "members_accounts_admin:invitation_resend": {"pk": "=999999"},
    "members_accounts_admin:invitation_revoke": {"pk": "=999999"},
    "members_accounts_admin:application_decide": {"pk": "application"},
    "members_accounts_admin:member_detail": {"pk": "member_user"},
    "networks_networkcochair_modeladmin_edit": {"instance_pk": "=1"},
    "networks_networkcochair_modeladmin_delete": {"instance_pk": "=1"},
    "networks_networkcochair_modeladmin_inspect": {"instance_pk": "=1"},
    "networks_networkcochair_modeladmin_history": {"instance_pk": "=1"},
    "networks_networkmembership_modeladmin_edit": {"instance_pk": "=1"},
    "networks_networkmembership_modeladmin_delete": {"instance_pk": "=1"},
    "networks_networkmembership_modeladmin_history": {"instance_pk": "=1"},
    "networks_joinrequest_modeladmin_edit": {"instance_pk": "join_request"},
    "networks_joinrequest_modeladmin_delete": {"instance_pk": "join_request"},
    "networks_joinrequest_modeladmin_inspect": {"instance_pk": "join_request"},
    "networks_joinrequest_modeladmin_history": {"instance_pk": "join_request"},
    "networks_cochairupdate_modeladmin_edit": {"instance_pk": "update"},
    "networks_cochairupdate_modeladmin_delete": {"instance_pk": "update"},
    "networks_cochairupdate_modeladmin_inspect": {"instance_pk": "update"},
    "networks_cochairupdate_modeladmin_history": {"instance_pk": "update"},
    "networks_meeting_modeladmin_edit": {"instance_pk": "meeting"},
    "networks_meeting_modeladmin_delete": {"instance_pk": "meeting"},
    "networks_meeting_modeladmin_history": {"instance_pk": "meeting"},
    "networks_moderation_detail": {"pk": "update"},
}


def kwargs_for(name, objects):
    """Resolve a route's kwargs spec: "=value" is literal, anything else an object key."""
    spec = ROUTE_KWARGS.get(name, {})
    return {
        key: (value[1:] if value.startswith("=") else objects[value])
        for key, value in spec.items()
    }


def row(*results):
    """One expected result per role, in ROLES order."""
    assert len(results) == len(ROLES)
    return dict(zip(ROLES, (str(r) for r in results), strict=True))


# Route × method × role → expected. Reviewed by hand: members see only their own interests,
# pairings and settings (404 otherwise); only this network's current co-chair reaches the
# workspace; the leader sees only their pairing; editors are refused every enquiry, interest,
# member, application and network screen, including history (`admin` = Wagtail's refusal, a
# redirect to the dashboard; `403` = the project's own refusal page).
MATRIX = {
    ("account_reauthenticate", "GET"): row(
        "login", 200, 200, 200, 200, 200, 200, 200, 200, "login"
    ),
    ("account_reauthenticate", "POST"): row(
        "login", 200, 200, 200, 200, 200, 200, 200, 200, "login"
    ),
    ("account_email", "GET"): row(
        "login", 200, 200, 200, 200, 200, 200, 200, 200, "login"
    ),
    ("account_email", "POST"): row(
        "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "login"
    ),
    ("account_change_password", "GET"): row(
        "login", 200, 200, 200, 200, 200, 200, 200, 200, "login"
    ),
    ("account_change_password", "POST"): row(
        "login", 200, 200, 200, 200, 200, 200, 200, 200, "login"
    ),
    ("account_set_password", "GET"): row(
        "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "login"
    ),
    ("account_set_password", "POST"): row(
        "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "login"
    ),
    ("mfa_index", "GET"): row("login", 200, 200, 200, 200, 200, 200, 200, 200, "login"),
    ("mfa_index", "POST"): row(
        "login", 405, 405, 405, 405, 405, 405, 405, 405, "login"
    ),
    ("mfa_reauthenticate", "GET"): row(
        "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "login"
    ),
    ("mfa_reauthenticate", "POST"): row(
        "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "login"
    ),
    ("mfa_activate_totp", "GET"): row(
        "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "login"
    ),
    ("mfa_activate_totp", "POST"): row(
        "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "login"
    ),
    ("mfa_deactivate_totp", "GET"): row(
        "login", 404, 404, 404, 404, 404, 404, 404, 404, "login"
    ),
    ("mfa_deactivate_totp", "POST"): row(
        "login", 404, 404, 404, 404, 404, 404, 404, 404, "login"
    ),
    ("mfa_view_recovery_codes", "GET"): row(
        "login", 404, 404, 404, 404, 404, 404, 404, 404, "login"
    ),
    ("mfa_view_recovery_codes", "POST"): row(
        "login", 405, 405, 405, 405, 405, 405, 405, 405, "login"
    ),
    ("mfa_generate_recovery_codes", "GET"): row(
        "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "login"
    ),
    ("mfa_generate_recovery_codes", "POST"): row(
        "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "login"
    ),
    ("mfa_download_recovery_codes", "GET"): row(
        "login", 404, 404, 404, 404, 404, 404, 404, 404, "login"
    ),
    ("mfa_download_recovery_codes", "POST"): row(
        "login", 404, 404, 404, 404, 404, 404, 404, 404, "login"
    ),
    ("members:portal", "GET"): row(
        "login", 200, 200, 200, 200, 200, 200, 200, 200, "login"
    ),
    ("members:portal", "POST"): row(
        "login", 200, 200, 200, 200, 200, 200, 200, 200, "login"
    ),
    ("members:profile", "GET"): row(
        "login", 200, 200, 200, 200, 200, 200, 200, 200, "login"
    ),
    ("members:profile", "POST"): row(
        "login", 200, 200, 200, 200, 200, 200, 200, 200, "login"
    ),
    ("members:edit_profile", "GET"): row(
        "login", 200, 200, 200, 200, 200, 200, 200, 200, "login"
    ),
    ("members:edit_profile", "POST"): row(
        "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "login"
    ),
    ("members:withdraw_consent", "GET"): row(
        "login", 405, 405, 405, 405, 405, 405, 405, 405, "login"
    ),
    ("members:withdraw_consent", "POST"): row(
        "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "login"
    ),
    ("members:my_data", "GET"): row(
        "login", 200, 200, 200, 200, 200, 200, 200, 200, "login"
    ),
    ("members:my_data", "POST"): row(
        "login", 200, 200, 200, 200, 200, 200, 200, 200, "login"
    ),
    ("members:my_data_json", "GET"): row(
        "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "login"
    ),
    ("members:my_data_json", "POST"): row(
        "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "login"
    ),
    ("members:my_data_html", "GET"): row(
        "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "login"
    ),
    ("members:my_data_html", "POST"): row(
        "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "login"
    ),
    ("members:delete_account", "GET"): row(
        "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "login"
    ),
    ("members:delete_account", "POST"): row(
        "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "login"
    ),
    ("members:express_interest", "GET"): row(
        "login", "ok", 200, 200, 200, 403, 403, 403, 403, "login"
    ),
    ("members:express_interest", "POST"): row(
        "login", "ok", 200, 200, 200, 403, 403, 403, 403, "login"
    ),
    ("members:my_interests", "GET"): row(
        "login", 200, 200, 200, 200, 200, 200, 200, 200, "login"
    ),
    ("members:my_interests", "POST"): row(
        "login", 200, 200, 200, 200, 200, 200, 200, 200, "login"
    ),
    ("members:opportunity_alerts", "GET"): row(
        "login", 200, 200, 200, 200, 403, 403, 403, 403, "login"
    ),
    ("members:opportunity_alerts", "POST"): row(
        "login", 200, 200, 200, 200, 403, 403, 403, 403, "login"
    ),
    ("members:interest_detail", "GET"): row(
        "login", 200, 404, 404, 404, 404, 404, 404, 404, "login"
    ),
    ("members:interest_detail", "POST"): row(
        "login", 200, 404, 404, 404, 404, 404, 404, 404, "login"
    ),
    ("members:withdraw_interest", "GET"): row(
        "login", 200, 404, 404, 404, 404, 404, 404, 404, "login"
    ),
    ("members:withdraw_interest", "POST"): row(
        "login", "ok", 404, 404, 404, 404, 404, 404, 404, "login"
    ),
    ("members:respond_to_offer", "GET"): row(
        "login", 405, 405, 405, 405, 405, 405, 405, 405, "login"
    ),
    ("members:respond_to_offer", "POST"): row(
        "login", "ok", 404, 404, 404, 404, 404, 404, 404, "login"
    ),
    ("members:pairing_list", "GET"): row(
        "login", 200, 200, 200, 200, 200, 200, 200, 200, "login"
    ),
    ("members:pairing_list", "POST"): row(
        "login", 200, 200, 200, 200, 200, 200, 200, 200, "login"
    ),
    ("members:partner_availability", "GET"): row(
        "login", 200, 404, 404, 404, 404, 404, 404, 404, "login"
    ),
    ("members:partner_availability", "POST"): row(
        "login", 200, 404, 404, 404, 404, 404, 404, 404, "login"
    ),
    ("members:pairing_detail", "GET"): row(
        "login", 200, 404, 404, 404, 200, 404, 404, 404, "login"
    ),
    ("members:pairing_detail", "POST"): row(
        "login", 200, 404, 404, 404, 200, 404, 404, 404, "login"
    ),
    ("members:pairing_respond", "GET"): row(
        "login", 200, 404, 404, 404, 404, 404, 404, 404, "login"
    ),
    ("members:pairing_respond", "POST"): row(
        "login", "ok", 404, 404, 404, 404, 404, 404, 404, "login"
    ),
    ("members:pairing_session", "GET"): row(
        "login", 200, 404, 404, 404, 200, 404, 404, 404, "login"
    ),
    ("members:pairing_session", "POST"): row(
        "login", 200, 404, 404, 404, 200, 404, 404, 404, "login"
    ),
    ("members:pairing_claim", "GET"): row(
        "login", 200, 404, 404, 404, 404, 404, 404, 404, "login"
    ),
    ("members:pairing_claim", "POST"): row(
        "login", 200, 404, 404, 404, 404, 404, 404, 404, "login"
    ),
    ("members:pairing_reflect", "GET"): row(
        "login", "ok", 404, 404, 404, "ok", 404, 404, 404, "login"
    ),
    ("members:pairing_reflect", "POST"): row(
        "login", "ok", 404, 404, 404, "ok", 404, 404, 404, "login"
    ),
    ("members:pairing_status", "GET"): row(
        "login", 200, 404, 404, 404, 200, 404, 404, 404, "login"
    ),
    ("members:pairing_status", "POST"): row(
        "login", "ok", 404, 404, 404, "ok", 404, 404, 404, "login"
    ),
    ("networks:workspace", "GET"): row(
        "login", 404, 404, 200, 404, 404, 404, 404, 404, "login"
    ),
    ("networks:workspace", "POST"): row(
        "login", 404, 404, 200, 404, 404, 404, 404, 404, "login"
    ),
    ("networks:members", "GET"): row(
        "login", 404, 404, 200, 404, 404, 404, 404, 404, "login"
    ),
    ("networks:members", "POST"): row(
        "login", 404, 404, 200, 404, 404, 404, 404, 404, "login"
    ),
    ("networks:update_create", "GET"): row(
        "login", 404, 404, 200, 404, 404, 404, 404, 404, "login"
    ),
    ("networks:update_create", "POST"): row(
        "login", 404, 404, 200, 404, 404, 404, 404, 404, "login"
    ),
    ("networks:update_edit", "GET"): row(
        "login", 404, 404, 200, 404, 404, 404, 404, 404, "login"
    ),
    ("networks:update_edit", "POST"): row(
        "login", 404, 404, 200, 404, 404, 404, 404, 404, "login"
    ),
    ("networks:update_withdraw", "GET"): row(
        "login", 405, 405, 405, 405, 405, 405, 405, 405, "login"
    ),
    ("networks:update_withdraw", "POST"): row(
        "login", 404, 404, "ok", 404, 404, 404, 404, 404, "login"
    ),
    ("networks:join_request_decide", "GET"): row(
        "login", 405, 405, 405, 405, 405, 405, 405, 405, "login"
    ),
    ("networks:join_request_decide", "POST"): row(
        "login", 404, 404, "ok", 404, 404, 404, 404, 404, "login"
    ),
    ("networks:meeting_create", "GET"): row(
        "login", 404, 404, 200, 404, 404, 404, 404, 404, "login"
    ),
    ("networks:meeting_create", "POST"): row(
        "login", 404, 404, 200, 404, 404, 404, 404, 404, "login"
    ),
    ("networks:meeting_registrations", "GET"): row(
        "login", 404, 404, 200, 404, 404, 404, 404, 404, "login"
    ),
    ("networks:meeting_registrations", "POST"): row(
        "login", 404, 404, 200, 404, 404, 404, 404, 404, "login"
    ),
    ("networks:enquiry_detail", "GET"): row(
        "login", 404, 404, 200, 404, 404, 404, 404, 404, "login"
    ),
    ("networks:enquiry_detail", "POST"): row(
        "login", 404, 404, 200, 404, 404, 404, 404, 404, "login"
    ),
    ("networks:join", "GET"): row(
        "login", 200, 200, 200, 200, 200, 200, 200, 200, "login"
    ),
    ("networks:join", "POST"): row(
        "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "login"
    ),
    ("networks:leave", "GET"): row(
        "login", 405, 405, 405, 405, 405, 405, 405, 405, "login"
    ),
    ("networks:leave", "POST"): row(
        "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "login"
    ),
    ("networks:membership_settings", "GET"): row(
        "login", 200, 404, 404, 404, 404, 404, 404, 404, "login"
    ),
    ("networks:membership_settings", "POST"): row(
        "login", 200, 404, 404, 404, 404, 404, 404, 404, "login"
    ),
    ("networks:meeting_register", "GET"): row(
        "login", 405, 405, 405, 405, 405, 405, 405, 405, "login"
    ),
    ("networks:meeting_register", "POST"): row(
        "login", "ok", 404, "ok", 404, 404, 404, 404, 404, "login"
    ),
    ("networks:meeting_cancel", "GET"): row(
        "login", 405, 405, 405, 405, 405, 405, 405, 405, "login"
    ),
    ("networks:meeting_cancel", "POST"): row(
        "login", "ok", 404, "ok", 404, 404, 404, 404, 404, "login"
    ),
    ("members_enquiry_modeladmin_index", "GET"): row(
        "login", "login", "login", "login", "login", "login", 403, 200, 200, "login"
    ),
    ("members_enquiry_modeladmin_index", "POST"): row(
        "login", "login", "login", "login", "login", "login", 403, 405, 405, "login"
    ),
    ("members_enquiry_modeladmin_create", "GET"): row(
        "login", "login", "login", "login", "login", "login", 403, 403, 403, "login"
    ),
    ("members_enquiry_modeladmin_create", "POST"): row(
        "login", "login", "login", "login", "login", "login", 403, 403, 403, "login"
    ),
    ("members_enquiry_modeladmin_edit", "GET"): row(
        "login", "login", "login", "login", "login", "login", 403, 403, 403, "login"
    ),
    ("members_enquiry_modeladmin_edit", "POST"): row(
        "login", "login", "login", "login", "login", "login", 403, 403, 403, "login"
    ),
    ("members_enquiry_modeladmin_delete", "GET"): row(
        "login", "login", "login", "login", "login", "login", 403, 403, 403, "login"
    ),
    ("members_enquiry_modeladmin_delete", "POST"): row(
        "login", "login", "login", "login", "login", "login", 403, 403, 403, "login"
    ),
    ("members_enquiry_modeladmin_inspect", "GET"): row(
        "login", "login", "login", "login", "login", "login", 403, 200, 200, "login"
    ),
    ("members_enquiry_modeladmin_inspect", "POST"): row(
        "login", "login", "login", "login", "login", "login", 403, "ok", "ok", "login"
    ),
    ("members_enquiry_modeladmin_history", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("members_enquiry_modeladmin_history", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 405, 405, "login"
    ),
    ("enquiry_outbox", "GET"): row(
        "login", "login", "login", "login", "login", "login", 403, 200, 200, "login"
    ),
    ("enquiry_outbox", "POST"): row(
        "login", "login", "login", "login", "login", "login", 403, 200, 200, "login"
    ),
    ("enquiry_outbox_retry", "GET"): row(
        "login", "login", "login", "login", "login", "login", 405, 405, 405, "login"
    ),
    ("enquiry_outbox_retry", "POST"): row(
        "login", "login", "login", "login", "login", "login", 403, 404, 404, "login"
    ),
    ("members_expressionofinterest_modeladmin_index", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("members_expressionofinterest_modeladmin_index", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 405, 405, "login"
    ),
    ("members_expressionofinterest_modeladmin_create", "GET"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "admin",
        "admin",
        "login",
    ),
    ("members_expressionofinterest_modeladmin_create", "POST"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "admin",
        "admin",
        "login",
    ),
    ("members_expressionofinterest_modeladmin_edit", "GET"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "admin",
        "admin",
        "login",
    ),
    ("members_expressionofinterest_modeladmin_edit", "POST"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "admin",
        "admin",
        "login",
    ),
    ("members_expressionofinterest_modeladmin_delete", "GET"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "admin",
        "admin",
        "login",
    ),
    ("members_expressionofinterest_modeladmin_delete", "POST"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "admin",
        "admin",
        "login",
    ),
    ("members_expressionofinterest_modeladmin_inspect", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("members_expressionofinterest_modeladmin_inspect", "POST"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "ok",
        "ok",
        "login",
    ),
    ("members_expressionofinterest_modeladmin_history", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("members_expressionofinterest_modeladmin_history", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 405, 405, "login"
    ),
    ("opportunity_interests_export", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("opportunity_interests_export", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("opportunity_interests_bulk", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("opportunity_interests_bulk", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("opportunity_interests_bulk_apply", "GET"): row(
        "login", "login", "login", "login", "login", "login", 405, 405, 405, "login"
    ),
    ("opportunity_interests_bulk_apply", "POST"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "ok",
        "ok",
        "login",
    ),
    ("pairings_admin:index", "GET"): row(
        "login", "login", "login", "login", "login", "login", 403, 200, 200, "login"
    ),
    ("pairings_admin:index", "POST"): row(
        "login", "login", "login", "login", "login", "login", 403, 200, 200, "login"
    ),
    ("pairings_admin:propose", "GET"): row(
        "login", "login", "login", "login", "login", "login", 403, 200, 200, "login"
    ),
    ("pairings_admin:propose", "POST"): row(
        "login", "login", "login", "login", "login", "login", 403, 200, 200, "login"
    ),
    ("pairings_admin:detail", "GET"): row(
        "login", "login", "login", "login", "login", "login", 403, 200, 200, "login"
    ),
    ("pairings_admin:detail", "POST"): row(
        "login", "login", "login", "login", "login", "login", 403, "ok", "ok", "login"
    ),
    ("pairings_admin:claims", "GET"): row(
        "login", "login", "login", "login", "login", "login", 403, 200, 200, "login"
    ),
    ("pairings_admin:claims", "POST"): row(
        "login", "login", "login", "login", "login", "login", 403, 200, 200, "login"
    ),
    ("pairings_admin:claim_step", "GET"): row(
        "login", "login", "login", "login", "login", "login", 405, 405, 405, "login"
    ),
    ("pairings_admin:claim_step", "POST"): row(
        "login", "login", "login", "login", "login", "login", 403, 404, 404, "login"
    ),
    ("pairings_admin:figures", "GET"): row(
        "login", "login", "login", "login", "login", "login", 403, 200, 200, "login"
    ),
    ("pairings_admin:figures", "POST"): row(
        "login", "login", "login", "login", "login", "login", 403, 200, 200, "login"
    ),
    ("pairings_admin:figures_csv", "GET"): row(
        "login", "login", "login", "login", "login", "login", 403, 200, 200, "login"
    ),
    ("pairings_admin:figures_csv", "POST"): row(
        "login", "login", "login", "login", "login", "login", 403, 200, 200, "login"
    ),
    ("members_memberprofile_modeladmin_index", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("members_memberprofile_modeladmin_index", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 405, 405, "login"
    ),
    ("members_memberprofile_modeladmin_create", "GET"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "admin",
        200,
        "login",
    ),
    ("members_memberprofile_modeladmin_create", "POST"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "admin",
        200,
        "login",
    ),
    ("members_memberprofile_modeladmin_edit", "GET"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "admin",
        200,
        "login",
    ),
    ("members_memberprofile_modeladmin_edit", "POST"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "admin",
        200,
        "login",
    ),
    ("members_memberprofile_modeladmin_delete", "GET"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "admin",
        200,
        "login",
    ),
    ("members_memberprofile_modeladmin_delete", "POST"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "admin",
        "ok",
        "login",
    ),
    ("members_memberprofile_modeladmin_history", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("members_memberprofile_modeladmin_history", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 405, 405, "login"
    ),
    ("members_invitation_modeladmin_index", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("members_invitation_modeladmin_index", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 405, 405, "login"
    ),
    ("members_invitation_modeladmin_create", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("members_invitation_modeladmin_create", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("members_invitation_modeladmin_edit", "GET"): row(
        "login", "login", "login", "login", "login", "login", 404, 404, 404, "login"
    ),
    ("members_invitation_modeladmin_edit", "POST"): row(
        "login", "login", "login", "login", "login", "login", 404, 404, 404, "login"
    ),
    ("members_invitation_modeladmin_delete", "GET"): row(
        "login", "login", "login", "login", "login", "login", 404, 404, 404, "login"
    ),
    ("members_invitation_modeladmin_delete", "POST"): row(
        "login", "login", "login", "login", "login", "login", 404, 404, 404, "login"
    ),
    ("members_invitation_modeladmin_history", "GET"): row(
        "login", "login", "login", "login", "login", "login", 404, 404, 404, "login"
    ),
    ("members_invitation_modeladmin_history", "POST"): row(
        "login", "login", "login", "login", "login", "login", 404, 404, 404, "login"
    ),
    ("members_application_modeladmin_index", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("members_application_modeladmin_index", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 405, 405, "login"
    ),
    ("members_application_modeladmin_create", "GET"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "admin",
        200,
        "login",
    ),
    ("members_application_modeladmin_create", "POST"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "admin",
        200,
        "login",
    ),
    ("members_application_modeladmin_edit", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("members_application_modeladmin_edit", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("members_application_modeladmin_delete", "GET"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "admin",
        200,
        "login",
    ),
    ("members_application_modeladmin_delete", "POST"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "admin",
        "ok",
        "login",
    ),
    ("members_application_modeladmin_inspect", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("members_application_modeladmin_inspect", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 405, 405, "login"
    ),
    ("members_application_modeladmin_history", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("members_application_modeladmin_history", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 405, 405, "login"
    ),
    ("members_accounts_admin:invite", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("members_accounts_admin:invite", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("members_accounts_admin:invitation_resend", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 404, 404, "login"
    ),
    ("members_accounts_admin:invitation_resend", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 404, 404, "login"
    ),
    ("members_accounts_admin:invitation_revoke", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 404, 404, "login"
    ),
    ("members_accounts_admin:invitation_revoke", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 404, 404, "login"
    ),
    ("members_accounts_admin:application_decide", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("members_accounts_admin:application_decide", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("members_accounts_admin:member_detail", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("members_accounts_admin:member_detail", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_networkcochair_modeladmin_index", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_networkcochair_modeladmin_index", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 405, 405, "login"
    ),
    ("networks_networkcochair_modeladmin_create", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_networkcochair_modeladmin_create", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_networkcochair_modeladmin_edit", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_networkcochair_modeladmin_edit", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_networkcochair_modeladmin_delete", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_networkcochair_modeladmin_delete", "POST"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "ok",
        "ok",
        "login",
    ),
    ("networks_networkcochair_modeladmin_inspect", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_networkcochair_modeladmin_inspect", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 405, 405, "login"
    ),
    ("networks_networkcochair_modeladmin_history", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_networkcochair_modeladmin_history", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 405, 405, "login"
    ),
    ("networks_networkmembership_modeladmin_index", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_networkmembership_modeladmin_index", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 405, 405, "login"
    ),
    ("networks_networkmembership_modeladmin_create", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_networkmembership_modeladmin_create", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_networkmembership_modeladmin_edit", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_networkmembership_modeladmin_edit", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_networkmembership_modeladmin_delete", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_networkmembership_modeladmin_delete", "POST"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "ok",
        "ok",
        "login",
    ),
    ("networks_networkmembership_modeladmin_history", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_networkmembership_modeladmin_history", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 405, 405, "login"
    ),
    ("networks_joinrequest_modeladmin_index", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_joinrequest_modeladmin_index", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 405, 405, "login"
    ),
    ("networks_joinrequest_modeladmin_create", "GET"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "admin",
        200,
        "login",
    ),
    ("networks_joinrequest_modeladmin_create", "POST"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "admin",
        200,
        "login",
    ),
    ("networks_joinrequest_modeladmin_edit", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_joinrequest_modeladmin_edit", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_joinrequest_modeladmin_delete", "GET"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "admin",
        200,
        "login",
    ),
    ("networks_joinrequest_modeladmin_delete", "POST"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "admin",
        "ok",
        "login",
    ),
    ("networks_joinrequest_modeladmin_inspect", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_joinrequest_modeladmin_inspect", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 405, 405, "login"
    ),
    ("networks_joinrequest_modeladmin_history", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_joinrequest_modeladmin_history", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 405, 405, "login"
    ),
    ("networks_cochairupdate_modeladmin_index", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_cochairupdate_modeladmin_index", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 405, 405, "login"
    ),
    ("networks_cochairupdate_modeladmin_create", "GET"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "admin",
        200,
        "login",
    ),
    ("networks_cochairupdate_modeladmin_create", "POST"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "admin",
        200,
        "login",
    ),
    ("networks_cochairupdate_modeladmin_edit", "GET"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "admin",
        200,
        "login",
    ),
    ("networks_cochairupdate_modeladmin_edit", "POST"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "admin",
        200,
        "login",
    ),
    ("networks_cochairupdate_modeladmin_delete", "GET"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "admin",
        200,
        "login",
    ),
    ("networks_cochairupdate_modeladmin_delete", "POST"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "admin",
        "ok",
        "login",
    ),
    ("networks_cochairupdate_modeladmin_inspect", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_cochairupdate_modeladmin_inspect", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 405, 405, "login"
    ),
    ("networks_cochairupdate_modeladmin_history", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_cochairupdate_modeladmin_history", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 405, 405, "login"
    ),
    ("networks_meeting_modeladmin_index", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_meeting_modeladmin_index", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 405, 405, "login"
    ),
    ("networks_meeting_modeladmin_create", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_meeting_modeladmin_create", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_meeting_modeladmin_edit", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_meeting_modeladmin_edit", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_meeting_modeladmin_delete", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_meeting_modeladmin_delete", "POST"): row(
        "login",
        "login",
        "login",
        "login",
        "login",
        "login",
        "admin",
        "ok",
        "ok",
        "login",
    ),
    ("networks_meeting_modeladmin_history", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_meeting_modeladmin_history", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 405, 405, "login"
    ),
    ("networks_moderation", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_moderation", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_moderation_detail", "GET"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
    ("networks_moderation_detail", "POST"): row(
        "login", "login", "login", "login", "login", "login", "admin", 200, 200, "login"
    ),
}
