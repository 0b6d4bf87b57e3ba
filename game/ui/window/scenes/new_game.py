"""New game: the side, the scenario, the opponent, the difficulty and the seed, then Start."""

from __future__ import annotations

import pygame

from game.app.session import DIFFICULTY_WORDS
from game.engine.rules import (
    DEFAULT_DIFFICULTY,
    DIFFICULTIES,
    DIFFICULTY_BUDGET_PERCENT,
)

from ..intents import Key, Text
from ..painter import Painter
from ..scene import Scene
from ..theme import SIDE_LABELS
from ..widgets import Button, Widget
from .forms import (
    ChoiceRow,
    Row,
    TextField,
    backdrop,
    backdrop_width,
    buttons_height,
    draw_buttons,
    is_digit,
    place_rows,
)

SEED_MAX = 2**63 - 1
SEED_DIGITS = len(str(SEED_MAX))


# -- the scene --------------------------------------------------------------------------------------


class NewGameScene(Scene):
    name = "new_game"
    title = "New game"
    keys = (("Up / Down, Tab", "move between the rows"), ("Left / Right", "change the focused row"),
            ("0–9", "type a seed (blank: a random one)"), ("Enter", "start the game"), ("Esc", "back to the title"))

    def __init__(self, app) -> None:  # noqa: ANN001
        super().__init__(app)
        content = app.content
        scenarios = sorted(content.scenarios.values(), key=lambda s: (s.start_year, s.end_year, s.id))
        self.scenarios = [scenario.id for scenario in scenarios]
        wanted = app.options.scenario or "full_campaign"
        self.scenario_index = self.scenarios.index(wanted) if wanted in self.scenarios else 0
        self.side = app.options.side if app.options.side in SIDE_LABELS else self.scenario.default_side
        self.side_chosen = app.options.side in SIDE_LABELS  # until the player picks a side, it follows the scenario
        self.difficulty = app.options.difficulty if app.options.difficulty in DIFFICULTIES else DEFAULT_DIFFICULTY
        self.seed_problem = ""
        self.sides = list(SIDE_LABELS)
        self.side_row = ChoiceRow("Side", lambda: [SIDE_LABELS[side] for side in self.sides],
                                  lambda: self.sides.index(self.side), self.choose_side, self.side_note,
                                  sides=self.sides)
        self.scenario_row = ChoiceRow("Scenario", lambda: [content.scenarios[s].name for s in self.scenarios],
                                      lambda: self.scenario_index, self.choose_scenario, self.scenario_note)
        self.difficulty_row = ChoiceRow("Difficulty", lambda: [d.capitalize() for d in DIFFICULTIES],
                                        lambda: DIFFICULTIES.index(self.difficulty), self.choose_difficulty,
                                        self.difficulty_note)
        self.seed_field = TextField(is_digit, SEED_DIGITS, "blank: a random seed", on_change=self.check_seed,
                                    on_refused=self.refused_seed)
        self.start_button = Button("Start", self.start, hint="Enter")
        self.back_button = Button("Back", lambda: app.pop(self), hint="Esc")
        self.rows: list[ChoiceRow] = [self.side_row, self.scenario_row, self.difficulty_row]

    # -- choices ------------------------------------------------------------------------------------

    @property
    def scenario(self):  # noqa: ANN201 - defs.Scenario
        return self.app.content.scenarios[self.scenarios[self.scenario_index]]

    def choose_side(self, index: int) -> None:
        self.side = self.sides[index]
        self.side_chosen = True

    def choose_scenario(self, index: int) -> None:
        self.scenario_index = index
        if not self.side_chosen:
            self.side = self.scenario.default_side

    def choose_difficulty(self, index: int) -> None:
        self.difficulty = DIFFICULTIES[index]

    def side_note(self) -> str:
        default = " (this scenario's usual side)" if self.side == self.scenario.default_side else ""
        return f"You direct the {SIDE_LABELS[self.side]} space program{default}; the other side is the AI's."

    def scenario_note(self) -> str:
        scenario = self.scenario
        years = scenario.end_year - scenario.start_year + 1
        return (f"{scenario.start_year}–{scenario.end_year}, {years} years · usual side: "
                f"{SIDE_LABELS.get(scenario.default_side, scenario.default_side)}\n{scenario.description}")

    def difficulty_note(self) -> str:
        percent = DIFFICULTY_BUDGET_PERCENT[self.difficulty]
        words = DIFFICULTY_WORDS.get(self.difficulty, "")
        return (f"{words[:1].upper()}{words[1:]}: its yearly budget is {percent} % of what the scenario gives it. "
                f"Your own budget is the same at every difficulty.")

    def seed(self) -> int | None:
        return int(self.seed_field.text) if self.seed_field.text else None

    def check_seed(self) -> None:
        text = self.seed_field.text
        self.seed_problem = "" if not text or int(text) <= SEED_MAX else f"The seed must be from 0 to {SEED_MAX}."

    def refused_seed(self, typed: str) -> None:
        self.seed_problem = "The seed takes digits only (0–9); leave it blank for a random one."

    def start(self) -> None:
        self.check_seed()
        if self.seed_problem:
            self.app.say(self.seed_problem, "bad")
            self.focus_on(self.seed_field)
            return
        self.app.new_game(self.scenarios[self.scenario_index], self.side, self.seed(), self.difficulty)

    # -- input --------------------------------------------------------------------------------------

    def widgets(self) -> list[Widget]:
        return [*self.rows, self.seed_field, self.start_button, self.back_button]

    def on_key(self, key: Key) -> bool:
        if key.name == "escape":
            self.app.pop(self)
            return True
        if key.name in ("return", "enter") and not isinstance(self.focused(), Button):
            self.start()
            return True
        return False

    def on_unhandled(self, intent: Key | Text) -> bool:
        if isinstance(intent, Text) and intent.text and all(is_digit(ch) for ch in intent.text):
            # digits (0–9) typed anywhere go to the seed
            self.focus_on(self.seed_field)
            self.seed_field.insert(intent.text)
            return True
        return False

    # -- drawing ------------------------------------------------------------------------------------

    def draw(self, painter: Painter) -> None:
        theme = painter.theme
        pad = theme.pad
        inner_w = backdrop_width(painter)
        label_w = min(theme.px(170), inner_w // 4)
        buttons = [self.start_button, self.back_button]
        buttons_h = buttons_height(painter, buttons, inner_w)
        width = inner_w - theme.px(8)
        for row in self.rows:
            row.label_width = label_w
        bold = painter.fonts.line_height("bold", theme.body)
        field_h = painter.fonts.line_height("mono", theme.body) + pad
        small = painter.fonts.line_height("sans", theme.small)
        seed_note = self.seed_problem or ("Any whole number. The same seed, scenario, side and orders always give "
                                          "the same game.")
        seed_h = field_h + theme.px(4) + len(painter.fonts.wrap(seed_note, "sans", theme.small, width - label_w)) * small
        historical = self.app.options.rival == "historical"
        opponent_text = ("The rival flies its real programme from history's schedule, launch by launch, adapting "
                         "when the dice say no — by the same rules and orders as you, with no hidden bonus."
                         if historical else
                         "The rival side is played by the game's strategic AI: it funds the programs that lead to the "
                         "prestige still open to it, books its flights when their risks are acceptable and answers "
                         "its own events — by the same rules and orders as you, with no hidden bonus. (To race history "
                         "instead: space-race play --rival historical.)")
        opponent_h = (bold + pad // 2 + theme.px(4) +
                      len(painter.fonts.wrap(opponent_text, "sans", theme.small, width - label_w)) * small)

        def opponent(painter: Painter, area: pygame.Rect) -> None:
            painter.text("Opponent", area.x + theme.px(4), area.y + pad // 2, theme.body, "accent", "bold",
                         max_width=label_w - pad)
            painter.text("History's programme" if historical else "Strategic AI", area.x + label_w,
                         area.y + pad // 2, theme.body, "text", "bold", max_width=area.width - label_w)
            painter.paragraph(opponent_text, (area.x + label_w, area.y + bold + pad // 2 + theme.px(4),
                                              area.width - label_w, area.height), theme.small, "dim")

        def seed(painter: Painter, area: pygame.Rect) -> None:
            focused = self.focused() is self.seed_field
            painter.text("Seed", area.x + theme.px(4), area.y + pad // 2, theme.body, "focus" if focused else "accent",
                         "bold", max_width=label_w - pad)
            field_w = min(area.width - label_w, 3 * pad + max(
                painter.fonts.width("0" * SEED_DIGITS, "mono", theme.body),
                painter.fonts.width(self.seed_field.placeholder, "mono", theme.body)))
            self.seed_field.rect = pygame.Rect(area.x + label_w, area.y, field_w, field_h)
            self.seed_field.draw(painter, focused)
            painter.paragraph(seed_note, (area.x + label_w, area.y + field_h + theme.px(4), area.width - label_w,
                                          area.height - field_h), theme.small, "bad" if self.seed_problem else "dim")

        rows: list[tuple[Row, int]] = [
            (self.side_row, self.side_row.height(painter, width)),
            (self.scenario_row, self.scenario_row.height(painter, width)),
            (opponent, opponent_h),
            (self.difficulty_row, self.difficulty_row.height(painter, width)),
            (seed, seed_h),
        ]
        rows_h = sum(height for _, height in rows) + pad * (len(rows) - 1)
        inner = backdrop(painter, "New game", "Choose a side and a scenario; Enter starts. Every row changes with "
                                              "Left/Right or a click.", rows_h + 2 * pad + buttons_h + theme.px(8))
        body = pygame.Rect(inner.x + theme.px(4), inner.y + theme.px(4), width,
                           inner.height - buttons_h - 2 * pad - theme.px(4))
        focused = self.focused()
        self.seed_field.rect = pygame.Rect(0, 0, 0, 0)  # set again when its row is drawn
        bottom = place_rows(painter, rows, body, pad, seed if focused is self.seed_field else focused)
        draw_buttons(painter, self, buttons, inner.x, min(bottom + 2 * pad, inner.bottom - buttons_h), inner.width,
                     default=self.start_button)
