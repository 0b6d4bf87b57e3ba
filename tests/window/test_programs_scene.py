"""The Programs screen: the list and the prerequisite tree of every program, the detail panel, Start and Fund."""

from __future__ import annotations

import pytest

from game.app import views
from game.ui.window.intents import Click, Wheel
from game.ui.window.scenes.programs import (
    ProgramsScene,
    TreeLayout,
    TreeNode,
    boxes_overlap,
    layout_tree,
    tree_depths,
)

from .conftest import press, watched_game


def open_programs(app) -> ProgramsScene:  # noqa: ANN001
    press(app, "f4")
    assert isinstance(app.top, ProgramsScene)
    app.notice = None  # a leftover notice would sit over the screen in the transcript
    app.render()
    return app.top


def nodes_of(content, side: str) -> list[TreeNode]:  # noqa: ANN001
    return [TreeNode(hid, hw.available, tuple(hw.requires)) for hid, hw in sorted(content.hardware.items())
            if hw.side == side]


def segments_clear_of_boxes(layout: TreeLayout) -> None:
    """No edge passes through a box (its own ends touch their boxes' sides, which is allowed)."""
    for edge in layout.edges:
        for (x0, y0), (x1, y1) in zip(edge.points, edge.points[1:]):
            for step in range(1, 40):
                x, y = x0 + (x1 - x0) * step / 40, y0 + (y1 - y0) * step / 40
                for program_id, (bx, by, bw, bh) in layout.boxes.items():
                    assert not (bx < x < bx + bw and by < y < by + bh), (edge, program_id)


# -- the list ------------------------------------------------------------------------------------------


def test_f4_from_hq_opens_the_programs_list(game_app) -> None:  # noqa: ANN001
    assert game_app.top.name == "hq"
    scene = open_programs(game_app)
    assert scene.title == "Programs" and not scene.tree_mode
    assert scene.focused() is scene.list  # the list is ready for the arrows


def test_list_shows_every_program_of_the_side_from_the_view_model(game_app) -> None:  # noqa: ANN001
    scene = open_programs(game_app)
    state, content = game_app.play.state, game_app.play.content
    rows = views.programs(state, content, "usa", include_unavailable=True)
    assert {row.id for row in scene.rows} == {row.id for row in rows}
    assert len(rows) == sum(1 for hw in content.hardware.values() if hw.side == "usa")
    painter = game_app.render()
    vanguard = next(row for row in rows if row.id == "vanguard")  # started by the scenario
    assert painter.shown("Vanguard") and painter.shown("developing") and painter.shown(vanguard.note)
    assert painter.shown("available") and painter.shown("start for $5M")  # Explorer
    assert any(call.kind == "bar" and "Vanguard reliability 63.0%" in call.text for call in painter.transcript)
    assert painter.shown(f"${vanguard.research}M")
    assert not painter.shown("Viking")  # the locked ones at the foot are scrolled out of sight


def test_a_locked_program_shows_its_reason_in_the_row_and_the_detail(game_app) -> None:  # noqa: ANN001
    scene = open_programs(game_app)
    press(game_app, "end")  # the last row: a locked program
    row = scene.selected
    assert row is not None and row.status == "locked"
    painter = game_app.render()
    assert painter.shown(row.name) and painter.shown("locked")
    assert painter.shown(row.note)  # "cannot be started before 1969"
    assert painter.shown("Cannot start: ")
    assert scene.start_button.enabled is False
    # Enter on a locked program says why instead of starting it
    press(game_app, "return")
    assert game_app.notice is not None and row.note in game_app.notice[0]
    assert row.id not in game_app.play.state.sides["usa"].programs


def test_the_detail_panel_shows_what_examine_shows(game_app) -> None:  # noqa: ANN001
    scene = open_programs(game_app)
    scene.select("juno_ii")
    painter = game_app.render()
    hardware = game_app.play.content.hardware["juno_ii"]
    assert painter.shown("Juno II") and painter.shown(hardware.history.note[:30])
    assert painter.shown("Needs:") and painter.shown("Juno I (Jupiter-C) (available)")
    assert painter.shown(f"Start ${hardware.start_cost}M · development ${hardware.development_cost}M")
    assert painter.shown("Research to reach 80%: $")
    scene.select("juno_i")
    painter = game_app.render()
    assert painter.shown("Unlocks:") and painter.shown("Juno II (locked)")


def test_keyboard_starts_and_funds_a_program_from_the_list(game_app) -> None:  # noqa: ANN001
    scene = open_programs(game_app)
    own = game_app.play.state.sides["usa"]
    funds = own.funds
    press(game_app, "down")  # Vanguard (developing) is first, then Explorer (available)
    assert scene.selected_id == "explorer"
    press(game_app, "tab")  # the list → Start
    assert scene.focused() is scene.start_button
    press(game_app, "return")
    assert "explorer" in own.programs
    assert own.funds == funds - game_app.play.content.hardware["explorer"].start_cost
    assert scene.focused() is scene.plus_button  # ready to fund it
    press(game_app, "return")
    assert own.programs["explorer"].funding == 5
    press(game_app, "return", shift=True)
    assert own.programs["explorer"].funding == 6
    press(game_app, "tab", shift=True)  # − $5M
    assert scene.focused() is scene.minus_button
    press(game_app, "return")
    assert own.programs["explorer"].funding == 1
    painter = game_app.render()
    assert painter.shown("Funded this year: $1M")


