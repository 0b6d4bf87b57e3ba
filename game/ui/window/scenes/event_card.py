"""An event card: news to read, or a decision with its choices (each one a Choose order), drawn from the shared
event view — who speaks and how they feel about you, which earlier choice brought it, what each choice costs and
why one is greyed out.

A choice whose warning says support would collapse asks again before it is sent; a choice that costs a crew
member opens the crew picker first. A choice the view greys out is still sent when pressed, so the engine's
refusal, with its reason, becomes the notice — the card decides nothing the engine does not.
"""

from __future__ import annotations

from functools import partial

import pygame

from game.app import press, story
from game.app.vignettes import vignette_for
from game.engine.orders import Choose
from game.engine.outcomes import EventFired

from ..document import MOOD_COLOURS, Gap, Row, fitting, gauge_rows, last_start, text_rows, total_height
from ..intents import Click, Key, Wheel
from ..painter import Painter
from ..scene import Scene
from ..vignettes import picture
from ..widgets import Button, Widget
from .forms import is_digit
from .news_page import draw_news

KINDS = {"decision": ("DECISION", "warn"), "waiting": ("HELD OVER", "accent"), "decided": ("DECIDED", "accent"),
         "news": ("NEWS", "accent")}


class ChoiceButton(Button):
    """One choice as a block: its text, what it costs, and why it is greyed out or what it risks."""

    def __init__(self, number: int, choice: story.ChoiceView, held: int, action: partial) -> None:
        super().__init__(choice.text, action, align="left")
        self.number = number
        self.choice = choice
        self.held = held  # $M set aside for it, when it is the default
        self.confirming = False  # the warning was shown: the next press takes it

    def lines(self, painter: Painter, width: int) -> list[Row]:
        theme = painter.theme
        choice = self.choice
        label = f"{self.number}. {choice.text}" + ("  (default)" if choice.default else "")
        if self.confirming:
            label = f"Confirm: {label}"
        colour = "bad" if self.confirming else "text" if choice.available else "dim"
        rows = text_rows(painter, label, width, theme.body, colour, "bold")
        details: list[tuple[str, str]] = [(choice.price(self.held), "text" if choice.available else "dim")]
        if not choice.available:
            details.append((f"Not available: {choice.reason.rstrip('.')}.", "info"))
        elif self.confirming:
            details.append((f"{choice.warning[:1].upper()}{choice.warning[1:]}. To take it anyway press Enter, click "
                            f"or {self.number} again; Esc backs out.", "bad"))
        else:
            if choice.warning:
                details.append((f"Warning: {choice.warning}.", "bad"))
            if choice.needs_crew:
                details.append(("You name the crew member: taking it opens the crew list.", "dim"))
        for text, tone in details:
            rows += text_rows(painter, text, width, theme.small, tone)
        return rows

    def height(self, painter: Painter, width: int) -> int:
        pad = painter.theme.pad
        return total_height(self.lines(painter, width - 2 * pad)) + pad // 2 + painter.theme.px(2)

    def draw(self, painter: Painter, focused: bool, size: int | None = None, selected: bool = False) -> None:
        theme = painter.theme
        pad = theme.pad
        lit = focused or (self.hovered and self.choice.available)
        fill = "panel_hi" if lit else "panel" if self.choice.available else "console"
        painter.rect(self.rect, fill, radius=theme.px(4), label=self.label)
        border = "bad" if self.confirming else "focus" if focused else "grid"
        painter.rect(self.rect, border, width=theme.px(2) if focused or self.confirming else 1, radius=theme.px(4))
        y = self.rect.y + pad // 4 + theme.px(1)
        for row in self.lines(painter, self.rect.width - 2 * pad):
            row.paint(painter, self.rect.x + pad, y, self.rect.width - 2 * pad)
            y += row.height


class ButtonRow(Row):
    """A button placed among the card's rows (the card draws it, knowing the focus)."""

    def __init__(self, button: Button, height: int) -> None:
        self.button = button
        self.height = height


