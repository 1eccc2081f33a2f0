"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint, a query page and the HTML views.

Why a small stdlib server and not rdflib-endpoint
-------------------------------------------------
rdflib-endpoint (0.6.3, checked with ``pip install --dry-run`` and by reading its wheel) was
considered first, as the issue asks. It does not fit here:

* it pulls FastAPI, Starlette, Pydantic (with its compiled core), anyio, annotated-types,
  typing-inspection, opentelemetry-api and more, plus uvicorn for serving and oxrdflib for an
  Oxigraph store: about ten new packages for one command;
* its query page (``rdflib_endpoint/yasgui.html``) loads YASGUI's JavaScript and CSS from
  unpkg.com, so the page is blank offline and every visit is a request to a CDN, while kg
  promises to work with no network at all;
* it has no query time limit and no row cap, and it runs queries in the server process, where a
  pyoxigraph query cannot be interrupted.

So this module is ``http.server.ThreadingHTTPServer`` plus `kg.sandbox`, which runs each query
in a worker process that is killed when the query passes its time limit. The query page is our
own (a textarea, the competency queries, a results table built with ``textContent``); YASGUI or
any other SPARQL client can still be pointed at ``/sparql`` (see docs/serve.md).

Endpoints
---------
``GET /`` the query page · ``GET|POST /sparql`` the SPARQL 1.1 Protocol (query only) ·
``GET /views/`` the HTML views (kg.views.build_site, built on first request into a temporary
directory) · ``GET /health`` "ok".

