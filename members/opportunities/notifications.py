"""The opportunities feature's emails, in the core's catalogue (website/notify.py).

Interest emails are transactional (they answer something the member did or a decision about
them). Alerts and digests are what a member asked for and can stop, so they carry the link to
where they change that choice.
"""

from website import notify

# Where a member chooses or stops their alerts (members:opportunity_alerts).
ALERTS_PATH = "/portal/interests/alerts/"

INTEREST_RECEIVED = notify.register(
    "interest_received",
    "The member: we have their expression of interest, or they are on the waiting list.",
)
INTEREST_STATUS_CHANGED = notify.register(
    "interest_status_changed",
    "The member: staff moved their interest on (shortlisted, offered, not this time, "
    "back from the waiting list).",
)
OPPORTUNITY_ALERT = notify.register(
    "opportunity_alert",
    "A member with immediate alerts: a newly published opportunity matches their choices.",
    transactional=False,
    manage_path=ALERTS_PATH,
)
OPPORTUNITY_DIGEST = notify.register(
    "opportunity_digest",
    "A member with a weekly digest: the matching opportunities published since the last one.",
    transactional=False,
    manage_path=ALERTS_PATH,
)


def tell_member(interest, event):
    """Email the member about their interest (inside the caller's transaction)."""
    member = interest.member
    notify.notify(
        event,
        member,
        {
            "name": member.display_name,
            "interest": interest,
            "opportunity": interest.opportunity,
            "status": interest.status,
            "status_label": interest.get_status_display(),
            "interests_url": notify.absolute_url("/portal/interests/"),
            "interest_url": notify.absolute_url(f"/portal/interests/{interest.pk}/"),
        },
        about=interest,
    )


def status_changed(interest, transition, by, note):
    """The workflow's hook after a staff review move."""
    tell_member(interest, INTEREST_STATUS_CHANGED)


def alert(event, member, opportunities):
    """One alert or digest to one member about the opportunities chosen for them."""
    notify.notify(
        event,
        member,
        {
            "name": member.display_name,
            "opportunities": opportunities,
            "url": notify.absolute_url(opportunities[0].url or ""),
            "alerts_url": notify.absolute_url(ALERTS_PATH),
            "base_url": notify.absolute_url(""),
        },
    )
