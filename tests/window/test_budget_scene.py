"""The Budget tab: the year's money from the view-models, and the keys and clicks that allocate it as orders."""

from __future__ import annotations

from game.app import views
from game.engine.orders import Fund, StartProgram
from game.ui.window.intents import Click
from game.ui.window.scenes.budget import BudgetScene, fund_targets

from .conftest import close_overlays, press, refused, tab_to, type_line


def open_budget(app) -> BudgetScene:  # noqa: ANN001
    press(app, "f3")
    assert isinstance(app.top, BudgetScene)
    app.render()  # lays out the widgets (their rects are set while drawing)
    return app.top



def select(scene: BudgetScene, target: str) -> None:
    index = [item.id for item in scene.targets].index(target)
    scene.list.select(index)


def test_f3_opens_the_budget_from_the_hq_and_esc_goes_back(game_app) -> None:  # noqa: ANN001
    app = game_app
    assert app.top.name == "hq"
    scene = open_budget(app)
    assert scene.title == "Budget"
    press(app, "escape")
    assert app.top.name == "hq"


def test_it_shows_the_view_models_numbers(game_app) -> None:  # noqa: ANN001
    app = game_app
    assert app.submit(Fund(side="usa", target="vanguard", amount=20)) is not None
    assert app.submit(Fund(side="usa", target="education", amount=3)) is not None
    open_budget(app)
    state, content = app.play.state, app.play.content
    lines, available, left = views.budget(state, content, "usa")
    painter = app.render()
    assert painter.shown(f"${available}M") and painter.shown(f"${left}M")
    assert painter.shown(f"${sum(line.amount for line in lines)}M")  # allocated
    assert painter.shown(f"${views.carried_over(state, content, 'usa')}M")
    for line in lines:
        assert painter.shown(line.label)
    assert painter.shown("Crew training") and painter.shown("Education") and painter.shown("Vanguard")
    labels = [call.text for call in painter.transcript if call.kind == "rect"]
    assert "Research $20M" in labels and "Education $3M" in labels  # the stacked bar's parts
    # the selected line (Vanguard, the first) with its reliability and the research to reach each target
    detail = views.program_detail(state, content, "usa", "vanguard")
    assert painter.shown(f"Reliability {detail.reliability / 10:.1f} %")
    for target, cost in detail.research_needed:
        assert painter.shown(f"{target / 10:.0f} %") and painter.shown(f"${cost}M more")


def test_the_list_holds_started_programs_training_and_education(game_app) -> None:  # noqa: ANN001
    app = game_app
    app.submit(StartProgram(side="usa", program="explorer"))
    ids = [target.id for target in fund_targets(app.play)]
    assert ids == ["explorer", "vanguard", "training", "education", "intelligence"]
    # an operational program that research can improve no further leaves the list (unless it still has money)
    app.play.state.sides["usa"].programs["vanguard"].research = 10**6
    assert "vanguard" not in [target.id for target in fund_targets(app.play)]


def test_left_and_right_on_the_list_send_fund_orders(game_app) -> None:  # noqa: ANN001
    app = game_app
    scene = open_budget(app)
    tab_to(app, scene.list)
    select(scene, "vanguard")
    program = app.play.state.sides["usa"].programs["vanguard"]
    funds = app.play.state.sides["usa"].funds
    press(app, "right")
    assert program.funding == 5
    press(app, "right", shift=True)
    assert program.funding == 6
    press(app, "right", "right")
    assert program.funding == 16
    press(app, "left")
    assert program.funding == 11
    assert app.play.state.sides["usa"].funds == funds - 11
    assert app.render().shown("$11M")
    press(app, "backspace")  # all of it back
    assert program.funding == 0
    told = len(app.play.feed)
    press(app, "left")  # nothing below $0M, and no order sent
    assert program.funding == 0 and not refused(app) and len(app.play.feed) == told
    select(scene, "training")
    press(app, "right")
    assert app.play.state.sides["usa"].training == 5
    select(scene, "education")
    press(app, "right", shift=True)
    assert app.play.state.sides["usa"].education == 1


def test_more_than_there_is_is_refused_with_a_notice(game_app) -> None:  # noqa: ANN001
    app = game_app
    scene = open_budget(app)
    select(scene, "vanguard")
    own = app.play.state.sides["usa"]
    presses = own.funds // 5
    press(app, *["right"] * presses)
    funded = own.programs["vanguard"].funding
    assert funded == presses * 5 and not refused(app)
    own_funds = own.funds
    press(app, "right")
    assert own.programs["vanguard"].funding == funded and own.funds == own_funds  # nothing changed
    assert refused(app)
    assert app.render().shown("Refused")


def test_enter_on_a_line_types_an_exact_amount(game_app) -> None:  # noqa: ANN001
    app = game_app
    scene = open_budget(app)
    select(scene, "vanguard")
    press(app, "return")
    assert scene.focused() is scene.prompt and scene.prompt.text == "fund vanguard "
    type_line(app, "25")
    assert app.play.state.sides["usa"].programs["vanguard"].funding == 25
    assert isinstance(app.top, BudgetScene)  # still on the budget
    assert scene.focused() is scene.list  # the keyboard is back on the list: no trap at the prompt
    press(app, "down")
    assert scene.focused() is scene.list and scene.list.selected == 1  # Down moves in the list again


