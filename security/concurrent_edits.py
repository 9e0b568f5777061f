"""Two editors saving the same page: the second one is told, and nothing is lost.

Wagtail 8 already warns editors in the browser when someone else edits or saves the same page
(the concurrent-editing notifications), and refuses an autosave over a newer version. A plain
form save (for example without JavaScript, or after ignoring the notice) is not refused: it
becomes a new revision. The other editor's version stays in the page's history, so nothing is
lost; this hook makes sure the editor who saved second is told so, with a button to compare
the two versions."""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from wagtail.admin import messages


def _loaded_revision_is_outdated(request, page) -> tuple[bool, object]:
    latest = page.get_latest_revision()
    if latest is None:
        return False, None
    loaded_id = request.POST.get("overwrite_revision_id") or request.POST.get("loaded_revision_id")
    if not loaded_id:
        return False, latest
    if loaded_id != str(latest.pk):
        return True, latest
    if request.POST.get("overwrite_revision_id"):
        return False, latest
    loaded_at = request.POST.get("loaded_revision_created_at", "")
    return bool(loaded_at) and loaded_at != latest.created_at.isoformat(), latest


def warn_when_saving_over_a_newer_version(request, page):
    if request.method != "POST" or not request.accepts("text/html"):
        return None
    outdated, latest = _loaded_revision_is_outdated(request, page)
    if not outdated:
        return None
    request.buurtwijzer_saved_over = latest
    return None


def tell_who_saved_first(request, page):
    other = getattr(request, "buurtwijzer_saved_over", None)
    if other is None:
        return
    mine = page.get_latest_revision()
    who = other.user.get_full_name() or other.user.get_username() if other.user else _("iemand")
    messages.warning(
        request,
        _(
            "Let op: %(who)s heeft deze pagina om %(time)s ook opgeslagen, terwijl u hem "
            "bewerkte. Uw versie is nu de nieuwste. De versie van %(who)s is niet weg: die staat "
            "in de geschiedenis. Vergelijk de twee versies en zet terug wat nodig is."
        )
        % {"who": who, "time": date_format(localtime(other.created_at), "H:i")},
        buttons=[
            messages.button(
                reverse(
                    "wagtailadmin_pages:revisions_compare",
                    args=[page.pk, other.pk, mine.pk],
                ),
                _("Vergelijk de versies"),
            )
        ],
    )
