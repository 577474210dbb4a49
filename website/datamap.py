"""Field-level data map (security checklist DP-1; docs/privacy.md summarises it).

Every concrete field of every model in ``home``, ``members`` and ``networks`` is classified as
``none`` (no personal data), ``personal`` (identifies or describes a person) or ``special``
(UK GDPR Article 9: health, disability, caring that reveals health; access needs count here
because they usually reveal a condition). Each model has one retention class, explained in
``RETENTION``. ``tests/security/test_data_protection.py`` fails when a field is missing, so a
new field cannot ship unclassified.
"""

NONE, PERSONAL, SPECIAL = "none", "personal", "special"

RETENTION = {
    "content": "Published content: kept while the page or snippet exists.",
    "account": "Kept while the account exists; removed or anonymised on account deletion "
    "(members.services erasure) and after long inactivity: no sign-in for "
    "INACTIVE_ACCOUNT_MONTHS (24), a warning email, then erasure 30 days later "
    "(purge_expired; Appendix B decision 2).",
    "enquiry": "Enquiries: personal fields anonymised ENQUIRY_RETENTION_DAYS (default 730) "
    "after closing; quarantined spam removed after 30 days (purge_enquiries).",
    "interest": "Expressions of interest: kept while the account exists; withdrawn or "
    "declined ones are anonymised after 12 months (purge_expired).",
    "pairing": "Pairings and their records: kept for 6 years after the pairing ends "
    "(payments and expenses are financial records); personal links removed on erasure.",
    "invitation": "Invitations and applications: unaccepted invitations removed 90 days "
    "after expiry; decided applications after 12 months (purge_expired).",
    "network": "Network membership and requests: kept while the member belongs; removed on "
    "leaving or account deletion. A network's meetings are events (the event class); "
    "leaving gives up the member's places at its meetings still to come.",
    "event": "Events and bookings: events are kept as programme records; a booking is "
    "deleted with the account; a visitor's booking (name, email) and an invitation (an "
    "address) are deleted a year after the event; access needs shared for a booking are cleared when it is cancelled and 30 days "
    "after the event (purge_expired).",
    "texts": "Text messages (website.sms): deleted OUTBOX_RETENTION_DAYS (90) after they "
    "were made (purge_expired), and every text to a member's number on erasure.",
    "operational": "Counters and settings with no personal data: kept indefinitely.",
    "audit": "Audit entries (Wagtail's ModelLogEntry, website/audit.py): ids, an action and a "
    "UTC time, never names; deleted AUDIT_RETENTION_DAYS (default 730) after they were "
    "written (purge_expired).",
    "history": "History lines (website.Activity) follow their record: deleted with it, "
    "names and notes scrubbed when it is anonymised, the actor removed on erasure.",
}


def fields(none=(), personal=(), special=()):
    result = {}
    for level, names in ((NONE, none), (PERSONAL, personal), (SPECIAL, special)):
        for name in names.split() if isinstance(names, str) else names:
            if name in result:
                raise ValueError(f"{name} is classified twice")
            result[name] = level
    return result


