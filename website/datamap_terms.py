"""The data map's vocabulary: the three levels, `fields()` to classify a model's
fields, and the retention classes every model belongs to (website/datamap.py)."""

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
    "payment": "Involvement payments: claims and their lines are financial records, kept "
    "PAYMENT_RECORDS_YEARS (default 6) after payment or closing, then anonymised "
    "(purge_expired); on erasure the payment preference and benefits answers are deleted, "
    "what the person wrote is blanked and unsent claims are withdrawn. Rates and "
    "categories are programme settings.",
    "safeguarding": "Safeguarding concerns: read only by the designated safeguarding "
    "leads; never exported, counted in figures or shown in history; kept whatever happens "
    "to the accounts (the raiser's link is anonymised with theirs) until "
    "SAFEGUARDING_RETENTION_YEARS (default 7) after closing, then erased with the record "
    "of who opened them (purge_expired).",
    "learning": "Learning sets: the set, its sessions (events) and resources are programme "
    "records, kept while the programme runs; a leader's place and answers, and invitations "
    "to their address, are deleted on erasure, and a facilitator's introduction blanked. "
    "Confidence answers are reported only as totals across sets.",
    "feedback": "Answers to feedback forms: kept FEEDBACK_RETENTION_DAYS (default 730) "
    "after they were sent, then deleted (purge_expired); a signed-in person's answers are "
    "in their data download and deleted on erasure.",
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
