"""Two people editing the same action at once: the second to save gets the form back with a
message saying someone else saved meanwhile, and their own text kept; the first's values
stay. Never a silent overwrite — also when the first changed only a list (supporting
directorates, tags, partners), which is stored beside the action's own row."""

import re
import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import F
from django.test import Client
from django.urls import reverse

from esitlik.core.audit import check_version
from esitlik.core.models import Role
from esitlik.plans.models import Action
from tests.factories import MembershipFactory, UserFactory
from tests.faults.conftest import english_client
from tests.plans.helpers import approve, build, make_plan

STALE = "Someone else saved a change to this while you were editing it"


def form_version(page: str) -> str:
    return re.search(r'name="version" value="(\d+)"', page).group(1)


def second_admin(world):
    user = UserFactory(username="deniz")
    MembershipFactory(user=user, municipality=world.home, role=Role.EQUALITY_ADMIN)
    return user


def edit_data(world, version, title, **extra):
    return {
        "title_0": title,
        "lead_directorate": world.social.pk,
        "status": "not_started",
        "progress": "0",
        "weight": "1",
        "version": version,
        **extra,
    }


def two_editors(world):
    plan = make_plan(world)
    _, _, action = build(plan, world)
    url = reverse("action_edit", args=[world.home.slug, plan.pk, action.pk])
    first, second = english_client(Client), english_client(Client)
    first.force_login(world.alice)
    second.force_login(second_admin(world))
    versions = [form_version(c.get(url).content.decode()) for c in (first, second)]
    return plan, action, url, first, second, versions


def test_the_second_to_save_an_action_is_refused_and_keeps_their_text(world):
    plan, action, url, first, second, (v1, v2) = two_editors(world)
    saved = first.post(url, edit_data(world, v1, "Danışma hattı 7/24"))
    assert saved.status_code == 302
    refused = second.post(url, edit_data(world, v2, "Danışma hattı ve sığınma evi"))
    assert refused.status_code == 200
    page = refused.content.decode()
    assert STALE in page
    assert "Danışma hattı ve sığınma evi" in page  # their text is still in the form
    action.refresh_from_db()
    assert action.title["tr"] == "Danışma hattı 7/24"


def test_a_change_to_the_supporting_directorates_alone_is_not_overwritten(world):
    plan, action, url, first, second, (v1, v2) = two_editors(world)
    saved = first.post(
        url, edit_data(world, v1, "Danışma hattı", supporting_directorates=[world.parks.pk])
    )
    assert saved.status_code == 302
    refused = second.post(url, edit_data(world, v2, "Danışma hattı (gece)"))
    assert refused.status_code == 200 and STALE in refused.content.decode()
    action.refresh_from_db()
    assert list(action.supporting_directorates.all()) == [world.parks]
    assert action.title["tr"] == "Danışma hattı"


def test_two_reports_on_one_action_do_not_overwrite_each_other(world):
    plan = make_plan(world)
    _, _, action = build(plan, world)
    approve(plan)
    url = reverse("action_edit", args=[world.home.slug, plan.pk, action.pk])
    admin, focal = english_client(Client), english_client(Client)
    admin.force_login(world.alice)
    focal.force_login(world.bob)
    v1, v2 = (form_version(c.get(url).content.decode()) for c in (admin, focal))
    report = {"status": "on_track", "progress": "40", "budget_actual": "", "version": v1}
    assert admin.post(url, report).status_code == 302
    refused = focal.post(url, {**report, "progress": "65", "version": v2})
    assert refused.status_code == 200 and STALE in refused.content.decode()
    action.refresh_from_db()
    assert (action.status, action.progress) == ("on_track", 40)
    assert Action.objects.get(pk=action.pk).version == int(v1) + 1


@pytest.mark.django_db(transaction=True)
def test_two_saves_checked_at_the_same_moment_let_only_one_through(world):
    """The version check holds the row until the write commits: a second save that checked at
    the same moment waits, reads the new version and is refused (on PostgreSQL both would
    read the old version without the lock)."""
    _plan, _objective, action = build(make_plan(world), world)
    version = action.version
    outcomes = []

    def save(title):
        try:
            with transaction.atomic():
                check_version(action, version)
                time.sleep(0.5)  # the other one checks now
                Action.objects.filter(pk=action.pk).update(
                    title={"tr": title}, version=F("version") + 1
                )
            outcomes.append("saved")
        except ValidationError:
            outcomes.append("stale")
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(t,)) for t in ("Birinci", "İkinci")]
    for thread in threads:
        thread.start()
        time.sleep(0.1)
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["saved", "stale"]
    assert Action.objects.get(pk=action.pk).version == version + 1
