# Initiative moved to the `initiatives` app (issue #14 §3); its table stays.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('registrations', '0002_registration_round'),
        ('initiatives', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='Initiative')],
            database_operations=[],
        ),
    ]
