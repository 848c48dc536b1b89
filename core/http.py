"""The address of the person behind a request, for the login throttle and the audit log alike.

Behind the documented TLS proxy every request comes from the proxy's address; each trusted
proxy appends the address it received the request from to X-Forwarded-For. With
TRUSTED_PROXY_HOPS = n (settings, from the environment), the client is the n-th address from the
right; whatever the client itself wrote further left is ignored, since anyone can send that
header. With 0 (the default: no proxy) the header is ignored altogether.
"""

import ipaddress

from django.conf import settings


def _valid_ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or the address the outermost trusted proxy saw."""
    remote = request.META.get("REMOTE_ADDR")
    hops = settings.TRUSTED_PROXY_HOPS
    if hops <= 0:
        return remote
    forwarded = [a for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    if len(forwarded) < hops:
        # Fewer entries than proxies: the request did not pass through all of them (as
        # Werkzeug's ProxyFix, the header is then not trusted).
        return remote
    return _valid_ip(forwarded[-hops]) or remote
