"""Field-level data map (security checklist DP-1; docs/privacy.md summarises it).

Every concrete field of every model in ``home``, ``members`` and ``networks`` is classified as
``none`` (no personal data), ``personal`` (identifies or describes a person) or ``special``
(UK GDPR Article 9: health, disability, caring that reveals health; access needs count here
because they usually reveal a condition). Each model has one retention class, explained in
``RETENTION``. ``tests/security/test_data_protection.py`` fails when a field is missing, so a
new field cannot ship unclassified.
"""

from website.datamap_members import MEMBERS_MAP
from website.datamap_terms import (  # noqa: F401  (the map's public names)
    NONE,
    PAGE,
    PERSONAL,
    RETENTION,
    SPECIAL,
    fields,
)

DATA_MAP = {
    # --- website: the shared core ----------------------------------------------------------
    "website.Activity": (
        "history",
        fields(
            none="id content_type object_id verb from_state to_state visibility "
            "created_at actor_role",
            personal="actor actor_name note",
        ),
    ),
    "website.TextMessage": (
        "texts",
        fields(
            none="id status attempts last_error about created_at sent_at",
            personal="to text",
        ),
    ),
    # --- home: editorial content --------------------------------------------------------
    "home.EasyReadPage": ("content", fields(none="page_ptr sentences original_page")),
    "home.HomePage": (
        "content",
        fields(
            none="page_ptr hero_heading hero_text hero_image hero_image_alt "
            "hero_image_decorative hero_actions intro featured_programme"
        ),
    ),
    "home.ContentPage": ("content", fields(none=f"{PAGE} summary listing_image body")),
    "home.ProgrammePage": (
        "content",
        fields(
            none=f"{PAGE} summary listing_image who_it_is_for steps partners body "
            "cta_heading cta_text cta_link",
            # Quotes from named partners, published with their agreement.
            personal="testimonials",
        ),
    ),
    "home.NewsPageTag": ("content", fields(none="id tag content_object")),
    "home.NewsIndexPage": ("content", fields(none="page_ptr intro")),
    "home.NewsPage": (
        "content",
        fields(none="page_ptr summary listing_image date body"),
    ),
    "home.PeopleIndexPage": ("content", fields(none="page_ptr intro")),
    "home.OrganisationSettings": (
        "operational",
        fields(
            none="id site organisation_name contact_email postal_address charity_number "
            "social_links footer_text privacy_page accessibility_page"
        ),
    ),
    "home.NavigationSettings": (
        "operational",
        fields(none="id site main_menu footer_links"),
    ),
    "home.Region": ("operational", fields(none="id name slug sort_order")),
    "home.Person": (
        "content",
        fields(
            none="id kind is_demo sort_order",
            personal="name role bio photo photo_alt_text",
        ),
    ),
    # --- networks ---------------------------------------------------------------------------
    "networks.NetworkIndexPage": ("content", fields(none="page_ptr intro")),
    "networks.NetworkPage": (
        "content",
        fields(
            none="page_ptr region status purpose how_to_join meeting_pattern "
            "contact_email body join_mode moderate_updates"
        ),
    ),
    "networks.NetworkEnquiryNote": (
        "enquiry",
        fields(none="id network enquiry_id created_at", personal="author text"),
    ),
    # Which network organises an event; who added it is a co-chair, shown to nobody but
    # the history.
    "networks.NetworkEvent": (
        "network",
        fields(none="id event network added_at former_meeting_id", personal="added_by"),
    ),
    # Naming who raised an item ties them to the network (special, like membership); it is
    # shown only with their agreement, and the link empties when their account goes.
    "networks.YouSaidWeDid": (
        "network",
        fields(
            none="id network you_said raised_on named_with_consent decided we_did "
            "changed_on created_at updated_at",
            special="raised_by",
            personal="created_by",
        ),
    ),
    "networks.NetworkCoChair": (
        "content",
        fields(
            none="id network term_start term_end sort_order",
            personal="user role_title organisation photo photo_alt",
        ),
    ),
    # Belonging to a network of people with lived experience can itself reveal a condition
    # or caring role (the ICO's "reasonable inference"), so membership links are special.
    "networks.NetworkMembership": (
        "network",
        fields(
            none="id network visibility update_emails joined_at last_digest_at",
            special="user",
            personal="short_bio",
        ),
    ),
    "networks.JoinRequest": (
        "network",
        fields(
            none="id network status created_at decided_at",
            special="user",
            personal="message decided_by",
        ),
    ),
    "networks.CoChairUpdate": (
        "content",
        fields(
            none="id network title body image image_alt visibility status created_at "
            "updated_at published_at emailed_at",
            personal="author moderation_note",
        ),
    ),
    "networks.CoChairUpdateRevision": (
        "content",
        fields(
            none="id update title body visibility status created_at",
            personal="edited_by",
        ),
    ),
    **MEMBERS_MAP,
}

MAPPED_APPS = ("website", "home", "members", "networks")


def classification(label, field_name):
    """The level of one field ("none", "personal" or "special"), or None if unmapped."""
    entry = DATA_MAP.get(label)
    return entry[1].get(field_name) if entry else None


def fields_at(level):
    """Every (model label, field name) at one level, e.g. all special-category fields."""
    return [
        (label, name)
        for label, (_retention, mapped) in DATA_MAP.items()
        for name, field_level in mapped.items()
        if field_level == level
    ]
