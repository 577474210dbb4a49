"""Grow the demo site to a realistic volume for `make bench --volume`; never for real sites.

Fixed seed and fixed names, so every run builds the same data, and running it again tops
each set up to the counts asked for instead of adding another batch. Rows that are not pages
(members, profiles, network memberships, enquiries) go in with bulk_create; pages go through
treebeard's add_child (Wagtail pages cannot be bulk-created) without revision history.
"""

import random
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model

from home.models import NewsIndexPage, NewsPage, Person
from home.models.snippets import Region
from members.enquiries.models import EnquiryType, OrganisationType
from members.models import Enquiry, MemberProfile
from website import background

SEED = 2026
NEWS_PREFIX = "volume-news-"
MEMBER_DOMAIN = "volume.example.org"
ENQUIRY_PREFIX = "VOL-"
TOPICS = ["Co-production", "Carers", "Networks", "Coaching", "Research", "Events"]
WORDS = (
    "carers members leaders networks coaching listening services hospital community "
    "primary care mental health partners experience voices pairing meeting region "
    "improvement training wellbeing access digital"
).split()
BATCH = 1000
LIMIT = 100_000


class Command(BaseCommand):
    help = (
        "Top the database up to a volume data set (news, opportunities, members, "
        "enquiries, events and bookings)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--news", type=int, default=2000)
        parser.add_argument("--opportunities", type=int, default=2000)
        parser.add_argument("--members", type=int, default=5000)
        parser.add_argument("--enquiries", type=int, default=20000)
        parser.add_argument("--events", type=int, default=2000)
        parser.add_argument("--bookings", type=int, default=50_000)

    def handle(self, *args, **options):
        for name in ("news", "opportunities", "members", "enquiries"):
            if not 0 <= options[name] <= LIMIT:
                raise CommandError(f"--{name} must be between 0 and {LIMIT:,}.")
        self.seed_news(options["news"])
        call_command(
            "seed_opportunities", count=options["opportunities"], stdout=self.stdout
        )
        self.seed_members(options["members"])
        self.seed_enquiries(options["enquiries"])
        call_command(
            "seed_events",
            events=options["events"],
            bookings=options["bookings"],
            stdout=self.stdout,
        )
        # Under production settings the pages' search and usage updates were queued; no
        # worker runs beside the bench, so run them here and search sees the new pages.
        background.run_queued_tasks()

    def sentence(self, rng, words=12):
        text = " ".join(rng.choice(WORDS) for _ in range(words))
        return text[0].upper() + text[1:] + "."

    def seed_news(self, count):
        index = NewsIndexPage.objects.first()
        if index is None:
            raise CommandError("Run load_demo first: there is no news index page.")
        existing = NewsPage.objects.filter(slug__startswith=NEWS_PREFIX).count()
        images = list(get_image_model().objects.order_by("pk")[:8]) or [None]
        authors = list(Person.objects.order_by("pk")[:6])
        start = date(2020, 1, 1)
        with transaction.atomic():
            for n in range(existing, count):
                # The same draws for item n whatever was created before.
                item = random.Random(SEED + n)  # noqa: S311 - test data, not secrets
                page = NewsPage(
                    title=f"Volume news {n + 1}: {self.sentence(item, 4)[:-1]}",
                    slug=f"{NEWS_PREFIX}{n + 1}",
                    date=start + timedelta(days=n % 2000),
                    summary=self.sentence(item, 18),
                    listing_image=images[n % len(images)],
                    body=(
                        '[{"type": "paragraph", "value": "<p>'
                        + " ".join(self.sentence(item) for _ in range(6))
                        + '</p>"}]'
                    ),
                    live=True,
                    first_published_at=timezone.now(),
                )
                if authors:
                    page.authors = [authors[n % len(authors)]]
                page.tags.add(TOPICS[n % len(TOPICS)])
                index.add_child(instance=page)
        self.stdout.write(f"{max(count - existing, 0)} news articles added.")

    def seed_members(self, count):
        User = get_user_model()
        existing = User.objects.filter(email__endswith="@" + MEMBER_DOMAIN).count()
        if existing >= count:
            self.stdout.write("0 members added.")
            return
        password = make_password(None)  # unusable: volume members never sign in
        regions = list(Region.objects.order_by("pk")) or [None]
        group = Group.objects.filter(name="Members").first()
        with transaction.atomic():
            for start in range(existing, count, BATCH):
                stop = min(start + BATCH, count)
                users = User.objects.bulk_create(
                    User(
                        email=f"member{n + 1}@{MEMBER_DOMAIN}",
                        first_name=f"Member{n + 1}",
                        last_name="Volume",
                        password=password,
                    )
                    for n in range(start, stop)
                )
                users = list(
                    User.objects.filter(email__in=[u.email for u in users]).only("pk")
                )
                MemberProfile.objects.bulk_create(
                    MemberProfile(user=user, region=regions[i % len(regions)])
                    for i, user in enumerate(users)
                )
                if group is not None:
                    group.user_set.through.objects.bulk_create(
                        group.user_set.through(user_id=user.pk, group_id=group.pk)
                        for user in users
                    )
        self.stdout.write(f"{count - existing} members added.")

    def seed_enquiries(self, count):
        existing = Enquiry.objects.filter(reference__startswith=ENQUIRY_PREFIX).count()
        regions = list(Region.objects.order_by("pk")) or [None]
        types = EnquiryType.values
        organisations = OrganisationType.values
        statuses = [s for s in Enquiry.Status.values if s != Enquiry.Status.SPAM]
        now = timezone.now()
        with transaction.atomic():
            for start in range(existing, count, BATCH):
                stop = min(start + BATCH, count)
                rows = []
                for n in range(start, stop):
                    item = random.Random(SEED * 7 + n)  # noqa: S311 - test data
                    region = regions[n % len(regions)]
                    rows.append(
                        Enquiry(
                            reference=f"{ENQUIRY_PREFIX}{n + 1:06d}",
                            created_at=now - timedelta(minutes=37 * n),
                            full_name=f"Leader {n + 1}",
                            email=f"leader{n + 1}@{MEMBER_DOMAIN}",
                            job_title="Director of Nursing",
                            organisation=f"Volume Trust {n % 300 + 1}",
                            organisation_type=organisations[n % len(organisations)],
                            region=region,
                            region_name=region.name if region else "",
                            enquiry_type=types[n % len(types)],
                            message=self.sentence(item, 30),
                            consented_at=now,
                            status=statuses[n % len(statuses)],
                        )
                    )
                Enquiry.objects.bulk_create(rows)
        self.stdout.write(f"{max(count - existing, 0)} enquiries added.")
