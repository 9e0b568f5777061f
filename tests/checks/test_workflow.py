"""The workflow task "Taal en toegankelijkheid": plain, accessible pages pass by themselves;
other pages wait for a reviewer, who approves with a reason or sends the findings back."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import TaskState, Workflow, WorkflowState, WorkflowTask

from checks.models import TaalToegankelijkheidTask
from tests.factories import make_offer

pytestmark = pytest.mark.django_db

PLAIN = "Elke week koffie met buren. Iedereen is welkom."
OFFICIAL = "Indien u reeds participeert, dient u zich teneinde verstrekking middels het formulier te melden."


@pytest.fixture
def reviewers():
    return Group.objects.create(name="Taalcoaches")


@pytest.fixture
def workflow(reviewers):
    task = TaalToegankelijkheidTask.objects.create(name="Taal en toegankelijkheid")
    task.groups.add(reviewers)
    flow = Workflow.objects.create(name="Controle")
    WorkflowTask.objects.create(workflow=flow, task=task, sort_order=0)
    return flow


@pytest.fixture
def reviewer(django_user_model, reviewers):
    user = django_user_model.objects.create_superuser("coach", "coach@example.org", "x" * 16)
    user.groups.add(reviewers)
    return user


def submit(workflow, summary, user):
    page = make_offer(summary=summary, publish=False)
    page.save_revision(user=user)
    return page, workflow.start(page, user)


def test_the_task_type_is_offered_with_a_dutch_name():
    assert str(TaalToegankelijkheidTask.get_verbose_name()) == "Taal en toegankelijkheid"
    assert "B1" in str(TaalToegankelijkheidTask.get_description())


def test_a_b1_page_without_errors_passes_on_its_own_and_is_published(workflow, reviewer):
    page, state = submit(workflow, PLAIN, reviewer)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    task_state = TaskState.objects.get(workflow_state=state)
    assert task_state.status == TaskState.STATUS_APPROVED
    assert task_state.finished_by is None
    assert "Automatisch goedgekeurd" in task_state.comment
    page.refresh_from_db()
    assert page.live


def test_a_page_above_b1_waits_for_the_reviewer(workflow, reviewer):
    page, state = submit(workflow, OFFICIAL, reviewer)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.status == TaskState.STATUS_IN_PROGRESS
    assert page.controle.taalniveau == "boven B1"


def test_a_page_with_an_accessibility_error_waits_too(workflow, reviewer):
    page = make_offer(summary=PLAIN, body='<p><a href="/x">klik hier</a></p>', publish=False)
    page.save_revision(user=reviewer)
    state = workflow.start(page, reviewer)
    assert state.current_task_state.status == TaskState.STATUS_IN_PROGRESS


def test_reviewer_actions_need_a_form(workflow, reviewer, django_user_model):
    page, state = submit(workflow, OFFICIAL, reviewer)
    task = state.current_task_state.task.specific
    actions = {name: modal for name, _label, modal in task.get_actions(page, reviewer)}
    assert actions == {"reject": True, "approve": True}
    outsider = django_user_model.objects.create_user("buur", password="x" * 16)
    assert task.get_actions(page, outsider) == []


def test_approving_needs_a_reason_which_is_recorded(client, workflow, reviewer):
    page, state = submit(workflow, OFFICIAL, reviewer)
    client.force_login(reviewer)
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    client.post(url, {"comment": ""})
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS  # no reason, no approval
    client.post(url, {"comment": "Dit is de naam van de regeling; lezers kennen die."})
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    assert task_state.comment == "Dit is de naam van de regeling; lezers kennen die."
    assert task_state.finished_by == reviewer


def test_the_action_dialog_shows_the_findings(client, workflow, reviewer):
    page, state = submit(workflow, OFFICIAL, reviewer)
    client.force_login(reviewer)
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "reject", state.current_task_state.pk]
    )
    html = client.get(url).json()["html"]
    assert "Wat de controle vond" in html and "Taalniveau: boven B1" in html


def test_rejecting_sends_the_findings_back(workflow, reviewer):
    page, state = submit(workflow, OFFICIAL, reviewer)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, reviewer, "reject", comment="Graag eenvoudiger.")
    task_state.refresh_from_db()
    state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert task_state.comment.startswith("Graag eenvoudiger.")
    assert "“Indien” — Ambtelijk. Schrijf liever: als." in task_state.comment
    assert "taalniveau: boven B1" in task_state.comment