def test_enter_on_a_row_opens_its_start_button(game_app) -> None:  # noqa: ANN001
    scene = open_programs(game_app)
    press(game_app, "down", "down")  # Juno I
    assert scene.selected_id == "juno_i"
    press(game_app, "return")  # the row → its Start button
    assert scene.focused() is scene.start_button
    press(game_app, "return")
    assert "juno_i" in game_app.play.state.sides["usa"].programs
    assert any("Juno I" in line.text for line in game_app.play.feed[-5:])


def test_funding_more_than_is_left_is_capped(game_app) -> None:  # noqa: ANN001
    scene = open_programs(game_app)
    own = game_app.play.state.sides["usa"]
    scene.select("vanguard")
    own.funds = 3  # nearly spent
    game_app.play.version += 1
    game_app.render()
    scene.focus_on(scene.plus_button)
    press(game_app, "return")
    assert own.programs["vanguard"].funding == 3 and own.funds == 0
    game_app.render()
    assert scene.plus_button.enabled is False


# -- the tree ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("side", ["usa", "ussr"])
def test_tree_lays_out_every_program_without_overlap_and_draws_every_prerequisite(loaded, side: str) -> None:  # noqa: ANN001
    content = loaded.content
    nodes = nodes_of(content, side)
    layout = layout_tree(nodes, 200, 24, 40, 6)
    assert set(layout.boxes) == {node.id for node in nodes}
    assert sorted(i for column in layout.columns for i in column) == sorted(layout.boxes)
    boxes = list(layout.boxes.items())
    for index, (first, a) in enumerate(boxes):
        for second, b in boxes[index + 1:]:
            assert not boxes_overlap(a, b), (first, second)
    drawn = {(edge.source, edge.target) for edge in layout.edges}
    wanted = {(needed, node.id) for node in nodes for needed in node.requires}
    assert wanted and drawn == wanted
    depths = tree_depths(nodes)
    for node in nodes:  # a column is one more than the deepest prerequisite
        assert depths[node.id] == 1 + max((depths[n] for n in node.requires), default=-1)
        column, _ = layout.place(node.id)
        assert column == depths[node.id]
    for column in layout.columns:  # rows by earliest start year, then id
        keys = [(content.hardware[i].available, i) for i in column]
        assert keys == sorted(keys)
    segments_clear_of_boxes(layout)


def test_tree_layout_follows_the_content_a_mod_adds() -> None:
    nodes = [TreeNode("a", 1955), TreeNode("b", 1956, ("a",)), TreeNode("c", 1957, ("b",)),
             TreeNode("d", 1958, ("a", "c")), TreeNode("e", 1955), TreeNode("f", 1960, ("e", "missing"))]
    layout = layout_tree(nodes, 100, 20, 30, 8)
    assert layout.columns == (("a", "e"), ("b", "f"), ("c",), ("d",))
    long = next(edge for edge in layout.edges if (edge.source, edge.target) == ("a", "d"))
    assert len(long.points) == 4  # routed along the gap between rows, past column 1 and 2
    assert {(edge.source, edge.target) for edge in layout.edges} == {("a", "b"), ("b", "c"), ("a", "d"), ("c", "d"),
                                                                     ("e", "f")}
    segments_clear_of_boxes(layout)
    assert layout.width == 4 * 100 + 3 * 30 and layout.height == 2 * (20 + 8)
    assert layout_tree([], 100, 20, 30, 8).columns == ()


def test_ctrl_t_shows_the_tree_with_every_program(game_app) -> None:  # noqa: ANN001
    scene = open_programs(game_app)
    press(game_app, "t", ctrl=True)
    assert scene.tree_mode and scene.focused() is scene.tree_view
    painter = game_app.render()
    assert painter.shown("No prerequisites") and painter.shown("Needs 1 step first")
    assert scene.tree is not None and set(scene.tree.boxes) == {row.id for row in scene.rows}
    boxes = {call.text for call in painter.transcript if call.kind == "rect" and call.text}
    on_screen = {program_id for _, program_id in scene.tree_view.hits}
    assert on_screen and all(scene.by_id[i].name in boxes for i in on_screen)
    lines = [call for call in painter.transcript if call.kind == "line" and call.colour in ("dim", "accent")]
    assert lines  # the edges
    # no two texts in the tree overlap, and none leaves it
    tree_rect = scene.tree_view.rect
    texts = [call.rect for call in painter.transcript if call.kind == "text" and tree_rect.collidepoint(call.rect[:2])]
    for index, a in enumerate(texts):
        assert a[0] + a[2] <= tree_rect.right and a[1] + a[3] <= tree_rect.bottom
        for b in texts[index + 1:]:
            assert not boxes_overlap(a, b), (a, b)
    press(game_app, "t", ctrl=True)
    assert not scene.tree_mode and scene.focused() is scene.list


