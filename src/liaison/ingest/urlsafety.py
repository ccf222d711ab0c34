"""Which hosts a fetch may reach: public addresses only, checked on every hop.

A URL taken from an article, a feed or an API request must not make Liaison read its own
machine or network (server-side request forgery). The host is resolved here and every address it
resolves to must be public; the fetch then connects to the checked address (not a second lookup,
which a rebinding DNS server could answer differently). Integer, hex and octal IPv4 forms
(`http://2130706433/`, `http://0x7f.1/`) are read the way the C resolver reads them.
"""
from __future__ import annotations

import functools
import ipaddress
import re
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from liaison.errors import FetchFailed, InputError, UnsafeURL, UnsupportedScheme

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
NAT64 = ipaddress.ip_network("64:ff9b::/96")
IPV4_PART = re.compile(r"^(0x[0-9a-f]*|0[0-7]*|[1-9][0-9]*)$")
ALLOW_HINT = "set LIAISON_ALLOW_PRIVATE_URLS=true to fetch such hosts on purpose"


@dataclass(frozen=True)
class Target:
    url: str                    # as given
    host: str                   # for the Host header and TLS server name
    address: str | None         # the checked address to connect to; None when checks are off


def check_url(url: str, allow_private: bool = False) -> Target | InputError:
    """The URL's host checked and pinned, or the reason it may not be fetched."""
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        return FetchFailed(f"invalid URL: {exc}", source=url)
    if parts.scheme not in ("http", "https"):
        return UnsupportedScheme("unsupported URL scheme: only http and https are fetched", source=url)
    host = parts.hostname
    if not host:
        return FetchFailed("invalid URL: no host", source=url)
    if allow_private:
        return Target(url, host, None)
    addresses = resolve(host, port)
    if isinstance(addresses, InputError):
        return addresses.at(url)
    for address in addresses:
        kind = non_public_kind(address)
        if kind:
            named = host if host == str(address) else f"{host} ({address})"
            return UnsafeURL(f"refused: host {named} is a {kind} address ({ALLOW_HINT})", source=url)
    return Target(url, host, str(addresses[0]))


@functools.lru_cache(maxsize=1024)
def resolve(host: str, port: int) -> list[IPAddress] | InputError:
    """Every address the host stands for; numeric forms are read without asking any resolver.
    Remembered per process: a feed of 2,000 links to one host asks the resolver once, and a host
    keeps the (checked) addresses it first had."""
    literal = parse_ip_literal(host)
    if literal is not None:
        return [literal]
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        return FetchFailed(f"unreachable: cannot resolve host {host!r} ({exc})")
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    return list(dict.fromkeys(addresses)) or FetchFailed(f"unreachable: host {host!r} has no address")


def parse_ip_literal(host: str) -> IPAddress | None:
    """An IPv6 literal, or an IPv4 address in any form inet_aton accepts ("127.1", "0x7f000001")."""
    host = host.strip("[]").lower().rstrip(".")
    try:
        return ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        pass
    parts = host.split(".")
    if not 1 <= len(parts) <= 4 or not all(IPV4_PART.match(p) for p in parts):
        return None
    values = [int(p[2:] or "0", 16) if p.startswith("0x") else int(p, 8) if p.startswith("0")
              else int(p) for p in parts]
    # the last part fills the bytes the earlier parts leave: "127.1" is 127.0.0.1
    *head, last = values
    if any(v > 255 for v in head) or last >= 256 ** (4 - len(head)):
        return None
    number = sum(v << (8 * (3 - i)) for i, v in enumerate(head)) + last
    return ipaddress.IPv4Address(number)


def non_public_kind(address: IPAddress) -> str | None:
    """Why an address is not public ("loopback", "private", ...), or None when it is."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour or (
            ipaddress.IPv4Address(int(address) & 0xFFFFFFFF) if address in NAT64 else None)
        if embedded is not None:
            return non_public_kind(embedded)
    for kind in ("unspecified", "loopback", "link_local", "multicast", "reserved", "private"):
        if getattr(address, f"is_{kind}"):
            return kind.replace("_", "-")
    if not address.is_global:
        return "non-global"         # shared address space (100.64/10), documentation ranges, ...
    return None
