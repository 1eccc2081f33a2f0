"""file -> Article -> records -> entities -> RDF -> store, streamed in batches.

The work is split in two:

* extraction (read + extract + resolve + RDF, ending in N-Triples bytes: `extract_batch`) runs
  wherever the executor puts it: in this process (`serial`), in worker processes (`--jobs N`)
  or on a Dask cluster (`--executor dask://host:port`). Workers never open the store;
* writing stays in this process: results are written in batches (`Backend.write_batch`, one
  load per batch on the embedded store, one SPARQL Update or a few Graph Store Protocol requests
  on a server).

Files are read and hashed here first: an unchanged file (same path and content hash, or the
same article id) is skipped without being parsed; a changed file replaces the graph it had
before. Only a bounded window of work is in flight, so memory does not grow with the corpus.
Each article's commit triple (kg:contentHash) is written after its graph, so a build that fails
or is killed keeps every article committed before it and rebuilds the rest next time. The store
content does not depend on the executor, the number of jobs or the batch size.
"""
from __future__ import annotations

import functools
import hashlib
import logging
import os
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator


from . import limits, rdf
from .extract.base import Context, UserPatternTimeout
from .extract.registry import load_extractors
from .model import Article, Records
from . import hashcache
from .hashcache import HashCache
from .readers import ReadError, iter_article_files, read_bytes, read_file
from .readers.decode import MAX_BYTES
from .readers.errors import display_path
from .resolve import resolve
from .resources import ontology_file
from .store import Backend, GraphWrite
from .writer import BatchWriter

log = logging.getLogger(__name__)
ONTOLOGY = ontology_file("kg.ttl")
DEFAULT_BATCH = 256          # articles per store write
DEFAULT_CHUNK = 8            # articles per task sent to a worker
SERIAL_BELOW = 16           # fewer files to build than this per job: no worker processes
LOOKUP_BELOW = 2000         # fewer files than this: look their articles up, don't scan the store


@dataclass
class BuildSummary:
    read: int = 0
    built: int = 0
    unchanged: int = 0
    replaced: int = 0
    removed: int = 0            # articles whose files are gone (build(prune=True))
    failed: int = 0
    skipped_files: int = 0
    mentions: int = 0
    facts: int = 0
    entities: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)


def extract(article: Article, extractors=None, config: dict | None = None) -> Records:
    ctx = Context(article=article, config=config or {})
    for ex in extractors or load_extractors():
        ctx.records.extend(ex(ctx))
    return ctx.records


def article_graphs(article: Article, extractors=None, config: dict | None = None):
    records = extract(article, extractors, config)
    res = resolve(records, article.id)
    g, eg = rdf.build(article, records, res)
    return records, g.graph(), eg.graph()


# -- the extraction side (runs in workers) --------------------------------------------------
@dataclass
class ArticleResult:
    """What extraction sends back for one file: plain data and bytes, cheap to pickle."""
    path: str
    id: str = ""
    hash: str = ""
    write: GraphWrite | None = None
    mentions: int = 0
    facts: int = 0
    error: str | None = None
    warnings: tuple[str, ...] = ()


_EXTRACTORS = None
_FINGERPRINTS: dict[tuple, str] = {}


