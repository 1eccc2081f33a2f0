"""Nothing in kg touches the network: a local listener must see 0 requests.

* kg.netguard (an audit hook) refuses every Python-level way out: urllib, http.client, raw
  sockets (TCP and UDP), DNS, rdflib's FROM / FROM NAMED (it fetches the graph), SERVICE, LOAD,
  remote JSON-LD contexts and Graph.parse(url); and lets through exactly what the user named
  (`kg serve`'s own port, a --store http://127.0.0.1:PORT server), nothing else.
* pyoxigraph makes its SERVICE and LOAD requests from Rust, where no audit hook can see them:
  every query path kg offers must refuse them before they run (kg query, kg serve / kg.sandbox),
  however the keyword is hidden.
* `kg serve` still works under the guard.

Every guarded run happens in a fresh subprocess: an audit hook cannot be removed again.
"""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import REPO, SEED_FILE, build_into


class Listener:
    """A TCP server on 127.0.0.1 that counts connections (and answers like a bad web server)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.hits: list[bytes] = []
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind(("127.0.0.1", 0))
        self.udp_port = self.udp.getsockname()[1]
        self.udp.settimeout(0.05)
        self._stop = False
        threading.Thread(target=self._tcp, daemon=True).start()
        threading.Thread(target=self._udp, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/x"

    def _tcp(self):
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            conn.settimeout(1)
            try:
                data = conn.recv(4096)
            except OSError:
                data = b""
            self.hits.append(data[:200])
            try:
                conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/turtle\r\n\r\n<urn:a> <urn:b> <urn:c> .\n")
            except OSError:
                pass
            conn.close()

    def _udp(self):
        while not self._stop:
            try:
                data, _ = self.udp.recvfrom(4096)
                self.hits.append(b"UDP " + data[:100])
            except socket.timeout:
                continue
            except OSError:
                return

    def settle(self) -> int:
        time.sleep(0.3)
        return len(self.hits)

    def close(self):
        self._stop = True
        self.sock.close()
        self.udp.close()


@pytest.fixture
def listener():
    lst = Listener()
    yield lst
    lst.close()


def run_python(code: str, *args: str, timeout: float = 120) -> dict:
    r = subprocess.run([sys.executable, "-c", code, *args], cwd=REPO, capture_output=True, text=True,
                       timeout=timeout)
    assert r.returncode == 0, r.stderr[-3000:]
    return json.loads(r.stdout.strip().splitlines()[-1])


# every way out we know of, each reported as "refused" or what it did
_ATTEMPTS = r'''
import json, socket, sys, warnings, urllib.request, http.client
warnings.simplefilter("ignore")
url, port, udp_port = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
from kg import netguard
netguard.install(**json.loads(sys.argv[4]))
from rdflib import Dataset, Graph
results = {}
def attempt(name, fn):
    try:
        fn()
        results[name] = "ran"
    except netguard.NetworkBlocked:
        results[name] = "refused"
    except Exception as exc:   # urllib wraps it, rdflib re-raises its own
        chain, e = [], exc
        while e is not None:
            chain.append(e)
            e = e.__cause__ or e.__context__ or getattr(e, "reason", None) if not isinstance(getattr(e, "reason", None), str) else None
        blocked = any(isinstance(x, netguard.NetworkBlocked) for x in chain)
        results[name] = "refused" if blocked or netguard.refused() else f"{type(exc).__name__}: {exc}"[:200]
    netguard._refused.clear()
ds = Dataset(default_union=True)
attempt("urllib", lambda: urllib.request.urlopen(url, timeout=3).read())
attempt("http.client", lambda: http.client.HTTPConnection("127.0.0.1", port, timeout=3).request("GET", "/"))
attempt("socket", lambda: socket.create_connection(("127.0.0.1", port), timeout=3))
attempt("socket-localhost", lambda: socket.create_connection(("localhost", port), timeout=3))
attempt("socket-ipv4-mapped", lambda: socket.socket(socket.AF_INET6).connect(("::ffff:127.0.0.1", port)))
attempt("udp", lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"x", ("127.0.0.1", udp_port)))
attempt("dns", lambda: socket.getaddrinfo("example.com", 80))
attempt("gethostbyname", lambda: socket.gethostbyname("example.com"))
attempt("bind-all", lambda: socket.socket().bind(("0.0.0.0", 0)))
attempt("rdflib FROM", lambda: list(ds.query("SELECT * FROM <%s> WHERE { ?s ?p ?o }" % url)))
attempt("rdflib FROM NAMED", lambda: list(ds.query("SELECT * FROM NAMED <%s> WHERE { GRAPH ?g { ?s ?p ?o } }" % url)))
attempt("rdflib SERVICE", lambda: list(ds.query("SELECT * WHERE { SERVICE <%s> { ?s ?p ?o } }" % url)))
attempt("rdflib LOAD", lambda: ds.update("LOAD <%s>" % url))
attempt("rdflib parse(url)", lambda: Graph().parse(url))
attempt("json-ld remote context", lambda: Graph().parse(data=json.dumps({"@context": url, "@id": "urn:a", "name": "x"}), format="json-ld"))
attempt("json-ld remote @import", lambda: Graph().parse(data=json.dumps({"@context": {"@import": url}, "@id": "urn:a"}), format="json-ld"))
attempt("unix socketpair", lambda: socket.socketpair())
print(json.dumps(results))
'''


def test_netguard_refuses_every_python_way_out(listener):
    results = run_python(_ATTEMPTS, listener.url, str(listener.port), str(listener.udp_port), "{}")
    assert results.pop("unix socketpair") == "ran"               # not the network
    assert all(v == "refused" for v in results.values()), results
    assert listener.settle() == 0, listener.hits


def test_netguard_allows_exactly_what_the_user_named(listener):
    other = Listener()
    try:
        allow = json.dumps({"allow_hosts": [f"127.0.0.1:{listener.port}"]})
        results = run_python(_ATTEMPTS, listener.url, str(listener.port), str(listener.udp_port), allow)
        # the named server is reachable (by address, by localhost); nothing else is
        assert results["urllib"] == "ran" and results["socket"] == "ran" and results["socket-localhost"] == "ran"
        for name in ("udp", "dns", "gethostbyname", "bind-all"):
            assert results[name] == "refused", (name, results)
        assert listener.settle() > 0
        results = run_python(_ATTEMPTS, other.url, str(other.port), str(other.udp_port), allow)
        assert all(v == "refused" for k, v in results.items() if k != "unix socketpair"), results
        assert other.settle() == 0, other.hits
    finally:
        other.close()


def test_netguard_scoped_block_and_policy_parsing():
    code = r'''
import json, socket
from kg import netguard
from kg.netguard import Policy, is_loopback
p = Policy.make(allow_loopback_ports=[8000], allow_hosts=["http://127.0.0.1:7878/store", "[::1]:9000", ("localhost", 9100)])
out = {
  "loopback": [is_loopback(h) for h in ("127.0.0.1", "127.9.9.9", "::1", "localhost", "::ffff:127.0.0.1", "[::1]", "10.0.0.1", "", "0.0.0.0")],
  "connect": [p.allows_endpoint(h, port) for h, port in (("127.0.0.1", 8000), ("127.0.0.1", 7878), ("::1", 9000), ("127.0.0.1", 9100), ("127.0.0.1", 8001), ("10.0.0.1", 8000))],
  "bind": [p.allows_endpoint(h, port, bind=True) for h, port in (("127.0.0.1", 8000), ("0.0.0.0", 8000), ("", 8000), ("127.0.0.1", 0))],
  "active_before": netguard.active(),
}
with netguard.blocked():
    out["active_inside"] = netguard.active()
    try:
        socket.getaddrinfo("example.com", 80); out["inside"] = "ran"
    except netguard.NetworkBlocked:
        out["inside"] = "refused"
out["active_after"] = netguard.active()
print(json.dumps(out))
'''
    out = run_python(code)
    assert out["loopback"] == [True, True, True, True, True, True, False, False, False]
    assert out["connect"] == [True, True, True, True, False, False]
    assert out["bind"] == [True, False, False, False]
    assert (out["active_before"], out["active_inside"], out["inside"], out["active_after"]) == (False, True, "refused", False)


def test_kg_serve_works_under_the_guard(tmp_path, listener):
    """The server binds its loopback port under the guard; SERVICE through it reaches nothing."""
    build_into(tmp_path / "store", [SEED_FILE])
    code = r'''
import sys, threading, json
from kg import netguard
netguard.install(allow_loopback_ports=[0])
from kg.serve import make_server
server = make_server(sys.argv[1], port=0, workers=1, quiet=True)
print(json.dumps({"port": server.server_address[1]}), flush=True)
server.serve_forever(poll_interval=0.1)
'''
    proc = subprocess.Popen([sys.executable, "-c", code, str(tmp_path / "store")], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        port = json.loads(proc.stdout.readline())["port"]
        base = f"http://127.0.0.1:{port}"
        assert urllib.request.urlopen(base + "/health", timeout=20).read().strip() == b"ok"
        from urllib.parse import quote
        for q in (f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}",
                  f'SELECT * WHERE {{ # """\n SERVICE <{listener.url}> {{ ?s ?p ?o }} # """\n }}'):
            try:
                urllib.request.urlopen(f"{base}/sparql?query={quote(q)}", timeout=20)
                status = 200
            except urllib.error.HTTPError as exc:
                status = exc.code
            assert status in (400, 403), status
    finally:
        proc.terminate()
        proc.communicate(timeout=30)
    assert listener.settle() == 0, listener.hits


