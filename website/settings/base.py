"""Settings shared by every environment; safe by default, overridden by dev, test and production."""

from datetime import timedelta
from pathlib import Path

from csp.constants import NONCE, NONE, SELF

from . import env

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = env.get("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.get_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "website",
    "home",
    "members",
    "networks",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_modeladmin",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "post_office",
    "django_tasks_db",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "website.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "website.cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After messages, so the "you were signed out" notice can be added (SE-3).
    "website.session_limits.SessionLimitsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "website.middleware.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "website.middleware.AdminForStaffOnlyMiddleware",
    "members.accounts.middleware.StaffMFAMiddleware",
    "website.middleware.PrivatePagesNoStoreMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "website.urls"
CSRF_FAILURE_VIEW = "website.views.csrf_failure"
WSGI_APPLICATION = "website.wsgi.application"
FORM_RENDERER = "website.form_rendering.JinjaFirstRenderer"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": env.database(f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache shared by every process, so rate limits hold across gunicorn workers.
REDIS_URL = env.get("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "voices",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "voices_cache",
            "KEY_PREFIX": "voices",
            # Django's default of 300 entries is culled constantly once renditions, menus
            # and whole pages share the table, so every request would rewrite the cache.
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
        # Wagtail writes each rendition it shows back to this cache on every request: in
        # memory, not the database. Short timeout: one deleted elsewhere is soon forgotten.
        "renditions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "voices-renditions",
            "TIMEOUT": 600,
            "OPTIONS": {"MAX_ENTRIES": 5_000},
        },
    }

# Seconds kept, 0 is off: anonymous pages (website/cache.py), shared pieces (fragments.py).
ANONYMOUS_PAGE_CACHE_SECONDS = env.get_int("ANONYMOUS_PAGE_CACHE_SECONDS", 300)
FRAGMENT_CACHE_SECONDS = env.get_int("FRAGMENT_CACHE_SECONDS", 60)
# Seconds a process trusts the generation it read, for anonymous visitors (website/cache.py).
CACHE_GENERATION_RECHECK_SECONDS = env.get_int("CACHE_GENERATION_RECHECK_SECONDS", 1)

# A CDN or proxy in front: Wagtail PURGEs a page's URLs there on publish and unpublish.
CDN_PURGE_URL = env.get("CDN_PURGE_URL")
if CDN_PURGE_URL:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": CDN_PURGE_URL,
        }
    }

AUTH_USER_MODEL = "members.User"
AUTHENTICATION_BACKENDS = [
    "members.accounts.auth_backends.VoicesAuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "members.accounts.passwords.ContextWordsValidator"},
]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/portal/"
LOGOUT_REDIRECT_URL = "/"

# django-allauth: email is the identifier; sign-up is closed (invitations only).
ACCOUNT_ADAPTER = "members.accounts.adapters.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "members.accounts.forms.LoginForm",
    "request_login_code": "members.accounts.forms.RequestLoginCodeForm",
}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS = 3
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 180
# Six characters, no dash: easier to read aloud and type on an old phone.
ACCOUNT_LOGIN_BY_CODE_FORMAT = {"length": 6, "dashed": False}
ACCOUNT_EMAIL_NOTIFICATIONS = True  # password, address and two-step changes are emailed
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Voices] "
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "reset_password": "20/m/ip,5/m/key",
    "request_login_code": "20/m/ip,3/m/key",
}
ALLAUTH_TRUSTED_PROXY_COUNT = env.get_int("TRUSTED_PROXY_COUNT", 0)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Voices"
REQUIRE_STAFF_MFA = env.get_bool("REQUIRE_STAFF_MFA", False)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Idle and absolute limits per role in seconds (SE-3; session_limits.py); "admin": admin users.
SESSION_LIMITS = {
    "admin": {
        "idle": 60 * env.get_int("STAFF_SESSION_IDLE_MINUTES", 30),
        "absolute": 60 * 60 * env.get_int("STAFF_SESSION_MAX_HOURS", 12),
    },
    "member": {
        "idle": 60 * env.get_int("MEMBER_SESSION_IDLE_MINUTES", 120),
        "absolute": 60 * 60 * 24 * env.get_int("MEMBER_SESSION_MAX_DAYS", 14),
    },
}
# The last-activity time is written at most this often, not on every request.
SESSION_ACTIVITY_WRITE_SECONDS = 60
# Cookie and stored session last the longest limit; the middleware ends each role's sooner.
SESSION_COOKIE_AGE = max(limit["absolute"] for limit in SESSION_LIMITS.values())

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.get("MEDIA_ROOT") or BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Media on S3-compatible object storage (django-storages) when several web machines share it:
# MEDIA_STORAGE_URL=s3://bucket/optional-prefix?endpoint_url=https://…&region=…; credentials
# come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY. Files are read through signed URLs.
MEDIA_STORAGE_URL = env.get("MEDIA_STORAGE_URL")
if MEDIA_STORAGE_URL:
    from urllib.parse import parse_qs, urlsplit

    _media = urlsplit(MEDIA_STORAGE_URL)
    _media_query = {key: values[-1] for key, values in parse_qs(_media.query).items()}
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": _media.netloc,
            "location": _media.path.strip("/"),
            "endpoint_url": _media_query.get("endpoint_url"),
            "region_name": _media_query.get("region"),
            "default_acl": None,
            "file_overwrite": False,
        },
    }

