"""The FastAPI application: REST API under /api, HTML pages with JSON twins, vendored static files."""
from __future__ import annotations

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles

from liaison.api import errors
from liaison.api.render import WEB, templates
from liaison.settings import Settings, get_settings

# Scripts only from this server: article text can never run as code, even if a template slipped.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def create_app(store=None, settings: Settings | None = None) -> FastAPI:
    from liaison.api import pages, rest
    settings = settings or get_settings()
    if store is None:
        from liaison.store import connect
        store = connect(settings.db)
    # /docs is served below from vendored Swagger UI (FastAPI's default loads it from a CDN); no ReDoc.
    app = FastAPI(title="Liaison", version="1", docs_url=None, redoc_url=None,
                  description="Sourced records of state cooperation on security and migration: documents, "
                              "entities, PLOVER events, commitments, figures and quotes.")
    app.state.store, app.state.settings = store, settings
    errors.install(app)
    app.include_router(rest.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(WEB / "static")), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request):
        return templates.TemplateResponse(request, "docs.html", {"data": {"openapi_url": app.openapi_url},
                                                                 "page": "docs"})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return Response(status_code=204)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    return app
