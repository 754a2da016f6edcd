from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from .admin_base import AccessibleAdminMixin
from .models import Branch, Library, StaffProfile

admin.site.site_header = _("Wegwijzer beheer")
admin.site.site_title = _("Wegwijzer beheer")
admin.site.index_title = _("Beheer")


class BranchInline(AccessibleAdminMixin, admin.StackedInline):
    model = Branch
    extra = 1


@admin.register(Library)
class LibraryAdmin(AccessibleAdminMixin, admin.ModelAdmin):
    list_display = ["name"]
    inlines = [BranchInline]


@admin.register(Branch)
class BranchAdmin(AccessibleAdminMixin, admin.ModelAdmin):
    list_display = ["name", "library", "is_active"]
    list_filter = ["is_active", "library"]
    search_fields = ["name"]


class StaffProfileInline(AccessibleAdminMixin, admin.StackedInline):
    model = StaffProfile
    can_delete = False
    verbose_name_plural = _("medewerkerprofiel")


User = get_user_model()
admin.site.unregister(User)
admin.site.unregister(Group)


# Fields that hand out rights beyond a role: only a superuser may set them. The admin is for
# the installation's IT; beheer manages people and roles in the app's own pages (`beheer`).
# Should IT give someone else the admin, that person manages roles, not rights.
PRIVILEGE_FIELDS = frozenset({"is_superuser", "is_staff", "user_permissions"})


def _without(fieldsets, hidden: frozenset[str]):
    result = []
    for name, options in fieldsets:
        fields = [field for field in options["fields"] if field not in hidden]
        if fields:
            result.append((name, {**options, "fields": fields}))
    return result


@admin.register(Group)
class RoleGroupAdmin(GroupAdmin):
    # Django's two-pane permission widget puts ARIA on elements that may not carry it;
    # a plain multiple select is accessible and does the same job.
    filter_horizontal = ()

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if request.user.is_superuser:
            return fields
        return [field for field in fields if field != "permissions"]


@admin.register(User)
class StaffUserAdmin(AccessibleAdminMixin, UserAdmin):
    filter_horizontal = ()
    readonly_fields = ["last_login", "date_joined"]
    inlines = [StaffProfileInline]
    list_display = ["username", "first_name", "last_name", "is_active", "role_names"]
    list_filter = ["is_active", "groups"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return fieldsets
        return _without(fieldsets, PRIVILEGE_FIELDS)

    def has_change_permission(self, request, obj=None) -> bool:
        # Whoever may change a superuser's password can become one.
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    @admin.display(description=_("rollen"))
    def role_names(self, obj) -> str:
        return ", ".join(sorted(group.name for group in obj.groups.all()))
