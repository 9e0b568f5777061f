"""The error pages. With the database down the site answers "even niet beschikbaar" (503 with
Retry-After, so browsers and monitors know it is passing) instead of a 500; pages in the page
cache keep being served, since the cache middleware answers before anything reads the database.
"""

import sys

from django.db import DatabaseError
from django.http import HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token
from django.views.defaults import server_error

RETRY_AFTER_SECONDS = 60


@requires_csrf_token
def error_500(request):
    error = sys.exc_info()[1]
    if not isinstance(error, DatabaseError):
        return server_error(request)
    # Like Django's server_error: no request context, so nothing else can touch the database.
    response = HttpResponseServerError(loader.get_template("503.html").render())
    response.status_code = 503
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
