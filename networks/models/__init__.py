from .enquiries import NetworkEnquiryNote
from .events import NetworkEvent
from .membership import JoinRequest, NetworkCoChair, NetworkMembership
from .pages import NetworkIndexPage, NetworkPage
from .updates import CoChairUpdate, CoChairUpdateRevision
from .you_said import YouSaidWeDid

__all__ = [
    "CoChairUpdate",
    "CoChairUpdateRevision",
    "JoinRequest",
    "NetworkCoChair",
    "NetworkEnquiryNote",
    "NetworkEvent",
    "NetworkIndexPage",
    "NetworkMembership",
    "NetworkPage",
    "YouSaidWeDid",
]
