"""The account model: a person signs in with their email address, never a username."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower


class VoicesUserManager(UserManager):
    """Creates users by email and finds them by email whatever its letter case."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractUser):
    """Anyone who signs in: members, co-chairs, leaders, editors and programme staff."""

    username = None
    email = models.EmailField("email address", max_length=254, unique=True)
    preferred_name = models.CharField(
        max_length=100,
        blank=True,
        help_text="What the person likes to be called; shown instead of their first name.",
    )
    inactivity_warning_sent_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When purge_expired warned that this long-unused account will be "
        "deleted; cleared when the person signs in.",
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = VoicesUserManager()

    class Meta:
        verbose_name = "user"
        verbose_name_plural = "users"
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_unique_ci"),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return self.preferred_name or self.get_full_name() or self.email.split("@")[0]

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)
