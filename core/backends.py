from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class StaffBackend(ModelBackend):
    """Django's backend, loading what every page needs with the user: the staff profile with
    its library and branch, and the groups that make up the roles (2 queries instead of 4)."""

    def get_user(self, user_id):
        user_model = get_user_model()
        try:
            user = (
                user_model._default_manager.select_related("profile__library", "profile__branch")
                .prefetch_related("groups")
                .get(pk=user_id)
            )
        except user_model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
