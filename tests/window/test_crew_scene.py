"""The Crew tab: the roster from the view-model, the selected member, recruiting and the training allocation."""

from __future__ import annotations

from game.app import views
from game.engine.orders import Recruit
from game.ui.window.scenes.crew import CrewScene

from .conftest import close_overlays, press, refused, tab_to, type_line, watched_game


def open_crew(app) -> CrewScene:  # noqa: ANN001
    press(app, "f6")
    assert isinstance(app.top, CrewScene)
    app.render()
    return app.top



def test_f6_opens_the_crew_from_the_hq(game_app) -> None:  # noqa: ANN001
    app = game_app
    scene = open_crew(app)
    assert scene.title == "Crew"
    press(app, "escape")
    assert app.top.name == "hq"


def test_an_empty_roster_explains_how_to_recruit_and_enter_recruits(game_app) -> None:  # noqa: ANN001
    app = game_app
    scene = open_crew(app)
    painter = app.render()
    assert painter.shown("no astronauts yet") and painter.shown("recruit 4")
    assert scene.focused() is scene.recruit_button  # nothing to choose in the roster yet
    press(app, "return")
    press(app, "return")  # the focus stays on Recruit when the roster appears
    own = app.play.state.sides["usa"]
    assert len(own.crew) == 2
    painter = app.render()
    for member in own.crew:
        assert painter.shown(member.name)
    assert painter.shown("candidate")


def test_the_roster_shows_each_members_skills_and_status(game_app) -> None:  # noqa: ANN001
    app = game_app
    assert app.submit(Recruit(side="usa", count=4)) is not None
    crew = app.play.state.sides["usa"].crew
    crew[0].status, crew[0].died = "dead", "1955-03"
    crew[1].woman = True
    crew[2].status, crew[2].injured_until = "injured", 1956
    crew[3].flights, crew[3].joined = 2, 1950
    app.play.version += 1  # the state was edited behind the session's back
    scene = open_crew(app)
    painter = app.render()
    rows = views.crew_rows(app.play.state, "usa")
    for row in rows:
        assert painter.shown(row.name)
        for skill in ("piloting", "eva", "docking", "endurance"):
            assert any(call.kind == "bar" and call.text == f"{row.name} {skill} {getattr(row, skill)}"
                       for call in painter.transcript)
    dead = [call for call in painter.transcript if call.kind == "text" and call.text == crew[0].name]
    assert dead and all(call.colour == "dim" for call in dead)  # the lost are muted
    assert painter.shown("lost 1955") and painter.shown("injured until 1956") and painter.shown("active")
    assert painter.shown(f"{crew[1].name}  ♀")
    # the detail panel follows the selection
    press(app, "down")
    assert scene.list.selected == 1
    painter = app.render()
    assert painter.shown("♀ woman")
    assert painter.shown("Spacewalking (EVA)") and painter.shown(str(rows[1].eva))


def test_training_is_funded_with_left_right_and_enter(game_app) -> None:  # noqa: ANN001
    app = game_app
    app.submit(Recruit(side="usa", count=2))
    scene = open_crew(app)
    own = app.play.state.sides["usa"]
    tab_to(app, scene.training)
    press(app, "right")
    assert own.training == 5
    press(app, "left", shift=True)
    assert own.training == 4
    office = views.office(app.play.state, "usa")
    assert app.render().shown(f"+{office.skill_gain} in every skill")
    press(app, "return")
    assert scene.focused() is scene.prompt and scene.prompt.text == "fund training "
    type_line(app, "12")
    assert own.training == 12
    assert isinstance(app.top, CrewScene)


def test_training_beyond_the_money_is_refused(game_app) -> None:  # noqa: ANN001
    app = game_app
    scene = open_crew(app)
    own = app.play.state.sides["usa"]
    tab_to(app, scene.training)
    press(app, *["right"] * (own.funds // 5))
    assert not refused(app)
    training, funds = own.training, own.funds
    press(app, "right")
    assert refused(app) and own.training == training and own.funds == funds
    assert app.render().shown("Refused")


def test_recruiting_past_the_yearly_limit_is_refused(game_app) -> None:  # noqa: ANN001
    app = game_app
    office = views.office(app.play.state, "usa")
    app.play.state.sides["usa"].funds += 100  # for the sake of the test
    assert app.submit(Recruit(side="usa", count=office.recruits_per_year)) is not None
    scene = open_crew(app)
    assert not scene.recruit_button.enabled
    assert app.render().shown("No more candidates this year")
    scene.recruit_button.action()  # the engine is still the judge
    assert refused(app) and len(app.play.state.sides["usa"].crew) == office.recruits_per_year


def test_it_renders_at_4k_and_small(make_app) -> None:  # noqa: ANN001
    for size in ((3840, 2160), (1024, 576)):
        app = make_app(size=size)
        app.new_game("full_campaign", "usa", 7)
        close_overlays(app)
        scene = open_crew(app)
        assert app.render().shown("no astronauts yet")
        app.submit(Recruit(side="usa", count=3))
        painter = app.render()
        assert all(painter.shown(row.name) for row in views.crew_rows(app.play.state, "usa"))
        assert scene.training.rect.bottom <= scene.body.bottom


def test_a_spectator_sees_training_disabled(make_app) -> None:  # noqa: ANN001
    from game.ui.window.intents import Click

    app = make_app()
    watched_game(app)
    play = app.play
    app.show_tab("crew")
    scene = open_crew(app)
    own = play.state.sides["usa"]
    assert not scene.training.enabled and not scene.recruit_button.enabled
    painter = app.render()
    assert any(call.kind == "text" and call.text == "Training" and call.colour == "dim" for call in painter.transcript)
    assert any(call.kind == "text" and call.text == "+" and call.colour == "dim" for call in painter.transcript)
    told = len(play.feed)
    tab_to(app, scene.training)
    press(app, "right")
    press(app, "left", shift=True)
    press(app, "backspace")
    press(app, "return")
    assert scene.focused() is scene.training and scene.prompt.text == ""  # Enter types no "fund training"
    app.dispatch(Click(*scene.training.plus.center))
    app.dispatch(Click(*scene.training.minus.center))
    assert own.training == 0
    assert len(play.feed) == told and app.notice is None  # no order went out: no "Refused"
