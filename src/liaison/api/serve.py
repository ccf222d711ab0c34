"""`liaison serve`: the app in one process, or in N processes sharing the port.

With N processes each binds its own socket with SO_REUSEPORT and the kernel spreads the incoming
connections evenly over them (as gunicorn's --reuse-port does). uvicorn's own --workers shares one
socket, and whichever process wakes first accepts every pending connection: under 20 keep-alive
clients one process served most of them while the other idled, and a page's 95th percentile
doubled. Where the system has no SO_REUSEPORT, uvicorn's workers are used.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import threading
import time

import uvicorn

APP = "liaison.api.app:factory"      # each process builds the app from the environment (LIAISON_DB, ...)


def serve(app, host: str, port: int, workers: int) -> None:
    """Serve `app` (built here) in this process, or the factory app in `workers` processes."""
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    elif hasattr(socket, "SO_REUSEPORT"):
        _serve_processes(host, port, workers)
    else:
        uvicorn.run(APP, factory=True, workers=workers, host=host, port=port, log_level="warning")


def _serve_processes(host: str, port: int, workers: int) -> None:
    spawn = multiprocessing.get_context("spawn")
    children = [spawn.Process(target=_serve_one, args=(host, port, os.getpid()), daemon=False)
                for _ in range(workers)]
    for child in children:
        child.start()

    def stop(signum, _frame):
        for child in children:
            if child.is_alive():
                os.kill(child.pid, signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for child in children:
        child.join()


def _serve_one(host: str, port: int, parent: int) -> None:
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    server = uvicorn.Server(uvicorn.Config(APP, factory=True, log_level="warning"))
    server.run(sockets=[sock])


def _exit_with(parent: int) -> None:
    """A process whose parent was killed outright (no SIGTERM to pass on) stops too, instead of
    holding the port and the store."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)
