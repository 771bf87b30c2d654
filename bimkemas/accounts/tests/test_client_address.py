"""The address a login comes from: REMOTE_ADDR, or the trusted proxy's header when set."""

from django.test import RequestFactory

from bimkemas.accounts.lockout import client_ip


def request(**meta):
    return RequestFactory().post("/login/", REMOTE_ADDR="10.0.0.9", **meta)


def test_it_uses_the_remote_address_by_default(settings):
    settings.CLIENT_IP_HEADER = ""

    assert client_ip(request(HTTP_X_FORWARDED_FOR="1.2.3.4")) == "10.0.0.9"


def test_it_believes_the_configured_proxy_header(settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"

    assert client_ip(request(HTTP_X_REAL_IP="1.2.3.4")) == "1.2.3.4"


def test_it_takes_the_address_the_proxy_appended_to_x_forwarded_for(settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"

    assert client_ip(request(HTTP_X_FORWARDED_FOR="6.6.6.6, 1.2.3.4")) == "1.2.3.4"


def test_it_falls_back_to_the_remote_address_for_a_missing_or_bad_header(settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"

    assert client_ip(request()) == "10.0.0.9"
    assert client_ip(request(HTTP_X_REAL_IP="not-an-address")) == "10.0.0.9"