PAGE = "page_ptr easy_read_page"

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
    # --- members: accounts and profiles -------------------------------------------------
    "members.User": (
        "account",
        fields(
            none="id is_superuser is_staff is_active",
            personal="password last_login first_name last_name date_joined email "
            "preferred_name inactivity_warning_sent_at",
        ),
    ),
    "members.MemberProfile": (
        "account",
        fields(
            none="id special_category_consent_version privacy_notice_version updated_at",
            personal="user member_type region interests pronouns organisation bio phone "
            "communication_preferences special_category_consent_at "
            "privacy_notice_accepted_at",
            special="lived_experience caring_responsibilities access_needs",
        ),
    ),
    "members.Invitation": (
        "invitation",
        fields(
            none="id member_type network_slug token_hash created_at sent_at send_count "
            "expires_at accepted_at revoked_at",
            personal="email invited_by accepted_user",
        ),
    ),
    "members.Application": (
        "invitation",
        fields(
            none="id member_type privacy_notice_version created_at status decided_at "
            "invitation",
            personal="name email region organisation reason decided_by",
        ),
    ),
    # --- members: enquiries --------------------------------------------------------------
    "members.EnquiryPage": (
        "content",
        fields(none=f"{PAGE} intro thank_you_text privacy_note privacy_page"),
    ),
    "members.EnquiryPageType": (
        "content",
        fields(none="id sort_order page enquiry_type"),
    ),
    "members.EnquiryCounter": ("operational", fields(none="year last_number")),
    "members.Enquiry": (
        "enquiry",
        fields(
            none="id reference submission_token created_at updated_at page "
            "organisation_type region region_name enquiry_type network_page "
            "network_name status spam_reason closed_at anonymised_at",
            personal="full_name email phone job_title organisation message heard_about "
            "consented_at assignee",
            special="access_needs",
        ),
    ),
    "members.EnquiryNote": (
        "enquiry",
        fields(none="id enquiry created_at", personal="author author_name text"),
    ),
    # --- members: opportunities ------------------------------------------------------------
    "members.OpportunityIndexPage": (
        "content",
        fields(none="page_ptr intro payment_guidance_page"),
    ),
    "members.OpportunityPage": (
        "content",
        fields(
            none=f"{PAGE} summary body opportunity_type organisation network_page format "
            "location starts_on closes_at places audience time_commitment frequency "
            "duration payment_amount payment_unit expenses_travel expenses_care "
            "expenses_support_worker expenses_internet expenses_other support_training "
            "support_pre_meetings accessibility",
            # A named staff contact, published on the page.
            personal="contact_name",
        ),
    ),
    "members.ExpressionOfInterest": (
        "interest",
        fields(
            none="id opportunity status created_at updated_at",
            personal="member why_interested experience availability internal_notes",
            special="access_needs",
        ),
    ),
    "members.OpportunityAlert": (
        "account",
        fields(none="id frequency types updated_at", personal="member"),
    ),
    "members.OpportunityAlertSent": (
        "account",
        fields(none="id opportunity sent_at", personal="member"),
    ),
    # --- members: pairings -----------------------------------------------------------------
    "members.PartnerAvailability": (
        "account",
        fields(
            none="id capacity accepting unavailable_until experience_areas updated_at",
            personal="user",
        ),
    ),
    "members.Pairing": (
        "pairing",
        fields(
            none="id status organisation_type region region_name enquiry_received_at "
            "session_payment expenses_limit created_at status_changed_at matched_at "
            "introduced_at ended_at",
            personal="enquiry leader leader_role focus created_by end_reason",
        ),
    ),
    "members.PairingPartner": (
        "pairing",
        fields(
            none="id pairing status proposed_at invited_at responded_at match_reasons",
            personal="partner decline_reason",
        ),
    ),
    "members.PairingSession": (
        "pairing",
        fields(
            none="id pairing date duration_minutes mode created_at",
            personal="recorded_by",
        ),
    ),
    "members.ExpenseClaim": (
        "pairing",
        fields(
            none="id pairing session payment expenses status submitted_at decided_at "
            "paid_at",
            personal="partner expenses_description decided_by",
        ),
    ),
    "members.Reflection": (
        "pairing",
        fields(
            none="id pairing role would_recommend quote_consent shared_with_other_side created_at",
            personal="author what_changed what_helped anything_else",
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
    "members.Event": (
        "event",
        fields(
            none="id title slug summary description kind audience format joining_link "
            "joining_details access_notes venue_name venue_address step_free_route hearing_loop quiet_room "
            "accessible_parking starts_at ends_at capacity region status reminders "
            "created_at"
        ),
    ),
    # Booking an event of a lived-experience programme can reveal a condition or caring
    # role, as belonging to a network does, so the link to the person is special.
    "members.EventBooking": (
        "event",
        fields(
            none="id event status token offer_expires_at created_at updated_at",
            special="user access_needs",
            personal="name email attended",
        ),
    ),
    # Papers and minutes: programme records kept with the event; who uploaded one is a
    # staff member or co-chair, shown to nobody but the history.
    "members.EventPaper": (
        "event",
        fields(
            none="id event title kind visibility file extension size uploaded_at",
            personal="uploaded_by",
        ),
    ),
    # Which reminder went for which booking: goes with the booking.
    "members.EventReminder": (
        "event",
        fields(none="id booking days_before sent_at"),
    ),
    # An address an organiser invited: removed a year after the event, or on erasure.
    "members.EventInvitation": (
        "event",
        fields(none="id event token invited_at", personal="email invited_by"),
    ),
    "members.CalendarFeed": (
        "event",
        fields(none="id token created_at", personal="user"),
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
