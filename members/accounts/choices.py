"""Choice lists shared by profiles, opportunities and enquiries, so matching compares like with like."""

from django.db import models


class MemberType(models.TextChoices):
    LIVED_EXPERIENCE_PARTNER = "partner", "Lived Experience Partner"
    ORGANISATION_CONTACT = "organisation", "Member organisation contact"
    LEADER = "leader", "Leader (coaching or mentoring)"


class Interest(models.TextChoices):
    """What a member wants to hear about; opportunity types map onto these."""

    COACHING_MENTORING = "coaching", "Coaching and mentoring"
    COPRODUCTION = "coproduction", "Co-production projects"
    NETWORKS = "networks", "Regional networks"
    RESEARCH = "research", "Research involvement"
    EVENTS = "events", "Events and workshops"
