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


@admin.register(Group)
class RoleGroupAdmin(GroupAdmin):
    # Django's two-pane permission widget puts ARIA on elements that may not carry it;
    # a plain multiple select is accessible and does the same job.
    filter_horizontal = ()


@admin.register(User)
class StaffUserAdmin(AccessibleAdminMixin, UserAdmin):
    filter_horizontal = ()
    readonly_fields = ["last_login", "date_joined"]
    inlines = [StaffProfileInline]
    list_display = ["username", "first_name", "last_name", "is_active", "role_names"]
    list_filter = ["is_active", "groups"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description=_("rollen"))
    def role_names(self, obj) -> str:
        return ", ".join(sorted(group.name for group in obj.groups.all()))
