"""Schemathesis against the API's own OpenAPI schema, in process through the WSGI app: any
request the schema allows (and many it does not) gets an answer below 500. Bounded: a fixed
number of examples per operation, derandomised, no per-example deadline, so the suite stays
fast and repeatable. (Schemathesis' pytest plugin does not work with pytest 9 yet, so the
test draws cases from each operation's Hypothesis strategy itself.)"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

from tests.factories import make_offer

EXAMPLES_PER_OPERATION = 40


def _operations():
    from config.wsgi import application

    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    return [result.ok() for result in schema.get_all_operations()]


def _checker(operation, failures, calls):
    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        response = case.call()
        calls.append(operation.label)
        if response.status_code >= 500:
            failures.append((operation.label, case.path_parameters, case.query))
        assert response.status_code < 500

    return check


@pytest.fixture
def keep_the_test_connection():
    """The WSGI app closes the database connection after each request; inside the test's
    transaction it must stay open (Django's own test client does the same)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@pytest.mark.usefixtures("keep_the_test_connection")
def test_no_request_makes_the_api_fail():
    make_offer(title="Koffie-ochtend", needs=("ontmoeting",))
    operations = _operations()
    assert len(operations) >= 3, [op.label for op in operations]
    failures, calls = [], []
    for operation in operations:
        _checker(operation, failures, calls)()
    assert not failures
    assert set(calls) == {operation.label for operation in operations}
    assert len(calls) >= 10 * len(operations)
