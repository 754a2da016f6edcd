"""Who may open each Wegwijzer URL (read by tests/test_url_access.py)."""

from core.roles import Role

READERS = frozenset({Role.WERKGROEP, Role.TREKKER, Role.MT, Role.BEHEER})
WORKGROUP = frozenset({Role.WERKGROEP, Role.TREKKER})

ACCESS = {
    "themes:overview": READERS,
    "themes:theme": READERS,
    "themes:phase": READERS,
    "themes:cycles": READERS,
    "themes:dossier_pdf": READERS,
    "themes:my_steps": WORKGROUP,
    "themes:step_edit": WORKGROUP,
    "themes:step_tick": WORKGROUP,
}
POST_VIEWS = {"themes:step_tick"}
