"""Widgets render through Django's Jinja2 templates (faster, same HTML), and widgets whose
templates exist only for the Django engine (Wagtail's admin widgets) still render."""

import re

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.template import TemplateDoesNotExist

from website.form_rendering import JinjaFirstRenderer


class Choices(forms.Form):
    name = forms.CharField(max_length=10)
    colours = forms.MultipleChoiceField(
        choices=[("red", "Red"), ("blue", "Blue <b>")],
        widget=forms.CheckboxSelectMultiple,
    )


def same_markup(one, other):
    """Equal apart from the whitespace between tags, which browsers ignore here."""

    def squeeze(html):
        return re.sub(r">\s+<", "><", " ".join(html.split()))

    return squeeze(one) == squeeze(other)


def test_the_site_uses_the_jinja_first_renderer():
    assert isinstance(Choices().renderer, JinjaFirstRenderer)


def test_django_widgets_come_from_jinja2_with_the_same_html():
    form = Choices(data={"name": "<script>", "colours": ["blue"]})
    fast = form["colours"].as_widget()
    form.renderer = DjangoTemplates()
    assert same_markup(fast, form["colours"].as_widget())
    assert "Blue &lt;b&gt;" in fast
    assert 'value="blue"' in fast and "checked" in fast
    assert (
        JinjaFirstRenderer()
        .get_template("django/forms/widgets/checkbox_select.html")
        .template.__class__.__module__.startswith("jinja2")
    )


def test_templates_only_the_django_engine_has_still_render():
    renderer = JinjaFirstRenderer()
    name = "wagtailadmin/widgets/switch.html"
    assert renderer.get_template(name) is not None
    assert name in renderer._django_only  # the next lookup goes straight there
    with pytest.raises(TemplateDoesNotExist):
        renderer.get_template("no/such/widget.html")


def test_an_admin_edit_form_still_renders(client, superuser, home_page):
    client.force_login(superuser)
    response = client.get(f"/admin/pages/{home_page.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="title"' in html and "data-controller" in html
