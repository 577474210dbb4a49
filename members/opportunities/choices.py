"""The fixed vocabularies of opportunities: types, formats, audiences, payment, interest
statuses and alert frequencies.

They sit below the page and record modules so forms, permissions and the listing can use
them without importing either.
"""

from django.db import models

from members.accounts.choices import Interest


class OpportunityType(models.TextChoices):
    COACHING_MENTORING = "coaching", "Coaching and mentoring"
    COPRODUCTION = "coproduction", "Co-production project"
    ADVISORY = "advisory", "Advisory group or panel"
    RESEARCH = "research", "Research involvement"
    EVENT = "event", "Event or workshop"
    PAID_ROLE = "paid_role", "Paid role"


# Which member interests (members.accounts.choices.Interest) each opportunity type matches.
TYPE_INTERESTS = {
    OpportunityType.COACHING_MENTORING: {Interest.COACHING_MENTORING},
    OpportunityType.COPRODUCTION: {Interest.COPRODUCTION},
    OpportunityType.ADVISORY: {Interest.COPRODUCTION, Interest.NETWORKS},
    OpportunityType.RESEARCH: {Interest.RESEARCH},
    OpportunityType.EVENT: {Interest.EVENTS},
    OpportunityType.PAID_ROLE: {Interest.COACHING_MENTORING, Interest.COPRODUCTION},
}


def types_for_interests(interest_codes):
    """Opportunity types a member with these interests would want to see."""
    codes = set(interest_codes or [])
    return [t.value for t, wanted in TYPE_INTERESTS.items() if wanted & codes]


class Format(models.TextChoices):
    ONLINE = "online", "Online"
    IN_PERSON = "in_person", "In person"
    HYBRID = "hybrid", "Hybrid (online or in person)"


class Audience(models.TextChoices):
    EVERYONE = "everyone", "Everyone"
    MEMBERS = "members", "Members only"


class PaymentUnit(models.TextChoices):
    VOLUNTARY = "voluntary", "Voluntary (unpaid)"
    HOUR = "hour", "per hour"
    SESSION = "session", "per session"
    DAY = "day", "per day"
    TOTAL = "total", "in total"


class InterestStatus(models.TextChoices):
    SUBMITTED = "submitted", "Submitted (pending review)"
    SHORTLISTED = "shortlisted", "Shortlisted"
    OFFERED = "offered", "Offered a place"
    NOT_SELECTED = "not_selected", "Not this time"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"
    WAITING_LIST = "waiting_list", "Waiting list"


class AlertFrequency(models.TextChoices):
    OFF = "off", "No alerts"
    IMMEDIATE = "immediate", "An email for each new matching opportunity"
    WEEKLY = "weekly", "A weekly digest"
