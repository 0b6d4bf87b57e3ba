"""The window app as a whole: a new game started from the command line plays against the rival it names."""

from __future__ import annotations


def test_a_new_game_in_the_window_plays_against_the_chosen_rival(make_app) -> None:  # noqa: ANN001
    app = make_app(rival="historical")
    app.new_game("sputnik_shock", "usa", 5)
    assert app.play.session.record.policies["ussr"] == "historical"
    app.new_game("sputnik_shock", "usa", 5, rival="strategic")
    assert app.play.session.record.policies["ussr"] == "strategic"


def test_the_command_line_shows_the_rival_as_far_as_the_side_can_see(game_app) -> None:  # noqa: ANN001
    from .conftest import type_line

    type_line(game_app, "rival")
    said = " ".join(line.text for line in game_app.play.feed[-8:])
    assert "as far as you can see (intelligence level 0" in said and "Its plans for this year stay secret" in said


def test_the_command_line_shows_last_years_report_again_and_keeps_the_window_whole(game_app) -> None:  # noqa: ANN001
    from .conftest import close_overlays, type_line

    year = game_app.play.state.year
    game_app.end_year()
    close_overlays(game_app)
    type_line(game_app, "report")
    said = "\n".join(line.text for line in game_app.play.feed[-40:])
    assert f"The year {year} in full:" in said and f"Year-end report, {year}" in said
    type_line(game_app, "digest off")
    assert "its own report screen" in game_app.play.feed[-1].text  # the window's scene is whole already
