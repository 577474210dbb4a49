"""Password rules beyond Django's: refuse the words an attacker would try first (ASVS 6.2.11)."""

from django.core.exceptions import ValidationError

CONTEXT_WORDS = (
    "voices",
    "coproduction",
    "co-production",
    "westmidlands",
    "west midlands",
    "password",
)


class ContextWordsValidator:
    """Refuses passwords built around the programme's own name or region names."""

    def validate(self, password, user=None):
        folded = (password or "").lower().replace(" ", "")
        for word in CONTEXT_WORDS:
            if word.replace(" ", "") in folded:
                raise ValidationError(
                    "Choose a password that does not include the name of this programme, "
                    "a region or the word “password”.",
                    code="password_context_word",
                )

    def get_help_text(self):
        return "Your password cannot include the programme's name or a region name."
