"""The members app's URLs: each feature's patterns, concatenated under one namespace.

Features keep their patterns in `members/<feature>/urls.py`; concatenating them (not
include()) keeps every `members:` name and path as it was, and the order is the order
they are matched in. Enquiries have none here: their form is served by the EnquiryPage.
"""

from members.accounts import urls as accounts_urls
from members.coaching import urls as coaching_urls
from members.events import urls as events_urls
from members.impact import urls as impact_urls
from members.learning import urls as learning_urls
from members.opportunities import urls as opportunities_urls
from members.payments import urls as payments_urls
from members.safeguarding import urls as safeguarding_urls
from members.support import urls as support_urls

app_name = "members"

urlpatterns = [
    *accounts_urls.urlpatterns,
    *opportunities_urls.urlpatterns,
    *coaching_urls.urlpatterns,
    *events_urls.urlpatterns,
    *payments_urls.urlpatterns,
    *learning_urls.urlpatterns,
    *safeguarding_urls.urlpatterns,
    *support_urls.urlpatterns,
    *impact_urls.urlpatterns,
]
