"""The mission planner: every mission type of the side, the plan for the selected one broken down by step, a
month to fly it in, and this year's bookings with a Cancel for each.

Everything shown comes from view-models: `loadout.planner_rows` (the list, each with its best vehicle),
`loadout.choice_plan` (the vehicle and crew chosen, or the best, each step's chance, the cost, the risk to the
crew), `loadout.hardware_options` (what can fly it) and `views.month_choices` (which months are open, and why
not). Scheduling sends ScheduleMission with the loadout
shown; cancelling sends CancelMission. The engine decides: a refused order comes back as a notice.
"""

from __future__ import annotations

from functools import partial

import pygame

from game.app import attention, loadout, views
from game.app.narrate import crew_names
from game.engine.orders import CancelMission, ScheduleMission

from ..intents import Click, Key, Motion, Text
from ..painter import Painter
from ..widgets import Button, ListView, Widget
from .frame import GameScene
from .plan_controls import MONTH_KEYS, MONTH_TEXT, MonthPicker, VehicleChoice, chance_colour, percent, risk_colour
from .planner_lists import draw_bookings, draw_mission_row


class MissionList(ListView):
    """The missions: Enter schedules the selected one, but a click only selects (a second click never spends)."""

    def click(self, intent: Click) -> bool:
        index = self.scroll + (intent.y - self.rect.y) // max(1, self._pixel_row)
        if 0 <= index < self.count():
            self.select(index)
        return True


