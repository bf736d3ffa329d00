"""`invoke serve`: the built site over HTTP on this machine only."""

import contextlib
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer


def folder_server(folder, bind, port):
    """An HTTP server of `folder` at bind:port (raises OSError when taken)."""
    handler = partial(SimpleHTTPRequestHandler, directory=folder)
    return ThreadingHTTPServer((bind, port), handler)


def serve_until_interrupted(server):
    with server, contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
