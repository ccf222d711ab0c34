"""The `liaison` command: thin wrappers over the pipeline, store, exports and interfaces."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from liaison.console import err, out
from liaison.errors import LiaisonError


class LiaisonGroup(click.Group):
    """Liaison's own errors (bad database URL, unreachable Dask scheduler, ...) end the command with
    one line on stderr and exit status 2, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except LiaisonError as exc:
            err.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
            ctx.exit(2)


@click.group(cls=LiaisonGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", default=None, metavar="URL",
              help="Database URL (default: $LIAISON_DB, else sqlite:///./liaison.db; "
                   "postgresql+psycopg://... for PostgreSQL).")
@click.pass_context
def main(ctx: click.Context, db: str | None) -> None:
    """Liaison: news about security and migration cooperation between states, turned into a
    sourced record of people, events (PLOVER), commitments, figures and quotes."""
    from liaison.settings import get_settings
    ctx.obj = {"db": db or get_settings().db}      # LIAISON_DB, else the settings file, else ./liaison.db


MAX_SERVE_WORKERS = 4     # past this a laptop's memory goes before the store's readers do


def _store(ctx: click.Context):
    from liaison.store import connect
    return connect(ctx.obj["db"])


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--workers", type=click.IntRange(min=1), default=None, metavar="N",
              help="Local worker processes analysing in parallel (default: the machine's cores; "
                   "1: in this process).")
@click.option("--dask", "dask_address", default=None, metavar="ADDRESS",
              help="Analyse on an existing Dask cluster, e.g. tcp://10.0.0.5:8786 (started with "
                   "`dask scheduler` and `dask worker ADDRESS --nthreads 1`).")
@click.pass_context
def ingest(ctx: click.Context, sources: tuple[str, ...], workers: int | None,
           dask_address: str | None) -> None:
    """Store and analyse articles from SOURCES: files (.txt .md .html .json .jsonl), folders,
    http(s) URLs or RSS/Atom feeds. Sources are read as a stream and each batch is written as it
    finishes. Re-ingesting the same input is a no-op; an interrupted run resumes where it stopped,
    with any executor. Exits non-zero only when nothing could be ingested."""
    from rich.markup import escape
    from rich.progress import Progress

    from liaison.console import warn
    from liaison.scale.executors import make_executor
    from liaison.store.connection import parse_url
    if workers and dask_address:
        raise click.UsageError("--workers and --dask exclude each other: a Dask cluster has its own workers")
    parse_url(ctx.obj["db"])                            # a malformed URL fails before anything starts
    executor = make_executor(workers, dask_address)     # before the store: a missing cluster writes nothing
    from liaison.console import count_articles, progress_columns
    with executor, Progress(*progress_columns(), console=err, transient=True) as progress:
        from liaison.scale.runner import process
        store = _store(ctx)
        task = progress.add_task("analysing", total=count_articles(sources))

        def advance(n: int) -> None:
            done = progress.tasks[0].completed + n
            if progress.tasks[0].total is not None and done > progress.tasks[0].total:
                progress.update(task, total=done)       # resumed work from an earlier run
            progress.advance(task, n)
        summary = process(sources, store, executor, progress=advance,
                          on_issue=lambda source, message: warn(escape(f"{source}: {message}")))
    _print_summary(summary)
    _print_found(store)
    if summary.ingested == 0 and summary.failed:
        sys.exit(1)


def _print_summary(summary) -> None:
    langs = sorted(set(summary.new) | set(summary.duplicate))
    by_lang = ", ".join(f"{lang}: {summary.new[lang]} new"
                        + (f" + {summary.duplicate[lang]} near-duplicate" if summary.duplicate[lang] else "")
                        for lang in langs)
    out.print(f"documents: {sum(summary.new.values())} new, {sum(summary.duplicate.values())} "
              f"near-duplicate, {summary.unchanged} already stored, {summary.failed} failed"
              + (f" ({by_lang})" if by_lang else ""))
    out.print(f"analysed: {summary.analysed}" + (f", {summary.stage_failures} stage failures (see "
                                                 "`liaison issues`)" if summary.stage_failures else ""))


def _print_found(store) -> None:
    """What the store now holds: the line `make run` ends with."""
    from liaison.store import queries as Q
    counts = store.counts()
    people = Q.entities_page(store, kind="person", limit=1).total
    out.print(f"found: {counts['documents']} documents, {counts['event']} events, {people} people, "
              f"{counts['commitment']} commitments, {counts['figure']} figures, {counts['quote']} quotes, "
              f"{counts['issues']} issues")


@main.command("export")
@click.option("--format", "fmt", default="jsonl", show_default=True,
              type=click.Choice(["jsonl", "csv", "geojson", "graphml", "ics", "plover"]))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write into (created if missing).")
