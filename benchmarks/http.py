"""A small HTTP client for the load test and benchmarks: one keep-alive connection per user,
cookies kept by hand (production cookies are Secure; the app runs behind a pretend TLS proxy
here, so the client sends X-Forwarded-Proto: https itself)."""

import http.client
import re
import time
from urllib.parse import urlencode

CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Session:
    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.cookies: dict[str, str] = {}
        self.last_headers: dict[str, str] = {}
        self.connection = http.client.HTTPConnection(host, port, timeout=30)

    def _headers(self, path: str, extra: dict | None = None) -> dict:
        headers = {
            "Host": f"{self.host}:{self.port}",
            "X-Forwarded-Proto": "https",
            "Referer": f"https://{self.host}:{self.port}{path}",
            "Accept-Language": "nl",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        headers.update(extra or {})
        return headers

    def request(self, method: str, path: str, body: dict | list | None = None):
        """Returns (status, body bytes, seconds)."""
        data = urlencode(body, doseq=True) if body is not None else None
        extra = {"Content-Type": "application/x-www-form-urlencoded"} if data else None
        started = time.perf_counter()
        for attempt in (1, 2):
            try:
                self.connection.request(method, path, body=data, headers=self._headers(path, extra))
                response = self.connection.getresponse()
                content = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # gunicorn closes idle keep-alive connections; reconnect once.
                self.connection.close()
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
                if attempt == 2:
                    raise
        elapsed = time.perf_counter() - started
        self.last_headers = {k.lower(): v for k, v in response.getheaders()}
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, content, elapsed

    def csrf(self, path: str) -> str:
        status, content, _ = self.request("GET", path)
        match = CSRF_RE.search(content.decode("utf-8", "replace"))
        if status != 200 or not match:
            raise RuntimeError(f"no form at {path} (status {status})")
        return match.group(1)

    def login(self, username: str, password: str) -> None:
        token = self.csrf("/accounts/login/")
        status, _, _ = self.request(
            "POST",
            "/accounts/login/",
            {"csrfmiddlewaretoken": token, "username": username, "password": password},
        )
        if status != 302:
            raise RuntimeError(f"login as {username} failed with {status}")

    def close(self) -> None:
        self.connection.close()
