"""Who may open each leergang URL (read by tests/test_url_access.py)."""

from core.roles import Role

READERS = frozenset({Role.WERKGROEP, Role.TREKKER, Role.SPECIALIST, Role.MT})
# The coordinator runs every course; a specialist only the courses they teach (the view
# checks that against the course).
RUNNERS = frozenset({Role.TREKKER, Role.SPECIALIST})

ACCESS = {
    "training:home": READERS,
    "training:course": READERS,
    "training:overview": frozenset({Role.MT, Role.TREKKER, Role.WERKGROEP}),
    "training:course_new": frozenset({Role.TREKKER}),
    "training:course_edit": RUNNERS,
    "training:participants_add": RUNNERS,
    "training:participant_remove": RUNNERS,
    "training:meeting_new": RUNNERS,
    "training:meeting_edit": RUNNERS,
    "training:attendance": RUNNERS,
    # A participant can hold any role; the views check it is their own (or a reader's).
    "training:mine": frozenset(Role),
    "training:participant": frozenset(Role),
    "training:completions": frozenset(Role),
    "training:learning": frozenset(Role),
    "training:participation_pdf": frozenset(Role),
    # The project's page beside the referral figures.
    "training_referrals": frozenset({Role.SPECIALIST, Role.MT, Role.WERKGROEP, Role.TREKKER}),
}
POST_VIEWS = {
    "training:participants_add",
    "training:participant_remove",
    "training:completions",
    "training:learning",
}