@click.option("--excel", is_flag=True, help="CSV only: add a UTF-8 byte-order mark for Excel.")
@click.pass_context
def export_cmd(ctx: click.Context, fmt: str, out_dir: Path, excel: bool) -> None:
    """Write the record in a format: jsonl (the SCHEMA.md contract), csv, geojson, graphml, ics,
    plover."""
    from liaison.export import FORMATS, export
    if fmt not in FORMATS:
        raise click.UsageError(f"export format {fmt!r} is not available in this version")
    options = {"excel": True} if excel and fmt == "csv" else {}
    counts = export(_store(ctx), fmt, out_dir, **options)
    out.print(", ".join(f"{k}: {v}" for k, v in counts.items()) + f" -> {out_dir}")


@main.command("issues")
@click.pass_context
def issues_cmd(ctx: click.Context) -> None:
    """List the data problems recorded so far (unreadable inputs, failed stages)."""
    rows = _store(ctx).list_issues()
    if not rows:
        out.print("no issues recorded")
        return
    for row in rows:
        out.print(f"{row['id']}\t{row['stage']}\t{row['source']}\t{row['message']}", markup=False)


@main.command()
@click.pass_context
def link(ctx: click.Context) -> None:
    """Re-link the whole corpus (entities, events, commitment status) from the stored facts."""
    from liaison.scale import link_corpus
    counts = link_corpus(_store(ctx))
    out.print(", ".join(f"{k}: {v}" for k, v in counts.items()))


@main.command()
@click.option("--host", default=None, help="Address to bind (default: settings host, 127.0.0.1). "
                                           "Only bind other addresses behind a trusted proxy.")
@click.option("--port", default=None, type=int, help="Port (default: settings port, 8000).")
@click.option("--workers", type=click.IntRange(min=1), default=None, metavar="N",
              help=f"Server processes (default: the machine's cores, at most {MAX_SERVE_WORKERS}).")
@click.pass_context
def serve(ctx: click.Context, host: str | None, port: int | None, workers: int | None) -> None:
    """Serve the web UI and the REST API (docs at /docs). Read-only unless LIAISON_API_TOKEN is set;
    writes (ingest, merge/split decisions) then need that token."""
    import os

    from liaison.api.app import create_app
    from liaison.api.serve import serve as serve_app
    from liaison.settings import get_settings
    settings = get_settings()
    host, port = host or settings.host, port or settings.port
    workers = workers or min(MAX_SERVE_WORKERS, os.cpu_count() or 1)
    store = _store(ctx)         # opened (and migrated) once here: a bad URL is one line, exit 2
    out.print(f"serving on http://{host}:{port}/ (API docs: /docs), {workers} process(es)")
    os.environ["LIAISON_DB"] = ctx.obj["db"]      # each process opens the same store
    serve_app(create_app(store, settings) if workers == 1 else None, host, port, workers)


