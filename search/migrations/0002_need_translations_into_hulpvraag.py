"""Need translations move into the needs' own translated fields (Hulpvraag.label_en, ...):
existing rows fill the fields that are still empty, then the table goes."""

from django.db import migrations

LANGUAGES = ("en", "ar", "tr", "pl", "uk")


def move_translations(apps, schema_editor):
    NeedTranslation = apps.get_model("search", "NeedTranslation")
    for t in NeedTranslation.objects.select_related("need").filter(language__in=LANGUAGES):
        need, changed = t.need, False
        for field in ("label", "phrasing", "synonyms"):
            name = f"{field}_{t.language}"
            if getattr(t, field) and not getattr(need, name):
                setattr(need, name, getattr(t, field))
                changed = True
        if changed:
            need.save()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("aanbod", "0005_translated_fields"),
    ]

    operations = [
        migrations.RunPython(move_translations, migrations.RunPython.noop),
        migrations.DeleteModel(name="NeedTranslation"),
    ]
