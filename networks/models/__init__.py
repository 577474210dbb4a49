from .enquiries import NetworkEnquiryNote
from .meetings import Meeting, MeetingRegistration
from .membership import JoinRequest, NetworkCoChair, NetworkMembership
from .pages import NetworkIndexPage, NetworkPage
from .updates import CoChairUpdate, CoChairUpdateRevision
from .you_said import YouSaidWeDid

__all__ = [
    "CoChairUpdate",
    "CoChairUpdateRevision",
    "JoinRequest",
    "Meeting",
    "MeetingRegistration",
    "NetworkCoChair",
    "NetworkEnquiryNote",
    "NetworkIndexPage",
    "NetworkMembership",
    "NetworkPage",
    "YouSaidWeDid",
]
