"""The members app's demo, run by `manage.py load_demo` (which finds each app's `demo.load`).

Each feature builds its own demo records; this module only runs them in today's order,
because the later features build on the accounts (and the enquiry page on the staff account).
"""

from members.accounts import demo as accounts_demo
from members.coaching import demo as coaching_demo
from members.enquiries import demo as enquiries_demo
from members.events import demo as events_demo
from members.feedback import demo as feedback_demo
from members.learning import demo as learning_demo
from members.opportunities import demo as opportunities_demo
from members.payments import demo as payments_demo
from members.safeguarding import demo as safeguarding_demo
from members.support import demo as support_demo


def load():
    accounts_demo.load()
    enquiries_demo.load()
    opportunities_demo.load()
    payments_demo.load()  # rates and finance, before coaching's sessions open claims
    coaching_demo.load()
    payments_demo.choose_preferences()  # once coaching has made the partner
    events_demo.load()
    payments_demo.move_claims()
    safeguarding_demo.load()  # the lead, and a concern the partner raised
    support_demo.load()  # training and a debrief, once coaching made the partner
    learning_demo.load()  # a set the partners facilitate, with sessions held
    feedback_demo.load()  # /feedback/ and the webinar's form, once events made it
