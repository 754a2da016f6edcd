from django.http import HttpRequest

from core.roles import Role, user_roles

from .navigation import nav_for


def wegwijzer(request: HttpRequest) -> dict:
    roles = user_roles(request.user)
    return {
        "library": getattr(request, "library", None) if request.user.is_authenticated else None,
        "nav_items": nav_for(roles),
        # Templates test roles by name: {% if roles.mt %}.
        "roles": {role.value: role in roles for role in Role},
        "role_labels": [role.label for role in Role if role in roles],
    }
