"""The FastAPI application: REST API under /api, HTML pages with JSON twins, vendored static files."""
from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles

from liaison.api import errors
from liaison.api.guard import Guard
from liaison.api.render import WEB, templates
from liaison.settings import Settings, get_settings

BODY_CAP_ARTICLES = 10          # a request body may hold this many articles at the size cap
# Read routes are `async def`: a page is a few milliseconds of Python, and handing it to a worker
# thread (FastAPI's way with a plain `def`) cost as much again under load (the hop, then the GIL).
# Writes and search, which may wait on a lock or rebuild an index, stay on worker threads, at most
# REQUEST_THREADS of them: with anyio's default 40, concurrent requests fought over the GIL. More
# throughput comes from more processes (`liaison serve --workers N`).
REQUEST_THREADS = 2


@asynccontextmanager
async def _lifespan(app: FastAPI):
    import anyio.to_thread
    anyio.to_thread.current_default_thread_limiter().total_tokens = REQUEST_THREADS
    # What every process needs sooner or later, loaded before it answers rather than on the first
    # request that needs it: the gazetteer index behind a country filter (4 s) and every language's
    # titles lexicon behind a person's offices (1.3 s).
    from liaison.gazetteer import index
    from liaison.link.offices import not_single_offices
    index()
    not_single_offices()
    yield


def factory() -> FastAPI:
    """The app on the store and settings of the environment (LIAISON_DB, ...): what each process of
    `liaison serve --workers N` imports."""
    return create_app()


def create_app(store=None, settings: Settings | None = None) -> FastAPI:
    from liaison.api import lists, pages, rest, writes
    from liaison.api.jobs import Jobs
    settings = settings or get_settings()
    if store is None:
        from liaison.store import connect
        store = connect(settings.db)
    # /docs is served below from vendored Swagger UI (FastAPI's default loads it from a CDN); no ReDoc.
    app = FastAPI(title="Liaison", version="1", docs_url=None, redoc_url=None, lifespan=_lifespan,
                  description="Sourced records of state cooperation on security and migration: documents, "
                              "entities, PLOVER events, commitments, figures and quotes.")
    app.state.store, app.state.settings = store, settings
    app.state.jobs = Jobs(store, settings)
    errors.install(app)
    app.include_router(rest.router)
    app.include_router(writes.router)
    app.include_router(lists.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(WEB / "static")), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request):
        return templates.TemplateResponse(request, "docs.html", {"data": {"openapi_url": app.openapi_url},
                                                                 "page": "docs"})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return Response(status_code=204)

    app.add_middleware(Guard, max_body=settings.max_bytes * BODY_CAP_ARTICLES)
    return app
