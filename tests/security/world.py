"""One small world with a person in every role the security checklist names, and one of
every object the portal, network and admin routes act on (built once per module).

Roles (security checklist, "Role fixtures"): anonymous, member, member of another network,
co-chair, past co-chair, leader, editor, finance staff, a safeguarding lead, partner support
staff, programme staff, superuser and an inactive user.
"""

from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

ROLES = (
    "anonymous",
    "member",
    "member_other",
    "cochair",
    "past_cochair",
    "leader",
    "editor",
    "finance",
    "safeguarding",
    "support",
    "staff",
    "superuser",
    "inactive",
)


@dataclass
class World:
    users: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)


def build_world():
    """Create the people and objects; every id the access matrix needs is in `objects`."""
    from home import demo as home_demo
    from members.accounts.choices import MemberType
    from members.accounts.invitations import Application
    from members.coaching.models import Pairing
    from members.models import MemberProfile
    from networks.models import CoChairUpdate
    from tests.factories import UserFactory
    from tests.factories.networks import (
        CoChairFactory,
        JoinRequestFactory,
        MeetingFactory,
        MembershipFactory,
        UpdateFactory,
        make_network,
    )
    from tests.factories.opportunities import (
        InterestFactory,
        ensure_index,
        make_opportunity,
    )
    from tests.factories.pairings import make_enquiry, make_pairing, make_partner

    home = home_demo.ensure_home_page()
    home_demo.ensure_site(home)
    network = make_network(home, "west-midlands", moderate_updates=False)
    other_network = make_network(home, "north-west")

    u = {}
    u["member"] = make_partner("member@example.org")
    membership = MembershipFactory(network=network, user=u["member"])
    u["member_other"] = UserFactory(
        email="other.member@example.org", groups=["Members"]
    )
    MembershipFactory(network=other_network, user=u["member_other"])
    u["cochair"] = UserFactory(email="cochair@example.org", groups=["Members"])
    cochair_link = CoChairFactory(network=network, user=u["cochair"])
    cochair_other = UserFactory(email="cochair.nw@example.org", groups=["Members"])
    CoChairFactory(network=other_network, user=cochair_other)
    u["past_cochair"] = UserFactory(
        email="past.cochair@example.org", groups=["Members"]
    )
    today = timezone.localdate()
    CoChairFactory(
        network=network,
        user=u["past_cochair"],
        term_start=today - timedelta(days=800),
        term_end=today - timedelta(days=1),
    )
    u["leader"] = UserFactory(email="leader@example.org")
    MemberProfile.objects.create(user=u["leader"], member_type=MemberType.LEADER)
    u["editor"] = UserFactory(email="editor@example.org", groups=["Editors"])
    u["finance"] = UserFactory(email="finance@example.org", groups=["Finance staff"])
    u["safeguarding"] = UserFactory(
        email="safeguarding@example.org", groups=["Safeguarding leads"]
    )
    u["support"] = UserFactory(email="support@example.org", groups=["Partner support"])
    u["staff"] = UserFactory(email="staff@example.org", groups=["Programme staff"])
    u["superuser"] = UserFactory(
        email="admin@example.org", is_superuser=True, is_staff=True
    )
    u["inactive"] = UserFactory(
        email="gone@example.org", is_active=False, groups=["Members"]
    )

    update = UpdateFactory(network=network, author=u["cochair"], title="An update")
    join_request = JoinRequestFactory(network=network)
    meeting = MeetingFactory(network=network)
    from tests.factories.events import make_event

    event = make_event(slug="world-event", capacity=100)
    invited_event = make_event(slug="world-invited-event", audience="invited")
    enquiry = make_enquiry()
    type(enquiry).objects.filter(pk=enquiry.pk).update(network_page_id=network.pk)
    index = ensure_index(home)
    opportunity = make_opportunity(index)
    interest = InterestFactory(opportunity=opportunity, member=u["member"])
    pairing = make_pairing(u["member"], Pairing.Status.ACTIVE, leader=u["leader"])
    application = Application.objects.create(
        email="applicant@example.org",
        name="An Applicant",
        member_type=MemberType.LIVED_EXPERIENCE_PARTNER,
        reason="I would like to help.",
        privacy_notice_version="1",
    )
    assert CoChairUpdate.objects.filter(pk=update.pk).exists()
    from django.core.files.uploadedfile import SimpleUploadedFile

    from members.payments import ledger
    from tests.factories.payments import make_claim, travel

    claim = make_claim(u["member"])
    line = ledger.add_expense(
        claim,
        by=u["member"],
        category=travel(),
        amount="3.20",
        receipt=SimpleUploadedFile("ticket.pdf", b"%PDF-1.4 a bus ticket"),
    )
    from members.safeguarding import services as safeguarding

    concern = safeguarding.raise_concern(
        by=u["member"],
        what_happened="A worry about a friend.",
        person_concerned="A friend",
    )

    o = {
        "slug": network.slug,
        "other_slug": other_network.slug,
        "update": update.pk,
        "join_request": join_request.pk,
        "meeting": meeting.pk,
        "event_slug": event.slug,
        "invited_event_slug": invited_event.slug,
        "enquiry": enquiry.pk,
        "opportunity": opportunity.pk,
        "interest": interest.pk,
        "pairing": pairing.pk,
        "application": application.pk,
        "profile": u["member"].profile.pk,
        "member_user": u["member"].pk,
        "membership": membership.pk,
        "cochair_link": cochair_link.pk,
        "claim": claim.pk,
        "claim_line": line.pk,
        **learning_objects(u),
        "concern": concern.pk,
    }
    return World(users=u, objects=o)


def learning_objects(u):
    """A learning set the partner (`member`) facilitates and `leader` is in, one session,
    and an invitation waiting for `member_other`'s address."""
    from datetime import date

    from members.learning import services as learning
    from members.learning.models import SetInvitation, SetLeader

    learning_set = learning.create_set(
        by=u["staff"],
        facilitators=[(u["member"], "A partner who facilitates.")],
        name="World set",
        focus="Sharing power",
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 6, 1),
    )
    SetLeader.objects.create(learning_set=learning_set, leader=u["leader"])
    now = timezone.now()
    learning.add_session(
        learning_set,
        by=u["staff"],
        starts_at=now - timedelta(days=2),
        ends_at=now - timedelta(days=2, hours=-2),
    )
    invitation = SetInvitation.objects.create(
        learning_set=learning_set,
        email=u["member_other"].email,
        expires_at=now + timedelta(days=10),
    )
    return {"learning_set": learning_set.pk, "set_invitation": invitation.pk}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The world lives in one outer transaction for the module and is rolled back after;
    each test's own `db` transaction nests inside it, so a test's POSTs never leak."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            built = build_world()
            yield built
            transaction.set_rollback(True)
