"""The members app's model registry: Django loads `members.models`, so every feature's
models are imported here (the features own them; import them from the feature)."""

from members.accounts.invitations import Application, Invitation
from members.accounts.models import User
from members.accounts.profiles import MemberProfile
from members.coaching.models import (
    Pairing,
    PairingPartner,
    PairingSession,
    PartnerAvailability,
    Reflection,
)
from members.enquiries.models import Enquiry, EnquiryCounter, EnquiryNote
from members.enquiries.pages import EnquiryPage, EnquiryPageType
from members.events.models import CalendarFeed, Event, EventBooking, EventReminder
from members.feedback.models import (
    FeedbackPage,
    FeedbackQuestion,
    FeedbackSubmission,
)
from members.impact.models import EqualityAnswers, Theme, ThemeTag
from members.learning.models import (
    LearningSession,
    LearningSet,
    SetFacilitator,
    SetInvitation,
    SetLeader,
    SetReflection,
    SetResource,
)
from members.opportunities.models import (
    ExpressionOfInterest,
    OpportunityAlert,
    OpportunityAlertSent,
)
from members.opportunities.pages import OpportunityIndexPage, OpportunityPage
from members.payments.models import (
    Claim,
    ClaimLine,
    ExpenseCategory,
    PaidEvent,
    PaymentPreference,
    PaymentRate,
)
from members.safeguarding.models import Concern, ConcernView
from members.support.models import DebriefRequest, TrainingCompletion, TrainingCourse

__all__ = [
    "EqualityAnswers",
    "FeedbackPage",
    "FeedbackQuestion",
    "FeedbackSubmission",
    "Theme",
    "ThemeTag",
    "Concern",
    "ConcernView",
    "DebriefRequest",
    "LearningSession",
    "LearningSet",
    "SetFacilitator",
    "SetInvitation",
    "SetLeader",
    "SetReflection",
    "SetResource",
    "TrainingCompletion",
    "TrainingCourse",
    "Claim",
    "ClaimLine",
    "ExpenseCategory",
    "PaidEvent",
    "PaymentPreference",
    "PaymentRate",
    "Enquiry",
    "EnquiryCounter",
    "EnquiryNote",
    "EnquiryPage",
    "EnquiryPageType",
    "CalendarFeed",
    "Event",
    "EventBooking",
    "EventReminder",
    "Application",
    "Invitation",
    "ExpressionOfInterest",
    "OpportunityAlert",
    "OpportunityAlertSent",
    "OpportunityIndexPage",
    "OpportunityPage",
    "Pairing",
    "PairingPartner",
    "PairingSession",
    "PartnerAvailability",
    "Reflection",
    "MemberProfile",
    "User",
]
