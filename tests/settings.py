"""The test suite's settings: the production settings (DEBUG off, so every secure default is what
is tested), with a key of the suite's own and plain HTTP, which is what the test client speaks."""

import os

os.environ.setdefault("SECRET_KEY", "putright-test-suite-only-Zq4uX2mP8vR6tY1wK3nB7cL5dF9hJ0sA")

from putright.settings import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0

# Commands the tests start as subprocesses run the product's own settings, as an operator would.
os.environ["DJANGO_SETTINGS_MODULE"] = "putright.settings"

# The test client's host: links in messages and letters open through it.
PUTRIGHT_SITE_URL = "http://testserver"
