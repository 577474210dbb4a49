"""The demo's home page, its site, the moderation workflow and the home page's hero."""

from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Page, Site, Workflow, WorkflowPage

from home.demo.build import link, stream
from home.demo.images import IMAGES
from home.models import HomePage
from website import site_url


def ensure_home_page():
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        # Wagtail's first migration leaves a "Welcome" placeholder at the slug we want.
        for placeholder in root.get_children().exclude(
            content_type__model="homepage", content_type__app_label="home"
        ):
            if placeholder.slug == "home":
                placeholder.delete()
        home = HomePage(
            title="Voices",
            slug="home",
            seo_title="Voices: lived experience shaping health and care",
            intro=(
                "People with long-term conditions and unpaid carers working one to one with "
                "senior leaders, so that health and care services are shaped with the people "
                "who use them."
            ),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    return home


def ensure_site(home):
    """The default Site, on the configured address (SITE_URL) so its links are right."""
    hostname, port = site_url.host_and_port()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name="Voices",
        )
        return
    if site.root_page_id != home.pk or site.site_name != "Voices":
        site.root_page = home
        site.site_name = "Voices"
        site.save()
    site_url.apply_to_site(site)


def ensure_moderation_workflow():
    """A "Moderators approval" workflow on the root, so every page goes through review."""
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is None:
        return None
    task = GroupApprovalTask.objects.filter(name="Moderators approval").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name="Moderators approval")
    if not task.groups.filter(pk=moderators.pk).exists():
        task.groups.add(moderators)
    workflow = Workflow.objects.filter(name="Moderators approval").first()
    if workflow is None:
        workflow = Workflow.objects.create(name="Moderators approval", active=True)
    if not workflow.workflow_tasks.filter(task=task).exists():
        workflow.workflow_tasks.create(task=task, sort_order=0)
    root = Page.get_first_root_node()
    if not WorkflowPage.objects.filter(page=root).exists():
        WorkflowPage.objects.create(page=root, workflow=workflow)
    return workflow


def ensure_home_content(home, programme, images):
    """Fill the home page's hero once; later edits by editors are left alone."""
    home = HomePage.objects.get(pk=home.pk)
    if home.hero_heading:
        return home
    home.hero_heading = "Lived experience, shaping health and care"
    home.hero_text = (
        "People who live with long-term conditions, and unpaid carers, coach senior "
        "leaders one to one, so the people who use services help decide how they work."
    )
    home.hero_image = images["hero"]
    home.hero_image_alt = IMAGES["hero"][1]
    home.hero_actions = stream(
        ("link", link("/enquire/", "Ask about coaching")),
        ("link", link(page=programme, text="How the programme works")),
    )
    home.featured_programme = programme
    home.save_revision().publish()
    return home