def test_esc_or_down_at_an_exact_amount_drops_it_and_gives_the_list_back(game_app) -> None:  # noqa: ANN001
    app = game_app
    scene = open_budget(app)
    select(scene, "vanguard")
    for key in ("escape", "down"):
        press(app, "return")
        assert scene.focused() is scene.prompt
        press(app, key)
        assert scene.focused() is scene.list and scene.prompt.text == ""
        assert app.play.state.sides["usa"].programs["vanguard"].funding == 0  # nothing was ordered
        assert isinstance(app.top, BudgetScene)


def test_the_plus_and_minus_boxes_take_clicks(game_app) -> None:  # noqa: ANN001
    app = game_app
    scene = open_budget(app)
    index = [item.id for item in scene.targets].index("vanguard")
    minus, plus = scene.list.zones[index]
    app.dispatch(Click(*plus.center))
    app.dispatch(Click(*plus.center))
    assert app.play.state.sides["usa"].programs["vanguard"].funding == 10
    app.dispatch(Click(*minus.center))
    assert app.play.state.sides["usa"].programs["vanguard"].funding == 5


def test_recruit_and_pad_buttons_send_their_orders(game_app) -> None:  # noqa: ANN001
    app = game_app
    scene = open_budget(app)
    own = app.play.state.sides["usa"]
    funds = own.funds
    tab_to(app, scene.recruit_button)
    press(app, "return")
    assert len(own.crew) == 1 and own.funds == funds - views.office(app.play.state, "usa").recruit_cost
    tab_to(app, scene.pad_button)
    press(app, "return")  # $60M, and not that much is left
    assert own.pads == 1 and refused(app)
    own.funds += 100  # a grant, for the sake of the test
    press(app, "return")
    assert own.pads == 2
    app.render()
    assert app.render().shown("Pads: 2 (8 launches a year")


def test_it_renders_at_4k_and_small(make_app) -> None:  # noqa: ANN001
    for size in ((3840, 2160), (1024, 576)):
        app = make_app(size=size)
        app.new_game("full_campaign", "usa", 7)
        close_overlays(app)
        app.submit(Fund(side="usa", target="vanguard", amount=30))
        scene = open_budget(app)
        painter = app.render()
        assert painter.shown("$30M") and painter.shown("Vanguard")
        assert scene.list.rect.width > 0 and scene.pad_button.rect.bottom <= scene.body.bottom


def test_a_line_taken_to_zero_keeps_its_place_and_the_selection(game_app) -> None:  # noqa: ANN001
    app = game_app
    own = app.play.state.sides["usa"]
    own.programs["vanguard"].research = 10**6  # operational, and research can improve it no further
    assert app.submit(Fund(side="usa", target="training", amount=10)) is not None
    assert app.submit(Fund(side="usa", target="vanguard", amount=5)) is not None  # on the list while it has money
    scene = open_budget(app)
    select(scene, "vanguard")
    tab_to(app, scene.list)
    press(app, "left")
    assert own.programs["vanguard"].funding == 0
    press(app, "left")  # still Vanguard, already at $0M: nothing moves (not the line that took its place)
    assert own.programs["vanguard"].funding == 0 and own.training == 10 and own.education == 0
    app.render()
    assert [item.id for item in scene.targets] == ["vanguard", "training", "education", "intelligence"]  # funded this year: kept
    assert scene.selected_target().id == "vanguard"
    press(app, "right")
    assert own.programs["vanguard"].funding == 5 and own.training == 10
    press(app, "backspace")
    assert own.programs["vanguard"].funding == 0
    press(app, "f2")  # away and back: the budget opened afresh still lists it (the game's record says it was funded)
    assert [item.id for item in open_budget(app).targets] == ["vanguard", "training", "education", "intelligence"]
    assert "vanguard" not in [item.id for item in fund_targets(app.play)]  # without that record, it would leave


def test_the_selection_follows_its_line_when_another_appears(game_app) -> None:  # noqa: ANN001
    app = game_app
    own = app.play.state.sides["usa"]
    scene = open_budget(app)
    select(scene, "training")
    assert app.submit(StartProgram(side="usa", program="explorer")) is not None  # a new line above it
    press(app, "right")
    assert own.training == 5 and own.programs["explorer"].funding == 0 and own.programs["vanguard"].funding == 0
    app.render()
    assert scene.selected_target().id == "training" and scene.targets[scene.list.selected].id == "training"


def test_stepping_one_line_keeps_one_report_in_the_feed(game_app) -> None:  # noqa: ANN001
    from game.engine.orders import Fund

    app = game_app
    before = len(app.play.feed)
    for amount in (5, 10, 15, 20):
        app.submit(Fund(side="usa", target="vanguard", amount=amount))
    assert len(app.play.feed) == before + 1
    assert app.play.feed[-1].text.startswith("Vanguard: $20M allocated")
    app.submit(Fund(side="usa", target="training", amount=5))
    assert len(app.play.feed) == before + 2


def test_money_that_would_go_back_gets_uses_with_their_orders(game_app) -> None:  # noqa: ANN001
    from game.app import spare_money

    app = game_app
    open_budget(app)
    state, content = app.play.state, app.play.content
    uses = spare_money.uses(state, content, "usa")
    assert spare_money.spare(state, content, "usa") > 0 and uses  # the first year's money is not all needed
    text = " ".join(call.text for call in app.render().transcript if call.kind == "text")
    assert "Where it would do good:" in text
    assert "fund education" in text and "fund intelligence" in text


def test_the_intelligence_line_says_what_intelligence_buys(game_app) -> None:  # noqa: ANN001
    app = game_app
    scene = open_budget(app)
    select(scene, "intelligence")
    painter = app.render()
    text = " ".join(call.text for call in painter.transcript if call.kind == "text")
    assert "estimates of the rival's research are within" in text and "Education pays off" not in text
