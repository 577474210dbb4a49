from .profiles import MemberProfile
from .users import User

__all__ = ["MemberProfile", "User"]
