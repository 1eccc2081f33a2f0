"""The `kg` command: thin wrappers that parse options and call library functions."""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from .config import ConfigError
from .query import QueryInputError
from .store import DEFAULT_STORE, ENV_STORE, Store, StoreError, is_remote, serving


def _port(text: str) -> int:
    port = int(text)
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text} is not a port (0-65535)")
    return port


def _date_option(option: str):
    def parse(text: str) -> str:
        from .views import check_date
        try:
            return check_date(text, option)
        except ValueError as exc:           # argparse names the option itself
            raise argparse.ArgumentTypeError(str(exc).removeprefix(option).lstrip(": ")) from None
    return parse


def _bounded(kind, low, high):
    def parse(text: str):
        value = kind(text)
        if value < low or high is not None and value > high:
            raise argparse.ArgumentTypeError(f"{text} is not in [{low}, {'∞' if high is None else high}]")
        return value
    parse.__name__ = kind.__name__          # argparse names the type in its own errors
    return parse


def _executor(text: str) -> str:
    import re
    if text in ("serial", "process") or re.fullmatch(r"(?:dask|tcp|tls)://[^\s/:]+(?::\d{1,5})?/?", text):
        return text
    raise argparse.ArgumentTypeError(f"{text!r}: use serial, process or dask://HOST:PORT")


def _store_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", default=None, metavar="DIR",
                   help=f"store directory (default ${ENV_STORE} or ./{DEFAULT_STORE})")


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {n}")
    return n


def cmd_build(args) -> int:
    from .pipeline import build

    config = None
    if args.config:
        from .config import load_config
        config = load_config(args.config)
    missing = [p for p in args.paths if not Path(p).exists()]
    for p in missing:
        # (a folder that is gone is not pruned: an unmounted share looks the same; kg remove
        # names what is to go)
        why = "a broken symbolic link (or a loop of them)" if os.path.islink(p) else "no such file or directory"
        print(f"kg: error: {p}: {why}" + (f" (to remove the articles built from files under it: kg remove {p})"
                                          if args.prune else ""), file=sys.stderr)
    paths = [p for p in args.paths if Path(p).exists()]
    from .store import store_spec
    spec = store_spec(args.store)
    if not paths and not is_remote(spec) and not Path(spec).exists():
        # (nothing to read: no store is made for it)
        print(f"kg: {len(missing)} file(s) could not be built (see the errors above)", file=sys.stderr)
        return 1
    store = Store(args.store)
    server = serving(store.path) if getattr(store, "path", None) and not is_remote(str(store.path)) else None
    if server is not None:
        print(f"kg: warning: kg serve (process {server['pid']}, {server['url']}) is answering from this store: "
              f"it will not see this build until it is restarted", file=sys.stderr)
    from .readers import ARTICLE_SUFFIXES
    for p in paths:
        # (a file named on the command line that kg does not read says so: note.csv)
        if not Path(p).is_dir() and (not Path(p).is_file() or Path(p).suffix.lower() not in ARTICLE_SUFFIXES):
            print(f"kg: warning: {p}: skipped: not an article file ({', '.join(sorted(ARTICLE_SUFFIXES))})"
                  if Path(p).is_file() else f"kg: warning: {p}: skipped: not a regular file", file=sys.stderr)
    try:
        summary = build(paths, store, config=config, force=args.force,
                        on_error=lambda msg: print(f"kg: error: {msg}", file=sys.stderr),
                        jobs=args.jobs, executor=args.executor, batch_size=args.batch_size, prune=args.prune)
    finally:
        store.close()           # (closed, the store's folder is what the next build's index file says)
    failed = summary.failed + len(missing)
    print(f"articles read: {summary.read} (built {summary.built}, unchanged {summary.unchanged}, "
          f"replaced {summary.replaced}), failed: {failed}, other files skipped: {summary.skipped_files}"
          + (f", removed (files gone): {summary.removed}" if args.prune else ""))
    # mentions and facts as this run extracted them (before merging within an article: kg stats
    # counts what the store holds); entities are the store's
    print(f"entities in store: {summary.entities}, extracted now: {summary.mentions} mentions, {summary.facts} facts, "
          f"seconds: {summary.seconds:.2f}, store: {store.path}")
    if not summary.read and not failed and not summary.removed:
        print(f"kg: warning: no article files (.md, .markdown, .txt, .html, .htm) under {' '.join(map(str, paths))}"
              + (f"; {summary.skipped_files} other file(s) skipped" if summary.skipped_files else ""), file=sys.stderr)
    if failed:
        print(f"kg: {failed} file(s) could not be built (see the errors above)", file=sys.stderr)
        return 1
    return 0