# ------------------------------------------------------------------------------ pyoxigraph paths
def _service_queries(url: str) -> list[str]:
    """SERVICE and LOAD, plain and hidden from naive checks."""
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service <{url}> {{ ?s ?p ?o }} }}",
        f'SELECT * WHERE {{ # """\n SERVICE <{url}> {{ ?s ?p ?o }} # """\n }}',
        f"SELECT * WHERE {{ # '''\n SERVICE <{url}> {{ ?s ?p ?o }} # '''\n }}",
        f"SELECT * WHERE {{ BIND(<{url}> AS ?u) SERVICE ?u {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ FILTER(1<2)SERVICE<{url}>{{?s?p?o}}FILTER(2>1) }}",
        f"LOAD <{url}>",
        f"LOAD SILENT <{url}> INTO GRAPH <urn:g>",
        f"SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}",
    ]


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory):
    d = tmp_path_factory.mktemp("net")
    build_into(d / "store", [SEED_FILE])
    return d / "store"


def test_sandbox_refuses_service_and_load(seed_store, listener):
    """kg serve's path: kg.sandbox.check_query, and workers in an empty network namespace."""
    from kg.sandbox import QueryPool, SandboxError
    with QueryPool(seed_store, workers=1) as pool:
        for q in _service_queries(listener.url):
            try:
                pool.run(q, timeout=20)
            except SandboxError:
                pass
    assert listener.settle() == 0, listener.hits


