"""Site-level views of the content app (search arrives with the content issue)."""

app_name = "home"

urlpatterns = []
