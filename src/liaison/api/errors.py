"""One JSON error envelope for every error the API or the pages raise.

`{"error": {"status": 422, "code": "L701", "type": "invalid_parameter", "parameter": "limit",
"message": "..."}}`: `code` is the stable code of liaison.errors (the same in the CLI and the
issues table), `type` a readable name, `parameter` the query, path or body field at fault
(body fields as `articles[0].text`). HTML pages get the same facts rendered in the error template.
"""
from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from liaison import errors as E

HTTP_ERRORS: dict[int, tuple[str, type[E.LiaisonError]]] = {
    401: ("unauthorized", E.Unauthorized), 403: ("forbidden", E.WritesDisabled),
    404: ("not_found", E.NotFound), 405: ("method_not_allowed", E.MethodNotAllowed),
    413: ("request_too_large", E.RequestTooLarge), 422: ("invalid_parameter", E.InvalidParameter),
    500: ("internal_error", E.ServerFailed),
}


class ApiError(Exception):
    """An error with an HTTP status, a stable code and a message that says what to do."""

    def __init__(self, status: int, type_: str, message: str, parameter: str | None = None,
                 code: str | None = None, headers: dict | None = None):
        super().__init__(message)
        self.status, self.type, self.message, self.parameter = status, type_, message, parameter
        self.code = code or HTTP_ERRORS.get(status, ("", E.RequestError))[1].code
        self.headers = headers


def invalid(parameter: str, message: str) -> ApiError:
    return ApiError(422, "invalid_parameter", f"{parameter}: {message}", parameter)


def not_found(what: str, ident: str) -> ApiError:
    return ApiError(404, "not_found", f"no {what} with id {ident!r}")


def from_liaison(exc: E.LiaisonError, status: int, parameter: str | None = None) -> ApiError:
    """A Liaison error (a refused decision, ...) as an API error keeping its own code."""
    return ApiError(status, type(exc).__name__, exc.message, parameter, exc.code)


def envelope(status: int, type_: str, message: str, parameter: str | None = None, details=None,
             code: str | None = None) -> dict:
    code = code or HTTP_ERRORS.get(status, ("", E.RequestError))[1].code
    body = {"status": status, "code": code, "type": type_, "message": message, "parameter": parameter}
    if details:
        body["details"] = details
    return {"error": body}


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path.endswith((".json", ".csv")) or path == "/openapi.json":
        return False
    return "text/html" in request.headers.get("accept", "")


def error_response(request: Request, status: int, body: dict, headers: dict | None = None):
    if _wants_html(request):
        from liaison.api.render import render_error
        response = render_error(request, status, body["error"])
        response.headers.update(headers or {})
        return response
    return JSONResponse(body, status_code=status, headers=headers)


def field_name(loc: tuple | list) -> str | None:
    """Where a validation error sits: `limit`, `entity_id`, `articles[0].text`, or `body`."""
    if not loc:
        return None
    where, rest = loc[0], list(loc[1:])
    if where != "body":
        return str(rest[-1]) if rest else str(where)
    if not rest or (len(rest) == 1 and isinstance(rest[0], int)):
        return "body"               # the body itself: missing, or not JSON (loc holds a position)
    name = ""
    for part in rest:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def _problem(e: dict) -> dict:
    parameter = field_name(e.get("loc") or ())
    message = e.get("msg") or "invalid"
    if e.get("type") == "json_invalid":
        message = f"not valid JSON: {(e.get('ctx') or {}).get('error', message)}"
    return {"parameter": parameter, "message": message}


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return error_response(request, exc.status, envelope(exc.status, exc.type, exc.message,
                                                            exc.parameter, code=exc.code), exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):
        problems = [_problem(e) for e in exc.errors()]
        first = problems[0] if problems else {"parameter": None, "message": "invalid request"}
        message = "; ".join(f"{p['parameter']}: {p['message']}" for p in problems)
        return error_response(request, 422,
                              envelope(422, "invalid_parameter", message, first["parameter"], problems))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        type_ = HTTP_ERRORS.get(exc.status_code, ("http_error",))[0]
        # keep the exception's headers: a 405 must say which methods are allowed (Allow)
        return error_response(request, exc.status_code, envelope(exc.status_code, type_, str(exc.detail)),
                              dict(exc.headers or {}))
