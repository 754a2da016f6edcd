"""Who may open each Quickscan URL (read by tests/test_url_access.py)."""

from core.roles import Role

READERS = frozenset({Role.WERKGROEP, Role.TREKKER, Role.MT})
WORKGROUP = frozenset({Role.WERKGROEP, Role.TREKKER})
COORDINATOR = frozenset({Role.TREKKER})

ACCESS = {
    "quickscan:home": READERS,
    "quickscan:round": READERS,
    "quickscan:results": READERS,
    "quickscan:comparison": READERS,
    "quickscan:report_pdf": READERS,
    "quickscan:export_csv": READERS,
    # Respondents answer by invitation: workgroup members and MT (the manager).
    "quickscan:answer": READERS,
    "quickscan:answer_withdraw": READERS,
    "quickscan:agree": WORKGROUP,
    "quickscan:agree_item": WORKGROUP,
    "quickscan:round_open": COORDINATOR,
    "quickscan:invite": COORDINATOR,
    "quickscan:respondent_remove": COORDINATOR,
    "quickscan:close": COORDINATOR,
    "quickscan:reopen": COORDINATOR,
    # An action's owner can be anyone on the staff; the view checks owner or workgroup.
    "quickscan:action_done": frozenset(Role),
}
POST_VIEWS = {
    "quickscan:answer_withdraw",
    "quickscan:invite",
    "quickscan:respondent_remove",
    "quickscan:close",
    "quickscan:reopen",
    "quickscan:action_done",
}
