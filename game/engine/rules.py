"""The rules' tuning constants in one place, so balance changes are one diff and the docs can list them."""

RULES_VERSION = 4  # raised whenever the rules (or the state the checksums cover) change: a replay needs the rules it was recorded under

LAUNCHES_PER_PAD = 4  # launches a pad supports in a year
PAD_COST = 60  # $M for each new pad
RECRUIT_COST = 3  # $M to select and equip one candidate
MAX_RECRUITS_PER_YEAR = 12
CREW_SERVICE_YEARS = 14  # crew retire after this many years
TRAINING_PER_MEMBER_CAP = 6  # $M per crew member per year that still improves skills
BASE_SKILL_GAIN = 2  # everyone active gains this much a year on the job
FLIGHT_SKILL_GAIN = 6  # the skill a step used grows this much for each crew member on it
TRAINING_INJURY = 10  # per-mille chance per active crew member per year
TRAINING_DEATH = 2  # per-mille chance per active crew member per year
EDUCATION_BONUS_CAP = 300  # per-mille research bonus at most
EDUCATION_PER_BONUS = 5  # $M of cumulative education for each per-mille of research bonus
CARRY_OVER_SHARE = 4  # up to budget // this is carried into next year
SUPPORT_MIN, SUPPORT_MAX = 0, 100
SUPPORT_SWING_CAP = 8  # support moves at most this much a year from the prestige race
SUPPORT_DRIFT_STEP = 15  # support drifts 1 a year back toward 50, and 1 more for each this many points away
CATASTROPHE_SUPPORT = 8  # support lost when a crew dies
CATASTROPHE_PRESTIGE = 10  # prestige lost when a crew dies
UNCREWED_LOSS_PRESTIGE = 3  # prestige lost when an uncrewed vehicle is destroyed
FAILURE_PRESTIGE = 2  # prestige lost for a failed mission
MIN_STEP_CHANCE, MAX_STEP_CHANCE = 20, 995  # per-mille bounds for any step
CREW_SKILL_WEIGHT = 2  # per-mille of chance per skill point above or below 50
STATION_LIFE_YEARS = 3  # a station can be visited for this many years after launch
MAX_DILEMMAS_PER_YEAR = 4  # a briefing posts at most this many; further dilemmas wait, shown as waiting, for the next
EXTRA_PREP_MONTHS = 3  # preparation beyond the least the rules ask counts for up to this many months …
EXTRA_PREP_BONUS = 10  # … each adding this per-mille to every step of the flight
INTEL_PER_LEVEL = 40  # $M of intelligence spending (all years) for each level of insight into the rival
INTEL_MAX_LEVEL = 5  # insight stops sharpening here
CHANCE_MARGIN = 20  # per-mille: hardware this close to the best chance counts as good, and the cheapest is picked
REPEAT_INTEREST = 3  # a mission type's prestige after n earlier successes: prestige × 3 / (3 + n)
DIFFICULTIES = ("easy", "normal", "hard")  # the AI rival's handicap or edge, chosen at the start of a game
DEFAULT_DIFFICULTY = "normal"
DIFFICULTY_BUDGET_PERCENT = {"easy": 100, "normal": 100, "hard": 108}  # the AI side's yearly budget, per cent
BUDGET_PERCENT_MIN, BUDGET_PERCENT_MAX = 10, 1000  # the range a side's budget_percent may hold
