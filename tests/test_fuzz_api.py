"""A bounded schemathesis run against the real app in-process, over a real store of the seed
articles: every operation in the OpenAPI schema, with valid and invalid data, each request sent
without a token, with the write token and with a wrong one. No answer may be a server error, and
every answer must carry the security headers.

The ≥10,000-request campaign is `python benchmarks/fuzz_api.py` (figures in
benchmarks/results-hardening.md); LIAISON_FUZZ_EXAMPLES raises this run's size.
"""
from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.generation.modes import GenerationMode

from liaison.api.guard import SECURITY_HEADERS

EXAMPLES = int(os.environ.get("LIAISON_FUZZ_EXAMPLES", "8"))
TOKEN = "fuzz-token"


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    from fixtures.seeded import seeded_store

    from liaison.api.app import create_app
    from liaison.settings import Settings
    store = seeded_store(tmp_path_factory.mktemp("fuzz-api"))
    app = create_app(store, Settings(api_token=TOKEN, max_bytes=100_000))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def _check(case) -> int:
    for token in (None, TOKEN, "wrong"):            # reads and writes, allowed and refused
        response = case.call(headers={"X-Liaison-Token": token} if token else {})
        case.validate_response(response, checks=[not_a_server_error])
        for name, value in SECURITY_HEADERS.items():
            assert response.headers.get(name.lower()) == [value], (case.path, name)
    return 3


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_request_is_a_server_error(api_schema, mode):
    sent, fuzzed = 0, 0
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 12
    for operation in operations:
        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def run(case):
            nonlocal sent
            sent += _check(case)
        try:
            run()
            fuzzed += 1
        except Unsatisfiable:       # nothing in this operation can be made invalid (no parameters)
            assert mode == GenerationMode.NEGATIVE
    assert fuzzed >= len(operations) // 2 and sent >= fuzzed * 3
    print(f"\nschemathesis {mode.value}: {sent} requests over {fuzzed} operations, 0 server errors")
