"""Regenerate the README's screenshots: python docs/screenshots/make_screenshots.py (headless, about 10 s).

A US game (seed 7), its orders given by the strategic AI, is played in the window for a few years; the HQ, a launch and the programs tree are
saved at 1280×720 next to this file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from game.content.loader import load_game  # noqa: E402
from game.engine import ai  # noqa: E402
from game.ui.window.app import WindowApp, WindowOptions  # noqa: E402
from game.ui.window.intents import Key  # noqa: E402

HERE = Path(__file__).resolve().parent
YEARS = 7  # 1955–1961: the AI gives the player's orders too, through the same door a player uses


def to_hq(app: WindowApp) -> None:
    for _ in range(30):
        if app.top.name == "hq":
            return
        app.top.handle(Key("escape"))
    raise RuntimeError(f"stuck on {app.top.name}")


def main() -> None:
    loaded = load_game(mod_paths=[], mods_dir=None)
    with tempfile.TemporaryDirectory() as folder:
        options = WindowOptions(saves_dir=Path(folder), settings_path=Path(folder) / "settings.json",
                                loader=lambda: loaded, size=(1280, 720))
        app = WindowApp(options, loaded.content)
        app.start()
        app.new_game("full_campaign", "usa", 7)
        flight_shot = False
        for _ in range(YEARS):
            to_hq(app)
            ai.act(app.play.state, app.play.content, "usa", lambda order: app.submit(order) is not None, "strategic")
            app.end_year()
            app.disk.drain()
            if not flight_shot and app.top.name == "flight" and any(story.mine for story in app.top.stories):
                flight = app.top
                for _ in range(len(flight.stories)):
                    if flight.story.mine:
                        break
                    flight.handle(Key("right"))  # the next flight
                flight.update(flight.timeline.result - 200)  # the steps shown, the result about to come
                app.render()
                app.screenshot(HERE / "flight.png")
                flight_shot = True
        to_hq(app)
        ai.act(app.play.state, app.play.content, "usa", lambda order: app.submit(order) is not None, "strategic")
        app.disk.drain()
        app.disk.finished()
        app.notice, app.notice_left = None, 0
        app.render()
        app.screenshot(HERE / "hq.png")
        app.show_tab("programs")
        app.top.handle(Key("t", ctrl=True))
        app.render()
        app.screenshot(HERE / "programs.png")
        app.close()
    print(f"wrote {HERE / 'hq.png'}, {HERE / 'flight.png'}, {HERE / 'programs.png'}")


if __name__ == "__main__":
    main()
