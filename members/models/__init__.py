from .enquiries import (
    Enquiry,
    EnquiryCounter,
    EnquiryEvent,
    EnquiryNote,
    EnquiryPage,
    EnquiryPageType,
)
from .invitations import Application, Invitation
from .opportunities import (
    ExpressionOfInterest,
    InterestStatusChange,
    OpportunityAlert,
    OpportunityAlertSent,
    OpportunityIndexPage,
    OpportunityPage,
)
from .pairings import (
    ExpenseClaim,
    Pairing,
    PairingEvent,
    PairingPartner,
    PairingSession,
    PartnerAvailability,
    Reflection,
)
from .profiles import MemberProfile
from .users import User

__all__ = [
    "Enquiry",
    "EnquiryCounter",
    "EnquiryEvent",
    "EnquiryNote",
    "EnquiryPage",
    "EnquiryPageType",
    "Application",
    "Invitation",
    "ExpressionOfInterest",
    "InterestStatusChange",
    "OpportunityAlert",
    "OpportunityAlertSent",
    "OpportunityIndexPage",
    "OpportunityPage",
    "ExpenseClaim",
    "Pairing",
    "PairingEvent",
    "PairingPartner",
    "PairingSession",
    "PartnerAvailability",
    "Reflection",
    "MemberProfile",
    "User",
]
