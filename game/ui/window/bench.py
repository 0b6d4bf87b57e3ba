"""Window benchmarks for `space-race bench`: idle CPU, frames drawn while idle, and drawing time per screen.

Shared machines are noisy, so these report medians and ratios, never pass/fail on a time.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

SCREENS = ("hq", "budget", "programs", "crew", "missions", "race", "charts", "almanac")


def window_bench(content: Any, idle_seconds: float = 3.0, repeats: int = 15) -> list[str]:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import pygame

    from .app import WindowApp, WindowOptions

    lines: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        options = WindowOptions(saves_dir=Path(folder) / "saves", settings_path=Path(folder) / "settings.json",
                                size=(1280, 720))
        app = WindowApp(options, content)
        app.start()
        try:
            app.new_game("full_campaign", "usa", 7)
            while app.top.name != "hq":
                app.pop()
            app.step([])
            app.disk.drain()
            # idle: the real loop, with nothing happening, for idle_seconds
            pygame.time.set_timer(pygame.QUIT, int(idle_seconds * 1000), loops=1)
            frames, wall, cpu = app.frames, time.perf_counter(), time.process_time()
            app.running = True
            quit_requested = app.quit
            app.quit = lambda: setattr(app, "running", False)  # type: ignore[method-assign]
            app.loop()
            app.quit = quit_requested  # type: ignore[method-assign]
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            lines.append(f"window idle: {100 * cpu / wall:.1f}% of one core over {wall:.1f} s; "
                         f"{app.frames - frames} frame(s) drawn")
            for size in ((1280, 720), (3840, 2160)):
                app.screen = pygame.display.set_mode(size, pygame.RESIZABLE)
                app._retheme()
                timings = []
                for screen in SCREENS:
                    app.show_tab(screen)
                    samples = []
                    for _ in range(repeats):
                        app.dirty = True
                        start = time.perf_counter()
                        app.render()
                        samples.append(time.perf_counter() - start)
                    timings.append((screen, statistics.median(samples) * 1000))
                shown = ", ".join(f"{name} {ms:.1f}" for name, ms in timings)
                lines.append(f"draw median at {size[0]}×{size[1]} (ms): {shown}")
        finally:
            app.close()
    return lines

