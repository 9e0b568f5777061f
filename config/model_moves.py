"""Moving a model from one app to another while it keeps its table (used by migrations).

The model's state moves with ``SeparateDatabaseAndState`` (no SQL); its content type row is
renamed in place, so pages, revisions, permissions, log entries and search index entries that
point to it stay attached."""

from django.db import migrations


def move_content_type(old_app: str, new_app: str, model: str) -> migrations.RunPython:
    def forwards(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        if not ContentType.objects.filter(app_label=new_app, model=model).exists():
            ContentType.objects.filter(app_label=old_app, model=model).update(app_label=new_app)

    def backwards(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        if not ContentType.objects.filter(app_label=old_app, model=model).exists():
            ContentType.objects.filter(app_label=new_app, model=model).update(app_label=old_app)

    return migrations.RunPython(forwards, backwards)
