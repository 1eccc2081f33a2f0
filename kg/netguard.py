"""kg never reaches the network: an audit hook that refuses Python-level network access.

Article text cannot run code, but it flows into libraries that will fetch things when asked:
rdflib loads remote JSON-LD contexts, follows ``FROM <url>`` / ``FROM NAMED <url>`` (it fetches
the graph), ``SERVICE`` and ``LOAD``; urllib follows whatever URL it is handed. This module
installs a `sys.addaudithook` hook that refuses, in every thread of this process:

* ``socket.connect`` / ``connect_ex``, ``sendto``, ``sendmsg`` (TCP and UDP), and the
  ``http.client``, ``urllib``, ``ftplib``, ``smtplib``, ``imaplib``, ``poplib``, ``nntplib`` and
  ``telnetlib`` connection events;
* name lookups (``socket.getaddrinfo``, ``gethostbyname[_ex]``, ``gethostbyaddr``,
  ``getnameinfo``), so not even a DNS query leaves the machine;
* ``socket.bind`` to anything but an allowed loopback port (no listening on 0.0.0.0 by
  accident);

unless the destination is one the user named. Unix-domain sockets (multiprocessing's
forkserver, socketpairs) are not network and are left alone. A refusal raises `NetworkBlocked`
(a PermissionError, so library code that handles OSError reports it as a failed fetch) and is
logged once per destination.

API::

    install(allow_loopback_ports=(), allow_hosts=())   # for the whole process, for good
    with blocked(allow_hosts=...): ...                 # only while the block runs
    refused() -> list[str]                             # what was refused so far

``allow_loopback_ports``: ports on 127.0.0.1 / ::1 / localhost that may be bound (kg serve)
and connected to; port 0 allows binding an ephemeral loopback port. ``allow_hosts``: exact
``"host:port"`` strings, ``(host, port)`` pairs or ``http(s)://host:port/...`` URLs the user
named (``--store http://127.0.0.1:7878``, ``--executor dask://10.0.0.5:8786``): their name may
be looked up and they may be connected to (and bound, for ``kg serve --host``). A name given
there is resolved once, when the policy is made, so its addresses are allowed too.

Several policies can be active at once (an installed one and a block): a destination is allowed
when any active policy allows it. The hook, once added, stays (CPython cannot remove audit
hooks); it does nothing while no policy is active, and returns at once for events that are not
network events.

What this cannot see: C or Rust code that opens sockets itself. pyoxigraph is such code: its
``SERVICE`` and ``LOAD`` make HTTP requests from Rust (measured with a local listener). Those are
stopped before they run: kg never runs a user's SPARQL Update, and every user query passes
`kg.sandbox.check_query` (a lexer that refuses SERVICE and LOAD however they are hidden); in
`kg serve` the query workers also run in an empty network namespace. See docs/security.md.
"""
from __future__ import annotations

import ipaddress
import logging
import socket
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterable, Iterator
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

__all__ = ["NetworkBlocked", "Policy", "install", "blocked", "active", "refused", "is_loopback"]


class NetworkBlocked(PermissionError):
    """A network operation kg refused (see kg.netguard)."""


_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})
_CONNECT_EVENTS = frozenset({"socket.connect", "socket.sendto", "socket.sendmsg"})
_LOOKUP_EVENTS = frozenset({"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex"})
_REVERSE_EVENTS = frozenset({"socket.gethostbyaddr", "socket.getnameinfo"})
# (event, index of host, index of port) for protocol-level connection events
_PROTOCOL_EVENTS = {
    "http.client.connect": (1, 2), "ftplib.connect": (1, 2), "smtplib.connect": (1, 2),
    "imaplib.open": (1, 2), "poplib.connect": (1, 2), "nntplib.connect": (1, 2),
    "telnetlib.Telnet.open": (1, 2),
}


def _host_text(host) -> str:
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = str(host or "").strip().lower()
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    return host.split("%", 1)[0]                     # IPv6 zone id


def _ip(host: str):
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def is_loopback(host) -> bool:
    """127.0.0.0/8, ::1, ::ffff:127.x.x.x or a loopback name (localhost)."""
    h = _host_text(host)
    if h in _LOOPBACK_NAMES:
        return True
    ip = _ip(h)
    if ip is None:
        return False
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback


def _port(value) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    try:
        return int(value)
    except (TypeError, ValueError):
        return None                                  # a service name ("http")


def _parse_host(entry) -> tuple[str, int | None]:
    """'host:port', '[v6]:port', (host, port) or a URL -> (host, port)."""
    if isinstance(entry, (tuple, list)):
        return _host_text(entry[0]), _port(entry[1]) if len(entry) > 1 else None
    text = str(entry).strip()
    if "://" in text:
        parts = urlsplit(text)
        default = {"http": 80, "https": 443}.get(parts.scheme.lower())
        return _host_text(parts.hostname), parts.port or default
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        return _host_text(host), _port(rest.lstrip(":"))
    if text.count(":") == 1:
        host, _, port = text.partition(":")
        return _host_text(host), _port(port)
    return _host_text(text), None                     # a bare name or IPv6 address


