"""Who may sign in with a password: staff only. Patients' way in is a one-time link
(accounts.views.use_link), so a password set on a patient's account by anyone, an
admin included, can never be used to sign in as them."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django_scopes import scopes_disabled


class StaffPasswordBackend(ModelBackend):
    """ModelBackend, except that a patient's username and password never authenticate.
    Sessions are checked as before (get_user), so a patient signed in by link stays in."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        # Nobody is known yet, so no clinic scope: the username decides.
        with scopes_disabled():
            user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is not None and user.is_patient and not user.is_staff:
            return None
        return user

    def get_user(self, user_id):
        """The signed-in person, with their clinic (its details are on every page), read
        before the request's clinic scope opens: that scope is theirs."""
        with scopes_disabled():
            try:
                user = (
                    get_user_model()
                    ._default_manager.select_related("clinic", "clinic__organisation")
                    .get(pk=user_id)
                )
            except get_user_model().DoesNotExist:
                return None
        return user if self.user_can_authenticate(user) else None
