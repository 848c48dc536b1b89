# Initiative moved from registrations (issue #14 §3): the state moves, the table
# `reporting_initiative` and its rows stay as they are.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('registrations', '0002_registration_round'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Initiative',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=500, verbose_name='tên sáng kiến, mô hình')),
                        ('field', models.CharField(choices=[('khcn', 'Khoa học, công nghệ'), ('dmst', 'Đổi mới sáng tạo'), ('cds', 'Chuyển đổi số'), ('cdx', 'Chuyển đổi xanh')], max_length=10, verbose_name='lĩnh vực')),
                        ('expected_result', models.TextField(blank=True, verbose_name='kết quả dự kiến')),
                        ('order', models.PositiveSmallIntegerField(default=0)),
                        ('registration', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='registrations.registration')),
                    ],
                    options={
                        'db_table': 'reporting_initiative',
                        'ordering': ['order', 'pk'],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
