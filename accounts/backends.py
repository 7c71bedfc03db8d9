"""Who may sign in with a password: staff only. Patients' way in is a one-time link
(accounts.views.use_link), so a password set on a patient's account by anyone, an
admin included, can never be used to sign in as them."""

from django.contrib.auth.backends import ModelBackend


class StaffPasswordBackend(ModelBackend):
    """ModelBackend, except that a patient's username and password never authenticate.
    Sessions are checked as before (get_user), so a patient signed in by link stays in."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is not None and user.is_patient and not user.is_staff:
            return None
        return user
