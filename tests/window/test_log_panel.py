"""The log under every screen: collapsible (Ctrl+J or its button), resizable (Ctrl+Up/Down or a drag of its top
edge), remembered in the settings, and it still jumps to new output."""

from __future__ import annotations

from game.app.settings import LOG_LINES, load_settings
from game.ui.window.intents import Click, Motion, Release

from .conftest import close_overlays, press, settle, type_line


def test_ctrl_j_and_the_button_collapse_and_open_the_log_and_the_screen_grows(game_app, tmp_path) -> None:  # noqa: ANN001
    app = game_app
    app.render()
    open_h, body_h = app.top.feed_rect.height, app.top.body.height
    press(app, "j", ctrl=True)
    app.render()
    assert not app.settings.log_open
    assert app.top.feed_rect.height < open_h and app.top.body.height > body_h
    assert app.render().shown("Show log")
    settle(app)
    assert load_settings(tmp_path / "settings.json")[0].log_open is False  # kept for next time
    app.dispatch(Click(*app.top.log.button.rect.center))
    app.render()
    assert app.settings.log_open and app.top.feed_rect.height == open_h


def test_ctrl_up_and_down_resize_within_the_room_there_is(game_app) -> None:  # noqa: ANN001
    app = game_app
    app.render()
    lines = app.settings.log_lines
    before = app.top.feed_rect.height
    press(app, "up", ctrl=True)
    app.render()
    assert app.settings.log_lines == lines + 2 and app.top.feed_rect.height > before
    for _ in range(30):
        press(app, "up", ctrl=True)
    painter = app.render()
    assert app.settings.log_lines <= LOG_LINES[1]
    assert app.top.body.height >= painter.surface.get_height() * 2 // 5  # the screen keeps its room
    for _ in range(40):
        press(app, "down", ctrl=True)
    assert app.settings.log_lines == LOG_LINES[0] and not app.settings.log_open  # the smallest, then collapsed


def test_dragging_the_top_edge_resizes_and_remembers(game_app, make_app, tmp_path) -> None:  # noqa: ANN001
    app = game_app
    app.render()
    feed = app.top.feed_rect
    line_h = app.fonts.line_height("sans", app.theme.small)
    app.dispatch(Click(feed.x + 20, feed.y))  # the top edge (not the button)
    assert app.top.dragging
    app.dispatch(Motion(feed.x + 20, feed.y - 4 * line_h, held=True))
    assert app.render().transcript  # drawn while dragging
    app.dispatch(Release(feed.x + 20, feed.y - 4 * line_h))
    assert not app.top.dragging and app.settings.log_lines == 10
    settle(app)
    again = make_app()  # the same settings file: the log opens as it was left
    assert again.settings.log_lines == 10
    again.new_game("full_campaign", "usa", 7)
    close_overlays(again)
    again.render()
    assert again.top.feed_rect.height == app.top.feed_rect.height
    app.render()
    feed = app.top.feed_rect
    app.dispatch(Click(feed.x + 20, feed.y))
    app.dispatch(Motion(feed.x + 20, feed.bottom, held=True))
    app.dispatch(Release(feed.x + 20, feed.bottom))
    assert not app.settings.log_open and app.settings.log_lines == 10  # dragged to nothing: collapsed


def test_the_log_follows_new_output_open_or_collapsed(game_app) -> None:  # noqa: ANN001
    app = game_app
    for _ in range(6):
        type_line(app, "examine vanguard")
    app.render()
    press(app, "page up")
    assert app.top.feed_scroll > 0
    type_line(app, "budget")
    app.render()
    assert app.top.feed_scroll == 0
    press(app, "j", ctrl=True)
    type_line(app, "examine explorer")
    painter = app.render()
    last = app.play.feed[-1].text
    feed = app.top.feed_rect
    inside = [call.text.rstrip("…").strip() for call in painter.transcript if call.kind == "text"
              and feed.collidepoint(call.rect[0], call.rect[1]) and call.text not in ("Show log", "Hide log")
              and not call.text.startswith(("Show log", "Hide log"))]
    assert feed.height < 3 * app.fonts.line_height("sans", app.theme.small)  # one line
    assert inside and all(text in last for text in inside)  # the latest output, collapsed