def cmd_remove(args) -> int:
    from .pipeline import remove
    from .store import is_remote, store_spec
    spec = store_spec(args.store)
    if not is_remote(spec) and not Path(spec).exists():   # never create a store to remove from it
        raise StoreError(f"no store at {spec}: run `kg build` first (or pass --store)")
    store = Store(args.store)
    unmatched: list[str] = []
    paths: list[str] = []
    try:
        removed = remove(args.targets, store, unmatched, paths)
    finally:
        store.close()
    for t in unmatched:
        print(f"kg: warning: {t}: no such article in the store", file=sys.stderr)
    print(f"removed {len(removed)} article(s)"
          + (f"; dropped {len(paths)} source path(s) of articles whose file is also elsewhere "
             f"(they stay, built from their other copies)" if paths else ""))
    return 0 if (removed or paths) and not unmatched else 1


def cmd_query(args) -> int:
    from .query import check_not_empty, format_select, load_query, run
    text = load_query(args.query)
    try:
        check_not_empty(text)
    except QueryInputError as exc:
        if text != args.query:          # read from a file: say which
            raise QueryInputError(f"{args.query}: {exc}") from None
        raise
    store = Store(args.store, read_only=True)
    try:
        kind, payload = run(store, text)
    except StoreError as exc:
        if text != args.query:          # read from a file: say which
            raise StoreError(f"{args.query}: {exc}") from exc
        raise
    if kind == "select":
        if args.format in ("turtle", "ntriples", "jsonld"):
            raise QueryInputError(f"a SELECT gives a table: --format {args.format} is for CONSTRUCT and "
                                 "DESCRIBE; use table, csv, tsv or json")
        sys.stdout.write(format_select(*payload, args.format))
    elif kind == "ask":
        if args.format in ("turtle", "ntriples", "jsonld"):
            raise QueryInputError(f"an ASK gives true or false: --format {args.format} is for CONSTRUCT and "
                                 "DESCRIBE; use table, csv, tsv or json")
        if args.format == "json":          # SPARQL 1.1 Query Results JSON, as kg serve gives
            print(json.dumps({"head": {}, "boolean": bool(payload)}))
        else:
            print("true" if payload else "false")
    else:
        import pyoxigraph as ox
        fmt = {"table": ox.RdfFormat.TURTLE, "turtle": ox.RdfFormat.TURTLE, "json": ox.RdfFormat.JSON_LD,
               "jsonld": ox.RdfFormat.JSON_LD, "ntriples": ox.RdfFormat.N_TRIPLES}.get(args.format)
        if fmt is None:
            raise QueryInputError(f"a CONSTRUCT or DESCRIBE gives RDF: --format {args.format} is for "
                                 "SELECT; use turtle (the default), ntriples or jsonld")
        # the store's default graph is the union of the article graphs: a triple several articles
        # state comes once per article; RDF output has it once
        from .vocab import PREFIXES
        # vocabulary prefixes only: kgr: would turn resource IRIs into escaped names (kgr:org\/x)
        prefixes = ({p: str(ns) for p, ns in PREFIXES.items() if p != "kgr"}
                    if fmt == ox.RdfFormat.TURTLE else None)
        out = ox.serialize(list(dict.fromkeys(payload)), format=fmt, prefixes=prefixes)
        sys.stdout.buffer.write(out if not out or out.endswith(b"\n") else out + b"\n")    # (JSON-LD ends without one)
    return 0


def _export_format(text: str) -> str:
    from .export import format_name
    fmt = format_name(text)
    if fmt is None:
        raise argparse.ArgumentTypeError(f"{text!r}: not one of turtle, trig, nquads, ntriples, jsonld, rdfxml")
    return fmt


