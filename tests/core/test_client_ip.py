from django.test import RequestFactory, override_settings

from esitlik.core.middleware import client_ip
from esitlik.core.models import AuditEntry


def request_from(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_it_uses_the_connection_address_by_default():
    assert client_ip(request_from("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


@override_settings(BEHIND_PROXY=True)
def test_it_trusts_only_the_address_the_proxy_appended():
    request = request_from("10.0.0.2", "6.6.6.6, 198.51.100.7")
    assert client_ip(request) == "198.51.100.7"


@override_settings(BEHIND_PROXY=True)
def test_it_falls_back_to_the_connection_without_a_forwarded_header():
    assert client_ip(request_from("10.0.0.2")) == "10.0.0.2"


@override_settings(BEHIND_PROXY=True)
def test_it_records_the_real_address_in_the_audit_log(world, client):
    client.post(
        "/accounts/login/",
        {"username": "alice", "password": "wrong"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert AuditEntry.objects.get(action="core.user.login_failed").ip_address == "198.51.100.7"
