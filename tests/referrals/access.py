"""Who may open each referral URL (read by tests/test_url_access.py)."""

from core.roles import Role

# Opened without an account; the signed link in the URL is the key (see test_url_access).
LINK = "link"

LOGGERS = frozenset({Role.FRONTOFFICE, Role.SPECIALIST})
READERS = frozenset({Role.FRONTOFFICE, Role.SPECIALIST, Role.MT})
DETAIL_READERS = READERS | {Role.TREKKER}
FIGURE_READERS = frozenset({Role.SPECIALIST, Role.MT, Role.WERKGROEP, Role.TREKKER})

ACCESS = {
    "referrals:log": LOGGERS,
    "referrals:list": READERS,
    "referrals:incoming": frozenset({Role.SPECIALIST}),
    "referrals:detail": DETAIL_READERS,
    "referrals:transition": DETAIL_READERS,
    "referrals:correct": LOGGERS,
    "referrals:without_receiver": frozenset({Role.TREKKER}),
    "referrals:partner": LINK,
    "referrals:partner_thanks": LINK,
    "referrals:export_csv": frozenset({Role.MT, Role.SPECIALIST}),
    "referrals:figures": FIGURE_READERS,
    "referrals:report_pdf": FIGURE_READERS,
}
POST_VIEWS = {"referrals:transition"}
