"""Who may see and act on enquiries: programme staff only (AC-6); editors and members never."""


def can_view_enquiries(user):
    return bool(
        user
        and user.is_authenticated
        and user.is_active
        and user.has_perm("members.view_enquiry")
    )


def can_change_enquiry(user, enquiry=None):
    return can_view_enquiries(user) and user.has_perm("members.change_enquiry")


def can_export_enquiries(user):
    return can_view_enquiries(user) and user.has_perm("members.export_enquiry")
