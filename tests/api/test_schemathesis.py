"""Property-based tests of the API against its own OpenAPI document (schemathesis), in
process through the Django WSGI application: no server error, and every response (errors
included) matches the document."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from tests.reports.helpers import ready_report

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def filled(world, adopted, tokens, catalogue, settings):
    settings.API_RATE_ANON = settings.API_RATE_TOKEN = ""  # limits are tested apart
    ready_report(world.home, published=True)
    # As Django's test client does: the WSGI handler would otherwise close the test's
    # database connection (and its transaction) at the end of each request.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield tokens
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
@pytest.mark.django_db(transaction=False)
def test_the_api_keeps_to_its_document(case, filled):
    case.call_and_validate(
        headers={"Authorization": f"Bearer {filled['alice']}"},
        checks=[not_a_server_error, response_schema_conformance, status_code_conformance],
    )
