from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.views.decorators.http import require_POST
from wagtail.models import Page

from checks.models.words import current_word_list
from checks.page_checks import check_page
from checks.presenters import panel_context


@require_POST
def live_edit(request, page_id):
    """Check the draft as it is in the editor's form right now (not saved)."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    draft = page.get_latest_revision_as_object()
    return _check_form(request, draft, page.get_parent())


@require_POST
def live_create(request, app_label, model_name, parent_id):
    parent = get_object_or_404(Page, pk=parent_id)
    try:
        model = ContentType.objects.get_by_natural_key(app_label, model_name).model_class()
    except ContentType.DoesNotExist:
        raise Http404 from None
    if model is None or not issubclass(model, Page):
        raise Http404
    if not parent.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    return _check_form(request, model(), parent)


def _check_form(request, page, parent):
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(
        request.POST, request.FILES, instance=page, parent_page=parent, for_user=request.user
    )
    if form.is_valid():
        draft = form.save(commit=False)
    else:  # other fields may still be wrong; the text fields are what we check
        draft = page
        for name, value in form.cleaned_data.items():
            if name in {f.name for f in type(page)._meta.concrete_fields}:
                setattr(draft, name, value)
    html = render_to_string(
        "checks/includes/findings.html",
        panel_context(check_page(draft, current_word_list())),
        request=request,
    )
    return JsonResponse({"html": html})
