"""The year's launches, one after another: the countdown on the pad, lift-off, each step of the flight with its
chance and its verdict, then the result and any milestone claimed.

Both sides' flights are shown in the order they flew; the rival's are marked as the rival's and, as in the
terminal, show neither their chances nor their commentary (a spectator sees everything). Every text comes
from `game.app.narrate`, so the window says what the terminal says. The scene only shows outcomes that
already happened: it never changes the game.

Timing follows the player's text speed (slow, normal, fast, instant). Space or Enter skips to the result of
the flight on screen, then goes on to the next one; Esc skips every flight that is left.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

import pygame

from game.app.narrate import STEP_STATUS, short_side
from game.engine.defs import MONTHS
from game.engine.outcomes import MilestoneClaimed, MissionFlew, Outcome

from ..intents import Click, Key
from ..painter import Painter
from ..scene import Scene
from ..widgets import Button, Widget
from . import flight_picture
from .flight_story import (  # the story and the timeline of a flight, pure (re-exported for the tests)
    RESULT_MARKS,
    SPEED_SCALE,
    FlightStory,
    Moment,
    StepView,
    Timeline,
    build_story,
    tied_outcomes,
)

__all__ = ["FlightScene", "FlightStory", "Moment", "SPEED_SCALE", "StepView", "Timeline", "build_story", "tied_outcomes"]

if TYPE_CHECKING:
    from ..app import WindowApp

# -- the scene ------------------------------------------------------------------------------------------------


class FlightScene(Scene):
    name = "flight"
    title = "Launches"
    keys = (("Space / Enter", "skip to the result; then the next flight"), ("Esc", "skip every flight left"),
            ("Left / Right", "the flight before / after"), ("Click a flight", "show that flight"),
            ("Tab", "move between the buttons"))

    def __init__(self, app: "WindowApp", flights: Sequence[MissionFlew], outcomes: Sequence[Outcome]) -> None:
        super().__init__(app)
        self.flights = list(flights)
        self.outcomes = list(outcomes)
        play = app.play
        viewer = None if play is None or play.spectator else play.side
        self.viewer = viewer
        content = play.content if play is not None else app.content
        state = play.state if play is not None else None
        self.stories = [build_story(flight, self.outcomes, content, state, viewer) for flight in self.flights]
        self.index = 0
        self.elapsed = 0.0
        self.held = False  # showing a result the player went back to: no moving on by itself
        self.seen: set[int] = set()  # flights whose result has shown
        self.chips: list[tuple[pygame.Rect, int]] = []  # the strip of the year's flights: (where, which), as drawn
        self.next_button = Button("Skip to the result", self.advance, hint="Space")
        self.skip_button = Button("Skip all flights", self.skip_all, hint="Esc")
        self._start()

    # -- the clock ------------------------------------------------------------------------------------------

    @property
    def scale(self) -> float:
        return SPEED_SCALE.get(self.app.settings.text_speed, 1.0)

    @property
    def story(self) -> FlightStory:
        return self.stories[self.index]

    def _start(self) -> None:
        self.timeline = Timeline.make(self.story, self.scale) if self.stories else Timeline((), (), 0, 0, 0, 0)
        self.moment = self.timeline.at(self.elapsed)
        self._mark_seen()

    def _mark_seen(self) -> None:
        if self.stories and self.moment.phase == "result":
            self.seen.add(self.index)
        self._label_buttons()

    def _label_buttons(self) -> None:
        last = self.index >= len(self.stories) - 1
        if self.stories and self.moment.phase != "result":
            self.next_button.label = "Skip to the result"
        else:
            self.next_button.label = "Continue" if last else "Next flight"

    @property
    def animating(self) -> bool:
        if not self.stories or self.scale <= 0 or self.held:
            return False
        return not (self.index >= len(self.stories) - 1 and self.moment.finished)

    def update(self, milliseconds: int) -> bool:
        if not self.animating:
            return False
        before = self._frame_key()
        moment_before = self.moment
        self.elapsed += milliseconds
        self.moment = self.timeline.at(self.elapsed)
        self._cue(moment_before, self.moment)
        self._mark_seen()
        if self.moment.finished and self.index < len(self.stories) - 1 and self._worth_holding():
            self.held = True  # the player's own first, or a crew lost: it waits for them, never slides away
            self._label_buttons()
            return True
        if self.moment.finished and self.index < len(self.stories) - 1:
            self.index += 1
            self.elapsed = 0.0
            self._start()
            return True
        self._mark_seen()
        return self._frame_key() != before

    def _worth_holding(self) -> bool:
        """A result the player must not miss while the flights move on by themselves: a first of their own (the Moon
        landing above all) or one of their crews lost."""
        story = self.story
        if self.viewer is None or story.flight.side != self.viewer:
            return False
        return any(claim.first for claim in story.milestones) or story.flight.result == "catastrophe"

    def _cue(self, before: Moment, after: Moment) -> None:
        """The sounds of the flight (cosmetic; off in the settings, or with no audio device, they are silent)."""
        sound = self.app.sound
        if after.phase == "countdown" and after.count != before.count:
            sound.play("beep")
        elif after.phase == "liftoff" and before.phase != "liftoff":
            sound.play("ignition")
        elif after.phase == "steps" and after.verdicts > before.verdicts:
            passed = self.story.flown_step(after.verdicts - 1).passed
            sound.play("step" if passed else "failure")
        elif after.phase == "result" and before.phase != "result":
            if any(claim.first for claim in self.story.milestones):
                sound.play("first")
            else:
                sound.play("success" if self.story.flight.result in ("success", "partial") else "failure")

    def _frame_key(self) -> tuple:
        moment = self.moment
        motion = round(moment.lift * 60) if moment.phase == "liftoff" else 0
        flicker = int(self.elapsed // 70) if moment.phase in ("countdown", "liftoff") and moment.count == 0 else 0
        return (self.index, moment.phase, moment.count, motion, flicker, moment.shown, moment.verdicts,
                round(moment.fill * 12), moment.finished)

    # -- input ------------------------------------------------------------------------------------------------

    def widgets(self) -> list[Widget]:
        return [self.next_button, self.skip_button]

    def advance(self) -> None:
        """Space: the result of this flight at once; when it shows already, the next flight (or the end)."""
        if not self.stories:
            self.app.pop(self)
            return
        self.held = False
        if self.moment.phase != "result":
            self.elapsed = float(self.timeline.result)
        elif self.index < len(self.stories) - 1:
            self.index += 1
            self.elapsed = 0.0
            self._start()
            return
        else:
            self.app.pop(self)
            return
        self.moment = self.timeline.at(self.elapsed)
        self._mark_seen()

    def skip_all(self) -> None:
        self.app.pop(self)

    def browse(self, step: int) -> None:
        """Left/Right: the flight before (at its result) or after (from its countdown)."""
        self.jump(self.index + step)

    def jump(self, target: int) -> None:
        """To one flight of the year: one looked back at (or already seen) shows its result and stays there;
        one still to come starts from its countdown."""
        if not 0 <= target < len(self.stories) or target == self.index:
            return
        back = target < self.index
        self.index = target
        self.elapsed = 0.0
        self._start()
        self.held = False
        if back or target in self.seen:
            self.elapsed = float(self.timeline.end)
            self.moment = self.timeline.at(self.elapsed)
            self._mark_seen()
            self.held = True  # a result looked back at stays until the player moves on

    def on_key(self, key: Key) -> bool:
        if key.ctrl:
            return False
        if key.name == "escape":
            self.skip_all()
            return True
        if key.name == "space" or (key.name in ("return", "enter") and self.focused() is not self.skip_button):
            self.advance()
            return True
        if key.name in ("left", "right"):
            self.browse(-1 if key.name == "left" else 1)
            return True
        return False

    def on_click(self, click: Click) -> bool:
        for rect, index in self.chips:  # a flight of the strip: that flight
            if rect.collidepoint(click.x, click.y):
                self.jump(index)
                return True
        self.advance()  # a click on the picture or the card: like Space
        return True

    def handle(self, intent) -> bool:  # noqa: ANN001
        super().handle(intent)
        return True  # nothing below sees input while the flights show

    # -- drawing ----------------------------------------------------------------------------------------------

    def draw(self, painter: Painter) -> None:
        theme = painter.theme
        pad = theme.pad
        width, height = painter.surface.get_size()
        painter.rect((0, 0, width, height), "background")
        if not self.stories:
            painter.text("No flights this year.", width // 2, height // 2, theme.large, "dim", align="centre")
            return
        story = self.story
        moment = self.moment
        header_h = self._draw_header(painter, width)
        foot_h = self._draw_foot(painter, width, height)
        body = pygame.Rect(pad, header_h + pad, width - 2 * pad, height - header_h - foot_h - 2 * pad)
        picture_w = body.width * 11 // 20 if body.width > theme.px(700) else body.width // 2
        picture = pygame.Rect(body.x, body.y, picture_w, body.height)
        card = pygame.Rect(picture.right + pad, body.y, body.right - picture.right - pad, body.height)
        rival = self.viewer is not None and story.flight.side != self.viewer
        flight_picture.draw(painter, picture, story, moment, self.elapsed, rival, self.milestone_name)
        self._draw_card(painter, card, story, moment)

    def _draw_header(self, painter: Painter, width: int) -> int:
        theme = painter.theme
        pad = theme.pad
        story = self.story
        line = painter.fonts.line_height("mono_bold", theme.large)
        height = line + pad
        painter.rect((0, 0, width, height), "panel")
        painter.line((0, height), (width, height), "grid")
        area = painter.text(f"LAUNCHES OF {story.flight.year}", pad, pad // 2, theme.large, "title", "mono_bold",
                            max_width=width // 3)
        counter = f"Flight {self.index + 1} of {len(self.stories)}"
        painter.text(counter, area.right + 2 * pad, pad // 2 + theme.px(3), theme.body, "text", "bold",
                     max_width=width // 4)
        side = story.flight.side
        whose = "rival" if self.viewer is not None and side != self.viewer else "you" if self.viewer else ""
        label = f"{short_side(side)} · {whose}" if whose else short_side(side)
        label_w = painter.fonts.width(label, "bold", theme.body) + painter.fonts.line_height("bold", theme.body)
        painter.side_label(side, width - pad - label_w, pad // 2 + theme.px(3), theme.body, label)
        return height

    def _draw_foot(self, painter: Painter, width: int, height: int) -> int:
        """The buttons, the keys, and a strip of the year's flights (results of those already shown)."""
        theme = painter.theme
        pad = theme.pad
        button_h = self.next_button.size(painter)[1]
        y = height - pad - button_h
        x = width - pad
        for button in (self.skip_button, self.next_button):
            w = button.size(painter)[0]
            button.rect = pygame.Rect(x - w, y, w, button_h)
            x -= w + pad
        room = max(10, x - 2 * pad)
        hints = ("Space: skip · next   Esc: skip all   ← →: flights before / after", "← →: flights before / after",
                 "← →: flights")  # the longest that fits beside the buttons
        hint = next((text for text in hints if painter.fonts.width(text, "sans", theme.small) <= room), hints[-1])
        painter.text(hint, pad, y + (button_h - painter.fonts.line_height("sans", theme.small)) // 2, theme.small, "dim",
                     max_width=room)
        for button in (self.next_button, self.skip_button):
            button.draw(painter, self.focused() is button)
        # the strip of flights
        chip_h = painter.fonts.line_height("bold", theme.small) + theme.px(8)
        strip_y = y - pad // 2 - chip_h
        chip_w = painter.fonts.width("Mar ✓", "bold", theme.small) + chip_h + theme.px(8)
        room = max(1, (width - 2 * pad) // (chip_w + theme.px(4)))
        first = max(0, min(self.index - room // 2, len(self.stories) - room))
        self.chips = []
        for slot, index in enumerate(range(first, min(len(self.stories), first + room))):
            story = self.stories[index]
            rect = pygame.Rect(pad + slot * (chip_w + theme.px(4)), strip_y, chip_w, chip_h)
            self.chips.append((rect, index))
            current = index == self.index
            painter.rect(rect, "panel_hi" if current else "panel", radius=theme.px(3),
                         label=f"flight {index + 1}")
            painter.rect(rect, "accent" if current else "grid", width=max(1, theme.px(2 if current else 1)),
                         radius=theme.px(3))
            mark = max(3, chip_h // 4)
            painter.side_mark(story.flight.side, (rect.x + theme.px(4) + mark, rect.centery), mark)
            text = MONTHS[story.flight.month - 1][:3]
            colour = "text" if current else "dim"
            if index in self.seen:
                text += " " + RESULT_MARKS[story.flight.result]
                colour = story.result_tag if story.mine else "text"
            painter.text(text, rect.x + theme.px(8) + 2 * mark, rect.y + theme.px(4), theme.small, colour, "bold")
        return height - strip_y

    def description(self, story: FlightStory) -> str:
        play = self.app.play
        content = play.content if play is not None else self.app.content
        mission = content.missions.get(story.flight.mission)
        return mission.description if mission else ""

    def milestone_name(self, claim: MilestoneClaimed) -> str:
        play = self.app.play
        content = play.content if play is not None else self.app.content
        milestone = content.milestones.get(claim.milestone)
        return milestone.name if milestone else claim.milestone

    # the card ------------------------------------------------------------------------------------------------

    def _draw_card(self, painter: Painter, rect: pygame.Rect, story: FlightStory, moment: Moment) -> None:
        theme = painter.theme
        pad = theme.pad
        painter.rect(rect, "panel", radius=theme.px(3))
        painter.rect(rect, "grid", width=1, radius=theme.px(3))
        inner = rect.inflate(-2 * pad, -2 * pad)
        y = inner.y
        side = story.flight.side
        whose = "the rival's flight" if self.viewer is not None and side != self.viewer else (
            "your flight" if self.viewer else "")
        area = painter.side_label(side, inner.x, y, theme.small,
                                  f"{short_side(side)}{' · ' + whose if whose else ''} · #{story.flight.number}")
        y = area.bottom
        painter.text(story.mission, inner.x, y, theme.large, "title", "bold", max_width=inner.width)
        y += painter.fonts.line_height("bold", theme.large)
        small = painter.fonts.line_height("sans", theme.small)
        painter.text(story.date, inner.x, y, theme.body, "text", max_width=inner.width)
        y += painter.fonts.line_height("sans", theme.body)
        painter.text(story.vehicle, inner.x, y, theme.small, "dim", max_width=inner.width)
        y += small
        painter.text(f"Crew: {story.crew}" if story.crew else "Uncrewed", inner.x, y, theme.small,
                     "text" if story.crew else "dim", max_width=inner.width)
        y += small + pad // 2
        painter.line((inner.x, y), (inner.right, y), "grid")
        y += pad // 2

        # room kept at the foot for the result
        result_h = self._result_height(painter, story, inner.width) if moment.phase == "result" else 0
        steps_bottom = inner.bottom - result_h
        y = self._draw_steps(painter, pygame.Rect(inner.x, y, inner.width, steps_bottom - y), story, moment)
        if not story.mine and y + small + pad // 2 <= steps_bottom:
            y += pad // 2
            secret = "The rival's chances are secret: the world sees only how far it got."
            y += min(painter.paragraph(secret, (inner.x, y, inner.width, steps_bottom - y), theme.small, "dim"),
                     steps_bottom - y)
        # the commentary on the latest verdict
        story_text = story.flown_step(moment.verdicts - 1).story if moment.verdicts else ""  # the latest verdict's
        if moment.phase == "countdown" and story.mine:
            story_text = "Final checks on the pad." if moment.count > 3 else "All systems go."
        if story_text and y + small <= steps_bottom:
            y += pad // 2
            lines = painter.fonts.wrap(story_text, "sans", theme.small, inner.width)
            painter.paragraph(story_text, (inner.x, y, inner.width, steps_bottom - y), theme.small, "info")
            y += min(len(lines) * small, steps_bottom - y)
        description = self.description(story)
        if moment.phase in ("countdown", "liftoff") and description and y + 2 * small + pad <= steps_bottom:
            y += pad
            painter.paragraph(description, (inner.x, y, inner.width, steps_bottom - y), theme.small, "dim")
        if moment.phase == "result":
            top = min(y + pad // 2, steps_bottom)
            self._draw_result(painter, pygame.Rect(inner.x, top, inner.width, inner.bottom - top), story)

    def _draw_steps(self, painter: Painter, rect: pygame.Rect, story: FlightStory, moment: Moment) -> int:
        """One row a step: name, the chance as a bar filling up, the figure, and the verdict. Returns the y below."""
        theme = painter.theme
        pad = theme.pad
        small = painter.fonts.line_height("sans", theme.small)
        count = len(story.steps)
        if not count:
            return rect.y
        fixed = painter.fonts.width(STEP_STATUS["partial"] + "100.0%", "bold", theme.body) + theme.px(80) + 2 * pad
        roomy = (rect.height // count >= painter.fonts.line_height("sans", theme.body) + theme.px(12) and
                 max(painter.fonts.width(step.name, "bold", theme.body) for step in story.steps) + fixed <= rect.width)
        size = theme.body if roomy else theme.small
        small = painter.fonts.line_height("sans", size)
        row_h = max(small, min(small + theme.px(10), rect.height // count))
        verdict_w = painter.fonts.width(STEP_STATUS["partial"], "bold", size) + pad // 2
        figure_w = painter.fonts.width("100.0%", "mono", size) + pad // 2
        widest = max(painter.fonts.width(step.name, "bold", size) for step in story.steps) + pad  # bold on its way
        name_w = min(widest, rect.width - verdict_w - figure_w - theme.px(40))
        bar_w = rect.width - name_w - verdict_w - figure_w - pad // 2
        bar_h = max(3, min(row_h - theme.px(8), small * 2 // 3))
        verdict_x = rect.right - verdict_w + pad // 2
        for index, step in enumerate(story.steps):  # in the mission's order, as the picture draws them
            top = rect.y + index * row_h
            if top + min(row_h, small) > rect.bottom:
                break
            text_y = top + (row_h - small) // 2
            ordinal = index - story.first  # its place among the steps flown on this date
            on_way = step.flown and ordinal < moment.shown
            decided = step.flown and ordinal < moment.verdicts
            colour = "text" if on_way else "dim"
            told = step.earlier or (not step.flown and moment.phase == "result")  # its word, without a bar
            name_room = name_w - pad // 2  # beside its bar; a step not on its way yet has the row to itself
            if not on_way:
                name_room = (verdict_x - pad - rect.x) if told else rect.width
            painter.text(step.name, rect.x, text_y, size, colour, "bold" if on_way and not decided else "sans",
                         max_width=name_room)
            if not on_way:
                if told:  # "ok at launch", "not flown", "on arrival"
                    painter.text(step.status, verdict_x, text_y, size, "dim", max_width=rect.right - verdict_x)
                continue
            fill = 1.0 if decided else moment.fill
            bar_x = rect.x + name_w
            if step.chance is not None:
                if bar_w >= theme.px(24):
                    painter.bar((bar_x, top + (row_h - bar_h) // 2, bar_w, bar_h), step.chance / 1000 * fill,
                                "info" if not decided else "good" if step.passed else "bad",
                                f"{step.name} {step.chance / 10:.1f}%")
                painter.text(f"{step.chance / 10:.1f}%", rect.x + name_w + max(0, bar_w) + figure_w, text_y, size,
                             "text", "mono", align="right")
            if decided:
                painter.text(step.status, verdict_x, text_y, size, "good" if step.passed else "bad", "bold",
                             max_width=rect.right - verdict_x)
            else:
                dots = "." * (1 + int(moment.fill * 3) % 3)
                painter.text(dots, verdict_x, text_y, size, "accent", "bold")
        return rect.y + min(count, max(1, rect.height // max(1, row_h))) * row_h

    def _result_height(self, painter: Painter, story: FlightStory, width: int) -> int:
        theme = painter.theme
        small = painter.fonts.line_height("sans", theme.small)
        lines = sum(len(painter.fonts.wrap(line.text, "sans", theme.small, width)) for line in story.extras)
        return (theme.pad + painter.fonts.line_height("mono_bold", theme.large) + (small if story.result_note else 0)
                + lines * small + theme.pad // 2)

    def _draw_result(self, painter: Painter, rect: pygame.Rect, story: FlightStory) -> None:
        theme = painter.theme
        from ..theme import TAG_COLOURS

        y = rect.y + theme.pad // 2
        painter.line((rect.x, y), (rect.right, y), "grid")
        y += theme.pad // 2
        area = painter.text(story.result_word, rect.x, y, theme.large, story.result_tag, "mono_bold", max_width=rect.width)
        mark = RESULT_MARKS[story.flight.result]
        painter.text(mark, area.right + theme.pad, y, theme.large, story.result_tag, "bold")
        y += painter.fonts.line_height("mono_bold", theme.large)
        small = painter.fonts.line_height("sans", theme.small)
        if story.result_note:
            painter.text(story.result_note, rect.x, y, theme.small, "text", max_width=rect.width)
            y += small
        for line in story.extras:
            colour = TAG_COLOURS.get(line.tag, "text")
            y += painter.paragraph(line.text, (rect.x, y, rect.width, rect.bottom - y), theme.small, colour)

