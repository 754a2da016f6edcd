from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    # The label the models, tables, migrations and permissions were created under when this
    # code lived in the project package; keeping it means nothing in the database moves.
    label = "wegwijzer"
    verbose_name = _("Organisatie en rollen")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from . import roles, twofactor

        post_migrate.connect(roles.sync_role_groups, dispatch_uid="wegwijzer_sync_role_groups")
        user_logged_in.connect(
            twofactor.note_device_at_login, dispatch_uid="wegwijzer_two_factor_at_login"
        )