# Email: everything goes through the durable outbox (django-post-office); the worker delivers.
EMAIL_BACKEND = "post_office.EmailBackend"
EMAIL_TIMEOUT = env.get_int("EMAIL_TIMEOUT", 10) or 10
# Texts (website/sms.py): a sender class's dotted path turns them on; empty is off.
SMS_SENDER = env.get("SMS_SENDER") or ""
DEFAULT_FROM_EMAIL = env.get(
    "DEFAULT_FROM_EMAIL", "Voices <no-reply@voices.example.org>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_URL = env.get("EMAIL_URL")
EMAIL_HOST = env.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env.get_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.get("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env.get("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env.get_bool("EMAIL_USE_TLS", False)
if EMAIL_URL:
    from urllib.parse import unquote, urlsplit

    _mail = urlsplit(EMAIL_URL)
    if _mail.scheme not in {"smtp", "smtps", "submission"}:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            "EMAIL_URL must start with smtp://, smtps:// or submission://."
        )
    EMAIL_HOST = _mail.hostname or "localhost"
    EMAIL_PORT = _mail.port or {"smtps": 465, "submission": 587}.get(_mail.scheme, 25)
    EMAIL_HOST_USER = unquote(_mail.username or "")
    EMAIL_HOST_PASSWORD = unquote(_mail.password or "")
    EMAIL_USE_TLS = _mail.scheme == "submission"
    EMAIL_USE_SSL = _mail.scheme == "smtps"
DEV_MAILBOX_DIR = None  # the dev mailbox folder (website/devmail.py), dev settings only
DELIVERY_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
POST_OFFICE = {
    "BACKENDS": {"default": DELIVERY_EMAIL_BACKEND},
    "DEFAULT_PRIORITY": "medium",
    "MAX_RETRIES": 5,
    "RETRY_INTERVAL": timedelta(minutes=5),
    "MESSAGE_ID_ENABLED": True,
    "LOG_LEVEL": 2,
    "CELERY_ENABLED": False,
    # Mail of the same priority leaves in the order it was made.
    "SENDING_ORDER": ["-priority", "id"],
}

# Wagtail
WAGTAIL_SITE_NAME = "Voices"
# The public address for links and the sitemap (load_demo/set_site_url store it; site_url.py).
SITE_URL = env.get("SITE_URL") or f"http://127.0.0.1:{env.get('PORT') or '8000'}"
# Links in emails and the admin: the same public address unless set apart.
WAGTAILADMIN_BASE_URL = env.get("WAGTAILADMIN_BASE_URL") or SITE_URL
WAGTAILADMIN_LOGIN_URL = LOGIN_URL
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Every document downloads as an attachment; none is shown inline in the browser.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# A full disk or failing storage becomes a form error, never a 500 (UP-5, RL-8).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "website.uploads.StorageSafeDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "website.uploads.StorageSafeImageForm"
WAGTAILFORMS_HELP_TEXT_ALLOW_HTML = False
WAGTAILADMIN_COMMENTS_ENABLED = False

# Security defaults; production tightens transport settings.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Sent as "feature=()" on every response (website.middleware.PermissionsPolicyMiddleware).
PERMISSIONS_POLICY_DISABLED = [
    "accelerometer",
    "autoplay",
    "bluetooth",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "publickey-credentials-get",
    "serial",
    "usb",
    "xr-spatial-tracking",
]
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    # Wagtail's admin is not ready for a strict policy yet, so it gets report-only below.
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# Only the admin carries this (website.middleware.ContentSecurityPolicyMiddleware).
CONTENT_SECURITY_POLICY_REPORT_ONLY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [SELF],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"django.security.DisallowedHost": {"handlers": [], "propagate": False}},
}

# What the programme itself decides: demo accounts, enquiries, retention, payments.
from .programme import *  # noqa: E402, F403

# No avatars from gravatar.com: it would tell a third party who uses the admin (design.md §5).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
