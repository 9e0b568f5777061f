"""The reminders as a background task (django-tasks, which Wagtail 8 ships). With the default
"immediate" backend the task runs at once; with a queue backend a worker runs it."""

from django_tasks import task

from .reminders import send_reminders


@task()
def send_reminders_task() -> dict:
    return send_reminders().as_dict()
