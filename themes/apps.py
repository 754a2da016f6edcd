from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ThemesConfig(AppConfig):
    name = "themes"
    verbose_name = _("Wegwijzer")

    def ready(self) -> None:
        from . import history  # noqa: F401  (connects the baseline before a step's first edit)
