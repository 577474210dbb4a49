"""Settings the programme decides rather than the deployment's plumbing: the demo
password, enquiries, how long records are kept, and involvement payments. Read from the
environment like every setting (README, "Configuration"); imported by base.py."""

from . import env

DEMO_PASSWORD = env.get("DEMO_PASSWORD", "voices-demo-2026")

# Enquiries from leaders (website/spam.py, members/enquiries/services.py).
ENQUIRY_RETENTION_DAYS = env.get_int("ENQUIRY_RETENTION_DAYS", 730)
ENQUIRY_RATE_LIMIT_PER_IP = env.get_int("ENQUIRY_RATE_LIMIT_PER_IP", 5)
ENQUIRY_RATE_LIMIT_PER_EMAIL = env.get_int("ENQUIRY_RATE_LIMIT_PER_EMAIL", 3)
ENQUIRY_MIN_SECONDS = 3
ENQUIRY_MAX_LINKS = 3
# Extra staff addresses always told about new enquiries; never editable in the CMS (SP-4).
ENQUIRY_NOTIFY_EMAILS = env.get_list("ENQUIRY_NOTIFY_EMAILS")

# Retention (purge_expired, docs/privacy.md): idle member accounts; audit entries (days).
INACTIVE_ACCOUNT_MONTHS = env.get_int("INACTIVE_ACCOUNT_MONTHS", 24)
AUDIT_RETENTION_DAYS = env.get_int("AUDIT_RETENTION_DAYS", 730)

# Involvement payments (members/payments/): financial records are kept this many years
# after a claim is paid or closed, then anonymised; independent benefits advice is linked
# from the payments pages (the product gives none itself).
PAYMENT_RECORDS_YEARS = env.get_int("PAYMENT_RECORDS_YEARS", 6)
BENEFITS_ADVICE_URL = env.get(
    "BENEFITS_ADVICE_URL", "https://www.citizensadvice.org.uk/benefits/"
)

# Safeguarding concerns (members/safeguarding/): a closed concern is kept this many years,
# then erased with the record of who opened it.
SAFEGUARDING_RETENTION_YEARS = env.get_int("SAFEGUARDING_RETENTION_YEARS", 7)

# The public "in numbers" block (home/live_figures.py): figures are worked out at most
# this often for the whole site, then read from the shared cache.
LIVE_FIGURES_SECONDS = env.get_int("LIVE_FIGURES_SECONDS", 600)

# Feedback forms (members/feedback/): answers are deleted this many days after they were
# sent; answers one address may send an hour (website/spam.py's rate limit).
FEEDBACK_RETENTION_DAYS = env.get_int("FEEDBACK_RETENTION_DAYS", 730)
FEEDBACK_RATE_LIMIT_PER_IP = env.get_int("FEEDBACK_RATE_LIMIT_PER_IP", 10)

# The funders' quarter as a PDF (members/impact/funders.py): how many one person may make
# an hour, since each takes the server a moment to draw.
IMPACT_PDF_PER_HOUR = env.get_int("IMPACT_PDF_PER_HOUR", 30)
