"""One JSON error envelope for every error the API or the pages raise.

`{"error": {"status": 422, "code": "invalid_parameter", "parameter": "limit", "message": "..."}}`
HTML pages get the same facts rendered in the error template.
"""
from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException


class ApiError(Exception):
    """An error with an HTTP status, a stable code and a message that says what to do."""

    def __init__(self, status: int, code: str, message: str, parameter: str | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.parameter = status, code, message, parameter


def invalid(parameter: str, message: str) -> ApiError:
    return ApiError(422, "invalid_parameter", f"{parameter}: {message}", parameter)


def not_found(what: str, ident: str) -> ApiError:
    return ApiError(404, "not_found", f"no {what} with id {ident!r}")


def envelope(status: int, code: str, message: str, parameter: str | None = None, details=None) -> dict:
    body = {"status": status, "code": code, "message": message, "parameter": parameter}
    if details:
        body["details"] = details
    return {"error": body}


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path.endswith((".json", ".csv")) or path == "/openapi.json":
        return False
    return "text/html" in request.headers.get("accept", "")


def _respond(request: Request, status: int, body: dict) -> JSONResponse:
    if _wants_html(request):
        from liaison.api.render import render_error
        return render_error(request, status, body["error"])
    return JSONResponse(body, status_code=status)


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return _respond(request, exc.status, envelope(exc.status, exc.code, exc.message, exc.parameter))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):
        problems = [{"parameter": str(e["loc"][-1]) if e.get("loc") else None, "message": e.get("msg")}
                    for e in exc.errors()]
        first = problems[0] if problems else {"parameter": None, "message": "invalid request"}
        message = "; ".join(f"{p['parameter']}: {p['message']}" for p in problems)
        return _respond(request, 422,
                        envelope(422, "invalid_parameter", message, first["parameter"], problems))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        code = {404: "not_found", 405: "method_not_allowed", 401: "unauthorized", 403: "forbidden"}
        return _respond(request, exc.status_code,
                        envelope(exc.status_code, code.get(exc.status_code, "http_error"), str(exc.detail)))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        return _respond(request, 500, envelope(500, "internal_error",
                                               f"{type(exc).__name__}: the server failed; see its log"))
