"""The accounts feature's emails, in the core's catalogue (website/notify.py).

All are transactional: each answers something the person or the programme did (an
invitation, an application, an erasure), so there is no preference to turn them off.
allauth's own messages (sign-in codes, reset links) are registered in
members.accounts.allauth_mail. `text_number` tells the core's text channel a member's
mobile number when they asked for texts.
"""

from members.accounts.profiles import CommunicationPreference, MemberProfile
from website import notify

MEMBER_INVITATION = notify.register(
    "member_invitation",
    "An invited person: their single-use link to set up a Voices account, and its expiry.",
)
APPLICATION_RECEIVED = notify.register(
    "application_received",
    "An applicant: we have their application to join and when to expect a reply.",
)
APPLICATION_STAFF_NOTICE = notify.register(
    "application_staff_notice",
    "Programme staff: an application to join waits for a decision (no applicant details).",
)
APPLICATION_DECLINED = notify.register(
    "application_declined",
    "An applicant: kindly, no place for now, with staff's optional note.",
)
ACCOUNT_DELETED_STAFF_NOTICE = notify.register(
    "account_deleted_staff_notice",
    "Programme staff: a member deleted their account (a reference only, no names).",
)
INACTIVE_ACCOUNT_WARNING = notify.register(
    "inactive_account_warning",
    "A member whose account is long unused: it will be deleted on a date unless they "
    "sign in.",
)
INACTIVE_ACCOUNTS_ERASED_STAFF_NOTICE = notify.register(
    "inactive_accounts_erased_staff_notice",
    "Programme staff: today's erasure of long-unused accounts (references only).",
)
MFA_ENROLMENT_CODE = notify.register(
    "mfa_enrolment_code",
    "Someone with admin access setting up two-step sign-in: a code proving the mailbox is "
    "theirs (the body is blanked once it expires).",
)
MFA_RESET_BY_STAFF = notify.register(
    "mfa_reset_by_staff",
    "A person whose two-step sign-in programme staff reset: what happened, what to do next, "
    "and who to tell if they did not ask for it.",
)


def text_number(user):
    """The number to text this person, if their profile asks for texts (`website.sms`).
    Reads `user.profile`: batch senders load it with `select_related("user__profile")`."""
    try:
        profile = user.profile
    except MemberProfile.DoesNotExist:
        return None
    if CommunicationPreference.TEXT in (profile.communication_preferences or []):
        return profile.phone
    return None
