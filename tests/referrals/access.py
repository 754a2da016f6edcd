"""Who may open each referral URL (read by tests/test_url_access.py)."""

from wegwijzer.roles import Role

LOGGERS = frozenset({Role.FRONTOFFICE, Role.SPECIALIST})
READERS = frozenset({Role.FRONTOFFICE, Role.SPECIALIST, Role.MT})
FIGURE_READERS = frozenset({Role.SPECIALIST, Role.MT, Role.WERKGROEP, Role.TREKKER})

ACCESS = {
    "referrals:log": LOGGERS,
    "referrals:list": READERS,
    "referrals:incoming": frozenset({Role.SPECIALIST}),
    "referrals:detail": READERS,
    "referrals:close": frozenset({Role.SPECIALIST}),
    "referrals:reopen": frozenset({Role.SPECIALIST}),
    "referrals:export_csv": frozenset({Role.MT, Role.SPECIALIST}),
    "referrals:figures": FIGURE_READERS,
    "referrals:report_pdf": FIGURE_READERS,
}
POST_VIEWS = {"referrals:close", "referrals:reopen"}
