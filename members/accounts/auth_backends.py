"""Sign-in through allauth, with a person's permissions read in one query.

Django's ModelBackend reads a person's own permissions and their groups' permissions in
two queries the first time any permission is checked in a request; every portal page
checks some (which panels to show), so every signed-in page paid both. The rules are the
same: inactive people have none, superusers have all, everyone else has the union of their
own and their groups' permissions.
"""

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth.models import Permission
from django.db.models import Q

from website import roles


class VoicesAuthenticationBackend(AuthenticationBackend):
    def get_user(self, user_id):
        """The signed-in person for this request, with the facts features registered in
        `website.roles` read in the same query (ModelBackend's rules otherwise)."""
        user = roles.person_with_facts(user_id)
        if user is None or not self.user_can_authenticate(user):
            return None
        return user

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            permissions = Permission.objects.all()
            if not user_obj.is_superuser:
                permissions = permissions.filter(
                    Q(user=user_obj) | Q(group__user=user_obj)
                )
            user_obj._perm_cache = {
                f"{app_label}.{codename}"
                for app_label, codename in permissions.values_list(
                    "content_type__app_label", "codename"
                ).order_by()
            }
        return user_obj._perm_cache