@main.command("eval")
@click.option("--gold", "gold", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gold annotations, one JSON line per article (the GOLD.md format).")
@click.option("--pred", "pred", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="A folder written by `export --format jsonl`; default: export the current store.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the scores as JSON to this file.")
@click.option("-v", "--verbose", is_flag=True, help="List misses and extras.")
@click.pass_context
def eval_cmd(ctx: click.Context, gold: Path, pred: Path | None, json_out: Path | None, verbose: bool) -> None:
    """Score extracted facts against gold annotations: precision, recall and F1 per kind of fact."""
    import json
    import tempfile

    from liaison.evaluate.score import format_report, score
    with tempfile.TemporaryDirectory() as tmp:
        if pred is None:
            from liaison.export import export
            pred = Path(tmp)
            export(_store(ctx), "jsonl", pred)
        result = score(gold, pred)
    click.echo(format_report(result, verbose))
    if json_out:
        json_out.write_text(json.dumps(result["scores"], indent=2), encoding="utf-8")


# ---------------------------------------------------------------- watchlists
@main.group()
def watchlist() -> None:
    """Saved queries whose new matching events `liaison watch` delivers as Atom and JSONL."""


@watchlist.command("add")
@click.argument("kind", type=click.Choice(["person", "dyad", "type", "phrase"]))
@click.argument("value")
@click.option("--name", default=None, help="A name for it (default: KIND VALUE).")
@click.pass_context
def watchlist_add(ctx: click.Context, kind: str, value: str, name: str | None) -> None:
    """Save a query: person NAME-OR-ENTITY-ID, dyad DZA-FRA (names work: "Algeria,France"),
    type COERCE or COERCE.deport, phrase "readmission agreement"."""
    from liaison.store import watch as W
    from liaison.watch.queries import normalise
    value = normalise(kind, value)
    store = _store(ctx)
    name = " ".join((name or f"{kind} {value}").split())
    if W.get_watchlist(store, name) is not None:
        raise click.UsageError(f"a watchlist named {name!r} exists already (see `liaison watchlist list`)")
    saved = W.add_watchlist(store, name, kind, value)
    out.print(f"{saved['id']}\t{saved['name']}\t{kind} {value}", markup=False, soft_wrap=True)


@watchlist.command("list")
@click.pass_context
def watchlist_list(ctx: click.Context) -> None:
    """List the watchlists with their number of delivered events."""
    from liaison.store import watch as W
    rows = W.list_watchlists(_store(ctx))
    if not rows:
        out.print("no watchlists (add one with `liaison watchlist add`)")
    for w in rows:
        out.print(f"{w['id']}\t{w['name']}\t{w['kind']} {w['value']}\t{w['hits']} events"
                  f"\tlast checked {w['checked_at'] or 'never'}", markup=False, soft_wrap=True)


@watchlist.command("remove")
@click.argument("ident")
@click.pass_context
def watchlist_remove(ctx: click.Context, ident: str) -> None:
    """Remove a watchlist (by id or name) and its delivered events."""
    from liaison.errors import WatchError
    from liaison.store import watch as W
    store = _store(ctx)
    found = W.get_watchlist(store, ident)
    if found is None:
        raise WatchError(f"no watchlist {ident!r}", hint="`liaison watchlist list` shows ids and names")
    W.remove_watchlist(store, found["id"])
    out.print(f"removed {found['id']}\t{found['name']}", markup=False, soft_wrap=True)


@main.command("watch")
@click.argument("feeds", nargs=-1, required=True)
@click.option("--every", default="15m", show_default=True, help="Time between polls: 30s, 15m, 2h, 1d.")
@click.option("--once", is_flag=True, help="Poll once and stop.")
@click.option("--out", "out_dir", default="watch", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder for one Atom feed and one JSONL file per watchlist.")
@click.option("--base-url", default="", help="Address of `liaison serve`, for links in the Atom feeds.")
@click.pass_context
def watch_cmd(ctx: click.Context, feeds: tuple[str, ...], every: str, once: bool, out_dir: Path,
              base_url: str) -> None:
    """Poll FEEDS (RSS/Atom URLs, or any ingest source), ingest what is new and write each
    watchlist's new matching events to OUT/<id>-<name>.atom and .jsonl. Runs until interrupted."""
    from rich.markup import escape

    from liaison.console import warn
    from liaison.watch.poll import parse_every, watch
    every_s = parse_every(every)
    store = _store(ctx)

    def report(done) -> None:
        _print_summary(done.ingest)
        for name, n in done.delivered.items():
            where = done.files.get(name, {}).get("atom")
            out.print(f"watchlist {name}: {n} new" + (f" -> {where}" if where else ""),
                      markup=False, soft_wrap=True)

    try:
        watch(list(feeds), store, out_dir, every_s, once, report, base_url=base_url.rstrip("/"),
              on_issue=lambda source, message: warn(escape(f"{source}: {message}")))
    except KeyboardInterrupt:
        out.print("stopped")


# ---------------------------------------------------------------- office holders
@main.group()
def offices() -> None:
    """Who held which office when: learned from the corpus, plus curated terms."""


@offices.command("load")
@click.argument("tsv", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_context
def offices_load(ctx: click.Context, tsv: Path) -> None:
    """Store curated terms from TSV (columns office, country, person, start, end, source; ISO
    dates, empty end = still in office), replacing those loaded before."""
    from liaison.store.offices import read_terms_tsv, replace_terms
    n = replace_terms(_store(ctx), read_terms_tsv(tsv))
    out.print(f"curated office terms: {n} loaded from {tsv}", markup=False, soft_wrap=True)


@offices.command("list")
@click.option("--country", required=True, help="A state: ISO alpha-3 code or name.")
@click.option("--date", "day", required=True, type=click.DateTime(["%Y-%m-%d"]), help="YYYY-MM-DD.")
@click.pass_context
def offices_list(ctx: click.Context, country: str, day) -> None:
    """The holder of each office of COUNTRY on DATE, with the reason (or why it abstains)."""
    from liaison.api.officeviews import offices_on
    from liaison.errors import WatchError
    from liaison.gazetteer import lookup_country
    from liaison.settings import get_settings
    code = lookup_country(country)
    if code is None:
        raise WatchError(f"{country!r} is not a country name or code")
    for row in offices_on(_store(ctx), code, day.date().isoformat(), get_settings())["items"]:
        who = row["holder"] or (" / ".join(row["candidates"]) + " ?" if row["candidates"] else "—")
        out.print(f"{row['office']}\t{who}\t{row['status']}\t{row['reason']}", markup=False, soft_wrap=True)


if __name__ == "__main__":
    main()
