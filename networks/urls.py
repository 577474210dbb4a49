"""Network portal URLs (co-chair workspace) arrive with the networks issue."""

app_name = "networks"

urlpatterns = []
