"""The disk worker: saves are written and save folders read on a background thread, so no frame waits on disk.

Jobs are plain callables; their results come back through `finished()`, which the app polls each frame and
runs on the main thread (pygame and the session are only touched there).
"""

from __future__ import annotations

import queue
import threading
from typing import Any, Callable

Job = Callable[[], Any]
Done = Callable[[Any, BaseException | None], None]


class DiskWorker:
    def __init__(self, wake: Callable[[], object] = lambda: None) -> None:
        self._jobs: queue.Queue[tuple[Job, Done] | None] = queue.Queue()
        self._results: queue.Queue[tuple[Done, Any, BaseException | None]] = queue.Queue()
        self._wake = wake  # posts an event so an idle window wakes to collect the result
        self._thread = threading.Thread(target=self._work, name="space-race-disk", daemon=True)
        self._thread.start()
        self.pending = 0

    def run(self, job: Job, done: Done) -> None:
        self.pending += 1
        self._jobs.put((job, done))

    def _work(self) -> None:
        while True:
            item = self._jobs.get()
            if item is None:
                return
            job, done = item
            try:
                result, error = job(), None
            except BaseException as problem:  # noqa: BLE001 - reported to the player, never lost
                result, error = None, problem
            self._results.put((done, result, error))
            try:
                self._wake()
            except Exception:  # noqa: BLE001 - pygame may be shutting down
                pass

    def finished(self) -> int:
        """Run the callbacks of finished jobs (on the caller's thread); how many ran."""
        count = 0
        while True:
            try:
                done, result, error = self._results.get_nowait()
            except queue.Empty:
                return count
            self.pending -= 1
            done(result, error)
            count += 1

    def drain(self, timeout: float = 10.0) -> None:
        """Wait for every queued job (used when the game closes, so nothing is lost)."""
        import time

        deadline = time.monotonic() + timeout
        while self.pending and time.monotonic() < deadline:
            self.finished()
            time.sleep(0.01)
        self.finished()

    def stop(self) -> None:
        self.drain()
        self._jobs.put(None)
