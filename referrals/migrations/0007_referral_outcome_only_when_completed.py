from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("referrals", "0006_lifecycle_data")]

    operations = [
        migrations.AddConstraint(
            model_name='referral',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'afgerond'), models.Q(('outcome', ''), _negated=True)), models.Q(models.Q(('status', 'afgerond'), _negated=True), ('outcome', '')), _connector='OR'), name='referral_outcome_only_when_completed'),
        ),
    ]
