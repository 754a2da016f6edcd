from django.apps import AppConfig


class ProjectConfig(AppConfig):
    """The project package is installed only for its management commands (setup_demo,
    backup_data …); it has no models. `wegwijzer` is the label of `core`, whose tables
    carry that name, so the project takes another."""

    name = "wegwijzer"
    label = "wegwijzer_project"
    verbose_name = "Wegwijzer (project)"
