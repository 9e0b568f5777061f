"""Melding moves to redactie and ThemaPage to home; both keep their tables (no SQL here)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("aanbod", "0006_aanbodpage_paired_offer"),
        ("redactie", "0001_initial"),
        ("home", "0004_themapage_from_aanbod"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Melding"),
                migrations.DeleteModel(name="ThemaPage"),
            ]
        )
    ]
