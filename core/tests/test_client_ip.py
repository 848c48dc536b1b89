"""The client's address behind trusted proxies (issue 13, Medium 8): one function for the login
throttle (django-axes) and the audit log."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from core.http import client_ip
from org.tests.factories import UserFactory

PROXY = "127.0.0.1"


def request(forwarded=None, remote=PROXY):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_without_trusted_proxies_the_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_HOPS = 0
    assert client_ip(request("203.0.113.5")) == PROXY


def test_behind_one_proxy_the_address_it_saw_is_the_client(settings):
    settings.TRUSTED_PROXY_HOPS = 1
    # The client forged "10.0.0.1"; the proxy appended the address it really saw.
    assert client_ip(request("10.0.0.1, 203.0.113.5")) == "203.0.113.5"


def test_behind_two_proxies_the_outer_proxys_view_is_the_client(settings):
    settings.TRUSTED_PROXY_HOPS = 2
    assert client_ip(request("10.0.0.1, 203.0.113.5, 192.168.1.2")) == "203.0.113.5"


def test_a_request_that_skipped_the_proxies_keeps_its_own_address(settings):
    settings.TRUSTED_PROXY_HOPS = 2
    assert client_ip(request("203.0.113.5", remote="198.51.100.9")) == "198.51.100.9"


def test_garbage_in_the_header_falls_back_to_the_peer(settings):
    settings.TRUSTED_PROXY_HOPS = 1
    assert client_ip(request("<script>")) == PROXY


@pytest.mark.django_db
def test_a_locked_out_address_behind_the_proxy_does_not_lock_the_others(client, settings):
    settings.TRUSTED_PROXY_HOPS = 1
    UserFactory(username="xa_proxy")
    url = reverse("login")
    attacker = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.66"}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": "xa_proxy", "password": "sai"}, **attacker)
    assert (
        client.post(url, {"username": "xa_proxy", "password": "thidua2026"}, **attacker).status_code
        == 429
    )
    owner = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    response = client.post(url, {"username": "xa_proxy", "password": "thidua2026"}, **owner)
    assert response.status_code == 302
