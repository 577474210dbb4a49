"""Form widgets drawn through Jinja2, which Django ships templates for.

Django renders every widget, and every option of a choice list, through its own template
engine; on a form with checkbox lists and a region menu that was most of the page's time
(the profile form, issue 18). Django's Jinja2 copies of its widget templates give the same
HTML several times faster. Widgets whose templates exist only for the Django engine
(Wagtail's admin widgets) still render through it: a name Jinja2 does not have is
remembered and sent straight there next time.
"""

from django.forms.renderers import BaseRenderer, DjangoTemplates, Jinja2
from django.template import TemplateDoesNotExist


class JinjaFirstRenderer(BaseRenderer):
    """FORM_RENDERER: Django's form templates through Jinja2, anything else as before."""

    def __init__(self):
        self.jinja = Jinja2()
        self.django = DjangoTemplates()
        self._django_only = set()

    def get_template(self, template_name):
        if template_name not in self._django_only:
            try:
                return self.jinja.get_template(template_name)
            except TemplateDoesNotExist:
                self._django_only.add(template_name)
        return self.django.get_template(template_name)
