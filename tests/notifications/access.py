"""Who may open each notifications URL (read by tests/test_url_access.py)."""

from core.roles import Role

EVERY_ROLE = frozenset(Role)

ACCESS = {
    "notifications:list": EVERY_ROLE,
    "notifications:bell": EVERY_ROLE,
    "notifications:preferences": EVERY_ROLE,
    "notifications:read_all": EVERY_ROLE,
    "notifications:read": EVERY_ROLE,
    "notifications:open": EVERY_ROLE,
    "notifications:failed": frozenset({Role.BEHEER}),
    "notifications:retry": frozenset({Role.BEHEER}),
}
POST_VIEWS = {
    "notifications:read_all",
    "notifications:read",
    "notifications:open",
    "notifications:retry",
}