def cmd_export(args) -> int:
    from .export import export, format_name
    name = Path(args.output) if args.output not in (None, "-") else None
    # graph.nq.gz: gzip, the format by the name inside (GraphDB, Fuseki and Virtuoso load those)
    compress = name is not None and name.suffix.lower() == ".gz"
    suffix = (name.with_suffix("") if compress else name).suffix.lstrip(".") if name is not None else ""
    implied = format_name(suffix) if suffix else None
    if suffix and implied is None and args.format is None:
        # (graph.n3 or graph.txt written as Turtle would fail the first tool that trusts the name)
        raise StoreError(f"cannot tell the format from the file name {args.output}: name it .ttl .trig .nq .nt "
                         f".jsonld or .rdf (any of them .gz for gzip), or give --format")
    if args.format is None:
        args.format = implied or "turtle"
    elif implied is not None and implied != args.format:
        # out.jsonld holding Turtle fails the first tool that trusts the name
        raise StoreError(f"--format {args.format} does not match the file name {args.output} ({implied}): "
                         f"drop --format, or name the file for what it holds")
    store = Store(args.store, read_only=True)
    n = export(store, args.format, args.output, gzip=compress)
    if args.output not in (None, "-"):
        print(f"wrote {n} bytes of {args.format}{' (gzip)' if compress else ''} to {args.output}", file=sys.stderr)
    return 0


def _construct_on_store(store, query_arg: str):
    """kg viz --query: the CONSTRUCT run by the store's engine, as kg query runs it (rdflib, which
    reads the view's data, evaluates some queries differently: FILTER(false) kept every row), its
    triples as an rdflib Graph for the view."""
    import pyoxigraph as ox
    from rdflib import Graph as RdfGraph

    from .query import load_query, run
    kind, payload = run(store, load_query(query_arg))
    if kind != "graph":
        raise ValueError("--query must be a SPARQL CONSTRUCT or DESCRIBE query")
    g = RdfGraph()
    g.parse(data=ox.serialize(list(dict.fromkeys(payload)), format=ox.RdfFormat.N_TRIPLES) or b"", format="nt")
    return g


def cmd_viz(args) -> int:
    from .export import to_dataset
    from . import views
    # options that do nothing in this combination are refused (or named), not silently dropped
    single = {"-o": args.output, "--focus": args.focus, "--article": args.article, "--query": args.query, "--class": args.classes,
              "--min-confidence": args.min_confidence, "--from": args.date_from, "--to": args.date_to,
              "--title": args.title, "--include-articles": args.include_articles or None, "--depth": args.depth,
              "--connected": args.connected or None}
    if args.site and any(v is not None for v in single.values()):
        given = ", ".join(k for k, v in single.items() if v is not None)
        print(f"kg: error: --site writes the whole graph's pages; {given} shape(s) one view (drop --site, "
              "or drop them)", file=sys.stderr)
        return 2
    if args.top is not None and not args.site:
        print("kg: error: --top chooses the entity pages of --site; it does nothing without it", file=sys.stderr)
        return 2
    if args.depth is not None and args.focus is None:
        print("kg: note: --depth applies around --focus; without it the view is the whole graph", file=sys.stderr)
    if args.depth is None:
        args.depth = 2
    if args.output is None:
        args.output = "graph.html"
    store = Store(args.store, read_only=True)
    graphs = None
    if args.article and not (args.site or args.focus or args.query):
        # one article's view reads its graph, the entities and the ontology, not the whole store
        from .export import article_graph
        from .rdf import ENTITIES_GRAPH, ONTOLOGY_GRAPH
        g = article_graph(store, args.article)
        if g is not None:
            graphs = [str(ENTITIES_GRAPH), g, str(ONTOLOGY_GRAPH)]
    ds = to_dataset(store, graphs, everywhere=("http://www.w3.org/2004/02/skos/core#altLabel",))
    try:
        if args.site:
            kw = {k: v for k, v in dict(max_nodes=args.max_nodes, top_entities=args.top,
                                        size_by=args.size_by).items() if v is not None}
            summary = views.build_site(ds, args.site, **kw)
            print(f"wrote {summary['path']}: {summary['pages']} pages ({summary['articles']} "
                  f"articles, {summary['entities']} entities, whole graph)"
                  + (f"; removed {summary['removed']} page(s) of an earlier build" if summary["removed"] else ""))
            return 0
        kwargs = dict(focus=args.focus, depth=args.depth, article=args.article,
                      classes=args.classes, min_confidence=args.min_confidence,
                      date_from=args.date_from, date_to=args.date_to, max_nodes=args.max_nodes,
                      size_by=args.size_by, title=args.title,
                      include_articles=args.include_articles or None, connected=args.connected or None)
        if args.query:
            kwargs["construct"] = _construct_on_store(store, args.query)
        summary = views.build_view(ds, args.output, require_focus=True,
                                   **{k: v for k, v in kwargs.items() if v is not None})
    except (ValueError, LookupError) as exc:
        print(f"kg: error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {args.output}: {summary.get('nodes')} nodes, {summary.get('edges')} edges"
          + (f", {summary.get('dropped')} left out" if summary.get("dropped") else ""),
          file=sys.stderr if args.output == "-" else sys.stdout)
    for notice in summary.get("notices") or []:
        if "left out" not in notice:
            print(f"kg: {notice}", file=sys.stderr)
    if not summary.get("edges"):
        print("kg: note: the view has no edges: no fact passing its filters links the entities shown",
              file=sys.stderr)
    return 0


