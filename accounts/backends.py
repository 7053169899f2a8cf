"""Authentication backend: Django's ModelBackend, with the signed-in person read by compiled SQL.

Every page loads the person from the session's user id (django.contrib.auth.get_user). The ORM
spent about two thirds of that read building and compiling the same query again each time."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from coverage_portal.precompiled import PrecompiledRead

_USER_BY_ID = PrecompiledRead(lambda pk: get_user_model()._default_manager.filter(pk=pk).order_by(), pk=int)


class PortalModelBackend(ModelBackend):
    def get_user(self, user_id):
        if type(user_id) is not int:  # the session keeps the id as auth.get_user gives it: an int
            return super().get_user(user_id)
        user = _USER_BY_ID.first(pk=user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
