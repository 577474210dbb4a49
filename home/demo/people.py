"""Demo people (invented, marked as demo) and the page that lists them."""

from home.demo.build import ensure_child
from home.demo.images import ensure_image, portrait_bytes
from home.models import PeopleIndexPage, Person, PersonKind

PEOPLE = [
    # name, role, kind, bio, sort order
    (
        "Amira Haddad",
        "Co-production Manager",
        PersonKind.STAFF,
        "Amira co-leads the programme and looks after the partnership with regional "
        "networks. She has cared for a family member for many years.",
        1,
    ),
    (
        "Tom Ellery",
        "Head of Experience",
        PersonKind.STAFF,
        "Tom co-leads the programme and makes sure what partners learn reaches the "
        "organisations that can act on it.",
        2,
    ),
    (
        "Grace Mensah",
        "Lived Experience Partner",
        PersonKind.PARTNER,
        "Grace lives with a long-term lung condition and coaches senior leaders in "
        "adult social care.",
        1,
    ),
    (
        "Owen Price",
        "Lived Experience Partner",
        PersonKind.PARTNER,
        "Owen is an unpaid carer for his son and mentors leaders who are new to "
        "co-production.",
        2,
    ),
    (
        "Dr Nadia Rahman",
        "Advisory group member",
        PersonKind.ADVISER,
        "Nadia advises the programme on how to measure what changes when leaders "
        "share power.",
        1,
    ),
]


def ensure_people(images):
    people = {}
    for index, (name, role, kind, bio, order) in enumerate(PEOPLE):
        person = Person.objects.filter(name=name, is_demo=True).first()
        if person is None:
            initials = "".join(part[0] for part in name.replace("Dr ", "").split())
            photo = ensure_image(
                f"Demo portrait: {name}",
                f"Illustrated placeholder portrait for {name}.",
                lambda initials=initials, index=index: portrait_bytes(initials, index),
                f"demo-portrait-{index}.png",
            )
            person = Person.objects.create(
                name=name,
                role=role,
                kind=kind,
                bio=bio,
                sort_order=order,
                photo=photo,
                photo_alt_text=f"Illustrated placeholder portrait of {name}",
                is_demo=True,
            )
        people[name] = person
    return people


def ensure_people_page(parent):
    return ensure_child(
        parent,
        PeopleIndexPage,
        "people",
        title="Our people",
        intro="The staff, Lived Experience Partners and advisers behind the programme. "
        "Everyone on this demo site is invented.",
    )
