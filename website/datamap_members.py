"""The members app's part of the data map (website/datamap.py): accounts, enquiries,
opportunities, coaching, events and payments."""

from website.datamap_terms import PAGE, fields

MEMBERS_MAP = {
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
    # Involvement payments. Receiving benefits can reveal a disability or condition, so the
    # benefits answers (and the flag that a claim crossed a limit) are special.
    "members.PaymentRate": (
        "operational",
        fields(
            none="id involvement unit fee preparation_hours valid_from cost_code strand"
        ),
    ),
    "members.ExpenseCategory": (
        "operational",
        fields(none="id name hint cap active order"),
    ),
    "members.PaidEvent": ("event", fields(none="id event involvement")),
    # Feedback forms (members/feedback): the pages and questions are content; answers are
    # kept FEEDBACK_RETENTION_DAYS, with who sent them if they were signed in.
    "members.FeedbackPage": (
        "content",
        fields(none="page_ptr intro thank_you_text ask_quote_consent event"),
    ),
    "members.FeedbackQuestion": (
        "content",
        fields(
            none="id sort_order page clean_name label field_type required choices "
            "default_value help_text easy_read scale_low scale_high"
        ),
    ),
    "members.FeedbackSubmission": (
        "feedback",
        fields(none="id page submit_time quote_consent", personal="user form_data"),
    ),
    # Impact (members/impact): equality answers apart from the profile, reported only in
    # aggregate; themes staff tag on reflections.
    "members.EqualityAnswers": (
        "account",
        fields(
            none="id answered_at declined",
            personal="user",
            special="age_band ethnicity disability carer",
        ),
    ),
    "members.Theme": ("operational", fields(none="id name")),
    "members.ThemeTag": (
        "learning",
        fields(none="id theme content_type object_id tagged_at", personal="tagged_by"),
    ),
    # Learning sets (members/learning).
    "members.LearningSet": (
        "learning",
        fields(
            none="id name focus region format places starts_on ends_on what_next status "
            "created_at",
            personal="created_by",
        ),
    ),
    "members.SetFacilitator": (
        "learning",
        fields(none="id learning_set", personal="partner bio"),
    ),
    "members.SetLeader": (
        "learning",
        fields(
            none="id learning_set joined_at",
            personal="leader organisation share_with_set confidence_before "
            "confidence_after",
        ),
    ),
    "members.SetInvitation": (
        "learning",
        fields(
            none="id learning_set invited_at expires_at accepted_at",
            personal="email name organisation invited_by",
        ),
    ),
    "members.LearningSession": (
        "learning",
        fields(none="id learning_set event number", personal="facilitators_note"),
    ),
    "members.SetReflection": (
        "learning",
        fields(
            none="id learning_set role would_recommend quote_consent created_at",
            personal="author what_changed what_helped anything_else",
        ),
    ),
    "members.SetResource": (
        "learning",
        fields(none="id learning_set title url document added_at", personal="added_by"),
    ),
    "members.PaymentPreference": (
        "payment",
        fields(
            none="id updated_at",
            personal="user choice payee_reference read_information_at employment",
            special="on_benefits weekly_limit year_limit",
        ),
    ),
    "members.Claim": (
        "payment",
        fields(
            none="id involvement source title happened_on pay_as cost_code strand status "
            "created_at submitted_at approved_at paid_on expenses_cap",
            personal="person logged_by approved_by payment_reference returned_reason",
            special="over_limit",
        ),
    ),
    "members.ClaimLine": (
        "payment",
        fields(
            none="id claim kind category amount added_at",
            personal="description receipt",
        ),
    ),
    "members.Reflection": (
        "pairing",
        fields(
            none="id pairing role would_recommend quote_consent shared_with_other_side created_at",
            personal="author what_changed what_helped anything_else",
        ),
    ),
    "members.Event": (
        "event",
        fields(
            none="id title slug summary description kind audience format joining_link "
            "joining_details access_notes venue_name venue_address step_free_route hearing_loop quiet_room "
            "accessible_parking starts_at ends_at capacity region status reminders "
            "co_led_by_partner feedback_sent_at "
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
    # Safeguarding concerns: kept out of exports, figures and history on purpose, read
    # only by the designated leads. What happened can reveal health or abuse, so the
    # free text and who it is about are special.
    "members.Concern": (
        "safeguarding",
        fields(
            none="id about_self immediate_risk status created_at closed_at",
            personal="raised_by closed_by happened_on",
            special="person_concerned others_involved what_happened outcome",
        ),
    ),
    # Who opened a concern or the log, and when: erased with the concern.
    "members.ConcernView": (
        "safeguarding",
        fields(none="id concern action at", personal="viewer"),
    ),
    # Partner support (members/support). Courses are programme settings; a partner's
    # completions and debrief requests are theirs, deleted with the account. A debrief
    # request's note may tell of distress or health, so it is special.
    "members.TrainingCourse": (
        "operational",
        fields(none="id name provider covers valid_months active"),
    ),
    "members.TrainingCompletion": (
        "account",
        fields(
            none="id course completed_on expires_on recorded_at",
            personal="partner recorded_by",
        ),
    ),
    "members.DebriefRequest": (
        "account",
        fields(
            none="id coaching_session event status created_at handled_at",
            personal="partner contact_by handled_by",
            special="note",
        ),
    ),
}
