"""The site's JSON API (django-ninja), mounted at /api/v1/. Apps add their routers here.

Every error is ``{"error": "..."}`` in plain Dutch with a 4xx status, also when ninja itself
rejects a parameter (it would answer 422 with its own format).
"""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from hsds.api import router as hsds_router
from search.api import router as search_router

api = NinjaAPI(title="Buurtwijzer Utrecht API", version="1", urls_namespace="api")


def _describe(problem: dict) -> str:
    name = str(problem.get("loc", ["?"])[-1])
    kind = problem.get("type", "")
    if kind == "missing":
        return _("'%(name)s' ontbreekt.") % {"name": name}
    if kind.startswith("int_"):
        return _("'%(name)s' moet een heel getal zijn, bijvoorbeeld 1.") % {"name": name}
    if kind.startswith(("float_", "decimal_")):
        return _("'%(name)s' moet een getal zijn.") % {"name": name}
    if kind.startswith("bool_"):
        return _("'%(name)s' moet true of false zijn.") % {"name": name}
    return _("De waarde van '%(name)s' klopt niet.") % {"name": name}


@api.exception_handler(ValidationError)
def validation_error(request, exc: ValidationError):
    message = " ".join(dict.fromkeys(_describe(problem) for problem in exc.errors))
    return api.create_response(request, {"error": message or _("De vraag klopt niet.")}, status=400)


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    return api.create_response(request, {"error": exc.message}, status=exc.status_code)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"error": _("Dit bestaat niet.")}, status=404)


api.add_router("/", hsds_router)
api.add_router("/", search_router)
