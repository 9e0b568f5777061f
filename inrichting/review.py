"""The review workflow's automatic check step and the officialese word list, set up once."""

from django.core.cache import cache
from wagtail.models import GroupApprovalTask, WorkflowTask

from checks.b1.officialese import read_csv
from checks.models import AmbtelijkWoord, TaalToegankelijkheidTask
from checks.models.words import CACHE_KEY


def ensure_word_list() -> int:
    """Add the entries of data/ambtelijk.csv that are not in the database yet. Entries that
    administrators changed or added stay as they are. Returns how many were added."""
    known = set(AmbtelijkWoord.objects.values_list("woord", flat=True))
    new = [
        AmbtelijkWoord(
            woord=entry.word.lower(),
            alternatief=entry.alternative,
            werkwoord=entry.is_verb,
            vormen=" / ".join(entry.forms),
        )
        for entry in read_csv()
        if entry.word.lower() not in known
    ]
    AmbtelijkWoord.objects.bulk_create(new)
    if new:
        cache.delete(CACHE_KEY)
    return len(new)


def ensure_review_tasks() -> None:
    """Put the automatic "Taal en toegankelijkheid" step first in every review workflow that
    has a group approval, reviewed (when needed) by the same groups. Idempotent."""
    for approval in WorkflowTask.objects.filter(
        task__content_type__model="groupapprovaltask"
    ).select_related("workflow", "task"):
        workflow = approval.workflow
        if workflow.workflow_tasks.filter(
            task__content_type__model=TaalToegankelijkheidTask._meta.model_name
        ).exists():
            continue
        groups = GroupApprovalTask.objects.get(pk=approval.task_id).groups.all()
        task = TaalToegankelijkheidTask.objects.create(
            name=f"Taal en toegankelijkheid ({workflow.name})"
        )
        task.groups.set(groups)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