def test_kg_query_never_connects(seed_store, listener):
    """`kg query` runs the user's query in-process: kg.store.check_read_only must catch SERVICE
    and LOAD however they are hidden (a \"\"\" in a comment used to hide them from it)."""
    for q in _service_queries(listener.url):
        subprocess.run([sys.executable, "-m", "kg.cli", "query", q, "--store", str(seed_store)], cwd=REPO,
                       capture_output=True, timeout=120)
    assert listener.settle() == 0, listener.hits


def test_kg_viz_query_never_connects(seed_store, listener, tmp_path):
    for q in (f"CONSTRUCT {{ ?s ?p ?o }} FROM <{listener.url}> WHERE {{ ?s ?p ?o }}",
              f"CONSTRUCT {{ ?s ?p ?o }} FROM NAMED <{listener.url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"):
        subprocess.run([sys.executable, "-m", "kg.cli", "viz", "--query", q, "-o", str(tmp_path / "v.html"),
                        "--store", str(seed_store)], cwd=REPO, capture_output=True, timeout=120)
    assert listener.settle() == 0, listener.hits


def test_build_of_hostile_articles_never_connects(tmp_path, listener):
    """Articles full of URLs, JSON-LD contexts, SPARQL and HTML that loads things: built under
    the guard, nothing is fetched (and nothing is refused either: kg does not try)."""
    url = listener.url
    texts = {
        "a.html": f'<p>正文 <img src="{url}"><iframe src="{url}"></iframe><link rel="stylesheet" href="{url}">'
                  f'<script src="{url}"></script><a href="{url}">链接</a></p>',
        "b.md": f'---\ntitle: t\nurl: "{url}"\nimages: ["{url}/i.png"]\n"@context": "{url}"\n---\n'
                f'{{"@context": "{url}", "@id": "{url}"}}\nSERVICE <{url}> {{ ?s ?p ?o }} LOAD <{url}>\n',
        "c.txt": f"<!DOCTYPE x SYSTEM \"{url}\"><?xml-stylesheet href=\"{url}\"?>正文。\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    code = r'''
import json, sys
from kg import netguard
netguard.install()
from conftest import build_into
errors = []
s = build_into(sys.argv[1], [sys.argv[2]], on_error=errors.append)
print(json.dumps({"built": s.built, "errors": errors, "refused": netguard.refused()}))
'''
    r = subprocess.run([sys.executable, "-c", code, str(tmp_path / "store"), str(tmp_path)],
                       cwd=REPO / "tests", capture_output=True, text=True, timeout=120,
                       env={**__import__("os").environ, "PYTHONPATH": str(REPO / "tests")})
    assert r.returncode == 0, r.stderr[-2000:]
    out = json.loads(r.stdout.strip().splitlines()[-1])
    assert out["built"] == 3 and not out["errors"] and not out["refused"], out
    assert listener.settle() == 0, listener.hits


def test_cli_commands_run_inside_the_network_block(tmp_path):
    """kg.cli.main wraps every command in netguard.blocked(): a fetch during a command is refused
    and the local listener sees nothing; afterwards the process is as before."""
    import argparse
    import socket
    import urllib.request

    import pytest as _pytest

    from kg import netguard
    from kg.cli import _guard_network

    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(1)
    srv.setblocking(False)
    port = srv.getsockname()[1]
    try:
        args = argparse.Namespace(command="query", store=str(tmp_path / "s"), executor=None)
        with _guard_network(args):
            with _pytest.raises(OSError):
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
        with _pytest.raises(BlockingIOError):
            srv.accept()  # nobody connected
        # a server the user named stays reachable
        args = argparse.Namespace(command="build", store=f"http://127.0.0.1:{port}/", executor=None)
        with _guard_network(args):
            c = socket.create_connection(("127.0.0.1", port), timeout=1)
            c.close()
    finally:
        srv.close()
    assert not netguard.active()
