"""What every admin page of ours shares: form widgets that pass an accessibility check."""

from collections.abc import Mapping
from typing import Any

from django import forms
from django.db import models


class DateTimeLocalInput(forms.DateTimeInput):
    """One labelled input instead of the admin's separate date and time boxes, of which the
    second has no label of its own."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


ACCESSIBLE_FORMFIELDS: dict[type[models.Field], dict[str, Any]] = {
    # Addresses typed without a scheme are taken as https (Django 6's default).
    models.URLField: {"assume_scheme": "https"},
    models.DateTimeField: {
        "form_class": forms.DateTimeField,
        "widget": DateTimeLocalInput,
        "input_formats": ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S"],
    },
}


class AccessibleAdminMixin:
    formfield_overrides: Mapping[type[models.Field], Mapping[str, Any]] = ACCESSIBLE_FORMFIELDS
