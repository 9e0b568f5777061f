"""Only a superuser makes a superuser or changes one. A Beheerder manages people (``auth``
permissions), but may not tick "Administrator" (``is_superuser``) nor edit, switch off or
change the password of a superuser: that would give them, or whoever took over their
account, rights beyond their own. Wagtail's own check covers deleting; these hooks cover the
rest (the user views and the user bulk actions)."""

from django.contrib.auth import get_user_model
from django.http import HttpResponseForbidden
from django.utils.translation import gettext as _


def _refused():
    return HttpResponseForbidden(
        _("Alleen een superuser mag een superuser maken of aanpassen."),
        content_type="text/plain; charset=utf-8",
    )


def _makes_a_superuser(request) -> bool:
    return request.method == "POST" and bool(request.POST.get("is_superuser"))


def before_create_user(request):
    if not request.user.is_superuser and _makes_a_superuser(request):
        return _refused()
    return None


def before_edit_user(request, user):
    if request.user.is_superuser:
        return None
    if user.is_superuser or _makes_a_superuser(request):
        return _refused()
    return None


def before_bulk_action(request, action_type, objects, action_class_instance):
    if request.user.is_superuser or action_class_instance.model is not get_user_model():
        return None
    if any(user.is_superuser for user in objects):
        return _refused()
    return None
