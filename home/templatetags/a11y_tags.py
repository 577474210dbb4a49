"""Accessibility helpers for form templates."""

from django import template

register = template.Library()


@register.simple_tag
def described_widget(field):
    """Render a field's widget with `aria-describedby` pointing at the hint and error ids
    that `components/field.html` prints (`<id>-hint`, `<id>-error`). Django's own default
    points at `<id>_helptext`, which our templates do not print."""
    ids = (field.field.widget.attrs.get("aria-describedby") or "").split()
    ids = [i for i in ids if not i.endswith("_helptext")]
    if field.help_text:
        ids.append(f"{field.auto_id}-hint")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    attrs = {"aria-describedby": " ".join(dict.fromkeys(ids))} if ids else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)
