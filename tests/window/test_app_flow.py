"""The window app as a whole: a new game started from the command line plays against the rival it names."""

from __future__ import annotations


def test_a_new_game_in_the_window_plays_against_the_chosen_rival(make_app) -> None:  # noqa: ANN001
    app = make_app(rival="historical")
    app.new_game("sputnik_shock", "usa", 5)
    assert app.play.session.record.policies["ussr"] == "historical"
    app.new_game("sputnik_shock", "usa", 5, rival="strategic")
    assert app.play.session.record.policies["ussr"] == "strategic"
