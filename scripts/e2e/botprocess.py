"""`mevbot run` as a child process: its JSON lines on stdout collected as they come, its standard
error kept in a log file, its /metrics read over HTTP."""

import json
import os
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request


def free_port():
    """A TCP port on 127.0.0.1 free just now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class BotProcess:
    """A running bot: `lines` holds each stdout line parsed as JSON (with its arrival time,
    time.monotonic()), or the raw text of a line that is not JSON."""

    def __init__(self, command, environment, log_path, metrics_port):
        self.metrics_port, self.lines, self.lock = metrics_port, [], threading.Lock()
        self.log = open(log_path, "w")
        self.process = subprocess.Popen(command, env={**os.environ, **environment}, stdin=subprocess.DEVNULL,
                                        stdout=subprocess.PIPE, stderr=self.log, text=True)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for text in self.process.stdout:
            try:
                entry = json.loads(text)
            except ValueError:
                entry = {"text": text.rstrip("\n")}
            with self.lock:
                self.lines.append((time.monotonic(), entry))

    def entries(self, key=None):
        """The parsed lines so far (those holding `key` when given), without their times."""
        with self.lock:
            return [entry for _, entry in self.lines if key is None or key in entry]

    def timed(self, key):
        """(arrival time, line) of the lines holding `key`."""
        with self.lock:
            return [(at, entry) for at, entry in self.lines if key in entry]

    def wait_for(self, predicate, timeout, what):
        """Waits until `predicate()` is truthy (its value) or the bot exits; raises TimeoutError naming `what`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = predicate()
            if value:
                return value
            if self.process.poll() is not None:
                raise RuntimeError(f"the bot exited (status {self.process.returncode}) while waiting for {what}")
            time.sleep(0.05)
        raise TimeoutError(f"no {what} within {timeout} s")

    def metrics(self):
        """/metrics as {series with labels: value}; {} while it does not answer."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.metrics_port}/metrics", timeout=5) as answer:
                text = answer.read().decode()
        except (urllib.error.URLError, OSError):
            return {}
        values = {}
        for row in text.splitlines():
            if row and not row.startswith("#"):
                name, _, value = row.rpartition(" ")
                try:
                    values[name] = float(value)
                except ValueError:
                    continue
        return values

    def metric(self, name):
        """The sum of every series of `name` (any labels)."""
        return sum(value for series, value in self.metrics().items() if series == name or series.startswith(name + "{"))

    def stop(self):
        """SIGTERM, then the exit status (SIGKILL after 20 s)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.reader.join(timeout=5)
        self.log.close()
        return self.process.returncode