@functools.lru_cache(maxsize=1)
def _data_digest() -> str:
    """A digest of the gazetteers and word lists kg ships (kg/data, kg/lexicon): editing them
    changes extraction as much as changing an extractor does."""
    h = hashlib.sha256()
    root = Path(__file__).resolve().parent
    for folder in ("data", "lexicon"):
        for f in sorted((root / folder).iterdir()):
            if f.is_file() and f.suffix in (".tsv", ".txt", ".yaml", ".yml"):
                h.update(f.name.encode("utf-8") + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()[:12]


def fingerprint(extractors, config: dict | None) -> str:
    """What an article's graph was extracted with: the extractors' name@version, a digest of the
    shipped gazetteers and word lists, and one of the configuration. A file whose content is
    unchanged is extracted again when this differs (a kg upgrade, a plugin added, a gazetteer
    entry added in --config)."""
    import json
    cfg = json.dumps(config or {}, sort_keys=True, ensure_ascii=False, default=str)
    key = (tuple(f"{e.name}@{e.version}" for e in extractors), cfg)
    fp = _FINGERPRINTS.get(key)
    if fp is None:
        digest = hashlib.sha256(cfg.encode("utf-8")).hexdigest()[:12] if config else "none"
        # graph@N: how kg reads files and writes their graphs (kg.rdf.GRAPH_VERSION)
        parts = sorted(key[0] + (f"graph@{rdf.GRAPH_VERSION}",))
        fp = _FINGERPRINTS[key] = (" ".join(parts) + f" data:{_data_digest()} config:{digest}")
    return fp


def _extractors():
    global _EXTRACTORS
    if _EXTRACTORS is None:
        _EXTRACTORS = load_extractors()
    return _EXTRACTORS


def warm_up() -> None:
    """Load the extractors and the gazetteers they load lazily now, not in the first task."""
    extract_one("warm-up.txt", "国务院新闻办公室在北京市举行发布会，商务部部长王文涛表示，同比增长5%。".encode("utf-8"))


def extract_one(path: str, data: bytes, config: dict | None = None, extractors=None) -> ArticleResult:
    try:
        article = read_bytes(data, path)
    except ReadError as exc:
        return ArticleResult(path, error=str(exc))
    if len(article.text) > limits.MAX_EXTRACT_CHARS:
        # extraction costs ~16 us a character and more on text dense with names: refused whole
        return ArticleResult(path, error=f"{display_path(path)}: article text too long to extract: more than "
                                         f"{limits.MAX_EXTRACT_CHARS} characters (kg.limits.MAX_EXTRACT_CHARS)")
    try:
        extractors = extractors or _extractors()
        records = extract(article, extractors, config)
        res = resolve(records, article.id)
        g, eg = rdf.build(article, records, res, extracted_with=fingerprint(extractors, config))
        commit = rdf.commit_line(article)
        g.lines.discard(commit)
        write = GraphWrite(graph=str(rdf.article_iri(article.id)), triples=g.ntriples(), commit=commit.encode("utf-8"),
                           entities=eg.ntriples())
    except UserPatternTimeout as exc:
        return ArticleResult(path, article.id, article.content_hash, error=f"{display_path(path)}: {exc}")
    except Exception as exc:  # an extractor bug must not cost the other articles
        log.debug("extraction failed", exc_info=True)
        return ArticleResult(path, article.id, article.content_hash,
                             error=f"{display_path(path)}: extraction failed: {type(exc).__name__}: {exc}")
    warnings: tuple[str, ...] = ()
    if article.meta.get("date_raw") and not article.meta.get("date"):
        # the article is built without schema:datePublished, so date filters will never find it
        warnings += (f"{display_path(path)}: warning: date {str(article.meta['date_raw'])[:80]!r} is not a date "
                     f"kg can read (RFC 2822 or ISO 8601): the article has no datePublished",)
    if article.meta.get("title_not_text"):
        warnings += (f"{display_path(path)}: warning: title is not text but a YAML mapping or nested list; "
                     f"the headline is that value written out: {str(article.meta.get('title'))[:80]!r}",)
    return ArticleResult(path, article.id, article.content_hash, write,
                         mentions=len(records.mentions), facts=len(records.relations) + len(records.quantities),
                         warnings=warnings)


def extract_batch(items: list[tuple[str, bytes]], config: dict | None = None) -> list[ArticleResult]:
    """The task a worker runs: [(path, file bytes)] -> [ArticleResult]."""
    return [extract_one(path, data, config) for path, data in items]


# -- the writing side (runs here) -----------------------------------------------------------
def article_id(path: str, content_hash: str) -> str:
    """The id kg.readers gives the file (name + content hash), to skip unchanged files unread."""
    name = os.path.basename(path).encode("utf-8", "surrogateescape")
    return hashlib.sha256(name + b"\0" + content_hash.encode("ascii")).hexdigest()[:16]


def _read_raw(path: str) -> bytes | str:
    """The file's bytes, or the reader's error message (kg.readers.read_file words them)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):   # a FIFO or device would block or never end
            return f"{display_path(path)}: not a regular file"
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError:
        data = None
    if data is None or len(data) > MAX_BYTES:
        try:
            read_file(path)
        except ReadError as exc:
            return str(exc)
        return f"{display_path(path)}: cannot read file"
    return data


def _tidy_after_interrupt(store: Backend, writer: BatchWriter) -> None:
    """Ctrl-C: the entities that replaced graphs referred to stay listed in kgr:pending-prune until
    a prune; wait for the batches already handed to the writer (two at most) and prune them now,
    so that the store holds no bookkeeping among its data. A second Ctrl-C stops this too (the
    next build prunes them)."""
    try:
        writer.close()
    except Exception as why:                          # (what stopped the writer was reported)
        log.debug("writer after an interrupt: %s", why)
    try:
        store.prune_entities(writer.candidates)
        store.flush()
    except Exception as why:                          # (a store that fails now: the next build prunes)
        log.debug("prune after an interrupt: %s", why)


def build(paths: Iterable[str | Path], store: Backend, *, config: dict | None = None,
          on_error: Callable[[str], None] | None = None, force: bool = False,
          jobs: int | None = 1, executor=None, batch_size: int = DEFAULT_BATCH,
          chunk_size: int = DEFAULT_CHUNK, progress: Callable[[BuildSummary], None] | None = None,
          prune: bool = False) -> BuildSummary:
    """Build `paths` (files or folders) into `store`.

    prune: also remove the articles built earlier from files under `paths` that are gone
    (deleted or renamed; a renamed file is built again under its new name).

    executor: None (serial when jobs == 1, else a process pool of `jobs` workers; jobs=None
    means one per core, or none when fewer than SERIAL_BELOW files per core need building),
    "serial", "process", "dask://host:port", or an Executor from kg.executors.
    batch_size: articles per store write; chunk_size: articles per worker task.
    """
    from .executors import default_jobs, make_executor

    t0 = time.perf_counter()
    summary = BuildSummary()
    absolute_of: dict[str, str] = {}

    def ab(path: str) -> str:
        # (each path's absolute form is wanted several times: computed once)
        got = absolute_of.get(path)
        if got is None:
            got = absolute_of[path] = _abs(path)
        return got

    paths = list(paths)
    walk_errors: list[str] = []
    files, skipped = iter_article_files(paths, walk_errors)
    summary.skipped_files = len(skipped)
    # (as the store records them too: a name that is not UTF-8 is stored cleaned)
    present = {form for f in files for form in (str(Path(f).resolve()), rdf.clean(str(Path(f).resolve())),
                                                rdf.clean(ab(str(f))))} if prune else set()
    if ONTOLOGY.exists():
        store.load_ontology(ONTOLOGY)

    def fail(msg: str) -> None:
        summary.failed += 1
        summary.errors.append(msg)
        if on_error:
            on_error(msg)

    for msg in walk_errors:
        fail(msg)
    # hash every file (cheap), parse none; a file as it was when last hashed is not read again
    hashes = HashCache(store.side_file(hashcache.NAME))
    seen: set[str] = set()
    unread: list[tuple[str, str]] = []                  # path, the reader's error
    entries: list[tuple[str, str, str, bool]] = []      # path, content hash, article id, empty?
    for path in files:
        key = str(path)
        absolute = ab(key)
        seen.add(absolute)
        try:
            st = os.stat(key)
        except OSError:
            st = None
        hit = hashes.lookup(absolute, st) if st is not None and not force else None
        if hit is not None:
            digest, empty = hit
        else:
            data = _read_raw(key)
            if isinstance(data, str):
                unread.append((key, data))
                continue
            digest, empty = hashlib.sha256(data).hexdigest(), not data.strip()
            if st is not None:
                hashes.record(absolute, st, digest, empty)
        entries.append((key, digest, article_id(key, digest), empty))
    del files
    if not walk_errors:
        hashes.forget_under([str(p) for p in paths], seen)
    # what the store holds about them: a few lookups for a few files, else one scan
    if len(entries) + len(unread) <= LOOKUP_BELOW:
        # (files that could not be read too: their earlier version, if any, is named in their error)
        spellings = sorted({form for key in [e[0] for e in entries] + [u[0] for u in unread]
                            for form in (key, ab(key), _rel(key))})
        known, broken = store.article_index(paths=spellings, ids=[e[2] for e in entries])
        if store.incomplete():          # a killed build left graphs of other files behind
            broken = sorted(set(broken) | set(store.article_index()[1]))
    else:
        known, broken = store.article_index()
    if broken:
        store.repair(broken)
        log.info("dropped %d article graph(s) left incomplete by an earlier build", len(broken))
    # by absolute path: examples/a.md and /abs/examples/a.md are one file (kg records absolute
    # paths; stores from before it recorded them as given, relative to the current directory)
    by_path = {ab(p): k for k, v in known.items() for p in v.get("paths", [v["path"]])}
    current = fingerprint(_extractors(), config)
    # what the store held when we began, as content hashes; an article extracted with other
    # extractors or another configuration counts as changed
    before = {k: v["hash"] if v.get("with") == current else "" for k, v in known.items()}
    before_path = dict(by_path)
    paths_before = {k: v.get("paths", [v["path"]]) for k, v in known.items()}

    def kept(path: str, msg: str) -> str:
        # a file that no longer builds leaves its last good version in the store (nothing built
        # is lost to bad input); the user is told, and how to drop it
        old = by_path.get(ab(path))
        return msg if old is None or old not in known else \
            f"{msg} (its previous version stays in the store: `kg remove {display_path(path)}` drops it)"

    for path, msg in unread:
        fail(kept(path, msg))
    dispatched: set[str] = set()
    todo: list[str] = []
    ids_by_path: dict[str, list[str]] = {}
    for k, v in known.items():
        for p in v.get("paths", [v["path"]]):
            ids_by_path.setdefault(ab(p), []).append(k)
    copies: list[tuple[str, str]] = []          # (article graph, a further path of its file)
    path_drops: list[tuple[str, str]] = []      # (article graph, a path its file no longer has)
    stale: list[str] = []
    wanted = {e[2] for e in entries}            # the ids of the files present now
    id_of_path = {ab(e[0]): e[2] for e in entries}

    def still_its(path: str, aid: str) -> bool:
        # does the file at this path still hold the article? (a file outside this build: if it is there)
        return id_of_path[ab(path)] == aid if ab(path) in id_of_path else os.path.exists(path)

    for key, digest, aid, empty in entries:
        # a build killed between writing a changed file's new graph and dropping its old one
        # left both: the file's current article stays, the other graphs of that path go (or,
        # when the old article is still another copy's, only this path of it)
        if aid in known and before.get(aid) == digest:
            for o in ids_by_path.get(ab(key), ()):
                if o != aid and o not in wanted:
                    stale.append(known[o]["graph"])
                elif o != aid:
                    path_drops += [(known[o]["graph"], p) for p in paths_before[o] if ab(p) == ab(key)]
        old = before_path.get(ab(key))
        # a file moved since it was built (same name and content, one id) is built again, so its
        # kg:sourcePath follows it; a second copy of a file whose first is still there is not
        # built again but recorded, one more kg:sourcePath of its article
        # (a name that is not UTF-8 is stored cleaned: compared cleaned, never "moved")
        recorded = [ab(p) for p in known[aid].get("paths", [known[aid]["path"]])] if aid in known else []
        here = ab(key) in recorded or rdf.clean(ab(key)) in recorded
        moved = aid in known and not here and not any(os.path.exists(p) for p in recorded)
        # (a second copy in this build is never extracted twice, --force or not)
        if not empty and (aid in dispatched or not force and not moved and (
                before.get(aid) == digest or (old is not None and before.get(old) == digest))):
            summary.read += 1
            summary.unchanged += 1
            if not here and (aid in known or aid in dispatched):
                copies.append((str(rdf.article_iri(aid)), ab(key)))
            continue
        dispatched.add(aid)
        todo.append(key)
    del entries

    given: dict[str, str] = {}      # kg:sourcePath -> the path as given, for messages

    def as_given(message: str, recorded: str) -> str:
        """A worker's message names the file as the store records it: name it as the user did."""
        shown = display_path(recorded)
        if recorded in given and message.startswith(shown):
            return display_path(given[recorded]) + message[len(shown):]
        return message

    def tasks() -> Iterator[list[tuple[str, bytes]]]:
        chunk: list[tuple[str, bytes]] = []
        for key in todo:
            data = _read_raw(key)
            if isinstance(data, str):
                fail(kept(key, data))
                continue
            recorded = ab(key)        # kg:sourcePath: the same file from any directory
            given[recorded] = key
            chunk.append((recorded, data))
            if len(chunk) >= chunk_size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    writes: list[GraphWrite] = []
    drops: list[str] = list(dict.fromkeys(stale))
    writer = BatchWriter(store)

    def flush_writes() -> None:
        nonlocal writes, drops
        if writes or drops:
            writer.submit(writes, drops)
        writes, drops = [], []

    # enough work in flight that the workers keep busy while this process writes a batch;
    # with jobs=None (one per core), a handful of files is not worth starting workers for
    n_jobs = jobs or default_jobs()
    if executor is None and jobs is None and len(todo) < SERIAL_BELOW * n_jobs:
        n_jobs = 1
    ex = make_executor(executor, n_jobs, window=2 * n_jobs + -(-batch_size // chunk_size))
    try:
        for results in ex.map(extract_batch, tasks(), config):
            for r in results:
                for w in r.warnings:
                    log.warning(as_given(w, r.path))
                if r.error is not None:
                    fail(kept(given.get(r.path, r.path), as_given(r.error, r.path)))
                    continue
                summary.read += 1
                old = by_path.get(ab(r.path))
                # the old version goes, unless another file still has that content (two copies of
                # one article: same name, same content, one id, in this build or recorded from
                # another): then only its path for this file does
                if old and old != r.id and old in known:
                    if old not in wanted and not any(still_its(p, old) for p in paths_before.get(old, ())
                                                     if ab(p) != ab(r.path)):
                        drops.append(known.pop(old)["graph"])
                        summary.replaced += 1
                    else:
                        path_drops += [(known[old]["graph"], p) for p in paths_before.get(old, ())
                                       if ab(p) == ab(r.path)]
                elif r.id in known:                # same content, extracted again (--force, upgrade)
                    summary.replaced += 1
                known[r.id] = {"graph": r.write.graph, "hash": r.hash, "path": r.path}
                # (an article written again, --force or an upgrade, keeps the paths of its other
                # copies that are still there)
                copies += [(r.write.graph, p) for p in paths_before.get(r.id, ())
                           if ab(p) != ab(r.path) and still_its(p, r.id)]
                by_path[ab(r.path)] = r.id
                writes.append(r.write)
                summary.built += 1
                summary.mentions += r.mentions
                summary.facts += r.facts
                if len(writes) >= batch_size:
                    flush_writes()
                    if progress:
                        progress(summary)
        flush_writes()
    except BaseException as exc:
        # Ctrl-C or an error: what was written stays (each article is committed whole), the
        # workers are stopped without waiting for them
        try:
            writer.close()
        finally:
            ex.abort()
        if isinstance(exc, KeyboardInterrupt):
            _tidy_after_interrupt(store, writer)
        raise
    try:
        try:
            writer.close()
        finally:
            ex.close()
        for msg in writer.failed:
            summary.built -= 1
            fail(msg)
        if copies or path_drops:
            # (the articles they belong to are written now; a copy of a file that failed has none)
            present_graphs = {v["graph"] for v in known.values()} - set(writer.failed_graphs)
            store.source_paths(add=[c for c in copies if c[0] in present_graphs], drop=path_drops)
        # (also when nothing was dropped now: a killed run may have left entities to prune)
        store.prune_entities(writer.candidates)
    except KeyboardInterrupt:
        _tidy_after_interrupt(store, writer)
        raise
    if prune and not walk_errors:               # an unreadable folder's files are not gone
        gone, gone_paths = _gone(paths, present, store)
        summary.removed = len(remove(gone, store))
        store.source_paths(drop=gone_paths)
    store.settle(len(known))
    store.flush()
    hashes.save()
    summary.errors.sort()
    summary.entities = store.entity_count()
    summary.seconds = time.perf_counter() - t0
    return summary


def _abs(path: str) -> str:
    try:
        return os.path.abspath(path)
    except (OSError, ValueError):
        return path


def _rel(path: str) -> str:
    try:
        return os.path.relpath(path)
    except (OSError, ValueError):
        return path


def _gone(roots: list, present: set[str], store: Backend) -> tuple[list[str], list[tuple[str, str]]]:
    """(ids of the stored articles whose source files lie under `roots` and are all gone,
    (graph, path) of the gone paths of articles whose file is still somewhere else)."""
    roots = [Path(r).resolve() for r in roots]
    gone, gone_paths = [], []
    for aid, info in store.article_index()[0].items():
        lost, kept = [], 0
        for path in info.get("paths", [info["path"]]):
            try:
                p = Path(path).resolve()
                # a file still there is not gone, even one the walk leaves out (README.md named
                # on the command line once)
                there = path in present or str(p) in present or p.exists()
            except (OSError, ValueError):
                kept += 1
                continue
            if not there and any(p == r or r in p.parents for r in roots):
                lost.append(path)
            else:
                kept += 1
        if lost and not kept:
            gone.append(aid)
        elif lost:
            gone_paths += [(info["graph"], p) for p in lost]
    return sorted(gone), gone_paths


def entity_count(store: Backend) -> int:
    return store.entity_count()


def _exists(target: str) -> bool:
    """Path(target).exists(), but False for what cannot be a path (too long, NUL bytes) and for
    "" (Path("") is the current directory: `kg remove ""` must not mean every article here)."""
    if not target.strip():
        return False
    try:
        return Path(target).exists()
    except (OSError, ValueError):
        return False


def _deleted_folder_holds(target: str, path: str) -> bool:
    if not target.strip():
        return False
    # (`..` only after a folder that exists: ../gone is fine, nosuchdir/.. is no deleted folder)
    walked = Path()
    for part in Path(target).parts:
        if part == ".." and not (walked / ".").is_dir():
            return False
        walked = walked / part
    folder = _abs(target).rstrip(os.sep)
    here = _abs(".")
    if not folder or here == folder or here.startswith(folder + os.sep):
        return False
    return _abs(path).startswith(folder + os.sep)


def remove(targets: Iterable[str], store: Backend, unmatched: list[str] | None = None,
           paths_dropped: list[str] | None = None) -> list[str]:
    """Remove articles by id, IRI, source path or folder (every article built from a file under
    it); returns the ids removed. The targets that name no article in the store are appended to
    `unmatched` when it is given. An article whose file is also in a folder not named keeps
    that path and loses only the named ones, appended to `paths_dropped` when it is given."""
    targets = list(targets)
    prefix = str(rdf.article_iri("x"))[:-1]
    ids, paths = set(), set()
    for t in targets:
        ids.add(t)
        paths.add(t)
        if t.startswith(prefix):
            ids.add(t[len(prefix):])
        if _exists(t):
            resolved = Path(t).resolve()
            paths.update({str(resolved), os.path.relpath(resolved), _abs(t), rdf.clean(str(resolved))})
        elif t.strip():
            # a deleted file named relative to here: the store records absolute paths
            paths.update({_abs(t), rdf.clean(_abs(t))})
    known, _ = store.article_index(paths=sorted(paths), ids=sorted(ids))
    if len(known) < len(targets):
        known = store.articles()      # a path given another way than it was built with, a folder
    chosen: dict[str, str] = {}
    chosen_paths: dict[str, set[str]] = {}      # article id -> the paths of it the targets name
    for t in targets:
        resolved = Path(t).resolve() if _exists(t) else None
        folder = resolved is not None and resolved.is_dir()
        matched = False
        for aid, info in known.items():
            if t in (aid, info["graph"]):
                chosen[aid] = info["graph"]
                matched = True
                continue
            for path in info.get("paths", [info["path"]]):
                # a path that exists means that file (or folder); one that does not (a deleted
                # file) is compared as the store records it, or as it is from here
                # (and a deleted folder holds what the store records under it; never a path with
                # `..` in it, which abspath collapses without looking: nosuchdir/.. is here, and
                # everything under here would go, nor here or a folder above it)
                hit = resolved is None and (t == path or _abs(path) == _abs(t) or _deleted_folder_holds(t, path))
                if not hit and resolved is not None:
                    try:
                        source = Path(path).resolve()
                    except (OSError, ValueError):
                        continue
                    # (a file name that is not UTF-8 was recorded with U+FFFD for its bad bytes)
                    hit = source == resolved or (folder and resolved in source.parents) \
                        or rdf.clean(str(resolved)) == path
                if hit:
                    chosen_paths.setdefault(aid, set()).add(path)
                    matched = True
        if not matched and unmatched is not None:
            unmatched.append(t)
    # the same file in two folders: removing one of its paths keeps the article for the other
    path_drops = []
    for aid, named in chosen_paths.items():
        info = known[aid]
        if aid in chosen or named >= set(info.get("paths", [info["path"]])):
            chosen[aid] = info["graph"]
        else:
            path_drops += [(info["graph"], p) for p in sorted(named)]
    store.source_paths(drop=path_drops)
    if paths_dropped is not None:
        paths_dropped += [p for _, p in path_drops]
    dropped, candidates = store.drop_graphs(list(chosen.values()))
    dropped = set(dropped)
    removed = [aid for aid, g in chosen.items() if g in dropped]
    store.prune_entities(candidates)
    store.settle(len(known))
    store.flush()
    return removed
