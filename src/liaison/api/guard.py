"""The outermost layer of the app: security headers on every response, a bounded request body,
and a 500 that is a proper answer.

Written as plain ASGI rather than an `@app.middleware("http")` function: it is cheaper per
request, and it sits where an unexpected exception still passes through it, so a 500 gets the
same headers and envelope as any other answer and the connection stays open (Starlette's own
error layer re-raises, and the server then drops the connection).
"""
from __future__ import annotations

import logging

from starlette.datastructures import MutableHeaders
from starlette.requests import Request

from liaison.api.errors import envelope, error_response

log = logging.getLogger("liaison.api")

# Scripts only from this server: article text can never run as code, even if a template slipped.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


class Guard:
    def __init__(self, app, max_body: int):
        self.app, self.max_body = app, max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        too_big = self._declared_size(scope) > self.max_body
        try:
            if too_big:
                await self._refuse(scope, receive, send_with_headers, 413, f"request body over "
                                   f"{self.max_body} bytes: send fewer articles per request")
            else:
                await self.app(scope, receive, send_with_headers)
        except Exception:
            log.exception("request failed: %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise           # half an answer is out: nothing sane can follow it
            await self._refuse(scope, receive, send_with_headers, 500,
                               "the server failed on this request; its log has the details")

    @staticmethod
    def _declared_size(scope) -> int:
        for name, value in scope.get("headers") or []:
            if name == b"content-length":
                try:
                    return int(value)
                except ValueError:
                    return 0
        return 0

    @staticmethod
    async def _refuse(scope, receive, send, status: int, message: str) -> None:
        type_ = {413: "request_too_large", 500: "internal_error"}[status]
        response = error_response(Request(scope), status, envelope(status, type_, message))
        await response(scope, receive, send)
