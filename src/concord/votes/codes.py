"""Vote codes, issue codes and the column names of the canonical tables.

A vote is one letter in every table Concord writes:

``Y`` yes, ``N`` no, ``A`` abstention, ``X`` present in the body but not voting (absent or
non-voting), ``-`` not a member of the body at the time of the vote.

In the dense matrix (:mod:`concord.votes.matrix`) the same votes are small integers,
``0`` standing for both "not a member" and "no record".
"""

from __future__ import annotations

from typing import Final

import numpy as np

YES: Final = "Y"
NO: Final = "N"
ABSTAIN: Final = "A"
NON_VOTING: Final = "X"
NOT_MEMBER: Final = "-"

VOTES: Final = (YES, NO, ABSTAIN, NON_VOTING, NOT_MEMBER)

# Integer codes of the dense matrix; 0 doubles as "no record".
CODE_NONE: Final = 0
CODE_YES: Final = 1
CODE_ABSTAIN: Final = 2
CODE_NO: Final = 3
CODE_NON_VOTING: Final = 4

CODE_OF: Final[dict[str, int]] = {
    YES: CODE_YES,
    ABSTAIN: CODE_ABSTAIN,
    NO: CODE_NO,
    NON_VOTING: CODE_NON_VOTING,
    NOT_MEMBER: CODE_NONE,
}
LETTER_OF_CODE: Final = np.array([NOT_MEMBER, YES, ABSTAIN, NO, NON_VOTING], dtype=object)

# Issue codes: those of the Voeten data (un_roll_call_issues.csv, ``short_name``).
ISSUES: Final[dict[str, str]] = {
    "hr": "Human rights",
    "me": "Palestinian conflict",
    "nu": "Nuclear weapons and nuclear material",
    "di": "Arms control and disarmament",
    "co": "Colonialism",
    "ec": "Economic development",
}
HUMAN_RIGHTS: Final = "hr"

# Bodies.
GA: Final = "GA"
SC: Final = "SC"
HRC: Final = "HRC"
CHR: Final = "CHR"

ROLL_CALL_COLUMNS: Final = (
    "roll_call_id",  # unique across sources: "<source>/<id in the source>"
    "source",
    "source_ref",  # the id in the source (rcid, record_id, undl_id, symbol)
    "body",
    "symbol",
    "date",
    "session",
    "kind",  # resolution | amendment | paragraph | draft | other
    "issues",  # issue codes joined by ";" ("" when none)
    "title",
    "yes",  # totals printed by the source (null where it prints none)
    "no",
    "abstain",
    "nonvoting",
)
VOTE_COLUMNS: Final = ("roll_call_id", "state", "vote")
LONG_COLUMNS: Final = (
    "source",
    "roll_call_id",
    "symbol",
    "date",
    "body",
    "issues",
    "state",
    "vote",
)
