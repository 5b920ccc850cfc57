#!/usr/bin/env python3
"""Loads a Pensiun report.html in headless Chromium and checks it renders cleanly.

Drives Chromium over the DevTools protocol on --remote-debugging-pipe (file descriptors 3 and 4,
NUL-separated JSON messages; standard library only) and fails (exit 1) when:
  - the page throws (Runtime.exceptionThrown), logs a console error or assertion
    (Runtime.consoleAPICalled of type error/assert) or an error-level Log.entryAdded;
  - the page requests anything but its own file (the report must be self-contained);
  - the DOM has fewer than --min-charts <svg> elements, or any <svg> has no data mark
    (path, rect or polyline with a non-empty box, outside the legend).
Writes a full-page screenshot (PNG) of the screen rendering, and optionally of the print rendering.

Usage: check_report.py REPORT.html --png OUT.png [--print-png OUT.png] [--min-charts 6]
                       [--chromium PATH] [--width 1200] [--timeout 60]
"""

import argparse
import base64
import json
import os
import pathlib
import select
import shutil
import subprocess
import sys
import tempfile
import time

# Counts data marks per chart and reports what is wrong; runs inside the page.
DOM_CHECK = r"""
(() => {
  const charts = Array.from(document.querySelectorAll('svg'));
  const result = charts.map((svg, i) => {
    const marks = Array.from(svg.querySelectorAll('path, rect, polyline'))
      .filter(el => !el.closest('.legend'))
      .filter(el => {
        if (el.tagName === 'path' && !(el.getAttribute('d') || '').trim()) return false;
        if (el.tagName === 'polyline' && !(el.getAttribute('points') || '').trim()) return false;
        const b = el.getBBox();
        return (b.width > 0 || b.height > 0) && isFinite(b.width) && isFinite(b.height);
      });
    const box = svg.getBoundingClientRect();
    return {id: svg.id || ('svg#' + i), marks: marks.length,
            width: Math.round(box.width), height: Math.round(box.height)};
  });
  return {charts: result, title: document.title,
          height: Math.ceil(document.documentElement.scrollHeight),
          width: Math.ceil(document.documentElement.scrollWidth)};
})()
"""