class EventCardScene(Scene):
    name = "event"
    title = "Event"
    opaque = False
    modal_card = True
    keys = (("1–9", "point at that choice; again, or Enter, takes it"), ("Up / Down, Tab", "move between the choices"), ("Enter", "take the focused choice, once you have pointed at one (never straight from the news)"),
            ("Page Up / Down, wheel", "scroll a long card"),
            ("Esc", "decide later (the default stands if the year ends)"),
            ("Esc when asked to confirm", "back out, nothing taken"))

    def __init__(self, app, event_id: str, fired: EventFired | None = None) -> None:  # noqa: ANN001
        super().__init__(app)
        self.event_id = event_id
        self.fired = fired  # the outcome that brought it, for news told after the year has turned
        self.scroll = 0  # the first row shown when the card is taller than the window
        self._page_rows = 1
        self._last_focus: Widget | None = None
        self.choice_buttons: list[ChoiceButton] = []
        self.close_button = Button("Continue", self.close, hint="Enter")
        self._version = -1
        # a decision card takes no choice from Enter or Space until the player has pointed at one (arrows, Tab, a
        # number, the mouse): an Enter meant for the news before it must not choose what nobody read
        self.touched = False
        self.refresh()

    # -- the view -----------------------------------------------------------------------------------

    def refresh(self) -> None:
        play = self.play
        self._version = play.version
        if self.fired is not None:
            self.view = story.event_view(play.state, play.content, play.side, self.fired.event, story.came_as(self.fired))
        else:
            self.view = story.event_view(play.state, play.content, play.side, self.event_id)
        self.vignette = vignette_for(play.content.events[self.event_id])
        self.page: press.NewsPage | None = None
        if press.printed(play.content, self.event_id) and not self.view.pending and not self.view.waiting:
            came = story.arrival(play.state, play.side, self.event_id) or (
                story.came_as(self.fired) if self.fired is not None else None)
            self.page = press.news_page(self.view, play.side, press.news_month(play.state, came), play.state.start_year)
        choices = self.view.choices if self.view.pending else ()
        if [button.choice.id for button in self.choice_buttons] != [choice.id for choice in choices]:
            self.choice_buttons = [ChoiceButton(number, choice, self.view.held, partial(self.take, choice.id))
                                   for number, choice in enumerate(choices, start=1)]
        for button, choice in zip(self.choice_buttons, choices):
            button.choice, button.held = choice, self.view.held
        confirming = any(button.confirming for button in self.choice_buttons)
        if self.view.pending:
            self.close_button.label, self.close_button.hint = ("Back out", "Esc") if confirming else ("Decide later", "Esc")
        else:
            self.close_button.label, self.close_button.hint = "Continue", "Enter"

    @property
    def pending(self) -> bool:
        """A decision waiting for the side's choice now."""
        return self.view.pending

    @property
    def kind(self) -> str:
        if self.view.pending:
            return "decision"
        if self.view.waiting:
            return "waiting"
        return "decided" if self.view.kind == "dilemma" else "news"

    # -- choosing -----------------------------------------------------------------------------------

    def take(self, choice_id: str) -> None:
        """Press a choice: a warning asks again first, a crew cost asks who; then the order goes."""
        button = next(button for button in self.choice_buttons if button.choice.id == choice_id)
        choice = button.choice
        for other in self.choice_buttons:
            if other is not button:
                other.confirming = False
        if choice.available and choice.warning and not button.confirming:
            button.confirming = True
            self.focus_on(button)
            self.refresh()
            return
        button.confirming = False
        if choice.available and choice.needs_crew:
            from .crew_picker import CrewPickerScene

            self.app.push(CrewPickerScene(self.app, self, choice))
            return
        self.send(choice_id)

    def send(self, choice_id: str, crew: str = "") -> bool:
        """The Choose order; the card closes when it is taken (a refusal stays on the card, as a notice)."""
        order = Choose(side=self.play.side, event=self.event_id, choice=choice_id, crew=crew)
        if self.app.submit(order) is None:
            self.refresh()
            return False
        self.app.pop(self)
        return True

    def close(self) -> None:
        if self.back_out():
            return
        self.app.pop(self)

    def back_out(self) -> bool:
        """Leave a confirmation without taking the choice; True when there was one."""
        confirming = [button for button in self.choice_buttons if button.confirming]
        for button in confirming:
            button.confirming = False
        if confirming:
            self.refresh()
        return bool(confirming)

    # -- input --------------------------------------------------------------------------------------

    def widgets(self) -> list[Widget]:
        return [*self.choice_buttons, self.close_button]

    def on_key(self, key: Key) -> bool:
        if key.ctrl or key.alt:
            return False
        if key.name == "escape":
            self.close()
            return True
        armed, self.armed = getattr(self, "armed", 0), 0  # any other key disarms
        if is_digit(key.name) and 1 <= int(key.name) <= len(self.choice_buttons):
            button = self.choice_buttons[int(key.name) - 1]
            self.focus_on(button)
            if armed == int(key.name):  # the same number again takes it
                button.press()
            self.armed = int(key.name)  # a number first only points (a card may have opened under a key meant for a tab)
            return True
        if key.name in ("page up", "page down"):
            step = max(1, self._page_rows - 1)
            self.scroll = max(0, self.scroll + (step if key.name == "page down" else -step))
            return True
        return False

    def handle(self, intent) -> bool:  # noqa: ANN001
        if self._version != self.play.version:
            self.refresh()
        if isinstance(intent, Key) and intent.repeat and self.pending and not intent.ctrl and (
                intent.name in ("return", "enter", "space") or is_digit(intent.name)):
            return True  # a key held down since before the decision showed (through the news before it) chooses nothing
        if isinstance(intent, Key) and self.pending and not self.touched and intent.name in ("return", "enter", "space") \
                and isinstance(self.focused(), ChoiceButton) and not self.play.spectator:
            self.app.say("Read the choices, then pick one: the arrows and Enter, its number twice, or a click.")
            return True
        if isinstance(intent, Click) or (isinstance(intent, Key) and (intent.name in ("up", "down", "left", "right", "tab")
                                                                      or is_digit(intent.name))):
            self.touched = True
        if isinstance(intent, Wheel):
            self.scroll = max(0, self.scroll - intent.steps * 3)
            return True
        before = self.focused()
        super().handle(intent)
        after = self.focused()
        if after is not before and isinstance(before, ChoiceButton) and before.confirming:
            before.confirming = False  # moving away backs out of the confirmation
            self.refresh()
        return True  # modal

    # -- drawing ------------------------------------------------------------------------------------

    def body_rows(self, painter: Painter, width: int) -> list[Row]:
        """Everything between the title and the foot, as rows: who speaks, why it came, the text, the choices."""
        theme = painter.theme
        pad = theme.pad
        view = self.view
        rows: list[Row] = []
        speaker = view.speaker
        if speaker is not None:
            rows += text_rows(painter, f"{speaker.name}, {speaker.title}", width, theme.body, "info", "bold")
            rows += gauge_rows(painter, "Opinion of you", speaker.opinion / 100, MOOD_COLOURS.get(speaker.mood, "text"),
                               f"{speaker.opinion}/100, {speaker.mood}", f"opinion {speaker.name} {speaker.opinion}",
                               width)
            rows.append(Gap(pad // 2))
        if view.cause:
            rows += text_rows(painter, view.cause, width, theme.small, "info")
            rows.append(Gap(pad // 2))
        rows += text_rows(painter, view.text, width, theme.body, "text")
        if view.waiting:
            rows.append(Gap(pad // 2))
            rows += text_rows(painter, f"This waits for next year's briefing: {view.waiting}.", width, theme.small,
                              "warn", "bold")
        if view.history:
            rows.append(Gap(pad // 2))
            rows += text_rows(painter, f"In history: {view.history}", width, theme.small, "dim")
        if view.pending and view.held:
            rows.append(Gap(pad // 2))
            rows += text_rows(painter, f"${view.held}M is set aside for the default choice until you decide.", width,
                              theme.small, "warn")
        if self.kind == "decided":
            rows.append(Gap(pad // 2))
            rows += text_rows(painter, "Already decided: the year's report and the log say what came of it.", width,
                              theme.small, "dim")
        if self.choice_buttons:
            rows.append(Gap(pad))
        for button in self.choice_buttons:
            rows.append(ButtonRow(button, button.height(painter, width) + pad // 2))
        return rows

    def draw(self, painter: Painter) -> None:
        above = self.app.stack[self.app.stack.index(self):] if self in self.app.stack else []
        if any(isinstance(scene, EventCardScene) and scene is not self for scene in above):
            return  # cards wait beneath the one on top, unseen, rather than showing round its edges
        if self._version != self.play.version:
            self.refresh()
        if self.page is not None:
            draw_news(self, painter, self.page, self.vignette)
            return
        theme = painter.theme
        pad = theme.pad
        fonts = painter.fonts
        width, height = painter.surface.get_size()
        box_w = min(width - 4 * pad, theme.px(900))
        text_w = box_w - 4 * pad
        kind, tone = KINDS[self.kind]
        # the picture of its subject beside the title, when the card is wide enough to spare the room
        pic_w = theme.px(168) if text_w >= theme.px(520) else 0
        pic_h = pic_w * 5 // 8
        title_w = text_w - (pic_w + pad if pic_w else 0)
        title = text_rows(painter, self.view.title, title_w, theme.large, "title", "bold")
        head_h = max(fonts.line_height("mono_bold", theme.small) + total_height(title), pic_h) + pad // 2
        rows = self.body_rows(painter, text_w)
        foot_h = self.close_button.size(painter)[1]
        frame_h = pad + head_h + pad + foot_h + pad  # above the rows, between them and the foot, below it
        box_h = min(height - 2 * pad, frame_h + total_height(rows))
        area_h = max(0, box_h - frame_h)
        rect = pygame.Rect((width - box_w) // 2, max(pad, (height - box_h) // 2), box_w, box_h)
        painter.rect(rect.move(theme.px(6), theme.px(6)), "shadow", radius=theme.px(6))
        painter.rect(rect, "console", radius=theme.px(6))
        painter.rect(rect, tone, width=theme.px(2), radius=theme.px(6))
        x = rect.x + 2 * pad
        painter.text(f"{kind} · {self.play.state.year}", x, rect.y + pad, theme.small, tone, "mono_bold")
        if pic_w:
            image = picture(self.vignette, pic_w, pic_h, side=self.play.side)
            left = x + text_w - pic_w
            painter.image(image, left, rect.y + pad, label=f"vignette:{self.vignette}")
            painter.rect((left - 1, rect.y + pad - 1, pic_w + 2, pic_h + 2), "grid", width=1)
        y = rect.y + pad + fonts.line_height("mono_bold", theme.small)
        for row in title:
            row.paint(painter, x, y, title_w)
            y += row.height
        # the rows: scrolled so the focused choice is in view when the focus has just moved to it
        last = last_start(rows, area_h)
        focused = self.focused()
        if focused is not self._last_focus:
            self._last_focus = focused
            index = next((i for i, row in enumerate(rows) if isinstance(row, ButtonRow) and row.button is focused), -1)
            if index >= 0 and index < self.scroll:
                self.scroll = index
            elif index >= 0 and fitting(rows, self.scroll, area_h) <= index:
                self.scroll = next(start for start in range(index + 1) if fitting(rows, start, area_h) > index)
        self.scroll = max(0, min(self.scroll, last))
        end = fitting(rows, self.scroll, area_h)
        self._page_rows = max(1, end - self.scroll)
        top = rect.y + pad + head_h
        for button in self.choice_buttons:
            button.rect = pygame.Rect(0, 0, 0, 0)  # not clickable unless shown
        y = top
        for row in rows[self.scroll:end]:
            if isinstance(row, ButtonRow):
                row.button.rect = pygame.Rect(x, y, text_w, row.height - pad // 2)
                row.button.draw(painter, focused is row.button)
            else:
                row.paint(painter, x, y, text_w)
            y += row.height
        # the foot: decide later (or continue), and what lies beyond the rows shown
        foot_y = rect.bottom - pad - foot_h
        w = self.close_button.size(painter)[0]
        self.close_button.rect = pygame.Rect(x, foot_y, min(w, text_w), foot_h)
        self.close_button.draw(painter, focused is self.close_button)
        more = []
        if self.scroll:
            more.append("▲ more above")
        if end < len(rows):
            more.append("▼ more below")
        if more:
            room = text_w - w - pad
            hint = " · ".join(more) + " — Page Up/Down or the wheel"
            if fonts.width(hint, "sans", theme.small) > room:
                hint = " · ".join(more)
            painter.text(hint, x + text_w, foot_y + (foot_h - fonts.line_height("sans", theme.small)) // 2, theme.small,
                         "warn", align="right", max_width=max(10, room))
