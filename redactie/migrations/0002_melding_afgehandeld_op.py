from django.db import migrations, models
from django.utils import timezone


def handled_now(apps, schema_editor):
    """Reports handled before this field existed count from today: their reporters' e-mail
    addresses are wiped after the usual number of days, not at once."""
    apps.get_model("redactie", "Melding").objects.filter(afgehandeld=True).update(
        afgehandeld_op=timezone.now()
    )


class Migration(migrations.Migration):
    dependencies = [
        ("redactie", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="melding",
            name="afgehandeld_op",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="afgehandeld op"
            ),
        ),
        migrations.RunPython(handled_now, migrations.RunPython.noop),
    ]
