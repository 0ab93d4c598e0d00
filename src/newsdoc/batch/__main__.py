"""A worker process of :func:`newsdoc.load_many`: ``python -m newsdoc.batch FD``.

``FD`` is the worker's end of a socket pair; the first message on it is the run's options.
Not a command for people: the batch runner starts it.
"""

from __future__ import annotations

import socket
import sys
from multiprocessing.connection import Connection

from newsdoc.batch.work import serve


def main(argv: list[str]) -> int:
    """Serve tasks on the socket named by ``argv[0]`` until it closes."""
    if len(argv) != 1 or not argv[0].isdigit():
        sys.stderr.write("newsdoc.batch: a worker process, started by newsdoc.load_many\n")
        return 2
    descriptor = int(argv[0])
    # The descriptor is a socket; checking it is one refuses to read from anything else.
    socket.socket(fileno=descriptor).detach()
    connection = Connection(descriptor)
    serve(connection, connection.recv())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
