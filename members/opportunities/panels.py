"""Admin panels for the opportunity page editor."""

from django.db.models import Count, Q
from django.urls import reverse
from wagtail.admin.panels import Panel

from members.opportunities.choices import InterestStatus
from members.opportunities.models import ExpressionOfInterest


class InterestCountsPanel(Panel):
    """Read-only figures on an opportunity's edit page: interests, shortlisted, accepted."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "members/opportunities/admin/counts_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            status = InterestStatus
            counts = ExpressionOfInterest.objects.filter(
                opportunity_id=self.instance.pk
            ).aggregate(
                total=Count("pk"),
                shortlisted=Count("pk", filter=Q(status=status.SHORTLISTED)),
                accepted=Count("pk", filter=Q(status=status.ACCEPTED)),
                waiting=Count("pk", filter=Q(status=status.WAITING_LIST)),
            )
            counts["places_left"] = max(
                (self.instance.places or 0) - counts["accepted"], 0
            )
            context["counts"] = counts
            user = self.request.user if self.request else None
            if user and user.has_perm("members.view_expressionofinterest"):
                context["list_url"] = (
                    reverse("members_expressionofinterest_modeladmin_index")
                    + f"?opportunity={self.instance.pk}"
                )
            return context
