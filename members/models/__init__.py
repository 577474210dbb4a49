from .enquiries import (
    Enquiry,
    EnquiryCounter,
    EnquiryEvent,
    EnquiryNote,
    EnquiryPage,
    EnquiryPageType,
)
from .invitations import Application, Invitation
from .profiles import MemberProfile
from .users import User

__all__ = [
    "Enquiry",
    "EnquiryCounter",
    "EnquiryEvent",
    "EnquiryNote",
    "EnquiryPage",
    "EnquiryPageType",
"Application", "Invitation", "MemberProfile", "User"]
