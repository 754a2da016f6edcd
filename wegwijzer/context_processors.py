from django.http import HttpRequest

from .navigation import nav_for
from .roles import ROLE_LABELS, Role, user_roles


def wegwijzer(request: HttpRequest) -> dict:
    roles = user_roles(request.user)
    return {
        "library": getattr(request, "library", None) if request.user.is_authenticated else None,
        "nav_items": nav_for(roles),
        # Templates test roles by name: {% if roles.mt %}.
        "roles": {role.value: role in roles for role in Role},
        "role_labels": [ROLE_LABELS[role] for role in Role if role in roles],
    }
