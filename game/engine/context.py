"""What an expression is evaluated against: the state, the side it speaks for, and where its effects report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from .defs import Content, rival_of
from .outcomes import Outcome
from .rng import Rng
from .state import GameState, SideState

@dataclass(slots=True)
class EvalContext:
    """One side's view for conditions and effects. `cause` names the event (or promise, or rule) the effects
    belong to and `choice` the choice taken, so what they schedule or whom they move remembers why; `subject` is
    what a hook passes (milestone, mission, program, crew, by …)."""

    state: GameState
    content: Content
    side: str
    rng: Rng | None = None
    cause: str = ""
    choice: str = ""
    subject: Mapping[str, str] = field(default_factory=dict)
    outcomes: list[Outcome] = field(default_factory=list)
    crew_size: int = 0  # in a mission context
    crew_women: int = 0

    @property
    def own(self) -> SideState:
        return self.state.sides[self.side]

    @property
    def rival(self) -> SideState:
        return self.state.sides[rival_of(self.side)]