@dataclass(frozen=True)
class Policy:
    """What one caller allows; see the module doc."""
    loopback_ports: frozenset[int] = frozenset()
    endpoints: frozenset[tuple[str, int | None]] = frozenset()   # (host or address, port|None)
    names: frozenset[str] = field(default=frozenset())              # hosts whose name may be looked up

    @classmethod
    def make(cls, allow_loopback_ports: Iterable[int] = (), allow_hosts: Iterable = ()) -> "Policy":
        ports = {int(p) for p in allow_loopback_ports}
        endpoints: set[tuple[str, int | None]] = set()
        names: set[str] = set()
        for entry in allow_hosts:
            host, port = _parse_host(entry)
            if not host:
                raise ValueError(f"kg.netguard: no host in {entry!r}")
            if is_loopback(host) and port is not None:
                ports.add(port)                       # 127.0.0.1, ::1 and localhost alike
            endpoints.add((host, port))
            names.add(host)
            if _ip(host) is None and host not in _LOOPBACK_NAMES:
                try:                                  # before the hook exists: the user named it
                    infos = socket.getaddrinfo(host, port)
                except OSError:
                    infos = []
                for info in infos:
                    endpoints.add((_host_text(info[4][0]), port))
        return cls(frozenset(ports), frozenset(endpoints), frozenset(names))

    # -- decisions ---------------------------------------------------------------------------
    def allows_endpoint(self, host, port, *, bind: bool = False) -> bool:
        h, p = _host_text(host), _port(port)
        if h and is_loopback(h) and p is not None and p in self.loopback_ports and (p != 0 or bind):
            return True
        return (h, p) in self.endpoints or (h, None) in self.endpoints

    def allows_name(self, host) -> bool:
        h = _host_text(host)
        if h in self.names:
            return True
        if is_loopback(h):                            # resolving localhost / 127.0.0.1 is local
            return bool(self.loopback_ports)
        return False

    def allows_reverse(self, host) -> bool:
        h = _host_text(host)
        if is_loopback(h):
            return bool(self.loopback_ports)
        return any(h == e[0] for e in self.endpoints)


_lock = threading.Lock()
_hooked = False
_permanent: list[Policy] = []
_scoped: list[Policy] = []
_active: tuple[Policy, ...] = ()                     # snapshot read by the hook, lock-free
_refused: list[str] = []
_logged: set[str] = set()


def _publish() -> None:
    global _active
    _active = tuple(_permanent) + tuple(_scoped)


def _ensure_hook() -> None:
    global _hooked
    if not _hooked:
        sys.addaudithook(_hook)
        _hooked = True


def install(*, allow_loopback_ports: Iterable[int] = (), allow_hosts: Iterable = ()) -> Policy:
    """Refuse network access for the rest of this process, except what is allowed here (and
    by any other active policy). Calling it again adds a policy; none is ever removed."""
    policy = Policy.make(allow_loopback_ports, allow_hosts)
    with _lock:
        _ensure_hook()
        _permanent.append(policy)
        _publish()
    return policy


@contextmanager
def blocked(*, allow_loopback_ports: Iterable[int] = (), allow_hosts: Iterable = ()) -> Iterator[Policy]:
    """Refuse network access (process-wide, every thread) while the block runs."""
    policy = Policy.make(allow_loopback_ports, allow_hosts)
    with _lock:
        _ensure_hook()
        _scoped.append(policy)
        _publish()
    try:
        yield policy
    finally:
        with _lock:
            _scoped.remove(policy)
            _publish()


def active() -> bool:
    """Whether network access is being refused right now."""
    return bool(_active)


def refused() -> list[str]:
    """Descriptions of the operations refused so far (most recent last, at most 1000)."""
    return list(_refused)


def _refuse(what: str) -> None:
    if len(_refused) < 1000:
        _refused.append(what)
    if what not in _logged and len(_logged) < 1000:
        _logged.add(what)
        log.warning("network access refused: %s (kg never reaches the network)", what)
    raise NetworkBlocked(f"network access refused: {what} (kg never reaches the network; "
                         "see docs/security.md)")


def _is_unix(sock) -> bool:
    try:
        return getattr(socket, "AF_UNIX", None) is not None and sock.family == socket.AF_UNIX
    except Exception:  # noqa: BLE001 - a half-made socket: treat it as network
        return False


def _hook(event: str, args: tuple) -> None:
    policies = _active
    if not policies:
        return
    if event in _CONNECT_EVENTS or event == "socket.bind":
        sock, address = args[0], args[1]
        if _is_unix(sock) or isinstance(address, (str, bytes)):
            return                                    # a Unix socket path, not the network
        if not isinstance(address, tuple) or len(address) < 2:
            _refuse(f"{event[7:]} to {address!r}")
        bind = event == "socket.bind"
        if not any(p.allows_endpoint(address[0], address[1], bind=bind) for p in policies):
            _refuse(f"{event[7:]} {'on' if bind else 'to'} {address[0]}:{address[1]}")
    elif event in _LOOKUP_EVENTS:
        host = args[0] if args else None
        if host is None:                              # getaddrinfo(None, port): the wildcard
            if not any(p.loopback_ports for p in policies):
                _refuse("address lookup for any host")
            return
        if not any(p.allows_name(host) for p in policies):
            _refuse(f"name lookup of {_host_text(host) or host!r}")
    elif event in _REVERSE_EVENTS:
        target = args[0] if args else None
        if isinstance(target, tuple):
            target = target[0] if target else None
        if not any(p.allows_reverse(target) for p in policies):
            _refuse(f"reverse lookup of {target!r}")
    elif event == "urllib.Request":
        url = str(args[0]) if args else ""
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme in ("file", "data", ""):
            return                                    # not the network
        try:
            port = parts.port
        except ValueError:
            port = None
        port = port or {"http": 80, "https": 443, "ftp": 21}.get(scheme)
        if not any(p.allows_endpoint(parts.hostname or "", port) for p in policies):
            _refuse(f"request for {url[:200]}")
    elif event in _PROTOCOL_EVENTS:
        hi, pi = _PROTOCOL_EVENTS[event]
        host = args[hi] if len(args) > hi else None
        port = args[pi] if len(args) > pi else None
        if not any(p.allows_endpoint(host, port) for p in policies):
            _refuse(f"{event} to {host}:{port}")
