"""Issue 20: mark a latent need apart from a question asked, and the new default offers and
signals for libraries that already have their lists.

A library that has no offers or signals yet gets the whole standard list from
`create_referral_options`; one that has them gets only the new names it lacks, active and
after its own, so nothing beheer set up or switched off changes. The names are written out
here because referrals/defaults.py will keep changing after this migration.
"""

from django.db import migrations, models

NEW_OFFERS = [
    ("Taalspreekuur", "basisvaardigheden"),
    ("Voor jou en je kind!", "basisvaardigheden"),
    ("BoekStartcoach", "jeugd_educatie"),
    ("digiTaalhuis", "basisvaardigheden"),
]
NEW_SIGNALS = ["Schrijfvraag", "Rekenvraag"]


def _add(model, library_id, names_with_fields):
    existing = set(model.objects.filter(library_id=library_id).values_list("name", flat=True))
    if not existing:
        return  # the library has not set up its lists: the command gives it all of them
    last = model.objects.filter(library_id=library_id).aggregate(models.Max("order"))
    order = (last["order__max"] or 0) + 1
    for name, fields in names_with_fields:
        if name in existing:
            continue
        model.objects.create(library_id=library_id, name=name, order=order, **fields)
        order += 1


def add_default_options(apps, schema_editor):
    Library = apps.get_model("wegwijzer", "Library")
    Offer = apps.get_model("referrals", "Offer")
    Signal = apps.get_model("referrals", "Signal")
    for library_id in Library.objects.values_list("pk", flat=True):
        _add(Offer, library_id, [(name, {"department": dep}) for name, dep in NEW_OFFERS])
        _add(Signal, library_id, [(name, {}) for name in NEW_SIGNALS])


class Migration(migrations.Migration):

    dependencies = [
        ('referrals', '0003_referral_updated_at'),
        ('wegwijzer', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalreferral',
            name='is_latent',
            field=models.BooleanField(default=False, help_text='De medewerker merkte de behoefte op; de bezoeker vroeg er zelf niet om.', verbose_name='latente behoefte'),
        ),
        migrations.AddField(
            model_name='referral',
            name='is_latent',
            field=models.BooleanField(default=False, help_text='De medewerker merkte de behoefte op; de bezoeker vroeg er zelf niet om.', verbose_name='latente behoefte'),
        ),
        # Leaving them on the way back: beheer may already use them.
        migrations.RunPython(add_default_options, migrations.RunPython.noop),
    ]