Safety: binds to 127.0.0.1 unless told otherwise; checks the Host header when bound to a
loopback address (DNS rebinding); request bodies over 1 MB are refused (413); updates, LOAD and
SERVICE are refused (403); HTML is escaped and served with a Content-Security-Policy; no CORS
unless ``--cors`` names an origin; view files are served only by exact match against the list
of files the view builder wrote (request text never becomes a file path).
"""
from __future__ import annotations

import base64
import hashlib
import html
import ipaddress
import json
import logging
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pyoxigraph as ox

from .sandbox import (NotAcceptable, QueryBusy, QueryFailed, QueryPool, QueryRefused,
                      QuerySyntaxError, QueryTimeout)
from .resources import resource_dir
from .store import StoreError, note_serving

log = logging.getLogger(__name__)

__all__ = ["KGServer", "make_server", "serve", "load_examples", "query_page", "EXAMPLES_DIR"]

EXAMPLES_DIR = resource_dir("queries")
MAX_BODY = 1 << 20
DEFAULT_PORT = 7878

# used when the package is installed without the repository's examples/ folder
_FALLBACK_EXAMPLES = [
    {"name": "articles", "title": "Articles: headline and date",
     "query": "SELECT ?article ?headline ?date WHERE {\n  ?article a kg:Article ; "
              "schema:headline ?headline .\n  OPTIONAL { ?article schema:datePublished ?date }\n}"
              "\nORDER BY DESC(?date)"},
    {"name": "classes", "title": "Entities by class",
     "query": "SELECT ?class (COUNT(DISTINCT ?e) AS ?n) WHERE {\n  ?e a ?class .\n"
              "  FILTER(STRSTARTS(STR(?class), STR(kg:)))\n}\nGROUP BY ?class ORDER BY DESC(?n)"},
    {"name": "facts", "title": "Facts by kind",
     "query": "SELECT ?kind (COUNT(DISTINCT ?f) AS ?n) WHERE {\n  ?f a ?kind ; kg:evidence ?ev .\n"
              "  FILTER(STRSTARTS(STR(?kind), STR(kg:)))\n}\nGROUP BY ?kind ORDER BY DESC(?n)"},
]


# ----------------------------------------------------------------------------- query page

def load_examples(directory: Path | None = None) -> list[dict]:
    """The competency queries: [{name, title, query}], from examples/queries/*.rq."""
    directory = EXAMPLES_DIR if directory is None else Path(directory)
    out = []
    if directory.is_dir():
        for p in sorted(directory.glob("*.rq")):
            try:
                text = p.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            first = text.lstrip().splitlines()[0] if text.strip() else ""
            title = first.lstrip("#").strip() if first.startswith("#") else p.stem
            out.append({"name": p.stem, "title": title, "query": text})
    # in competency-question order (the titles start "CQ1:", "CQ2:" ...), then by name
    out.sort(key=lambda e: (int(m.group(1)) if (m := re.match(r"CQ(\d+)\b", e["title"]))
                            else 10 ** 6, e["name"]))
    return out or [dict(e) for e in _FALLBACK_EXAMPLES]


def _json_for_script(data) -> str:
    text = json.dumps(data, ensure_ascii=False)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


_PAGE_CSS = """
body{font-family:"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei","PingFang SC",sans-serif;
margin:1.2em 2em;color:#222}
h1{font-size:1.3em;margin:.2em 0 .6em}
nav a{margin-right:1em}
#q{width:100%;min-height:16em;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;
box-sizing:border-box}
.bar{margin:.5em 0;display:flex;gap:.8em;align-items:center;flex-wrap:wrap}
#status{color:#555}
#status.err{color:#b00020;white-space:pre-wrap}
table{border-collapse:collapse;font-size:13px;margin-top:.5em}
th,td{border:1px solid #ccc;padding:2px 6px;vertical-align:top;text-align:left;max-width:40em;
overflow-wrap:anywhere}
th{background:#f3f3f3;position:sticky;top:0}
td.uri{color:#1f4e8c}
pre{background:#f7f7f7;padding:.6em;overflow:auto;font-size:12px;max-height:70vh}
small{color:#777}
"""

_PAGE_JS = r"""
(function () {
  "use strict";
  var examples = JSON.parse(document.getElementById("kg-examples").textContent);
  var q = document.getElementById("q"), sel = document.getElementById("example");
  var fmt = document.getElementById("fmt"), out = document.getElementById("out");
  var status = document.getElementById("status"), run = document.getElementById("run");
  var link = document.getElementById("link");
  examples.forEach(function (e, i) {
    var o = document.createElement("option");
    o.value = String(i);
    o.textContent = e.name + " \u2014 " + e.title;
    sel.appendChild(o);
  });
  // the GET link always carries the query shown (a bare "sparql" answers 400)
  function relink() { var p = new URLSearchParams(); p.set("query", q.value); link.href = "sparql?" + p.toString(); }
  function pick() { var e = examples[Number(sel.value)]; if (e) { q.value = e.query; } relink(); }
  sel.addEventListener("change", pick);
  q.addEventListener("input", relink);
  if (!q.value) { pick(); } else { relink(); }
  function clear(el) { while (el.firstChild) { el.removeChild(el.firstChild); } }
  function say(text, isError) { status.textContent = text; status.className = isError ? "err" : ""; }
  function termText(t) {
    if (!t) { return ""; }
    if (t.type === "triple") {
      var v = t.value; return "<< " + termText(v.subject) + " " + termText(v.predicate) + " " + termText(v.object) + " >>";
    }
    if (t.type === "bnode") { return "_:" + t.value; }
    var s = t.value;
    if (t["xml:lang"]) { s += " @" + t["xml:lang"]; }
    return s;
  }
  function table(data) {
    var vars = data.head.vars || [], rows = data.results.bindings;
    var tbl = document.createElement("table"), tr = document.createElement("tr");
    vars.forEach(function (v) { var th = document.createElement("th"); th.textContent = "?" + v; tr.appendChild(th); });
    tbl.appendChild(tr);
    rows.forEach(function (b) {
      var r = document.createElement("tr");
      vars.forEach(function (v) {
        var td = document.createElement("td"), t = b[v];
        td.textContent = termText(t);
        if (t && t.type === "uri") { td.className = "uri"; }
        if (t && t.datatype) { td.title = t.datatype; }
        r.appendChild(td);
      });
      tbl.appendChild(r);
    });
    return tbl;
  }
  function go() {
    var accept = fmt.value === "table" ? "application/sparql-results+json, text/turtle;q=0.9" : fmt.value;
    var started = Date.now();
    run.disabled = true; say("running\u2026"); clear(out);
    var params = new URLSearchParams(); params.set("query", q.value);
    link.href = "sparql?" + params.toString();
    fetch("sparql", {method: "POST", body: params,
                     headers: {"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"}})
      .then(function (resp) {
        return resp.text().then(function (body) { return {resp: resp, body: body}; });
      })
      .then(function (r) {
        var secs = ((Date.now() - started) / 1000).toFixed(2);
        if (!r.resp.ok) { say(r.resp.status + " " + r.resp.statusText + ": " + r.body, true); return; }
        var ct = r.resp.headers.get("Content-Type") || "";
        var truncated = r.resp.headers.get("X-KG-Truncated") === "true";
        var rows = r.resp.headers.get("X-KG-Rows");
        var note = (truncated ? " \u2014 truncated at the row cap" : "") + " \u2014 " + secs + " s";
        if (ct.indexOf("application/sparql-results+json") === 0) {
          var data = JSON.parse(r.body);
          if (typeof data.boolean === "boolean") { say("ASK: " + data.boolean + note); return; }
          say(data.results.bindings.length + " rows" + note);
          out.appendChild(table(data));
        } else {
          say((rows ? rows + (ct.indexOf("text/turtle") === 0 || ct.indexOf("n-triples") >= 0 || ct.indexOf("ld+json") >= 0 ? " triples" : " rows") : "") + " (" + ct + ")" + note);
          var pre = document.createElement("pre"); pre.textContent = r.body; out.appendChild(pre);
        }
      })
      .catch(function (e) { say(String(e), true); })
      .then(function () { run.disabled = false; });
  }
  run.addEventListener("click", go);
  q.addEventListener("keydown", function (e) { if ((e.ctrlKey || e.metaKey) && e.key === "Enter") { e.preventDefault(); go(); } });
})();
"""

_FORMAT_CHOICES = [
    ("table", "table (SPARQL JSON)"),
    ("application/sparql-results+json", "SPARQL JSON"),
    ("application/sparql-results+xml", "SPARQL XML"),
    ("text/csv", "CSV"),
    ("text/tab-separated-values", "TSV"),
    ("text/turtle", "Turtle (CONSTRUCT/DESCRIBE)"),
    ("application/n-triples", "N-Triples (CONSTRUCT/DESCRIBE)"),
    ("application/ld+json", "JSON-LD (CONSTRUCT/DESCRIBE)"),
]


def query_page(examples: list[dict], *, timeout: float, max_rows: int) -> str:
    """The self-contained query page: no external resources, all text escaped."""
    e = html.escape
    opts = "".join(f'<option value="{e(v, quote=True)}">{e(label)}</option>'
                   for v, label in _FORMAT_CHOICES)
    names = "".join(f"<li><code>{e(x['name'])}</code> {e(x['title'])}</li>" for x in examples)
    return (
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>kg · SPARQL</title>\n<style>" + _PAGE_CSS + "</style>\n</head>\n<body>\n"
        "<h1>kg · SPARQL</h1>\n"
        "<nav><a href=\"views/index.html\">图谱视图 views</a><a href=\"views/all.html\">全图 all</a>"
        "<a href=\"health\">health</a></nav>\n"
        "<div class=\"bar\"><label>示例 example: <select id=\"example\"></select></label></div>\n"
        "<textarea id=\"q\" spellcheck=\"false\" aria-label=\"SPARQL query\"></textarea>\n"
        "<div class=\"bar\"><button id=\"run\" type=\"button\">Run ▶</button>"
        f"<label>format: <select id=\"fmt\">{opts}</select></label>"
        "<a id=\"link\" href=\"sparql\">GET link</a>"
        f"<small>Ctrl+Enter runs · read-only · time limit {e(f'{timeout:g}')} s · "
        f"row cap {e(str(max_rows))} · prefixes kg: kgr: schema: org: prov: qudt: rdfs: skos: "
        "… are predefined</small></div>\n"
        "<div id=\"status\"></div>\n<div id=\"out\"></div>\n"
        f"<details><summary>competency queries ({len(examples)})</summary><ul>{names}</ul>"
        "</details>\n"
        "<script type=\"application/json\" id=\"kg-examples\">" + _json_for_script(examples)
        + "</script>\n<script>" + _PAGE_JS + "</script>\n</body>\n</html>\n")


_PAGE_SCRIPT_HASH = "sha256-" + base64.b64encode(
    hashlib.sha256(_PAGE_JS.encode("utf-8")).digest()).decode("ascii")
_PAGE_CSP = ("default-src 'none'; script-src '" + _PAGE_SCRIPT_HASH + "'; style-src 'unsafe-inline'; "
             "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; "
             "frame-ancestors 'none'")
_VIEWS_CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
              "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
              "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


# ----------------------------------------------------------------------------- views


def _service_description(host: str) -> str:
    """What the endpoint is and answers, as SPARQL 1.1 Service Description (Turtle): clients such
    as YASGUI and Jena read it at the endpoint's own URL. It does not claim sd:UnionDefaultGraph:
    that feature promises the union of the named graphs, a set of triples, while the engine's
    union default graph is a multiset (a triple in two article graphs matches twice)."""
    endpoint = f"http://{host}/sparql"
    return f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix fmt: <http://www.w3.org/ns/formats/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

<{endpoint}> a sd:Service ;
    sd:endpoint <{endpoint}> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:resultFormat fmt:SPARQL_Results_JSON , fmt:SPARQL_Results_XML , fmt:SPARQL_Results_CSV ,
        fmt:SPARQL_Results_TSV , fmt:Turtle , fmt:N-Triples , fmt:JSON-LD , fmt:RDF_XML ;
    sd:defaultDataset [
        a sd:Dataset ;
        sd:defaultGraph [ a sd:Graph ;
            rdfs:comment "Every triple of every graph (entities, ontology, each article); a triple held by n graphs matches n times: count facts with DISTINCT." ]
    ] .
"""

class ViewCache:
    """kg.views.build_site output, built once on first request, served by exact file name."""

    TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
             ".css": "text/css; charset=utf-8", ".json": "application/json",
             ".svg": "image/svg+xml", ".png": "image/png"}

    def __init__(self, store_path: Path, directory: Path | None = None):
        self.store_path = Path(store_path)
        self._own_dir = directory is None
        self.directory = Path(tempfile.mkdtemp(prefix="kg-views-")) if directory is None \
            else Path(directory)
        self._lock = threading.Lock()
        self._files: dict[str, Path] | None = None
        self.error: str | None = None

    def _build(self) -> None:
        from . import views
        from .export import to_dataset
        from .store import Store
        started = time.monotonic()
        store = Store(self.store_path, read_only=True)
        try:
            ds = to_dataset(store)
        finally:
            del store                                  # close RocksDB before the slow part
        # (no links to source files: a browser cannot follow them to this machine's disk)
        views.build_site(ds, self.directory, file_links=False)
        files = {}
        root = self.directory.resolve()
        for p in sorted(root.rglob("*")):
            if p.is_file() and not p.is_symlink() and p.suffix in self.TYPES:
                files[p.relative_to(root).as_posix()] = p
        self._files = files
        log.info("views built in %.1f s: %d files", time.monotonic() - started, len(files))

    def files(self) -> dict[str, Path]:
        with self._lock:
            if self._files is None:
                self._build()
            return self._files

    def get(self, name: str) -> tuple[bytes, str] | None:
        files = self.files()
        path = files.get(name)                         # exact match, or nothing
        if path is None:
            return None
        return path.read_bytes(), self.TYPES[path.suffix]

    def close(self) -> None:
        if self._own_dir:
            shutil.rmtree(self.directory, ignore_errors=True)


# ----------------------------------------------------------------------------- HTTP

def _parse_accept(header: str | None) -> list[str]:
    """Media types from an Accept header, best first (stable for equal q); q=0 dropped."""
    if not header:
        return []
    items = []
    for i, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            items.append((-q, i, media))
    return [m for _, _, m in sorted(items)]


def _is_loopback(host: str) -> bool:
    if host in ("localhost", ""):
        return host == "localhost"
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class HTTPError(Exception):
    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


ALLOWED_METHODS = "GET, HEAD, POST, OPTIONS"


class Handler(BaseHTTPRequestHandler):
    server: "KGServer"
    server_version = "kg-serve/" + "0.1"
    sys_version = ""
    timeout = 60                                       # seconds a client may idle on the socket

    # -- plumbing ------------------------------------------------------------------------------
    def log_message(self, format, *args):              # noqa: A002 - the base class's name
        if not self.server.quiet:
            text = format % args
            if len(text) > 240:                        # long GET queries: keep the log readable
                text = text[:200] + "…" + text[-30:]
            sys.stderr.write("kg serve: %s - %s\n" % (self.address_string(), text))

    def _send(self, status: int, body: bytes, ctype: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-store")
        if self.server.cors:
            self.send_header("Access-Control-Allow-Origin", self.server.cors)
            self.send_header("Access-Control-Expose-Headers", "X-KG-Truncated, X-KG-Rows, X-KG-Seconds")
            if self.server.cors != "*":
                self.send_header("Vary", "Origin")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_error(self, code, message=None, explain=None):
        # the standard library's own refusals (414 for a request line over 64 KB, 400 for a
        # malformed request line) in the same plain text as every other error, not its HTML page
        if code == 414:
            message = ("the request line is over 64 KB: send a long query with POST "
                       "(application/sparql-query or a form), up to the body limit")
        self.close_connection = True
        text = (message or self.responses.get(code, ("error",))[0]).rstrip("\n") + "\n"
        body = text.encode("utf-8", "replace")
        try:
            self.send_response(code, None)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD" and code >= 200 and code not in (204, 304):
                self.wfile.write(body)
        except OSError:
            pass

    def _error(self, status: int, message: str, headers: dict | None = None) -> None:
        self.close_connection = True
        self._send(status, (message.rstrip("\n") + "\n").encode("utf-8"),
                   "text/plain; charset=utf-8", headers)

    def _dispatch(self, method: str) -> None:
        try:
            self._check_host()
            parts = urlsplit(self.path)
            route = parts.path
            if route == "/sparql":
                self._sparql(method, parts.query)
            elif method == "POST":
                raise HTTPError(405, "POST is only for /sparql", {"Allow": "GET"})
            elif route in ("/", "/index.html"):
                page = query_page(self.server.examples, timeout=self.server.query_timeout,
                                  max_rows=self.server.max_rows)
                self._send(200, page.encode("utf-8"), "text/html; charset=utf-8",
                           {"Content-Security-Policy": _PAGE_CSP})
            elif route == "/health":
                self._send(200, b"ok\n", "text/plain; charset=utf-8")
            elif route in ("/views", "/views/"):
                self._send(302, b"", "text/plain; charset=utf-8", {"Location": "/views/index.html"})
            elif route.startswith("/views/"):
                self._view(route[len("/views/"):])
            elif route == "/favicon.ico":
                self._send(204, b"", "image/x-icon")
            else:
                raise HTTPError(404, "not found: try / (query page), /sparql, /views/ or /health")
        except HTTPError as exc:
            self._error(exc.status, exc.message, exc.headers)
        except (BrokenPipeError, ConnectionResetError):
            pass
        except Exception as exc:                       # noqa: BLE001 - answer, then log
            log.exception("kg serve: internal error")
            try:
                self._error(500, f"internal error: {type(exc).__name__}: {exc}")
            except OSError:
                pass

    def do_GET(self):                                  # noqa: N802
        self._dispatch("GET")

    def do_HEAD(self):                                 # noqa: N802
        self._dispatch("GET")

    def do_POST(self):                                 # noqa: N802
        self._dispatch("POST")

    def _read_only(self) -> None:
        # (405 with Allow, as HTTP asks of a method the resource does not support; http.server's
        # default, 501, says the server knows no such method. The connection closes, so an
        # unread body is never taken for the next request.)
        self._error(405, f"{self.command} is not allowed: the endpoint is read-only (SPARQL queries by GET or POST)",
                    {"Allow": ALLOWED_METHODS})

    do_PUT = do_DELETE = do_PATCH = _read_only

    def do_OPTIONS(self):                              # noqa: N802
        headers = {"Allow": ALLOWED_METHODS}
        if self.server.cors:
            headers.update({"Access-Control-Allow-Methods": ALLOWED_METHODS,
                            "Access-Control-Allow-Headers": "Content-Type, Accept",
                            "Access-Control-Max-Age": "600"})
        self._send(204, b"", "text/plain; charset=utf-8", headers)

    def _check_host(self) -> None:
        allowed = self.server.allowed_hosts
        host = self.headers.get("Host")
        if allowed is None or host is None:
            return
        name = host.strip().lower()
        if name.startswith("["):
            name = name[:name.find("]") + 1] if "]" in name else name
        elif ":" in name:
            name = name.rsplit(":", 1)[0]
        if name not in allowed:
            raise HTTPError(403, f"unexpected Host header {host!r}: this server answers on "
                                 f"{self.server.url} (a guard against DNS rebinding)")

    # -- /sparql -------------------------------------------------------------------------------
    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding"):
            raise HTTPError(411, "send the request body with a Content-Length (no chunked encoding)")
        length = self.headers.get("Content-Length")
        if length is None:
            raise HTTPError(411, "a POST needs a Content-Length")
        try:
            n = int(length)
        except ValueError:
            raise HTTPError(400, "bad Content-Length") from None
        if n < 0:
            raise HTTPError(400, "bad Content-Length")
        if n > self.server.max_body:
            if n <= 16 * self.server.max_body:         # read and drop it, so the client sees 413
                left = n
                while left > 0:
                    chunk = self.rfile.read(min(left, 1 << 16))
                    if not chunk:
                        break
                    left -= len(chunk)
            raise HTTPError(413, f"request body too large: {n} bytes (limit {self.server.max_body})")
        return self.rfile.read(n)

    def _sparql(self, method: str, query_string: str) -> None:
        try:
            params = parse_qs(query_string, keep_blank_values=True, strict_parsing=False,
                              encoding="utf-8", errors="strict")
        except UnicodeDecodeError:
            raise HTTPError(400, "the URL is not UTF-8") from None
        query_text = None
        if method == "POST":
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if ctype == "application/sparql-update":
                raise HTTPError(403, "this is a read-only endpoint: SPARQL Update is refused")
            body = self._read_body()
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                raise HTTPError(400, "the request body is not UTF-8") from None
            if ctype == "application/x-www-form-urlencoded":
                try:
                    form = parse_qs(text, keep_blank_values=True, errors="strict")
                except UnicodeDecodeError:
                    raise HTTPError(400, "the form is not UTF-8") from None
                for k, v in form.items():
                    params.setdefault(k, []).extend(v)
            elif ctype == "application/sparql-query":
                query_text = text
            else:
                raise HTTPError(415, "POST the query as application/x-www-form-urlencoded "
                                     "(query=...) or as application/sparql-query")
        if "update" in params:
            raise HTTPError(403, "this is a read-only endpoint: SPARQL Update is refused")
        if query_text is None and method == "GET" and not params:
            # GET /sparql with no query: the service description (SPARQL 1.1 Service Description 2)
            host = self.headers.get("Host") or ""
            if not re.fullmatch(r"[A-Za-z0-9.\-]+(?::\d{1,5})?|\[[0-9A-Fa-f:.]+\](?::\d{1,5})?", host):
                host = "%s:%d" % self.server.server_address[:2]     # (a Host no IRI can hold)
            self._send(200, _service_description(host).encode("utf-8"), "text/turtle; charset=utf-8")
            return
        if query_text is None:
            values = params.get("query")
            if not values:
                raise HTTPError(400, "missing the query parameter: /sparql?query=SELECT...")
            if len(values) > 1:
                raise HTTPError(400, "more than one query parameter")
            query_text = values[0]
        elif "query" in params:
            raise HTTPError(400, "the query is both in the body and in the URL")
        if not query_text.strip():
            raise HTTPError(400, "the query is empty")

        explicit = (params.get("format") or params.get("output") or [None])[-1]
        wanted = [explicit] if explicit else (_parse_accept(self.headers.get("Accept")) or None)
        for key in ("default-graph-uri", "named-graph-uri"):
            for g in params.get(key, []):
                try:
                    ox.NamedNode(g)
                except ValueError:
                    raise HTTPError(400, f"{key} is not an IRI: {g!r}"[:300]) from None
        srv = self.server
        try:
            result = srv.pool.run(query_text, timeout=srv.query_timeout, max_rows=srv.max_rows,
                                  result_format=wanted, strict=bool(explicit),
                                  default_graphs=params.get("default-graph-uri", []),
                                  named_graphs=params.get("named-graph-uri", []))
        except QueryRefused as exc:
            raise HTTPError(403, str(exc)) from None
        except QuerySyntaxError as exc:
            raise HTTPError(400, f"SPARQL syntax error: {exc}") from None
        except NotAcceptable as exc:
            raise HTTPError(406, str(exc)) from None
        except QueryTimeout as exc:
            raise HTTPError(503, str(exc), {"Retry-After": "1"}) from None
        except QueryBusy as exc:
            raise HTTPError(503, str(exc), {"Retry-After": "2"}) from None
        except QueryFailed as exc:
            raise HTTPError(500, str(exc)) from None
        self._send(200, result.body, result.content_type, {
            "X-KG-Truncated": "true" if result.truncated else "false",
            "X-KG-Rows": str(result.rows),
            "X-KG-Seconds": f"{result.seconds:.3f}",
            "Vary": "Accept"})

    # -- /views --------------------------------------------------------------------------------
    def _view(self, name: str) -> None:
        try:
            name = unquote(name, errors="strict")
        except UnicodeDecodeError:
            raise HTTPError(404, "no such view: see /views/index.html") from None
        try:
            found = self.server.views.get(name)
        except StoreError as exc:
            raise HTTPError(500, f"cannot build the views: {exc}") from None
        if found is None:
            raise HTTPError(404, "no such view: see /views/index.html")
        body, ctype = found
        headers = {"Content-Security-Policy": _VIEWS_CSP} if ctype.startswith("text/html") else {}
        self._send(200, body, ctype, headers)


class KGServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 32

    def server_bind(self):
        # HTTPServer.server_bind asks DNS for the host's name (socket.getfqdn), a reverse lookup
        # that kg's network guard refuses (and that hangs on a machine without DNS); the name is
        # only used for CGI variables
        import socketserver
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), self.server_address[1]

    def __init__(self, address, *, pool: QueryPool, views: ViewCache, examples: list[dict],
                 query_timeout: float, max_rows: int, max_body: int = MAX_BODY,
                 cors: str | None = None, quiet: bool = False):
        host = address[0]
        if ":" in host:
            import socket
            self.address_family = socket.AF_INET6
        self.pool = pool
        self.views = views
        self.examples = examples
        self.query_timeout = float(query_timeout)
        self.max_rows = int(max_rows)
        self.max_body = int(max_body)
        self.cors = cors
        self.quiet = quiet
        super().__init__(address, Handler)
        h, port = self.server_address[:2]
        shown = f"[{h}]" if ":" in h else h
        # (0.0.0.0 or :: listens everywhere but is no address to open: this machine's loopback is)
        opened = {"0.0.0.0": "127.0.0.1", "::": "[::1]"}.get(h, shown)
        self.url = f"http://{opened}:{port}/"
        self.everywhere = h in ("0.0.0.0", "::")
        # DNS-rebinding guard: a loopback server answers only to loopback names
        self.allowed_hosts = ({"localhost", "127.0.0.1", "[::1]", "::1", h.lower(), shown.lower()}
                              if _is_loopback(h) else None)

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()
        self.views.close()


def make_server(store_path: str | Path, *, host: str = "127.0.0.1", port: int = DEFAULT_PORT,
                timeout: float = 10.0, max_rows: int = 10000, workers: int = 2,
                memory_limit_mb: int | None = 2048, cors: str | None = None, quiet: bool = False,
                views_dir: str | Path | None = None, examples_dir: str | Path | None = None,
                isolate_network: bool = True, in_memory: bool = False) -> KGServer:
    """A ready server (workers up, socket bound); call serve_forever(), then server_close()."""
    if isinstance(store_path, str) and re.match(r"https?://", store_path, re.IGNORECASE):
        from .remote import parse_spec
        shown = parse_spec(store_path)[0]          # never the user:password@ it may hold
        raise StoreError(f"{shown} is already a SPARQL endpoint: kg serve serves a local "
                         "store directory (point your client at the endpoint itself)")
    store_path = Path(store_path)
    if timeout <= 0:
        raise StoreError("--timeout must be positive")
    if max_rows < 1:
        raise StoreError("--max-rows must be at least 1")
    pool = QueryPool(store_path, workers=workers, isolate_network=isolate_network, in_memory=in_memory,
                     memory_limit=(int(memory_limit_mb) << 20) if memory_limit_mb else None)
    try:
        pool.wait_ready()
        views = ViewCache(store_path, Path(views_dir) if views_dir else None)
        try:
            server = KGServer((host, port), pool=pool, views=views,
                              examples=load_examples(Path(examples_dir) if examples_dir else None),
                              query_timeout=timeout, max_rows=max_rows, cors=cors, quiet=quiet)
        except BaseException:
            views.close()
            raise
    except BaseException:
        pool.close()
        raise
    return server


def serve(store_path: str | Path, **kwargs) -> int:
    """Run `kg serve` until Ctrl-C (or SIGTERM); returns the exit status."""
    try:
        server = make_server(store_path, **kwargs)
    except OSError as exc:
        print(f"kg: error: cannot listen on {kwargs.get('host')}:{kwargs.get('port')}: {exc}",
              file=sys.stderr)
        return 2
    host = server.server_address[0]
    if not _is_loopback(host):
        print(f"kg serve: warning: listening on {host}, not only on this machine: anyone who can "
              "reach this address can query the store (read-only)", file=sys.stderr)
    if server.pool.isolation.startswith("off"):
        print(f"kg serve: note: query workers are not network-isolated "
              f"({server.pool.isolation}); SERVICE and LOAD are still refused by the query check",
              file=sys.stderr)

    def on_stop(signum, frame):                        # noqa: ARG001
        # the first signal stops the server; later ones (timeout, systemd and docker signal the
        # process and then its group) must not cut the clean-up short
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        raise KeyboardInterrupt

    # (started with SIGINT ignored, `kg serve &` from a script, it stays ignored)
    previous = (signal.signal(signal.SIGTERM, on_stop),
                signal.signal(signal.SIGINT, on_stop if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN
                              else signal.SIG_IGN))
    marker = note_serving(store_path, server.url) if Path(store_path).is_dir() else None
    print(f"kg serve: {server.url}  (SPARQL endpoint {server.url}sparql, views "
          f"{server.url}views/; store {Path(store_path)}; time limit {server.query_timeout:g} s, "
          f"row cap {server.max_rows}; Ctrl-C stops)"
          + ("; listening on every network interface: other machines can reach it" if server.everywhere else ""),
          flush=True)
    try:
        server.serve_forever(poll_interval=0.5)
    except KeyboardInterrupt:
        print("\nkg serve: stopped", file=sys.stderr)
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            server.server_close()
            if marker is not None:
                marker.unlink(missing_ok=True)
        finally:
            signal.signal(signal.SIGTERM, previous[0])
            signal.signal(signal.SIGINT, previous[1])
    return 0