def cmd_validate(args) -> int:
    from .validate import SHAPES, validate
    SHAPES_NAME = SHAPES.name
    import time
    store = Store(args.store, read_only=True)
    # pySHACL takes about 30 s per 100k quads: say what is going on before the wait
    print(f"kg validate: checking {len(store.ox):,} quads against {SHAPES_NAME} ...", file=sys.stderr, flush=True)
    t0 = time.perf_counter()
    conforms, report, text = validate(store)
    print(f"kg validate: done in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    # (warnings, sh:Warning shapes, do not fail validation, but are shown: they were hidden)
    from rdflib import URIRef
    warnings = len(set(report.subjects(URIRef("http://www.w3.org/ns/shacl#resultSeverity"),
                                       URIRef("http://www.w3.org/ns/shacl#Warning")))) if report is not None else 0
    if conforms and warnings:
        print(f"conforms, with {warnings} warning{'s' if warnings > 1 else ''}:\n{text}")
    else:
        print("conforms" if conforms else text)
    return 0 if conforms else 1


def cmd_stats(args) -> int:
    from .stats import stats
    store = Store(args.store, read_only=True)
    s = stats(store)
    if args.json:
        print(json.dumps(s, ensure_ascii=False, indent=1))
        return 0
    print(f"articles: {s['articles']}  triples: {s['triples']}  mentions: {s['mentions']}")
    print("entities by class:")
    for k, v in s["entities"].items():
        print(f"  {k:<20}{v:>7}")
    print("facts by kind (each article that states a fact has its own; kg:claimKey joins them):")
    for k, v in s["facts"].items():
        print(f"  {k:<20}{v:>7}")
    print(f"facts supported by more than one article: {s['facts_supported_by_several_articles']}")
    if s["most_mentioned"]:
        print("most mentioned (articles whose text names it; bylines and credits left out):")
        from .query import display_width
        # padded by display width (a Han character takes two), to the widest label
        width = max(20, max(display_width(row["label"]) + 2 for row in s["most_mentioned"]))
        for row in s["most_mentioned"]:
            print(f"  {row['label']}{' ' * (width - display_width(row['label']))}{row['articles']:>7}")
    return 0


def cmd_serve(args) -> int:
    from .serve import serve
    from .store import store_spec
    return serve(store_spec(args.store), host=args.host, port=args.port, timeout=args.timeout,
                 max_rows=args.max_rows, workers=args.workers,
                 memory_limit_mb=args.memory_limit or None, cors=args.cors, quiet=args.quiet,
                 in_memory=args.in_memory)


def cmd_extractors(args) -> int:
    from .extract.registry import load_extractors
    for ex in load_extractors():
        print(f"{ex.name}@{ex.version}  requires={','.join(ex.requires)}  produces={','.join(ex.produces)}"
              f"  {getattr(ex, 'description', '')}")
    return 0


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("kg")
    except PackageNotFoundError:            # run from a source tree that is not installed
        return "(not installed)"


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="kg", description="Build and use a knowledge graph of Chinese policy and finance news.")
    ap.add_argument("-v", "--verbose", action="store_true", help="log what kg does (debug messages on standard error)")
    ap.add_argument("--version", action="version", version=f"kg {_version()}")
    # before the command too (kg --store S query ...), as other tools take their global options
    ap.add_argument("--store", dest="global_store", default=None, metavar="DIR",
                    help=f"store directory for any command (default ${ENV_STORE} or ./{DEFAULT_STORE})")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("build", help="read articles (files or folders) into the store")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files and folders (read recursively)")
    p.add_argument("--config", help="YAML file with extra gazetteer entries and patterns")
    p.add_argument("--force", action="store_true", help="rebuild articles even when unchanged")
    p.add_argument("--prune", action="store_true",
                   help="also remove the articles of files under PATH that are gone (deleted or renamed)")
    p.add_argument("--jobs", "-j", type=_positive, default=None, metavar="N",
                   help="extraction worker processes (default: one per core; 1: no workers)")
    p.add_argument("--executor", default=None, metavar="SPEC", type=_executor,
                   help="where extraction runs: serial, process (default) or dask://HOST:PORT "
                        "(a Dask scheduler; needs pip install 'kg[dask]')")
    p.add_argument("--batch-size", type=_positive, default=256, metavar="N",
                   help="articles written to the store per batch (default 256)")
    _store_arg(p)
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("remove", help="remove articles by id, IRI, source path or folder")
    p.add_argument("targets", nargs="+", metavar="TARGET", help="article ids, IRIs, source paths or folders")
    _store_arg(p)
    p.set_defaults(func=cmd_remove)

    p = sub.add_parser("query", help="run a SPARQL query (text or .rq file) over all graphs")
    p.add_argument("query", help="SPARQL text, a .rq file, or - to read the query from standard input")
    p.add_argument("--format", choices=["table", "csv", "tsv", "json", "turtle", "ntriples", "jsonld"],
                   default="table", help="SELECT: table, csv, tsv (values, with \\t \\n \\\\ escaped) or json "
                   "(SPARQL results); CONSTRUCT/DESCRIBE: turtle (also for table), ntriples, jsonld (also for json)")
    _store_arg(p)
    p.set_defaults(func=cmd_query)

    p = sub.add_parser("export", help="write the store as RDF")
    p.add_argument("--format", type=_export_format, default=None,
                   help="turtle, trig, nquads, ntriples, jsonld (json-ld) or rdfxml; default: from the -o "
                        "file's extension (.ttl .trig .nq .nt .jsonld .json .rdf .owl .xml; .gz after it for gzip), "
                             "turtle for a name without one")
    p.add_argument("-o", "--output", default=None, help="file (default: standard output)")
    _store_arg(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("viz", help="write an interactive HTML view that works offline")
    p.add_argument("-o", "--output", default=None,
                   help="the HTML file to write (default graph.html; - for standard output)")
    p.add_argument("--focus", help="centre on an entity, by label or alias")
    p.add_argument("--depth", type=_bounded(int, 0, None), default=None,
                   help="with --focus: how many steps from it (default 2)")
    p.add_argument("--article", help="only one article (id, IRI or path)")
    p.add_argument("--query", help="a SPARQL CONSTRUCT (text or .rq file) whose result is drawn")
    p.add_argument("--class", dest="classes", action="append", help="only entities of this class (repeatable)")
    p.add_argument("--min-confidence", type=_bounded(float, 0, 1), default=None,
                   help="only facts whose evidence is at least this confident (0-1)")
    p.add_argument("--from", dest="date_from", metavar="DATE", type=_date_option("--from"),
                   help="articles published on or after (YYYY[-MM[-DD]])")
    p.add_argument("--to", dest="date_to", metavar="DATE", type=_date_option("--to"),
                   help="articles published on or before (YYYY[-MM[-DD]])")
    p.add_argument("--max-nodes", type=_bounded(int, 1, None), default=None,
                   help="node budget (default 1500): keep the most connected")
    p.add_argument("--size-by", choices=["degree", "pagerank", "betweenness"], default=None,
                   help="node size (default degree; the page can switch)")
    p.add_argument("--title", help="page title (default: made from the options)")
    p.add_argument("--include-articles", action="store_true", help="draw articles as nodes too")
    p.add_argument("--connected", action="store_true",
                   help="leave out the entities no drawn fact links (those articles only mention)")
    p.add_argument("--site", metavar="DIR", help="write an index page with one view per article and top entity")
    p.add_argument("--top", type=int, default=None, metavar="N", help="with --site: pages for the N most connected entities (default 20)")
    _store_arg(p)
    p.set_defaults(func=cmd_viz)

    p = sub.add_parser("validate", help="SHACL validation against ontology/shapes.ttl")
    _store_arg(p)
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("stats", help="articles, entities by class, facts by kind")
    p.add_argument("--json", action="store_true")
    _store_arg(p)
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("serve", help="a read-only SPARQL endpoint, a query page and the HTML views")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=_port, default=7878, help="TCP port (default 7878)")
    p.add_argument("--timeout", type=float, default=10.0, help="seconds a query may run (default 10)")
    p.add_argument("--max-rows", type=int, default=10000, help="rows (or triples) per answer at most")
    p.add_argument("--workers", type=_positive, default=2, help="query worker processes (default 2)")
    p.add_argument("--memory-limit", type=int, default=2048, metavar="MB",
                   help="address-space limit per query worker, 0 for none (default 2048)")
    p.add_argument("--in-memory", action="store_true",
                   help="each query worker copies the store into memory at start (faster queries; "
                        "needs the dataset's size in RAM per worker, see docs/scale.md)")
    p.add_argument("--cors", metavar="ORIGIN", help="allow browser pages from ORIGIN (or *) to query")
    p.add_argument("--quiet", action="store_true", help="do not log each request")
    _store_arg(p)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("extractors", help="list the extractors loaded (built-in and plugins)")
    p.set_defaults(func=cmd_extractors)
    return ap


