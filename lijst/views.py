"""/lijst/: a shortlist of offers to print or send. The list is in the address (``?ids=``)
and, with JavaScript, in the visitor's own browser (localStorage); the server keeps nothing."""

from django.http import Http404, HttpResponseRedirect, QueryDict
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from aanbod.models import AanbodPage

from . import ids as list_ids
from . import share
from .entries import entries
from .forms import MAX_FROM, MAX_NOTE, SheetNoteForm


def _read(request):
    """(ids, error message)."""
    try:
        ids = list_ids.parse(request.GET.getlist("ids"))
        changes = {name: list_ids.parse(request.GET.getlist(name)) for name in ("bij", "weg")}
    except list_ids.BadList as error:
        return None, None, str(error)
    return ids, changes, ""


def _bad(request, message, template="lijst/shortlist.html"):
    return TemplateResponse(request, template, {"error": message, "entries": []}, status=400)


def _back_to(request, new, added) -> str:
    """Where "Bewaar" on a search result returns (``terug``: the search's own address on this
    site), carrying the new list as ``?lijst=`` and landing on the result just saved; '' when there
    is no such address."""
    back = request.GET.get("terug", "")
    if not back.startswith("/") or not url_has_allowed_host_and_scheme(back, allowed_hosts=None):
        return ""
    path, _sep, query = back.partition("?")
    params = QueryDict(query, mutable=True)
    params["lijst"] = list_ids.join(new)
    anchor = f"#resultaat-{added[-1]}" if added else ""
    return f"{path}?{params.urlencode()}{anchor}" if new else ""


@require_GET
def shortlist(request):
    ids, changes, error = _read(request)
    if error:
        return _bad(request, error)
    if changes["bij"] or changes["weg"]:
        # "Bewaar" and "Haal weg" without JavaScript: one redirect to the list's own address.
        new = [i for i in ids if i not in changes["weg"]]
        new += [i for i in changes["bij"] if i not in new]
        try:
            new = list_ids.parse([list_ids.join(new)])
        except list_ids.BadList as too_long:
            return _bad(request, str(too_long))
        back = _back_to(request, new, changes["bij"])
        if back:
            return HttpResponseRedirect(back)
        target = reverse("lijst:shortlist")
        return HttpResponseRedirect(f"{target}?ids={list_ids.join(new)}" if new else target)
    found, missing = entries(ids, request)
    context = {
        "entries": found,
        "missing": missing,
        "ids": list_ids.join(e.offer.pk for e in found),
    }
    context["from_url"] = "ids" in request.GET
    if found:
        url = share.list_url(request, [e.offer.pk for e in found])
        context.update(
            share_url=url,
            mailto=share.mailto(found, url),
            sms=share.sms(url),
            note_form=SheetNoteForm(initial={"ids": context["ids"]}),
            entries_with_remove=[
                (e, f"?ids={list_ids.join(i for i in ids if i != e.offer.pk)}") for e in found
            ],
        )
    return TemplateResponse(request, "lijst/shortlist.html", context)


def _short(value: str, limit: int) -> str:
    """Plain text of at most ``limit`` characters, without control characters, line breaks
    kept (as \n) for the note."""
    lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cleaned = "\n".join(
        " ".join("".join(c for c in line if c.isprintable()).split()) for line in lines
    ).strip()
    return cleaned[:limit].strip()


@require_GET
def sheet(request):
    """The A4 referral sheet: per offer what, when, where, cost, registration, first contact
    and a QR code to its page; with ``van`` and ``notitie``, who referred and a note."""
    ids, _changes, error = _read(request)
    if error:
        return _bad(request, error)
    found, missing = entries(ids, request)
    referrer = _short(request.GET.get("van", ""), MAX_FROM).replace("\n", " ")
    note = _short(request.GET.get("notitie", ""), MAX_NOTE)
    response = TemplateResponse(
        request,
        "lijst/sheet.html",
        {
            "entries": found,
            "missing": missing,
            "ids": list_ids.join(e.offer.pk for e in found),
            "referrer": referrer,
            "note": note,
        },
    )
    if "van" in request.GET or "notitie" in request.GET:
        # A name and a note about someone: no copy in a shared cache or the browser's history.
        response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def card(request, page_id):
    """An A5 card about one offer, to give to someone."""
    if not AanbodPage.objects.listed().filter(pk=page_id).exists():
        raise Http404
    found, _missing = entries([int(page_id)], request)
    return TemplateResponse(request, "lijst/card.html", {"entry": found[0]})
