import importlib
from collections.abc import Iterator
from types import ModuleType

from django.apps import apps

_NOT_DOMAIN_APPS = {"wegwijzer", "core"}


def domain_app_modules(name: str) -> Iterator[tuple[str, ModuleType]]:
    """Each domain app's `<app>.<name>` module (demo, scale …), in INSTALLED_APPS order.

    This is how the shared commands reach the apps without importing them: an app takes
    part by having the module. The project package and the shared base (`core`, whose
    demo and scale modules the commands call first, by name) are left out.
    """
    for config in apps.get_app_configs():
        if config.name in _NOT_DOMAIN_APPS:
            continue
        try:
            module = importlib.import_module(f"{config.name}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.{name}":
                raise
            continue
        yield config.name, module
