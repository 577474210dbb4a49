"""The impact report's pages as staff and others meet them: who may open them, what a
bad filter says, the downloads, the funders' page, and a fixed number of queries however
much the programme holds."""

import datetime
import io
import random

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from home.models import Region
from members.events.models import EventBooking
from members.impact.models import EqualityAnswers
from members.models import Enquiry, MemberProfile, User
from tests.factories import UserFactory
from tests.factories.enquiries import EnquiryFactory
from tests.factories.events import make_event

pytestmark = pytest.mark.django_db
REPORT = reverse("impact_admin:report")
QUERIES = 34  # the whole report, at 1x and 20x the data alike (people counted once: +1)


def test_staff_see_the_report_with_its_sections(client, staff, programme):
    client.force_login(staff)
    response = client.get(REPORT)
    assert response.status_code == 200
    page = response.content.decode()
    for heading in ("Reach", "Change", "Power shared", "Who is in the room"):
        assert f">{heading}</h2>" in page
    assert "Enquiries from leaders" in page
    assert "I now plan with carers from the start." in page
    assert "A private thought" not in page
    assert (
        "<svg" in page
        and "<desc" in page
        and "<script" not in page.split("<svg")[1].split("</svg>")[0]
    )


@pytest.mark.parametrize("who", ["member", "editor"])
def test_people_without_the_impact_permission_are_refused(
    client, who, request, programme
):
    user = request.getfixturevalue(who)
    client.force_login(user)
    for url in (
        REPORT,
        reverse("impact_admin:download_csv"),
        reverse("impact_admin:download_xlsx"),
        reverse("impact_admin:funders", args=[2026, 2]),
    ):
        response = client.get(url)
        if who == "member":  # members never reach the admin at all
            assert response.status_code == 302 and response["Location"].startswith(
                "/portal/"
            )
        else:
            assert response.status_code == 403
            assert b"Enquiries from leaders" not in response.content


def test_the_menu_item_shows_only_with_the_permission(client, staff, editor):
    client.force_login(staff)
    assert "Impact report" in client.get("/admin/").content.decode()
    client.force_login(editor)
    assert "Impact report" not in client.get("/admin/").content.decode()


@pytest.mark.parametrize(
    "query, message",
    [
        (
            {"start": "2026-05-01", "end": "2026-04-01"},
            "The end date must be the same as or after the start date",
        ),
        ({"start": "31/02/2026"}, "Enter the start date as a real date"),
        ({"end": "nonsense" * 500}, "Enter the end date as a real date"),
        ({"start": "1066-10-14"}, "Enter a date between the years 2000 and 2100"),
        ({"region": "999999"}, "Choose a region from the list"),
        ({"region": "<script>"}, "Choose a region from the list"),
        ({"strand": "'; drop table"}, "Choose a programme strand from the list"),
    ],
)
def test_bad_filters_are_refused_clearly_without_figures(
    client, staff, programme, query, message
):
    client.force_login(staff)
    for url in (REPORT, reverse("impact_admin:download_csv")):
        response = client.get(url, query)
        assert response.status_code == 400
        page = response.content.decode()
        assert "There is a problem" in page and message in page
        assert "Enquiries from leaders" not in page


def test_the_csv_and_excel_downloads_carry_the_same_protected_figures(
    client, staff, programme, regions
):
    client.force_login(staff)
    query = {"region": regions["west-midlands"].pk}
    response = client.get(reverse("impact_admin:download_csv"), query)
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="impact-west-midlands.csv"' in response["Content-Disposition"]
    text = response.content.decode()
    assert "Reach,Enquiries from leaders,total,,23" in text
    assert "Reach,Leaders coached one to one,total,,not shown" in text
    book = load_workbook(
        io.BytesIO(client.get(reverse("impact_admin:download_xlsx"), query).content)
    )
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0] == ("section", "figure", "breakdown", "group", "value")
    assert ("Reach", "Enquiries from leaders", "total", None, 23) in rows


def test_the_funders_page_is_one_printable_quarter(client, staff, programme):
    client.force_login(staff)
    response = client.get(reverse("impact_admin:funders", args=[2026, 2]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "1 April to 30 June 2026" in page
    assert "css/print.css" in page and "Download this page as a PDF" in page
    assert "I now plan with carers from the start." in page
    assert page.count('class="funders-quote"') <= 3
    for bad in ((2026, 5), (2026, 0), (1999, 1), (2101, 1)):
        assert client.get(reverse("impact_admin:funders", args=bad)).status_code == 404


def _more(scale):
    """Bulk rows across regions, months and answers: `scale` times a small programme."""
    regions = list(Region.objects.all())
    chance = random.Random(scale)
    now = timezone.now()
    Enquiry.objects.bulk_create(
        EnquiryFactory.build(
            region=chance.choice(regions),
            created_at=now - datetime.timedelta(days=chance.randrange(700)),
        )
        for _ in range(100 * scale)
    )
    for i in range(scale):
        event = make_event(
            region=chance.choice(regions),
            starts_at=now - datetime.timedelta(days=i + 1),
        )
        EventBooking.objects.bulk_create(
            EventBooking(
                event=event,
                name="Guest",
                email=f"g{i}-{n}@example.org",
                status="confirmed",
                attended=True,
            )
            for n in range(20)
        )
    users = User.objects.bulk_create(
        UserFactory.build(email=f"bulk{scale}-{n}@example.org", last_login=now)
        for n in range(25 * scale)
    )
    MemberProfile.objects.bulk_create(
        MemberProfile(user=u, region=chance.choice(regions)) for u in users
    )
    EqualityAnswers.objects.bulk_create(
        EqualityAnswers(
            user=u, age_band=chance.choice(["25_34", "45_54", ""]), ethnicity="white"
        )
        for u in users
    )


@pytest.mark.parametrize("scale", [1, 20])
def test_the_report_takes_a_fixed_number_of_queries(
    client, staff, programme, scale, django_assert_max_num_queries
):
    _more(scale)
    client.force_login(staff)
    client.get(REPORT)
    with django_assert_max_num_queries(QUERIES):
        assert client.get(REPORT).status_code == 200
    with django_assert_max_num_queries(QUERIES):
        assert client.get(reverse("impact_admin:download_csv")).status_code == 200
