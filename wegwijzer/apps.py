from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_migrate
from django.utils.translation import gettext_lazy as _


class WegwijzerConfig(AppConfig):
    name = "wegwijzer"
    verbose_name = _("Organisatie en rollen")

    def ready(self) -> None:
        from django.contrib.auth import get_user_model

        from . import roles

        post_migrate.connect(roles.sync_role_groups, dispatch_uid="wegwijzer_sync_role_groups")
        m2m_changed.connect(
            roles.sync_staff_flag,
            sender=get_user_model().groups.through,
            dispatch_uid="wegwijzer_sync_staff_flag",
        )
