"""Schemathesis over the whole OpenAPI schema, in process (security review, finding 1; issue 11
item 8): every operation gets generated requests, valid and not, as the complaints officer, and
every answer must be no server error and match the schema. A stateful run then chains calls.

The example count is bounded (PUTRIGHT_SCHEMATHESIS_EXAMPLES, default 8 an operation) so that CI
stays quick; `make test-deep`-style runs can raise it. Path references are drawn from real
complaints, so that the bodies reach the services and not only a 404."""

import datetime as dt
import os
import random

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from hypothesis.stateful import run_state_machine_as_test
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from putright.accounts.services import user_api_token
from tests.factories import acknowledge, log_complaint, respond

EXAMPLES = int(os.environ.get("PUTRIGHT_SCHEMATHESIS_EXAMPLES", "8"))
CHECKS = [not_a_server_error, response_schema_conformance]
REFERENCES: list[str] = []

schema = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
schema.app = get_wsgi_application()


@schema.hook
def map_path_parameters(context, path_parameters):
    # Mostly a real complaint, sometimes whatever was generated (a 404 must conform too).
    real = path_parameters and "reference" in path_parameters and REFERENCES
    if real and random.random() < 0.8:
        path_parameters["reference"] = random.choice(REFERENCES)
    return path_parameters


@pytest.fixture
def in_the_test_transaction():
    # As Django's test client does: a request's end must not close the test's connection (on
    # PostgreSQL that would end the transaction the test runs in).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(db, olivia, hannah, in_the_test_transaction):
    received = log_complaint(user=olivia)
    investigating = acknowledge(log_complaint(user=olivia), user=hannah, handler=hannah)
    taken = acknowledge(log_complaint(user=olivia), user=hannah, handler=hannah)
    responded = respond(taken, user=hannah, on=dt.date(2025, 11, 14))
    REFERENCES[:] = [c.reference for c in (received, investigating, responded)]
    yield user_api_token(user=olivia)
    REFERENCES.clear()


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_within_its_schema(case, token):
    case.call_and_validate(headers={"Authorization": f"Token {token}"}, checks=CHECKS)


def test_chains_of_calls_answer_within_the_schema(token):
    """The stateful phase: calls chained through the links schemathesis infers between the
    operations (a complaint created, then read, acted on and listed)."""
    headers = {"Authorization": f"Token {token}"}

    class Workflow(schema.as_state_machine()):
        def get_call_kwargs(self, case):
            return {"headers": headers}

        def validate_response(self, response, case, additional_checks=(), **kwargs):
            case.validate_response(response, checks=CHECKS)

    run_state_machine_as_test(
        Workflow,
        settings=settings(
            max_examples=EXAMPLES,
            stateful_step_count=6,
            deadline=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        ),
    )
