"""The oracle's hypothesis profiles and marker.

HYPOTHESIS_PROFILE=ci (the default) keeps the whole oracle under a minute on SQLite on a small
machine; HYPOTHESIS_PROFILE=deep runs long random histories for a night's search."""

import os

from hypothesis import HealthCheck, settings

_QUIET = [HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large]

settings.register_profile(
    "ci",
    max_examples=25,
    stateful_step_count=20,
    deadline=None,
    suppress_health_check=_QUIET,
    print_blob=True,
)
settings.register_profile(
    "deep",
    max_examples=500,
    stateful_step_count=50,
    deadline=None,
    suppress_health_check=_QUIET,
    print_blob=True,
)


def oracle_settings() -> settings:
    """The profile named by HYPOTHESIS_PROFILE (ci unless told), applied to the oracle's tests
    only, so that the rest of the suite keeps its own hypothesis settings."""
    try:
        return settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
    except Exception:  # a profile registered elsewhere, or none: the bounded one
        return settings.get_profile("ci")


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "oracle: random case histories checked against a reference implementation"
    )
