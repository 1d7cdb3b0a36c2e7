"""Starting points for a scoring config when the leads hold no outcome to learn from: the
practitioner defaults revq's domain is built on, applied to what the leads' columns hold.

- A number that counts what a lead did (visits, time on site, page views, events) gives more
  intent the higher it is: nothing for none, then 5 points more per band of the leads who did
  something.
- A value that names a known signal gets its usual points: a demo request or a referral up, a
  student, a competitor, spam or a bounced address down.
- A question most leads answer but this one left blank (empty, Select, unknown) counts against
  the lead a little; a blank checkbox (a column of true and false) does not.
- Every other value gets 0 points, and a rule to set them is left in the config, commented out.
- An activity type whose name says what the lead did gets modest points an event, up to a
  cap (a demo request once, a page visit a few times); what the team did to the lead (an email
  sent, delivered, bounced; a record changed, merged) gets none, a rule left to set.
"""

from __future__ import annotations

import re
from dataclasses import replace

from revq.core.event_counts import EventRule, EventType
from revq.core.levels import EMPTY, Feature, Level

# Words in a value, and the points a value holding them starts with (the first that matches).
KNOWN_VALUES: tuple[tuple[str, int], ...] = (
    (r"\bdemo", 20),
    (r"\bcompetitor", -20),
    (r"\bspam\b", -20),
    (r"\bcontact (us|sales)\b", 15),
    (r"\bpricing\b", 10),
    (r"\btrial\b", 10),
    (r"\breferr|\breference\b|\brecommend", 10),
    (r"\bwebinar", 5),
    (r"\bcase stud", 5),
    (r"\bpartner", 5),
    (r"\bstudent\b|\bintern\b", -10),
    (r"\bbounced?\b|\bunsubscrib|\binvalid\b|\bwrong\b", -10),
)
# A yes in these canonical columns counts against the lead (DOMAIN: personal email -20,
# unsubscribed -10).
KNOWN_FLAGS = {"is_personal_email": -20, "unsubscribed": -10}
# Values a form or a CRM puts where nothing was chosen.
BLANKS = frozenset(
    {EMPTY, "select", "unknown", "none", "--none--", "n/a", "not provided", "not specified", "-"}
)
BLANK_POINTS = -5
# The values of a checkbox or a yes/no field: there a blank is an unticked box, not a question
# left unanswered (a Salesforce `Email_Bounced__c` left empty is good news).
FLAG_VALUES = frozenset({"true", "false", "yes", "no", "y", "n", "t", "f", "1", "0", "x"})
BAND_POINTS = 5
# Words of an activity type for what the team or the system did, not the lead: no intent.
NOT_THE_LEADS = re.compile(
    r"\bsen[dt]\b|\bdeliver|\bbounce|\bunsubscrib|\bmerge|\bdelete|\bchange|\bstatus\b|"
    r"\bprocess|\bdrop|\bdefer|\bspam\b|\bscore\b|\bassign|\btask\b|\bcall\b|\bnote\b|"
    r"\badd(ed)? to\b|\bremove"
)
# Words of an activity type the lead did, its points an event and the most events that count
# (DOMAIN: a demo request 20 to 25, pricing 10 to 15, a webinar 5 to 10, an email open 1).
KNOWN_EVENTS: tuple[tuple[str, int, int], ...] = (
    (r"\bdemo", 20, 1),
    (r"\bcontact (us|sales)\b", 15, 1),
    (r"\bpricing\b", 10, 2),
    (r"\btrial\b|\bsign ?up\b|\bregist", 10, 2),
    (r"\bwebinar|\battend", 6, 2),
    (r"\bdownload|\bcase stud|\bwhite ?paper|\be-?book|\bcontent\b", 5, 3),
    (r"\bforms?\b|\bsubmi|\bfill", 5, 3),
    (r"\bclick", 2, 3),
    (r"\blog ?in|\busage\b|\bactivat", 2, 5),
    (r"\bvisit|\bviews?\b|\bpages?\b|\bsessions?\b|\bweb", 2, 5),
    (r"\bopens?\b|\bopened\b", 1, 5),
)


def is_blank(label: str) -> bool:
    return label.strip().lower() in BLANKS


def known_points(label: str) -> int:
    """The points a value starts with for the words it holds; 0 for none revq knows."""
    text = label.lower().replace("_", " ")
    return next((p for pattern, p in KNOWN_VALUES if re.search(pattern, text)), 0)


def guess_points(feature: Feature, leads: int) -> Feature:
    """The feature (built with no reference level: without an outcome, the most common value
    is no zero to measure others by) with starting points for each level; a level at 0 points
    keeps its rule, for the config to show commented out. `leads` is the number of leads."""
    levels = feature.levels
    if feature.kind == "bands":
        scored = _band_points(feature, levels)
    elif feature.column in KNOWN_FLAGS:
        scored = [
            replace(lv, points=KNOWN_FLAGS[feature.column] if lv.label == "yes" else 0)
            for lv in levels
        ]
    else:
        blank = sum(lv.leads for lv in levels if is_blank(lv.label))
        answers = {lv.label.strip().lower() for lv in (*levels, *feature.rest)} - BLANKS
        # A blank counts against a lead only where most leads answer, and a question is asked.
        penalise = 0 < blank < leads / 2 and not answers <= FLAG_VALUES
        scored = [
            replace(
                lv,
                points=BLANK_POINTS if is_blank(lv.label) and penalise else known_points(lv.label),
            )
            for lv in levels
        ]
    ruled = tuple(lv for lv in scored if lv.when is not None)
    return replace(feature, levels=ruled, rest=tuple(lv for lv in scored if lv.when is None))


def _band_points(feature: Feature, levels: tuple[Level, ...]) -> list[Level]:
    """Bands of an engagement count, lowest first: 0 for the lowest (nothing, most often), then
    BAND_POINTS more for each band up; an empty count gets 0."""
    if feature.group != "intent":
        return [replace(lv, points=0) for lv in levels]
    ranked = [lv for lv in levels if lv.label != EMPTY]
    points = {lv.label: BAND_POINTS * i for i, lv in enumerate(ranked)}
    return [replace(lv, points=points.get(lv.label, 0)) for lv in levels]


def guess_event(kind: EventType) -> EventRule:
    """An activity type's starting rule: the points an event and the cap its name says, 0
    points (a rule to set) for a name revq does not know or one of what the team did."""
    text = kind.label.lower().replace("_", " ")
    if NOT_THE_LEADS.search(text):
        return EventRule(kind, 0, 1)
    for pattern, points, cap in KNOWN_EVENTS:
        if re.search(pattern, text):
            return EventRule(kind, points, cap)
    return EventRule(kind, 0, 1)
