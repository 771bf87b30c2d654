"""Without DEBUG the web server refuses the public development key; HTTPS is on by default."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured

from config.startup import refuse_insecure_settings

SHOW = (
    "import json, django; from django.conf import settings as s; django.setup(); "
    "print(json.dumps([s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, "
    "s.SECURE_HSTS_INCLUDE_SUBDOMAINS]))"
)
UNSET = ("SECRET_KEY", "DEBUG", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS")


def python(code: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in UNSET}
    return subprocess.run(  # noqa: S603 (this interpreter, fixed code)
        [sys.executable, "-c", code],
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
        cwd=django_settings.BASE_DIR,
        check=False,
    )


def test_it_refuses_the_development_key_without_debug(settings):
    settings.DEBUG = False
    settings.SECRET_KEY = settings.DEVELOPMENT_SECRET_KEY

    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY is not set"):
        refuse_insecure_settings()


def test_it_accepts_a_real_key_or_debug(settings):
    settings.DEBUG = False
    settings.SECRET_KEY = "x" * 50
    refuse_insecure_settings()

    settings.DEBUG = True
    settings.SECRET_KEY = settings.DEVELOPMENT_SECRET_KEY
    refuse_insecure_settings()


def test_the_web_server_does_not_start_without_a_secret_key():
    result = python("import config.wsgi")

    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    assert python("import config.wsgi", SECRET_KEY="k" * 50).returncode == 0


def test_https_is_on_by_default_and_each_part_can_be_turned_off():
    assert json.loads(python(SHOW).stdout) == [True, 31536000, True]
    assert json.loads(python(SHOW, DEBUG="1").stdout) == [False, 0, True]
    plain = python(SHOW, SECURE_SSL_REDIRECT="0", SECURE_HSTS_SECONDS="0")
    assert json.loads(plain.stdout) == [False, 0, True]
