"""The person's payment forms: their preference, an expense with its receipt, and
sending a claim. Amounts are checked by the ledger, so a form and a service can never
disagree about what a valid amount is."""

from django import forms
from PIL import Image as PILImage
from PIL import UnidentifiedImageError

from members.accounts.services import clean_plain_text
from members.payments import fields, ledger
from members.payments.models import ExpenseCategory, PaymentChoice, PaymentPreference
from website import uploads

RECEIPT_MAX_BYTES = 5 * 1024 * 1024
RECEIPT_MAX_PIXELS = 40_000_000
RECEIPT_TYPES = {"pdf", "jpg", "jpeg", "png"}
BENEFITS_ADVICE = "https://www.citizensadvice.org.uk/benefits/"


class PreferenceForm(forms.ModelForm):
    """What the person wants; the payee reference is set by finance, not here."""

    read_information = forms.BooleanField(
        label="I have read how payments work",
        required=False,
        help_text="The payment information below says what we pay, when and how.",
    )

    class Meta:
        model = PaymentPreference
        fields = ["choice", "on_benefits", "weekly_limit", "year_limit", "employment"]
        labels = {
            "choice": "How would you like to be paid for taking part?",
            "on_benefits": "I receive welfare benefits and want a running total",
            "weekly_limit": "Warn me before my fees in one week go over (£)",
            "year_limit": "Warn me before my fees in one tax year go over (£)",
            "employment": "Your employment status for this work (if we asked you)",
        }
        help_texts = {
            "choice": "You can change this at any time. Choosing expenses only or no "
            "payment never affects whether you can take part.",
            "on_benefits": "We then show your totals and warn you before a claim would "
            "go over the figures you set. We cannot tell you what the figures should be.",
            "weekly_limit": "Leave empty for no weekly warning.",
            "year_limit": "The tax year runs from 6 April to 5 April. Leave empty for no "
            "yearly warning.",
        }
        widgets = {"choice": forms.RadioSelect, "employment": forms.RadioSelect}
        error_messages = {
            name: {
                "invalid": "Enter an amount in pounds, for example 120.00",
                "max_digits": "Enter an amount under £10,000,000",
                "max_decimal_places": "Enter pounds and pence only, for example 120.00",
                "max_whole_digits": "Enter an amount under £10,000,000",
                "min_value": "Enter an amount of £0.00 or more",
            }
            for name in ("weekly_limit", "year_limit")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["choice"].choices = PaymentChoice.choices
        self.fields["employment"].required = False
        self.fields["read_information"].initial = bool(
            self.instance.read_information_at
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("on_benefits") and not (
            cleaned.get("weekly_limit") or cleaned.get("year_limit")
        ):
            self.add_error(
                "weekly_limit",
                "Enter a weekly figure, a tax-year figure or both, so we know when to "
                "warn you",
            )
        return cleaned


class ExpenseForm(forms.Form):
    category = forms.ModelChoiceField(
        label="What was the expense for?",
        queryset=ExpenseCategory.objects.filter(active=True),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose what the expense was for",
            "invalid_choice": "Choose one of the kinds of expense listed",
        },
    )
    amount = forms.CharField(
        label="Amount (£)",
        max_length=20,
        help_text="In pounds and pence, for example 12.50.",
        error_messages={
            "required": "Enter the amount, for example 12.50",
            "max_length": "Enter an amount in pounds and pence, like 12.50",
        },
    )
    description = forms.CharField(
        label="Details",
        required=False,
        max_length=300,
        help_text="For example: return bus fare from Walsall.",
        error_messages={"max_length": "Keep the details to 300 characters or fewer"},
    )
    receipt = forms.FileField(
        label="Receipt",
        required=False,
        help_text="A photo (JPEG or PNG) or a PDF, up to 5 MB.",
        error_messages={"invalid": "Choose a file to upload, or leave it empty"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].label_from_instance = lambda category: (
            f"{category.name} (up to £{category.cap})"
        )

    def clean_amount(self):
        try:
            return ledger.money(self.cleaned_data["amount"])
        except ledger.PaymentError as problem:
            raise forms.ValidationError(str(problem)) from None

    def clean_description(self):
        return clean_plain_text(self.cleaned_data.get("description", ""))

    def clean_receipt(self):
        upload = self.cleaned_data.get("receipt")
        if not upload:
            return None
        problem = receipt_problem(upload)
        if problem:
            raise forms.ValidationError(problem)
        return upload


def receipt_problem(upload):
    """Why this file cannot be a receipt, or "" (type from its bytes, size, pixels)."""
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in RECEIPT_TYPES:
        return "The receipt must be a JPEG or PNG photo, or a PDF"
    if upload.size > RECEIPT_MAX_BYTES:
        return "The receipt must be 5 MB or smaller"
    upload.seek(0)
    if extension == "pdf":
        ok = upload.read(5) == b"%PDF-"
        upload.seek(0)
        return "" if ok else "This file is not a PDF. Choose a PDF, JPEG or PNG"
    pixels = uploads.declared_pixels(upload)
    if pixels is None or pixels > RECEIPT_MAX_PIXELS:
        return "This photo cannot be read or is too large. Try a smaller JPEG or PNG"
    try:
        upload.seek(0)
        with PILImage.open(upload) as image:
            kind = (image.format or "").lower()
    except (UnidentifiedImageError, OSError, ValueError):
        kind = ""
    upload.seek(0)
    if kind not in ("jpeg", "png"):
        return "This file is not a JPEG or PNG photo. Choose a PDF, JPEG or PNG"
    return ""


class SendForm(forms.Form):
    """Sending a claim; the fee question appears only when a limit would be crossed."""

    take_fee = forms.TypedChoiceField(
        label="What would you like to do?",
        choices=[
            ("yes", "Send it with the fee"),
            ("no", "Send it for my expenses only, without the fee"),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        initial="yes",
        error_messages={"required": "Choose whether to take the fee"},
    )


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label="Why is it returned?",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The person sees this, so say what to put right.",
        error_messages={
            "required": "Say why the claim is returned",
            "max_length": "Keep the reason to 500 characters or fewer",
        },
    )

    def clean_reason(self):
        return clean_plain_text(self.cleaned_data["reason"])


class PayForm(forms.Form):
    reference = forms.CharField(
        label="Payment reference",
        max_length=60,
        help_text="From the finance system, for example the BACS run and line.",
        error_messages={
            "required": "Enter the payment reference",
            "max_length": "Keep the reference to 60 characters or fewer",
        },
    )
    paid_on = fields.day_field("Date paid", "Enter the date it was paid")

    def clean_reference(self):
        return clean_plain_text(self.cleaned_data["reference"])


class PayeeForm(forms.Form):
    payee_reference = forms.CharField(
        label="Payee reference in the finance system",
        max_length=40,
        help_text="The person's supplier or payee number. Never bank details.",
        error_messages={
            "required": "Enter the payee reference",
            "max_length": "Keep the reference to 40 characters or fewer",
        },
    )

    def clean_payee_reference(self):
        return clean_plain_text(self.cleaned_data["payee_reference"])
