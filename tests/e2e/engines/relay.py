"""A network the test can cut: a TCP relay between the browser and the live server.

Classic WebDriver (WebKitWebDriver) has no network emulation like Playwright's
context.set_offline, and Firefox's BiDi one is per tab (a service worker's own requests
belong to no tab), so the browser is pointed at this relay instead of the live server.
Online, it passes bytes both ways unchanged (the Host header names the relay's port,
which ALLOWED_HOSTS accepts: it ignores ports).
Offline, it resets every open connection and every new one at once, so to the browser
the server is gone: a real lost connection, not a page script pretending.
"""

import contextlib
import socket
import struct
import threading
from urllib.parse import urlsplit

# SO_LINGER on, timeout 0: close() sends a reset, as a dropped connection does.
RESET = struct.pack("ii", 1, 0)


class Relay:
    def __init__(self, server_url: str):
        parts = urlsplit(server_url)
        self.host = parts.hostname
        self.target = (parts.hostname, parts.port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        # The same host form as the live server's (localhost): a secure context.
        self.url = f"http://{self.host}:{self.port}"
        self.online = True
        self.refused = 0  # connections reset while offline, for the test's own check
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._closed = False
        threading.Thread(target=self._accept, daemon=True, name="relay").start()

    def go_offline(self) -> None:
        with self._lock:
            self.online = False
            for connection in list(self._open):
                self._reset(connection)

    def go_online(self) -> None:
        with self._lock:
            self.online = True

    def close(self) -> None:
        self._closed = True
        self.go_offline()
        self.listener.close()

    @staticmethod
    def _reset(connection: socket.socket) -> None:
        with contextlib.suppress(OSError):
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, RESET)
            # shutdown wakes the pump blocked in recv(); its close() then resets.
            connection.shutdown(socket.SHUT_RDWR)

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            with self._lock:
                online = self.online
            if not online:
                self.refused += 1
                client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, RESET)
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=10)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._open.update((client, upstream))
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            with self._lock:
                offline = not self.online
                self._open.discard(source)
                self._open.discard(sink)
            for connection in (source, sink):
                if offline:
                    self._reset(connection)
                else:
                    with contextlib.suppress(OSError):
                        connection.shutdown(socket.SHUT_RDWR)
                connection.close()
