import importlib
from collections.abc import Iterator
from types import ModuleType

from django.apps import apps


def domain_app_modules(name: str) -> Iterator[tuple[str, ModuleType]]:
    """Each domain app's `<app>.<name>` module (demo, scale …), in INSTALLED_APPS order.

    This is how the shared commands reach the apps without importing them: an app takes
    part by having the module. The project package itself is left out.
    """
    for config in apps.get_app_configs():
        if config.name == "wegwijzer":
            continue
        try:
            module = importlib.import_module(f"{config.name}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.{name}":
                raise
            continue
        yield config.name, module
