"""Headless Chromium driven over the DevTools protocol, through a pipe: no
network port, no websocket library, nothing but the standard library.

`--remote-debugging-pipe` makes Chromium read commands (JSON, each ended by a
NUL byte) on its file descriptor 3 and write replies and events on 4. A
`Browser` opens one page at a time at a given viewport width, records every
request the page makes, runs script in it, presses keys, takes screenshots
and prints to PDF: what the browser tests need to check a page as a reader
would meet it, at a phone's width, after a Tab, on paper.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import subprocess
import time
from pathlib import Path
from typing import Any

# As root and offline: no sandbox, and none of the background traffic (updates,
# sync) that a closed network would refuse at every start.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-default-apps", "--no-first-run", "--disable-quic", "--hide-scrollbars",
         "--disable-domain-reliability", "--metrics-recording-only"]


class BrowserError(RuntimeError):
    pass


class Browser:
    """One Chromium process; `open()` a page, then ask it things. Use as a context manager."""

    def __init__(self, executable: str, profile: Path, timeout: float = 60.0) -> None:
        self.timeout = timeout
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()

        def wire_pipes() -> None:  # in the child: its fds 3 and 4 are the two pipes' ends
            # Copied above 9 first: either end may itself be 3 or 4.
            reading = fcntl.fcntl(to_browser_read, fcntl.F_DUPFD, 10)
            writing = fcntl.fcntl(from_browser_write, fcntl.F_DUPFD, 10)
            os.dup2(reading, 3)  # dup2 makes the copy inheritable
            os.dup2(writing, 4)

        self.process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=wire_pipes, close_fds=False)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        self.session: str | None = None

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        try:
            self._send("Browser.close", {}, session=None)
        except (BrowserError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._to_browser, self._from_browser):
            try:
                os.close(fd)
            except OSError:
                pass

    # --- the protocol ------------------------------------------------------------------

    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError("Chromium did not answer in time")
            ready, _, _ = select.select([self._from_browser], [], [], left)
            if ready:
                chunk = os.read(self._from_browser, 1 << 20)
                if not chunk:
                    raise BrowserError("Chromium closed its pipe")
                self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def _send(self, method: str, params: dict[str, Any], session: str | None) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session is not None:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        """A command to the open page."""
        return self._send(method, params, self.session)

    def wait_for(self, method: str) -> dict[str, Any]:
        """The first event `method` not yet waited for (events that arrived meanwhile are kept)."""
        deadline = time.monotonic() + self.timeout
        while True:
            for index, event in enumerate(self.events):
                if event.get("method") == method and not event.get("_seen"):
                    event["_seen"] = True
                    return event
            self.events.append(self._read_message(deadline))

    # --- what the tests ask ---------------------------------------------------------------

    def open(self, page: Path, *, width: int, height: int = 900, media: str | None = None,
             color_scheme: str | None = None) -> None:
        """`page` in a new tab at this viewport, loaded; its requests recorded from the start."""
        target = self._send("Target.createTarget", {"url": "about:blank"}, session=None)["targetId"]
        self.session = self._send("Target.attachToTarget", {"targetId": target, "flatten": True},
                                  session=None)["sessionId"]
        self.events.clear()
        self.send("Network.enable")
        self.send("Page.enable")
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                  mobile=width < 600)
        features = [{"name": "prefers-color-scheme", "value": color_scheme}] if color_scheme else []
        self.send("Emulation.setEmulatedMedia", media=media or "", features=features)
        self.send("Page.navigate", url=page.as_uri())
        self.wait_for("Page.loadEventFired")

    def requests(self) -> list[str]:
        """Every http(s) URL the page asked for since it was opened."""
        return sorted({event["params"]["request"]["url"] for event in self.events
                       if event.get("method") == "Network.requestWillBeSent"
                       and event["params"]["request"]["url"].startswith(("http://", "https://"))})

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (JSON-able)."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise BrowserError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def press(self, key: str, code: int) -> None:
        """A key pressed and released, as a keyboard sends it (Tab is 9)."""
        for kind in ("rawKeyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", type=kind, key=key, code=key, windowsVirtualKeyCode=code,
                      nativeVirtualKeyCode=code)

    def screenshot(self, path: Path, *, full_page: bool = True) -> Path:
        shot = self.send("Page.captureScreenshot", format="png", captureBeyondViewport=full_page)
        path.write_bytes(base64.b64decode(shot["data"]))
        return path

    def pdf(self, path: Path) -> Path:
        printed = self.send("Page.printToPDF", printBackground=True, preferCSSPageSize=True)
        path.write_bytes(base64.b64decode(printed["data"]))
        return path