class Browser:
    """A headless Chromium driven over --remote-debugging-pipe."""

    def __init__(self, executable, profile):
        to_child_r, self.to_child_w = os.pipe()
        self.from_child_r, from_child_w = os.pipe()

        def attach_pipes():
            # Copy both ends first, so the dup2 calls cannot overwrite each other.
            a, b = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        args = [executable, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-sync", "--mute-audio",
                "--remote-debugging-pipe", f"--user-data-dir={profile}", "about:blank"]
        self.process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, close_fds=False, preexec_fn=attach_pipes)
        os.close(to_child_r)
        os.close(from_child_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_child_w, json.dumps(message).encode() + b"\0")
        return self.next_id

    def read(self, deadline):
        """The next message, or None at the deadline."""
        while b"\0" not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            ready, _, _ = select.select([self.from_child_r], [], [], remaining)
            if not ready:
                return None
            chunk = os.read(self.from_child_r, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe (did it crash?)")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method, params=None, session=None, timeout=30):
        """Sends a command and waits for its answer, keeping the events that arrive meanwhile."""
        wanted = self.send(method, params, session)
        deadline = time.monotonic() + timeout
        while True:
            message = self.read(deadline)
            if message is None:
                raise RuntimeError(f"no answer to {method} within {timeout} s")
            if message.get("id") == wanted:
                if "error" in message:
                    raise RuntimeError(f"{method} failed: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def wait_for(self, method, timeout):
        deadline = time.monotonic() + timeout
        for event in self.events:
            if event["method"] == method:
                return event
        while True:
            message = self.read(deadline)
            if message is None:
                return None
            if "method" in message:
                self.events.append(message)
                if message["method"] == method:
                    return message

    def drain(self, seconds):
        deadline = time.monotonic() + seconds
        while True:
            message = self.read(deadline)
            if message is None:
                return
            if "method" in message:
                self.events.append(message)

    def close(self):
        try:
            self.send("Browser.close")
            self.process.wait(timeout=10)
        except Exception:
            pass
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.to_child_w)
        os.close(self.from_child_r)


def find_chromium(given):
    for name in [given, "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]:
        if name and shutil.which(name):
            return shutil.which(name)
    sys.exit("check_report: no Chromium found (install Debian's chromium or pass --chromium)")


def screenshot(browser, session, path, width, height):
    browser.call("Emulation.setDeviceMetricsOverride",
                 {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session)
    shot = browser.call("Page.captureScreenshot",
                        {"format": "png", "captureBeyondViewport": True,
                         "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}},
                        session, timeout=60)
    pathlib.Path(path).write_bytes(base64.b64decode(shot["data"]))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("report")
    parser.add_argument("--png", required=True, help="where to write the screenshot")
    parser.add_argument("--print-png", help="also write a screenshot of the print rendering")
    parser.add_argument("--min-charts", type=int, default=6)
    parser.add_argument("--chromium")
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--timeout", type=float, default=60)
    options = parser.parse_args()

    report = pathlib.Path(options.report).resolve()
    if not report.is_file():
        sys.exit(f"check_report: {options.report}: no such file")
    url = report.as_uri()
    problems = []
    profile = tempfile.mkdtemp(prefix="pensiun-chromium-")
    browser = Browser(find_chromium(options.chromium), profile)
    try:
        target = browser.call("Target.createTarget", {"url": "about:blank"}, timeout=options.timeout)
        session = browser.call("Target.attachToTarget", {"targetId": target["targetId"], "flatten": True})["sessionId"]
        for domain in ["Runtime", "Log", "Page", "Network"]:
            browser.call(f"{domain}.enable", session=session)
        browser.call("Emulation.setDeviceMetricsOverride",
                     {"width": options.width, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session)
        browser.call("Page.navigate", {"url": url}, session)
        if browser.wait_for("Page.loadEventFired", options.timeout) is None:
            problems.append(f"the page did not finish loading within {options.timeout} s")
        browser.drain(0.5)  # late errors (there should be no script at all)

        dom = browser.call("Runtime.evaluate", {"expression": DOM_CHECK, "returnByValue": True}, session)
        if "exceptionDetails" in dom:
            problems.append(f"the DOM check failed: {dom['exceptionDetails'].get('text')}")
            info = {"charts": [], "height": 900, "width": options.width, "title": ""}
        else:
            info = dom["result"]["value"]
        charts = info["charts"]
        if len(charts) < options.min_charts:
            problems.append(f"{len(charts)} <svg> charts, expected at least {options.min_charts}")
        for chart in charts:
            if chart["marks"] == 0:
                problems.append(f"chart {chart['id']} has no data marks")
            if chart["width"] == 0 or chart["height"] == 0:
                problems.append(f"chart {chart['id']} is not displayed ({chart['width']}x{chart['height']} px)")

        screenshot(browser, session, options.png, options.width, max(900, info["height"]))
        if options.print_png:
            browser.call("Emulation.setEmulatedMedia", {"media": "print"}, session)
            # A4 at 96 dpi minus the margins: about 718 px of text width.
            height = browser.call("Runtime.evaluate", {"expression": "document.documentElement.scrollHeight",
                                                       "returnByValue": True}, session)["result"]["value"]
            screenshot(browser, session, options.print_png, 718, max(900, int(height)))
        browser.drain(0.2)

        for event in browser.events:
            method, params = event["method"], event.get("params", {})
            if method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                text = details.get("exception", {}).get("description") or details.get("text")
                problems.append(f"uncaught exception: {text}")
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                text = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
                problems.append(f"console.{params['type']}: {text}")
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                entry = params["entry"]
                problems.append(f"log error ({entry.get('source')}): {entry.get('text')} {entry.get('url', '')}".rstrip())
            elif method == "Network.requestWillBeSent":
                requested = params.get("request", {}).get("url", "")
                if requested != url and not requested.startswith("data:"):
                    problems.append(f"the report requests {requested} (it must be self-contained)")
        marks = sum(c["marks"] for c in charts)
        print(f"check_report: '{info.get('title')}': {len(charts)} charts, {marks} data marks, "
              f"page {info['width']}x{info['height']} px; screenshot {options.png}")
    finally:
        browser.close()
        shutil.rmtree(profile, ignore_errors=True)

    for problem in problems:
        print(f"check_report: FAIL: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
