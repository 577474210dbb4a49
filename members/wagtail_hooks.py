"""The members app's Wagtail hooks: one module per feature, imported here.

Wagtail discovers only `<app>/wagtail_hooks.py`, so each feature keeps its registrations
in `members/<feature>/wagtail_hooks.py` and this module imports them. Panels, things to do
and data export sections appear in registration order, so the imports keep the order the
registrations always ran in (menus sort by `order=`, not by import).
"""

# isort: off
import members.enquiries.wagtail_hooks  # noqa: F401
import members.accounts.wagtail_hooks  # noqa: F401
import members.opportunities.wagtail_hooks  # noqa: F401
import members.coaching.wagtail_hooks  # noqa: F401
import members.events.wagtail_hooks  # noqa: F401
import members.payments.wagtail_hooks  # noqa: F401
import members.learning.wagtail_hooks  # noqa: F401
import members.safeguarding.wagtail_hooks  # noqa: F401
import members.support.wagtail_hooks  # noqa: F401
import members.feedback.wagtail_hooks  # noqa: F401
import members.impact.wagtail_hooks  # noqa: F401
# isort: on