class PlannerScene(GameScene):
    name = "missions"
    title = "Missions"
    keys = (("Up / Down", "choose a mission"), ("Left / Right, - / +", "choose the month (on the list or the months)"),
            ("Enter on the list or the months", "schedule the mission in that month"),
            ("Left / Right on the vehicle", "another rocket and spacecraft that can fly it (the chance follows)"),
            ("Enter on Choose crew", "who flies it: names in and out, the chance shown as you choose"),
            ("Tab", "to the vehicle, the crew, the months, Schedule, and each booking's Cancel"),
            ("Enter on Cancel #N", "cancel that booking"),
            *GameScene.keys)

    def __init__(self, app) -> None:  # noqa: ANN001
        self.rows: list[views.MissionRow] = []
        self.selected_id = ""
        self.plan: views.MissionPlan | str = ""
        self.months: tuple[views.MonthChoice, ...] = ()
        self.month = 1
        self.month_for = ""  # the mission the month was chosen for
        self.pointed = 0  # the month under the pointer (0: none): a closed one says why
        self.list = MissionList(lambda: len(self.rows), self.draw_row, on_activate=self.activate, on_select=self.choose,
                                row_height=40)
        self.picker = MonthPicker(self)
        self.vehicle = VehicleChoice(self)
        self.crew_button = Button("Choose crew", self.open_crew)
        self.crew_button.reserve = ("Choose crew", "Change crew")
        self.options: list[loadout.HardwareOption] = []  # what can fly the selected mission
        play = app.play
        assert play is not None
        self.vehicles = play.vehicles  # mission → the rocket, craft, lander chosen (else the best)
        self.crews = play.crews  # mission → the crew chosen (else the best free)
        self.shown_crew = play.shown_crew  # mission → the crew last shown, to say when it changes
        self.crew_note = ""  # why the crew shown is not the one shown before
        self.program_buttons: list[Button] = []  # a button for each program an unready plan needs
        self.any_one = False  # those programs are alternatives: any one of them will do
        self.schedule_button = Button("Schedule", self.schedule)
        self.schedule_button.reserve = ("Schedule for September",)  # the longest month: the strip beside it stays put
        self.cancel_buttons: list[Button] = []
        self._synced = -1
        super().__init__(app)
        self.sync()
        self.focus = 0  # the mission list: Up/Down choose, Left/Right the month, Enter schedules

    # -- the view-models --------------------------------------------------------------------------------

    def sync(self) -> None:
        if self._synced != self.play.version:
            self._synced = self.play.version
            self.refresh()

    def refresh(self) -> None:
        state, content, side = self.play.state, self.play.content, self.play.side
        focused = self.focused()
        rows = loadout.planner_rows(state, content, side, include_unavailable=True)  # as the plan shows them
        self.rows = [row for row in rows if row.ready] + [row for row in rows if not row.ready]
        ids = [row.id for row in self.rows]
        if self.selected_id not in ids:
            self.selected_id = ids[0] if ids else ""
        if ids:
            self.list.select(ids.index(self.selected_id))
        self._load_mission()
        self.cancel_buttons = [Button(f"Cancel #{item.number}", partial(self.cancel, item.number),
                                      enabled=not self.play.no_orders)
                               for item in state.sides[side].scheduled]
        if focused is not None and focused in self.widgets():
            self.focus_on(focused)

    def _load_mission(self) -> None:
        state, content, side = self.play.state, self.play.content, self.play.side
        if not self.selected_id:
            self.plan, self.months = "there are no missions for this side", ()
            self.picker.visible = self.schedule_button.visible = self.schedule_button.enabled = False
            return
        row = next((row for row in self.rows if row.id == self.selected_id), None)
        # a mission that may not fly this year says why (the plan looks only at the hardware and crew)
        self.options = []
        self.plan = row.note if row is not None and not row.ready else self._chosen_plan()
        self.program_buttons = [Button(link.label, partial(self.go, link.place))
                                for link in attention.program_links(content, side, self.plan)] \
            if isinstance(self.plan, str) else []
        self.any_one = isinstance(self.plan, str) and attention.alternatives(state, content, side, self.selected_id,
                                                                              self.plan)
        self.months = views.month_choices(state, content, side, self.selected_id)
        ready = not isinstance(self.plan, str)
        self.picker.visible = ready
        self.schedule_button.enabled = ready and not self.play.no_orders  # a spectator or a finished race
        self.schedule_button.visible = ready
        opened = [choice.month for choice in self.months if choice.allowed]
        if self.month_for != self.selected_id:  # a new mission: its first open month
            self.month_for = self.selected_id
            self.month = opened[0] if opened else 1
        elif opened and self.month not in opened:  # its month closed since (booked full): the next open one
            self.month = next((month for month in opened if month > self.month), opened[0])
        self.schedule_button.enabled = self.schedule_button.enabled and bool(opened)  # no month open: nothing to book
        self._label()

    def _chosen_plan(self) -> views.MissionPlan | str:
        """The plan with the vehicle and crew chosen for the mission (the best where none is); a choice that can no
        longer fly (its crew booked on another flight) goes back to the best, and the plan says so."""
        state, content, side = self.play.state, self.play.content, self.play.side
        mission_id = self.selected_id
        self.options = loadout.hardware_options(state, content, side, mission_id)
        vehicle = self.vehicles.get(mission_id, ("", "", ""))
        if vehicle[0] and not any((option.rocket, option.craft, option.lander) == vehicle for option in self.options):
            self.vehicles.pop(mission_id, None)
            vehicle = ("", "", "")
        crew = self.crews.get(mission_id)
        rocket, craft, lander = vehicle
        plan = loadout.choice_plan(state, content, side, mission_id, rocket, craft, lander, crew)
        if isinstance(plan, str) and crew is not None:  # the crew chosen cannot fly it now: back to the best
            self.crews.pop(mission_id, None)
            plan = loadout.choice_plan(state, content, side, mission_id, rocket, craft, lander, None)
        if isinstance(plan, str):
            return plan
        before = self.shown_crew.get(mission_id)
        gone = [crew_id for crew_id in before or () if crew_id not in plan.loadout.crew]
        if gone:  # someone shown before is not in the crew now (booked on another flight, hurt, gone)
            booked = sorted({loadout.booked_on(state, side, crew_id) for crew_id in gone} - {0})
            where = f" (booked on {', '.join(f'#{number}' for number in booked)})" if booked else ""
            now = crew_names(state, side, plan.loadout.crew) or "nobody"
            self.crew_note = f"Crew changed: {crew_names(state, side, gone)}{where} gave way to {now}."
        elif before != plan.loadout.crew or mission_id != self._noted_for:
            self.crew_note = ""
        self._noted_for = mission_id
        self.shown_crew[mission_id] = plan.loadout.crew
        return plan

    _noted_for = ""

    def vehicle_index(self) -> int:
        if isinstance(self.plan, str):
            return 0
        chosen = (self.plan.loadout.rocket, self.plan.loadout.craft, self.plan.loadout.lander)
        return next((index for index, option in enumerate(self.options)
                     if (option.rocket, option.craft, option.lander) == chosen), 0)

    def step_vehicle(self, step: int) -> None:
        """The next (or previous) rocket and spacecraft that can fly the mission; the chance follows."""
        if len(self.options) < 2 or isinstance(self.plan, str):
            return
        option = self.options[(self.vehicle_index() + step) % len(self.options)]
        self.vehicles[self.selected_id] = (option.rocket, option.craft, option.lander)
        self.shown_crew.pop(self.selected_id, None)  # the crew follows the player's own change: no news
        self.crew_note = ""
        self._load_mission()
        self.app.dirty = True

    def open_crew(self) -> None:
        from .crew_choice import CrewChoiceScene

        if isinstance(self.plan, str) or not self.selected_id:
            return
        state, content, side = self.play.state, self.play.content, self.play.side
        mission_id = self.selected_id
        rocket, craft, lander = self.plan.loadout.rocket, self.plan.loadout.craft, self.plan.loadout.lander

        def plan_for(crew: tuple[str, ...]) -> views.MissionPlan | str:
            return loadout.choice_plan(state, content, side, mission_id, rocket, craft, lander, crew)

        self.app.push(CrewChoiceScene(self.app, self, mission_id, self.plan.loadout.crew, plan_for,
                                      loadout.seats(content, content.missions[mission_id], craft)))

    def set_crew(self, mission_id: str, crew: tuple[str, ...] | None) -> None:
        """The crew chosen in the crew choice (None: the best free crew again)."""
        if crew is None:
            self.crews.pop(mission_id, None)
        else:
            self.crews[mission_id] = crew
        self.shown_crew.pop(mission_id, None)  # a change the player made is no news
        self.crew_note = ""
        if mission_id == self.selected_id:
            self._load_mission()
        self.app.dirty = True

    def _label(self) -> None:
        ready = not isinstance(self.plan, str)
        name = self.months[self.month - 1].name if self.months else ""
        self.schedule_button.label = f"Schedule for {name}" if ready and name else "Schedule"

    def show_mission(self, mission_id: str, number: int = 0) -> None:
        """Arrive from a link: that mission selected (when the side has it), and a booking's Cancel focused."""
        self.sync()
        ids = [row.id for row in self.rows]
        if mission_id in ids:
            self.list.select(ids.index(mission_id))
            self.choose(ids.index(mission_id))
        numbers = [item.number for item in self.play.state.sides[self.play.side].scheduled]
        if number in numbers and numbers.index(number) < len(self.cancel_buttons):
            self.focus_on(self.cancel_buttons[numbers.index(number)])
        else:
            self.focus_on(self.list)

    def choose(self, index: int) -> None:
        if 0 <= index < len(self.rows) and self.rows[index].id != self.selected_id:
            self.selected_id = self.rows[index].id
            self._load_mission()

    def step_month(self, step: int) -> None:
        """The next (or previous) open month, round the year; closed months are passed over."""
        if not self.months:
            return
        for turn in range(1, 13):
            month = (self.month - 1 + step * turn) % 12 + 1
            if self.months[month - 1].allowed:
                self.set_month(month)
                return

    def set_month(self, month: int) -> None:
        """Choose the month to fly in (keys and clicks alike), and name it on the Schedule button. A closed month
        is not chosen: the notice says why."""
        if not self.months or not 1 <= month <= 12:
            return
        choice = self.months[month - 1]
        if not choice.allowed:
            self.app.say(f"{choice.name} is closed: {choice.reason}.", "warn")
            return
        self.month = month
        self._label()
        self.app.dirty = True

    def on_motion(self, motion: Motion) -> bool:
        """The pointer over the month strip: a closed month it points at says why, under the strip."""
        pointed = next((month for rect, month in self.picker.cells
                        if 1 <= month <= 12 and rect.collidepoint(motion.x, motion.y)), 0) if self.picker.visible else 0
        if pointed == self.pointed:
            return super().on_motion(motion)
        self.pointed = pointed
        return True

    # -- orders -----------------------------------------------------------------------------------------

    def activate(self, index: int) -> None:
        self.choose(index)
        self.schedule()

    def schedule(self) -> None:
        self.sync()
        if self.play.no_orders:  # Enter on the list or the months: no order, and no "Refused"
            self.app.say(self.play.no_orders, "info")
            return
        if isinstance(self.plan, str) or not self.selected_id:
            name = self.play.content.missions[self.selected_id].name if self.selected_id else "That mission"
            self.app.say(f"{name} cannot be scheduled: {self.plan}.", "warn")
            return
        closed = self.months[self.month - 1] if self.months and not self.months[self.month - 1].allowed else None
        if closed is not None:  # only when no month is open at all
            name = self.play.content.missions[self.selected_id].name
            self.app.say(f"No month is open for {name} this year: {closed.reason}.", "warn")
            return
        chosen = self.plan.loadout  # the vehicle and crew shown (chosen, or the best): booked as shown
        done = self.app.submit(ScheduleMission(side=self.play.side, mission=self.selected_id, month=self.month,
                                               rocket=chosen.rocket, craft=chosen.craft, lander=chosen.lander,
                                               crew=tuple(chosen.crew)))
        self.sync()
        if done is not None and self.months and not self.months[self.month - 1].allowed:
            # that month is full now: offer the next open one for the next booking
            later = [choice.month for choice in self.months if choice.allowed and choice.month > self.month]
            earlier = [choice.month for choice in self.months if choice.allowed]
            self.month = (later or earlier or [self.month])[0]
            self._label()

    def cancel(self, number: int) -> None:
        before = [button.label for button in self.cancel_buttons]
        place = before.index(f"Cancel #{number}") if f"Cancel #{number}" in before else 0
        if self.app.submit(CancelMission(side=self.play.side, number=number)) is None:
            return
        self.sync()
        if self.cancel_buttons:  # stay among the Cancel buttons
            self.focus_on(self.cancel_buttons[min(place, len(self.cancel_buttons) - 1)])
        else:
            self.focus_on(self.list)

    # -- input ------------------------------------------------------------------------------------------

    def body_widgets(self) -> list[Widget]:
        if hasattr(self, "_synced"):
            self.sync()  # keys may arrive before the next frame: the bookings' buttons must be current
        plan = getattr(self, "plan", None)
        if isinstance(plan, str) or plan is None:  # not ready: a button for each program it needs
            choices: list[Widget] = list(getattr(self, "program_buttons", []))
        else:
            choices = [*([self.vehicle] if len(self.options) > 1 else []),
                       *([self.crew_button] if plan.loadout.crew else [])]
        return [self.list, *choices, self.picker, self.schedule_button, *self.cancel_buttons]

    def on_key(self, key: Key) -> bool:
        if super().on_key(key):
            return True
        if self.focused() is self.list and not key.ctrl and key.name in MONTH_KEYS and self.picker.visible:
            self.step_month(MONTH_KEYS[key.name])
            return True
        return False

    def on_unhandled(self, intent: Key | Text) -> bool:
        if isinstance(intent, Text) and self.focused() is self.list and intent.text in MONTH_TEXT:
            return True  # the "-" or "+" that just moved the month
        return super().on_unhandled(intent)

    # -- drawing ----------------------------------------------------------------------------------------

    def draw_row(self, painter: Painter, index: int, rect: pygame.Rect, selected: bool) -> None:
        draw_mission_row(self, painter, index, rect, selected)

    def draw_body(self, painter: Painter, rect: pygame.Rect) -> None:
        self.sync()
        theme = painter.theme
        pad = theme.pad
        left_w = max(theme.px(260), min(rect.width * 2 // 5, theme.px(470)))
        left = pygame.Rect(rect.x, rect.y, left_w, rect.height)
        right = pygame.Rect(left.right + pad, rect.y, rect.right - left.right - pad, rect.height)

        ready = sum(1 for row in self.rows if row.ready)
        inner = self.panel(painter, left, f"Missions {self.play.state.year} · {ready} ready")
        self.list.rect = inner
        if self.rows:
            self.list.draw(painter, self.focused() is self.list)
        else:
            painter.paragraph("No mission types for this side.", inner, theme.small, "dim")

        # this year's bookings, below the plan: the plan takes what its mission needs (never what the bookings
        # need, so its month strip and Schedule button stay put as bookings come and go), the bookings the rest,
        # at least two lines; more than fit are counted
        count = len(self.cancel_buttons)
        book_line = painter.fonts.line_height("bold", theme.small) + pad * 3 // 4  # a Cancel button's height
        columns = 2 if count > 3 and right.width > theme.px(560) else 1
        heading_h = painter.fonts.line_height("mono_bold", theme.body) + theme.px(8)
        least = heading_h + 2 * (book_line + theme.px(3)) + 2 * pad
        book_h = max(least, right.height - pad - self.plan_height(painter, heading_h))
        plan_rect = pygame.Rect(right.x, right.y, right.width, right.height - book_h - pad)
        book_rect = pygame.Rect(right.x, plan_rect.bottom + pad, right.width, book_h)
        self.draw_plan(painter, plan_rect)
        self.draw_bookings(painter, book_rect, columns, book_line)

    def plan_height(self, painter: Painter, heading_h: int) -> int:
        """The height the plan's panel wants for the selected mission: its controls, a roomy row for each step and
        the overall chance (and the crew's risk), a few lines of description and the foot. It depends on the
        mission alone, never on the bookings."""
        theme = painter.theme
        pad = theme.pad
        small = painter.fonts.line_height("sans", theme.small)
        if isinstance(self.plan, str) or not self.selected_id:
            return 12 * small + heading_h + 2 * pad
        control_h = painter.fonts.line_height("bold", theme.small) + pad
        crew_h = self.crew_button.size(painter, theme.small)[1] + theme.px(2) + small
        step_h = painter.fonts.line_height("sans", theme.body) + theme.px(4)
        rows = len(self.plan.steps) + (2 if self.plan.loadout.crew else 1)
        picker_h = painter.fonts.line_height("bold", theme.small) + pad + theme.px(4)
        foot_h = max(picker_h, self.schedule_button.size(painter)[1]) + 2 * small + theme.px(4)
        return (2 * pad + heading_h + control_h + theme.px(4) + crew_h + small + theme.px(8) + rows * step_h
                + 3 * small + foot_h)

    def draw_plan(self, painter: Painter, rect: pygame.Rect) -> None:
        theme = painter.theme
        pad = theme.pad
        content, state, side = self.play.content, self.play.state, self.play.side
        if not self.selected_id:
            self.panel(painter, rect, "Plan")
            self.schedule_button.rect = pygame.Rect(0, 0, 0, 0)
            return
        mission = content.missions[self.selected_id]
        inner = self.panel(painter, rect, f"Plan: {mission.name}")
        small = painter.fonts.line_height("sans", theme.small)
        y = inner.y
        row = next((row for row in self.rows if row.id == self.selected_id), None)
        if isinstance(self.plan, str):
            self.schedule_button.rect = pygame.Rect(0, 0, 0, 0)
            self.picker.rect = pygame.Rect(0, 0, 0, 0)
            painter.text("Not ready to fly", inner.x, y, theme.body, "warn", "bold", max_width=inner.width)
            y += painter.fonts.line_height("bold", theme.body)
            reason = self.plan[:1].upper() + self.plan[1:] + "."
            y += painter.paragraph(reason, (inner.x, y, inner.width, inner.bottom - y), theme.small, "text") + pad // 2
            if row is not None and row.prizes:
                y += painter.paragraph("Prizes still open: " + ", ".join(row.prizes),
                                       (inner.x, y, inner.width, inner.bottom - y), theme.small, "title") + pad // 2
            if mission.description:
                y += painter.paragraph(mission.description, (inner.x, y, inner.width, inner.bottom - y), theme.small,
                                       "dim") + pad // 2
            if self.program_buttons:  # each program the reason names, to Programs with it selected
                what = ("Start any one of these on Programs (F4): one is enough." if self.any_one else
                        "Start or fund what it needs on Programs (F4):")
                y += painter.paragraph(what,
                                       (inner.x, y, inner.width, inner.bottom - y), theme.small, "dim") + pad // 2
                button_h = self.program_buttons[0].size(painter, theme.small)[1]
                places = [button.size(painter, theme.small)[0] for button in self.program_buttons]
                x = inner.x
                for button, button_w in zip(self.program_buttons, places):
                    if x > inner.x and x + button_w > inner.right:
                        x, y = inner.x, y + button_h + theme.px(4)
                    button.rect = pygame.Rect(x, min(y, inner.bottom - button_h), min(button_w, inner.width), button_h)
                    button.draw(painter, self.focused() is button, theme.small)
                    x += button_w + theme.px(4)
            return
        plan = self.plan
        chosen = plan.loadout
        # the vehicle (a choice when more than one can fly it) and the crew (a choice when it flies one)
        control_h = painter.fonts.line_height("bold", theme.small) + pad
        label_w = max(painter.fonts.width(label, "sans", theme.small) for label in ("Vehicle:", "Crew:")) + theme.px(6)
        painter.text("Vehicle:", inner.x, y + (control_h - small) // 2, theme.small, "dim")
        if len(self.options) > 1:
            self.vehicle.rect = pygame.Rect(inner.x + label_w, y, inner.width - label_w, control_h)
            self.vehicle.draw(painter, self.focused() is self.vehicle)
        else:
            self.vehicle.rect = pygame.Rect(0, 0, 0, 0)
            label = self.options[0].label if self.options else ""
            painter.text(f"{label}  (the only one that can fly it)", inner.x + label_w, y + (control_h - small) // 2,
                         theme.small, "text", max_width=inner.width - label_w)
        y += control_h + theme.px(4)
        if chosen.crew:
            self.crew_button.label = "Change crew" if self.selected_id in self.crews else "Choose crew"
            button_w, button_h = self.crew_button.size(painter, theme.small)
            button_w = min(button_w, inner.width // 3)
            self.crew_button.rect = pygame.Rect(inner.right - button_w, y, button_w, button_h)
            self.crew_button.draw(painter, self.focused() is self.crew_button, theme.small)
            how = "your choice" if self.selected_id in self.crews else "the best free"
            area = painter.text("Crew:", inner.x, y + (button_h - small) // 2, theme.small, "dim")
            painter.text(f"{crew_names(state, side, chosen.crew)} ({how})", inner.x + label_w, area.y, theme.small,
                         "text", max_width=inner.width - label_w - button_w - pad)
            y += button_h + theme.px(2)
            if self.crew_note:
                painter.text(self.crew_note, inner.x, y, theme.small, "warn", max_width=inner.width)
                y += small
        else:
            self.crew_button.rect = pygame.Rect(0, 0, 0, 0)
            painter.text("Crew:", inner.x, y, theme.small, "dim")
            painter.text("none (uncrewed)", inner.x + label_w, y, theme.small, "dim", max_width=inner.width - label_w)
            y += small
        # the foot: the month, its reason, and Schedule
        picker_h = painter.fonts.line_height("bold", theme.small) + pad + theme.px(4)
        button_w, button_h = self.schedule_button.size(painter)
        foot_h = max(picker_h, button_h) + 2 * small + theme.px(4)  # two lines under it: the launch, a closed month
        foot_y = inner.bottom - foot_h
        # the prizes (also on the mission's row) only when every step's chance still fits below them
        if row is not None and row.prizes and y + small + (len(plan.steps) + 1) * small + theme.px(8) <= foot_y:
            painter.text("Prizes: " + ", ".join(row.prizes), inner.x, y, theme.small, "title", max_width=inner.width)
            y += small
        y += theme.px(4)

        # the chance, step by step, then overall
        steps = list(plan.steps)
        summary = 2 if chosen.crew else 1  # the overall chance, and for a crewed flight the chance of losing the crew
        room = foot_y - y - theme.px(4)
        step_h = max(small, min(painter.fonts.line_height("sans", theme.body) + theme.px(4),
                                room // (len(steps) + summary)))
        shown = max(0, min(len(steps), room // max(1, step_h) - summary))
        label_w = min(inner.width * 2 // 5, max(painter.fonts.width(name, "sans", theme.small) for name, _ in steps) + pad)
        figure_w = painter.fonts.width("100.0%", "mono_bold", theme.small) + pad
        bar_x = inner.x + label_w
        bar_w = max(theme.px(20), inner.width - label_w - figure_w)
        bar_h = max(3, min(step_h - theme.px(6), small * 2 // 3))
        for index, (name, chance) in enumerate(steps[:shown]):
            top = y + index * step_h
            text_y = top + (step_h - small) // 2
            painter.text(name, inner.x, text_y, theme.small, "text", max_width=label_w - pad // 2)
            painter.bar((bar_x, top + (step_h - bar_h) // 2, bar_w, bar_h), chance / 1000, chance_colour(chance),
                        f"{name} {percent(chance)}")
            painter.text(percent(chance), inner.right, text_y, theme.small, chance_colour(chance), "mono", align="right")
        if shown < len(steps):
            painter.text(f"… {len(steps) - shown} more step{'s' if len(steps) - shown > 1 else ''}", inner.x, y + shown * step_h, theme.small, "dim")
            shown += 1
        top = y + shown * step_h
        below = top + summary * step_h  # under the summary rows
        if mission.description and below + step_h + small <= foot_y:  # what the mission is, in the room left
            painter.paragraph(mission.description, (inner.x, below + pad // 2, inner.width, foot_y - below - pad),
                              theme.small, "dim")
        if top + step_h <= foot_y + theme.px(4):
            painter.line((inner.x, top), (inner.right, top), "grid")
            text_y = top + (step_h - small) // 2
            painter.text("Overall", inner.x, text_y, theme.small, "accent", "bold", max_width=label_w - pad // 2)
            painter.bar((bar_x, top + (step_h - bar_h) // 2, bar_w, bar_h), plan.chance / 1000, chance_colour(plan.chance),
                        f"overall {percent(plan.chance)}")
            painter.text(percent(plan.chance), inner.right, text_y, theme.small, chance_colour(plan.chance), "mono_bold",
                         align="right")
        if chosen.crew and top + 2 * step_h <= foot_y + theme.px(4):  # what a disaster on the way would cost
            text_y = top + step_h + (step_h - small) // 2
            risk = views.risk_words(plan.crew_risk)
            painter.text("Chance of losing the crew", inner.x, text_y, theme.small, "text",
                         max_width=inner.width - figure_w)
            painter.text(risk, inner.right, text_y, theme.small, risk_colour(plan.crew_risk), "mono_bold", align="right")

        # the month picker and the Schedule button
        button_w = min(button_w, inner.width // 2)
        self.schedule_button.rect = pygame.Rect(inner.right - button_w, foot_y, button_w, button_h)
        self.picker.rect = pygame.Rect(inner.x, foot_y, max(theme.px(40), inner.width - button_w - pad), picker_h)
        self.picker.draw(painter, self.focused() is self.picker)
        self.schedule_button.draw(painter, self.focused() is self.schedule_button)
        choice = self.months[self.month - 1] if self.months else None
        note = pygame.Rect(inner.x, foot_y + max(picker_h, button_h) + theme.px(4), inner.width, 2 * small)
        pointed = self.months[self.pointed - 1] if self.months and 1 <= self.pointed <= 12 else None
        if pointed is not None and not pointed.allowed:  # a closed month under the pointer: why, in full
            painter.paragraph(f"{pointed.name} is closed: {pointed.reason}.", note, theme.small, "warn")
        elif choice is not None and not choice.allowed:  # no month open at all
            painter.paragraph(f"No month is open this year. {choice.name}: {choice.reason}.", note, theme.small, "warn")
        elif choice is not None:
            funds = state.sides[side].funds
            painter.text(f"Launch in {choice.name} {state.year} for ${plan.cost}M (funds ${funds}M)", note.x, note.y,
                         theme.small, "text" if plan.cost <= funds else "warn", max_width=inner.width)
            closed = [month for month in self.months if not month.allowed]
            if closed and self.focused() is self.picker:  # the keys pass over them: say which and why
                first = [month.name[:3] for month in closed if month.reason == closed[0].reason]
                painter.text(f"Closed ({', '.join(first)}): {closed[0].reason}.", note.x, note.y + small,
                             theme.small, "dim", max_width=inner.width)
            elif closed:
                painter.text("Struck-out months are closed: point at one to see why.", note.x, note.y + small,
                             theme.small, "dim", max_width=inner.width)

    def draw_bookings(self, painter: Painter, rect: pygame.Rect, columns: int, line_h: int) -> None:
        draw_bookings(self, painter, rect, columns, line_h)