def _guard_network(args):
    """kg never reaches the network, except the servers the user named on the command line."""
    from . import netguard
    from .store import is_remote, store_spec

    hosts, ports = [], []
    spec = store_spec(getattr(args, "store", None))
    if is_remote(spec):
        hosts.append(spec)
    executor = getattr(args, "executor", None) or ""
    if executor.startswith("dask://"):
        hosts.append("tcp://" + executor[len("dask://"):])
    if args.command == "serve":
        ports.append(args.port)
        if not netguard.is_loopback(args.host):
            hosts.append((args.host, args.port))
    # scoped to this command (not installed for good): a process may call main() several times
    return netguard.blocked(allow_loopback_ports=ports, allow_hosts=hosts)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if getattr(args, "store", None) is None and args.global_store is not None:
        args.store = args.global_store           # the command's own --store wins
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING, format="kg: %(message)s")
    try:
        if os.environ.get("KG_ALLOW_NETWORK") == "1":
            return args.func(args)
        with _guard_network(args):
            return args.func(args)
    except StoreError as exc:
        print(f"kg: error: {exc}", file=sys.stderr)
        return 2
    except (ConfigError, QueryInputError) as exc:
        for line in str(exc).splitlines() or [""]:          # (a config's mistakes, one a line)
            print(f"kg: error: {line}", file=sys.stderr)
        return 2
    except RuntimeError as exc:
        if "Corruption" not in str(exc):        # RocksDB's word for a damaged file
            raise
        print(f"kg: error: the store is damaged ({str(exc).splitlines()[0][:200]}); rebuild it into a new "
              "--store, or restore it from a copy", file=sys.stderr)
        return 2
    except BrokenPipeError:                     # kg query ... | head
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:                      # an output path that is a directory, a port in use
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        print(f"kg: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        if args.func is cmd_build:
            # (each article's graph is written whole or not at all: a build run again goes on)
            print("\nkg: interrupted: the articles written so far are in the store; "
                  "run the same kg build again to finish", file=sys.stderr)
        if argv is None:
            # the command itself (not a caller's main([...])): what was written is committed whole,
            # so exit now; Python's exit would join concurrent.futures' manager thread, which can
            # block for ever on a message a killed worker left half-written
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(130)
        return 130


if __name__ == "__main__":
    sys.exit(main())
