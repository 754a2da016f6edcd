"""Beheer is a role in the app, not a Django-admin account: only superusers keep is_staff."""

from django.conf import settings
from django.db import migrations


def clear_staff_flag(apps, schema_editor):
    app_label, model_name = settings.AUTH_USER_MODEL.split(".")
    User = apps.get_model(app_label, model_name)
    User.objects.filter(is_staff=True, is_superuser=False).update(is_staff=False)
    # The admin permissions the beheer group used to get serve no purpose any more.
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="beheer"):
        group.permissions.clear()


class Migration(migrations.Migration):
    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wegwijzer", "0001_initial"),
    ]

    # Going back does not hand the flag out again: which accounts had it is not known.
    operations = [migrations.RunPython(clear_staff_flag, migrations.RunPython.noop)]