def test_tree_arrows_move_and_enter_starts(game_app) -> None:  # noqa: ANN001
    scene = open_programs(game_app)
    press(game_app, "t", ctrl=True)
    game_app.render()
    layout = scene.tree
    assert layout is not None and scene.selected_id == "vanguard"
    column, row = layout.place("vanguard")
    press(game_app, "up")
    assert scene.selected_id == layout.columns[column][row - 1]
    press(game_app, "right")
    assert layout.place(scene.selected_id)[0] == column + 1
    press(game_app, "left")
    assert layout.place(scene.selected_id)[0] == column
    press(game_app, "home")
    assert scene.selected_id == layout.columns[0][0] == "explorer"
    painter = game_app.render()
    assert painter.shown("Explorer satellite") and painter.shown("Start program ($5M)")
    press(game_app, "return")  # opens the detail panel's Start
    assert scene.focused() is scene.start_button
    press(game_app, "return")
    assert "explorer" in game_app.play.state.sides["usa"].programs
    press(game_app, "return")  # + $5M has the focus now
    assert game_app.play.state.sides["usa"].programs["explorer"].funding == 5


def test_tree_mouse_and_scrolling(game_app) -> None:  # noqa: ANN001
    scene = open_programs(game_app)
    press(game_app, "t", ctrl=True)
    game_app.render()
    rect, program_id = next((rect, i) for rect, i in scene.tree_view.hits if i != scene.selected_id)
    game_app.dispatch(Click(rect.centerx, rect.centery))
    assert scene.selected_id == program_id
    game_app.render()
    layout = scene.tree
    assert layout is not None and layout.height > scene.tree_view.view.height  # 1280×720: it scrolls
    centre = scene.tree_view.rect.center
    game_app.dispatch(Wheel(centre[0], centre[1], -2))
    game_app.render()
    assert scene.tree_view.scroll_y > 0
    press(game_app, "page up")
    game_app.render()
    assert scene.tree_view.scroll_y == 0
    press(game_app, "page down")
    painter = game_app.render()
    assert scene.tree_view.scroll_y > 0 and painter.shown("more above")
    press(game_app, "end")  # the foot of the first column comes into view
    game_app.render()
    last = layout.columns[layout.place(scene.selected_id)[0]][-1]
    assert scene.selected_id == last and any(i == last for _, i in scene.tree_view.hits)


# -- sizes -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(3840, 2160), (1024, 600), (960, 540)])
def test_both_views_render_at_4k_and_small_sizes(make_app, size) -> None:  # noqa: ANN001
    from .conftest import close_overlays

    app = make_app(size=size)
    app.new_game("moon_race", "usa", 3)
    close_overlays(app)
    scene = open_programs(app)
    painter = app.render()
    assert painter.shown("Atlas") and painter.shown("operational")
    width = size[0]
    assert all(call.rect[0] + call.rect[2] <= width for call in painter.transcript if call.kind == "text")
    press(app, "t", ctrl=True)
    painter = app.render()
    assert scene.tree_view.hits and painter.shown("No prerequisites")
    assert all(call.rect[0] + call.rect[2] <= width for call in painter.transcript if call.kind == "text")
    press(app, "right", "return")
    app.render()


def test_the_soviet_side_has_its_own_tree(make_app) -> None:  # noqa: ANN001
    from .conftest import close_overlays

    app = make_app()
    app.new_game("full_campaign", "ussr", 5)
    close_overlays(app)
    scene = open_programs(app)
    press(app, "t", ctrl=True)
    app.render()
    assert scene.tree is not None and "n1" in scene.tree.boxes and "vanguard" not in scene.tree.boxes
    assert scene.tree.place("n1")[0] == 2  # R-7 → Vostok rocket → N1
    assert ("r7_luna", "n1") in {(edge.source, edge.target) for edge in scene.tree.edges}


def test_a_spectator_sees_start_and_funding_disabled(make_app) -> None:  # noqa: ANN001

    app = make_app()
    watched_game(app)
    play = app.play
    app.show_tab("programs")
    scene = open_programs(app)
    own = play.state.sides["usa"]
    started = next(row.id for row in scene.rows if row.status in ("developing", "operational"))
    available = next(row.id for row in scene.rows if row.status == "available")
    funds, told = own.funds, len(play.feed)
    for program_id, buttons in ((available, (scene.start_button,)),
                                (started, (scene.minus_button, scene.plus_button))):
        scene.select(program_id)
        painter = app.render()
        colours = {call.text: call.colour for call in painter.transcript if call.kind == "text"}
        for button in buttons:
            assert not button.enabled and colours[button.text()] == "dim"  # shown, dimmed
            scene.focus_on(button)
            press(app, "return")
            app.dispatch(Click(*button.rect.center))
        press(app, "return", shift=True)
    assert own.funds == funds and available not in own.programs and own.programs[started].funding == 0
    assert len(play.feed) == told and app.notice is None  # no order went out: no "Refused"
