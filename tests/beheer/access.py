"""Who may open each beheer URL and the account pages (read by tests/test_url_access.py)."""

from core.roles import Role

BEHEER = frozenset({Role.BEHEER})
PUBLIC = "public"

ACCESS = {
    "beheer:home": BEHEER,
    "beheer:staff": BEHEER,
    "beheer:staff_invite": BEHEER,
    "beheer:staff_edit": BEHEER,
    "beheer:staff_deactivate": BEHEER,
    "beheer:staff_reactivate": BEHEER,
    "beheer:staff_resend": BEHEER,
    "beheer:library": BEHEER,
    "beheer:branch_add": BEHEER,
    "beheer:branch_edit": BEHEER,
    "beheer:offers": BEHEER,
    "beheer:offer_add": BEHEER,
    "beheer:offer_edit": BEHEER,
    "beheer:desk_option_add": BEHEER,
    "beheer:desk_option_edit": BEHEER,
    "beheer:content": BEHEER,
    "beheer:step_content": BEHEER,
    "beheer:resource_edit": BEHEER,
    # Password reset and the invitation link work without signing in.
    "password_reset": PUBLIC,
    "password_reset_done": PUBLIC,
    "password_reset_confirm": PUBLIC,
    "password_reset_complete": PUBLIC,
    "invitation_confirm": PUBLIC,
    "invitation_complete": PUBLIC,
}
POST_VIEWS = {
    "beheer:staff_deactivate",
    "beheer:staff_reactivate",
    "beheer:staff_resend",
    "beheer:branch_add",
}
