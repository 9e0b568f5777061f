"""Stable Open Referral ids: a stored UUID per organisation, and an imported offer's
``translation_key`` derived from its partner id, the same rule as ``hsds.ids.from_source_id``
(copied here: a migration keeps the rule of its day)."""

import uuid

from django.db import migrations, models

NAMESPACE = uuid.UUID("8f0c2c8e-5d43-4a5e-9a59-0c3c1e6a7b14")


def from_source_id(source_id):
    try:
        return uuid.UUID(source_id)
    except ValueError:
        return uuid.uuid5(NAMESPACE, source_id)


def fill_ids(apps, schema_editor):
    Organisatie = apps.get_model("aanbod", "Organisatie")
    for organisatie in Organisatie.objects.all():
        organisatie.hsds_id = (
            from_source_id(organisatie.source_id) if organisatie.source_id else uuid.uuid4()
        )
        organisatie.save(update_fields=["hsds_id"])
    AanbodPage = apps.get_model("aanbod", "AanbodPage")
    for page in AanbodPage.objects.exclude(source_id=None).exclude(source_id=""):
        AanbodPage.objects.filter(pk=page.pk).update(
            translation_key=from_source_id(page.source_id)
        )


class Migration(migrations.Migration):
    dependencies = [("aanbod", "0007_move_melding_and_themapage_out")]

    operations = [
        migrations.AddField(
            model_name="organisatie",
            name="hsds_id",
            field=models.UUIDField(editable=False, null=True, verbose_name="Open Referral-id"),
        ),
        migrations.RunPython(fill_ids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="organisatie",
            name="hsds_id",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="Open Referral-id"
            ),
        ),
    ]
