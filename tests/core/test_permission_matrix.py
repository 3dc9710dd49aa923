"""The permission matrix in docs/security.md, read as the source of truth.

(a) The table agrees with the code in both directions: every ``Perm`` is a row, every role a
column, and every cell is what ``permissions.py`` (and the per-directorate rules) answers.
(b) Every row is exercised for every role, and for the other municipality's admin: a page that
needs the right, a form posted with valid data (allowed: the write is in the database;
refused: 403 and nothing changed) and an API call where the API offers one. Oscar, the other
municipality's admin, gets 404 everywhere and changes nothing; an anonymous visitor is sent to
sign in (the API: 401).

Also here: the background tasks (a report build, an import) never cross municipalities, and
every download or export address is classified for tenant isolation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from esitlik.api.models import ApiToken
from esitlik.api.tokens import token_create
from esitlik.core.models import Directorate, Invitation, Role
from esitlik.core.permissions import MATRIX, Perm, can, can_edit_directorate
from esitlik.datasets.access import can_import_for
from esitlik.datasets.catalogue import service_create
from esitlik.datasets.models import ImportRun, Service
from esitlik.frameworks.models import Framework
from esitlik.participation.inputs import input_create
from esitlik.participation.models import ContactPerson, Input, Stakeholder
from esitlik.participation.stakeholders import stakeholder_create
from esitlik.plans import structure
from esitlik.plans.models import Action, ActionPlan
from esitlik.reports.models import StoredReport
from esitlik.training.models import Programme, StaffMember
from tests.plans.helpers import approve, build, make_plan
from tests.reports.helpers import ready_report

DOC = Path(__file__).resolve().parents[2] / "docs" / "security.md"
ANON = "anonymous"
OSCAR = "oscar"  # the other municipality's equality unit admin
COLUMNS = {
    "equality unit admin": Role.EQUALITY_ADMIN,
    "focal point": Role.FOCAL_POINT,
    "commission member": Role.COMMISSION_MEMBER,
    "monitor": Role.MONITOR,
    "network coordinator": Role.NETWORK_COORDINATOR,
    "anonymous / citizen": ANON,
}
YES, NO, OWN = "✓", "—", "own directorate"


# The table -----------------------------------------------------------------------------------


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def read_matrix() -> dict[str, dict[str, str]]:
    """{row key: {role or ANON: cell}}; a permission's row is keyed by its code (the first
    backquoted word), a named action's by its text."""
    text = DOC.read_text(encoding="utf-8")
    block = text.split("<!-- matrix:start -->", 1)[1].split("<!-- matrix:end -->", 1)[0]
    lines = [line for line in block.strip().splitlines() if line.strip()]
    header = _cells(lines[0])
    assert header[1:] and all(name in COLUMNS for name in header[1:]), header
    assert set(lines[1]) <= set("|-: "), lines[1]
    rows = {}
    for line in lines[2:]:
        action, *cells = _cells(line)
        code = re.match(r"`(\w+)`", action)
        key = code.group(1) if code else action
        assert key not in rows, f"two rows for {key}"
        assert len(cells) == len(header) - 1, line
        rows[key] = {COLUMNS[name]: cell for name, cell in zip(header[1:], cells, strict=True)}
    return rows


MATRIX_DOC = read_matrix()


def _scoped(rule) -> Callable:
    """A per-directorate rule as a cell: every directorate, only one's own, or none."""

    def answer(membership, world):
        own, other = rule(membership, world.social), rule(membership, world.parks)
        return YES if own and other else OWN if own else NO

    return answer


# The code's answer for each named action (a membership, or None for anonymous).
NAMED_RULES: dict[str, Callable] = {
    "edit a directorate's description": _scoped(can_edit_directorate),
    # structure.action_report through the page and the API: can_edit_directorate on the
    # action's lead directorate.
    "report an action's status and progress (page and API)": _scoped(can_edit_directorate),
    "upload a dataset for a directorate": _scoped(can_import_for),
    "push service counts via API": _scoped(can_import_for),
    # api/views.py: access_membership_for(..., Perm.VIEW_PUBLISHED)
    "make and revoke one's own API tokens": lambda m, w: YES if can(m, Perm.VIEW_PUBLISHED) else NO,
    # The portal and the public API ask nothing of anyone.
    "read the public portal and the public API": lambda m, w: YES,
}


def membership_of(world, role):
    return None if role == ANON else world.user(role).memberships.get()


def code_cell(key, membership, world) -> str:
    if key in {perm.value for perm in Perm}:
        return YES if can(membership, Perm(key)) else NO
    return NAMED_RULES[key](membership, world)


def test_the_table_has_every_permission_and_every_role():
    perms = {p.value for p in Perm}
    assert perms <= set(MATRIX_DOC), f"no row for {perms - set(MATRIX_DOC)}"
    named = set(MATRIX_DOC) - perms
    assert named == set(NAMED_RULES), "a named action without a rule here, or the reverse"
    assert set(COLUMNS.values()) == {*Role.values, ANON}
    assert set(MATRIX) == set(Role.values)
    for key, row in MATRIX_DOC.items():
        assert set(row) == set(COLUMNS.values()), key
        assert set(row.values()) <= {YES, NO, OWN}, (key, row)


def test_every_cell_is_what_the_code_answers(world):
    wrong = [
        (key, role, row[role], code_cell(key, membership_of(world, role), world))
        for key, row in MATRIX_DOC.items()
        for role in row
        if row[role] != code_cell(key, membership_of(world, role), world)
    ]
    assert wrong == [], "(row, role, the table says, the code says)"


def test_the_code_grants_nothing_the_table_does_not_show():
    """The other direction, from the code: every permission a role holds is a ✓."""
    for role, perms in MATRIX.items():
        for perm in Perm:
            expected = YES if perm in perms else NO
            assert MATRIX_DOC[perm.value][role] == expected, (perm, role)
    assert all(MATRIX_DOC[perm.value][ANON] == NO for perm in Perm)


# The requests --------------------------------------------------------------------------------


class Ctx:
    """Home's objects, made only when a row's requests ask for them (each test is one row and
    one role, so it pays only for what it uses)."""

    def __init__(self, world, user):
        self.world, self.user = world, user
        self.home = world.home

    def url(self, name, *args, query=""):
        return reverse(name, args=[self.home.slug, *args]) + query

    @cached_property
    def draft_plan(self):
        return make_plan(self.world)

    @cached_property
    def approved(self):
        """An approved plan with one action led by bob's directorate and one by parks."""
        plan = make_plan(self.world)
        _aim, objective, social = build(plan, self.world)
        parks = structure.action_create(
            objective=objective,
            title={"tr": "Parklarda aydınlatma"},
            lead_directorate=self.world.parks,
            by=None,
        )
        plan = approve(plan)
        return {"plan": plan, "social": social, "parks": parks}

    def action(self, which) -> Action:
        return Action.objects.get(pk=self.approved[which].pk)

    @cached_property
    def stakeholder(self):
        return stakeholder_create(municipality=self.home, name="Dernek", kind="ngo", by=None)

    @cached_property
    def item(self):
        return input_create(municipality=self.home, by=None, kind="problem", text="Sorun")

    @cached_property
    def public_report(self):
        return ready_report(self.home)

    @cached_property
    def internal_report(self):
        return ready_report(self.home, audience="internal")

    @cached_property
    def published_report(self):
        return ready_report(self.home, published=True)

    @cached_property
    def landed_run(self):
        return ImportRun.objects.create(
            municipality=self.home,
            kind="service_counts",
            year=2025,
            directorate=self.world.social,
            file_name="sayilar.csv",
            file_sha256="0" * 64,
            status=ImportRun.Status.LANDED,
        )

    @cached_property
    def services(self):
        return {
            "social": service_create(
                municipality=self.home, directorate=self.world.social, name="Sosyal Yardım", by=None
            ),
            "parks": service_create(
                municipality=self.home, directorate=self.world.parks, name="Spor Kursları", by=None
            ),
        }


@dataclass
class Call:
    """One request of a row. ``done`` says the write is in the database; ``scope`` "other" marks
    a request that an "own directorate" cell does not allow (another directorate's object)."""

    method: str  # GET, POST, API GET, API POST
    address: Callable[[Ctx], str]
    data: Callable[[Ctx], dict] | None = None
    done: Callable[[Ctx], bool] | None = None
    scope: str = "own"
    refused: int = 403  # what a member without the right gets
    refused_own: int | None = None  # what an "own directorate" cell gets here, if not that
    # The other municipality's admin: 404 on every object address; on an API list, 200 with
    # his own (empty) municipality's data.
    outsider: str = "404"
    label: str = ""

    @property
    def api(self):
        return self.method.startswith("API")

    def __str__(self):
        return self.label or self.method


def get(name, *args, query="", **kw):
    return Call(
        "GET",
        lambda c: c.url(name, *[a(c) if callable(a) else a for a in args], query=query),
        label=f"GET {name}{query}",
        **kw,
    )


def post(name, *args, data, done, **kw):
    return Call(
        "POST",
        lambda c: c.url(name, *[a(c) if callable(a) else a for a in args]),
        data=data,
        done=done,
        label=f"POST {name}",
        **kw,
    )


def directorate_post(which):
    def data(c):
        d = getattr(c.world, which)
        return {
            "name_0": d.name["tr"],
            "level": d.level,
            "parent": "",
            "code": d.code,
            "description": f"Açıklama {which}",
            "is_active": "on",
        }

    return post(
        "directorate_edit",
        lambda c: getattr(c.world, which).pk,
        data=data,
        done=lambda c: (
            Directorate.objects.get(pk=getattr(c.world, which).pk).description
            == f"Açıklama {which}"
        ),
        scope="own" if which == "social" else "other",
    )


def report_action_page(which):
    return post(
        "action_edit",
        lambda c: c.approved["plan"].pk,
        lambda c: c.approved[which].pk,
        data=lambda c: {
            "status": "on_track",
            "progress": 40,
            "budget_actual": "",
            "version": c.action(which).version,
        },
        done=lambda c: c.action(which).progress == 40,
        scope="own" if which == "social" else "other",
    )


def report_action_api(which):
    return Call(
        "API POST",
        lambda c: f"/api/v1/actions/{c.approved[which].pk}/progress",
        data=lambda c: {"status": "on_track", "progress": 60},
        done=lambda c: c.action(which).progress == 60,
        scope="own" if which == "social" else "other",
        label=f"API POST actions/{which}/progress",
    )


CSV = "Hizmet Adı;Kadın;Erkek;Toplam\r\nSosyal Yardım;12;8;20\r\n".encode()


def upload(which):
    return post(
        "dataset_upload",
        data=lambda c: {
            "kind": "service_counts",
            "year": 2025,
            "directorate": getattr(c.world, which).pk,
            "mode": "add",
            "file": SimpleUploadedFile(f"{which}.csv", CSV, content_type="text/csv"),
        },
        done=lambda c: ImportRun.objects.filter(directorate=getattr(c.world, which)).exists(),
        scope="own" if which == "social" else "other",
        # The form offers a focal point only their own directorates: another one is an invalid
        # choice (the form again, with its error), and nothing is kept.
        refused_own=200,
    )


def push(which):
    service = {"social": "Sosyal Yardım", "parks": "Spor Kursları"}[which]

    def data(c):
        assert c.services  # the catalogue the rows name
        return {
            "year": 2025,
            "directorate_id": getattr(c.world, which).pk,
            "rows": [{"service": service, "women": 9, "men": 9, "total": 18}],
        }

    return Call(
        "API POST",
        lambda c: "/api/v1/service-counts",
        data=data,
        done=lambda c: ImportRun.objects.filter(
            directorate=getattr(c.world, which), status=ImportRun.Status.LANDED
        ).exists(),
        scope="own" if which == "social" else "other",
        label=f"API POST service-counts/{which}",
    )


CALLS: dict[str, list[Call]] = {
    "view_published": [
        get("dashboard"),
        get("report_list"),
        get("report_download", lambda c: c.published_report.pk, "pdf"),
        Call("API GET", lambda c: "/api/v1/token", outsider="own", label="API GET token"),
    ],
    "view_internal": [
        get("directorate_list"),
        get("member_list"),
        get("input_detail", lambda c: c.item.pk),
        Call(
            "API GET",
            lambda c: f"/api/v1/imports?year={c.landed_run.year}",
            outsider="own",
            label="API GET imports",
        ),
        Call("API GET", lambda c: f"/api/v1/imports/{c.landed_run.pk}", label="API GET import"),
    ],
    "edit_own_directorate": [
        get("plan_import", lambda c: c.draft_plan.pk),
        directorate_post("social"),
    ],
    "manage_structure": [
        get("directorate_create"),
        post(
            "directorate_create",
            data=lambda c: {
                "name_0": "Kültür İşleri Müdürlüğü",
                "level": "directorate",
                "parent": "",
                "code": "KI",
                "is_active": "on",
            },
            done=lambda c: Directorate.objects.filter(municipality=c.home, code="KI").exists(),
        ),
    ],
    "manage_members": [
        get("member_invite"),
        post(
            "member_invite",
            data=lambda c: {"email": "yeni.kisi@example.org", "role": Role.MONITOR},
            done=lambda c: Invitation.objects.filter(email="yeni.kisi@example.org").exists(),
        ),
    ],
    "view_audit": [get("audit_log")],
    "record_review": [],  # planned: no page or endpoint (test_record_review_has_no_surface_yet)
    "manage_tag_sets": [
        get("tag_set_create"),
        post(
            "tag_set_create",
            data=lambda c: {"title_0": "Kendi etiketlerimiz"},
            done=lambda c: Framework.objects.filter(municipality=c.home).exists(),
        ),
    ],
    "manage_plans": [
        get("plan_create"),
        post(
            "plan_create",
            data=lambda c: {"title_0": "Yeni YEEP", "start_year": 2026, "end_year": 2029},
            done=lambda c: ActionPlan.objects.filter(municipality=c.home).exists(),
        ),
    ],
    "record_participation": [
        get("stakeholder_create"),
        post(
            "stakeholder_create",
            data=lambda c: {"name": "Kadın Dayanışma Derneği", "kind": "ngo"},
            done=lambda c: Stakeholder.objects.filter(municipality=c.home).exists(),
        ),
    ],
    "decide_inputs": [
        post(
            "input_detail",
            lambda c: c.item.pk,
            data=lambda c: {
                "form": "decide",
                "status": "not_taken",
                "decision_reason": "Belediyenin görev alanı dışında.",
                "version": c.item.version,
            },
            done=lambda c: Input.objects.get(pk=c.item.pk).status == "not_taken",
        ),
    ],
    "view_contacts": [
        get("contact_create", lambda c: c.stakeholder.pk),
        post(
            "contact_create",
            lambda c: c.stakeholder.pk,
            data=lambda c: {
                "name": "Fatma Demir",
                "consent_date": "2025-01-01",
                "consent_purpose": "Toplantılara davet",
            },
            done=lambda c: ContactPerson.objects.filter(name="Fatma Demir").exists(),
        ),
    ],
    "export_contacts": [get("stakeholder_export", query="?contacts=1")],
    "manage_training": [
        get("programme_create"),
        post(
            "programme_create",
            data=lambda c: {"title_0": "TCE temel eğitimi", "audience": "staff"},
            done=lambda c: Programme.objects.filter(municipality=c.home).exists(),
        ),
    ],
    "record_training": [
        get("staff_create"),
        post(
            "staff_create",
            data=lambda c: {"name": "Ayşe Yılmaz", "sex": "woman", "is_active": "on"},
            done=lambda c: StaffMember.objects.filter(municipality=c.home).exists(),
        ),
    ],
    "view_staff": [get("staff_list")],
    "import_data": [get("dataset_upload"), upload("social")],
    "manage_data": [
        get("dataset_service_create"),
        post(
            "dataset_service_create",
            data=lambda c: {"name_0": "Kreş", "directorate": c.world.social.pk},
            done=lambda c: Service.objects.filter(municipality=c.home).exists(),
        ),
    ],
    # A report the role may not read is as invisible as a missing one (reports/access.py).
    "view_unsuppressed": [get("report_detail", lambda c: c.internal_report.pk, refused=404)],
    "make_reports": [
        get("report_new"),
        post(
            "report_publish",
            lambda c: c.public_report.pk,
            data=lambda c: {"version": c.public_report.version},
            done=lambda c: StoredReport.objects.get(pk=c.public_report.pk).published_at is not None,
        ),
    ],
    "edit a directorate's description": [directorate_post("social"), directorate_post("parks")],
    "report an action's status and progress (page and API)": [
        report_action_page("social"),
        report_action_page("parks"),
        report_action_api("social"),
        report_action_api("parks"),
    ],
    "upload a dataset for a directorate": [upload("social"), upload("parks")],
    "push service counts via API": [push("social"), push("parks")],
    "make and revoke one's own API tokens": [
        get("api_token_list"),
        post(
            "api_token_list",
            data=lambda c: {"name": "Rehber", "lifetime": "90"},
            done=lambda c: ApiToken.objects.filter(membership__user=c.user, name="Rehber").exists(),
        ),
    ],
    "read the public portal and the public API": [
        get("portal_home"),
        Call("API GET", lambda c: f"/api/v1/municipalities/{c.home.slug}", label="API GET"),
    ],
}


def test_every_row_has_requests():
    assert set(CALLS) == set(MATRIX_DOC)
    assert [key for key, calls in CALLS.items() if not calls] == ["record_review"]


def test_record_review_has_no_surface_yet():
    """record_review is granted but no view or endpoint asks for it; the day one does, this
    fails until the row above gets its requests."""
    root = Path(__file__).resolve().parents[2] / "esitlik"
    users = [
        path
        for path in root.rglob("*.py")
        if path.name != "permissions.py" and "RECORD_REVIEW" in path.read_text(encoding="utf-8")
    ]
    assert users == []


def allowed(cell: str, call: Call) -> bool:
    return cell == YES or (cell == OWN and call.scope == "own")


def _send(client, call: Call, ctx: Ctx, headers: dict):
    url = call.address(ctx)
    data = call.data(ctx) if call.data else None
    if call.method == "GET":
        return client.get(url)
    if call.method == "POST":
        return client.post(url, data)
    if call.method == "API GET":
        return client.get(url, **headers)
    return client.post(url, data, content_type="application/json", **headers)


WHO = [*Role.values, ANON, OSCAR]
CASES = [
    pytest.param(key, who, id=f"{key[:40]}-{who}")
    for key, calls in CALLS.items()
    if calls
    for who in WHO
]


@pytest.mark.parametrize(("key", "who"), CASES)
def test_each_cell_over_http_and_the_api(world, client, key, who):
    user = None if who == ANON else world.oscar if who == OSCAR else world.user(who)
    ctx = Ctx(world, user)
    headers = {}
    if user is not None:
        client.force_login(user)
        raw = token_create(membership=user.memberships.get(), name="Matris", by=None)[1]
        headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    public = key == "read the public portal and the public API"
    for call in CALLS[key]:
        response = _send(client, call, ctx, headers)
        status = response.status_code
        where = f"{call} as {who}: {status}"
        assert status < 500, where
        if public:
            assert status == 200, where
            continue
        if who == OSCAR:
            if call.api and call.outsider == "own":
                assert status == 200, where
                assert world.home.slug not in response.content.decode(), where
                assert response.json().get("count", 0) == 0, where
            else:
                assert status == 404, where
                if not call.api:
                    assert world.home.name not in response.content.decode(), where
            assert not (call.done and call.done(ctx)), f"{where}: it was written"
            continue
        if who == ANON:
            if call.api:
                assert status == 401, where
            else:
                assert status == 302 and response["Location"].startswith(reverse("login")), where
            assert not (call.done and call.done(ctx)), f"{where}: it was written"
            continue
        if allowed(MATRIX_DOC[key][who], call):
            if call.method.endswith("GET"):
                assert status == 200, where
            else:
                assert status in (200, 201, 302), where
                assert call.done(ctx), f"{where}: allowed, but nothing was written"
        else:
            cell = MATRIX_DOC[key][who]
            expected = call.refused_own if cell == OWN and call.refused_own else call.refused
            assert status == expected, where
            assert not (call.done and call.done(ctx)), f"{where}: refused, but it was written"


# Background tasks ----------------------------------------------------------------------------
#
# A task takes one id and acts on that row's municipality. The rows are made by the use cases,
# which refuse another municipality's objects; a row forged past them (as a bug or a hand-made
# database change could) must still not let a task read or write across.


def _counts(municipality, directorate, service, women):
    from tests.datasets.helpers import csv_bytes

    return import_file_for(
        municipality,
        csv_bytes(f"Hizmet;Kadın;Erkek;Toplam\n{service};{women};1;{women + 1}\n"),
        directorate=directorate,
        by=None,
    )


def import_file_for(municipality, data, **options):
    from esitlik.datasets.imports import import_file

    return import_file(
        municipality=municipality,
        kind="service_counts",
        year=2025,
        source=data,
        file_name=f"sayilar-{municipality.slug}.csv",
        **options,
    )


def _approved_plan(municipality, directorate, title):
    from esitlik.plans import services as plan_services

    plan = plan_services.plan_create(
        municipality=municipality, title={"tr": title}, start_year=2025, end_year=2028, by=None
    )
    aim = structure.aim_create(plan=plan, title={"tr": f"{title} amacı"}, by=None)
    objective = structure.objective_create(aim=aim, title={"tr": "Hedef"}, by=None)
    structure.action_create(
        objective=objective,
        title={"tr": f"{title} faaliyeti"},
        lead_directorate=directorate,
        by=None,
    )
    return approve(plan)


def test_a_report_for_one_municipality_never_builds_from_anothers_plan(world):
    from esitlik.reports import making

    asked = dict(kind=StoredReport.Kind.PROGRESS, period="2025", language="tr", audience="internal")
    # The same request on one's own plan builds: the refusals below are the tenant's.
    own = _approved_plan(world.home, world.social, "Örnek YEEP")
    built = making.request_report(municipality=world.home, plan=own, by=world.alice, **asked)
    built.refresh_from_db()
    assert built.status == StoredReport.Status.READY, built.error

    foreign_plan = _approved_plan(world.other, world.other_directorate, "Iğdır YEEP")
    with pytest.raises(ValidationError):
        making.request_report(municipality=world.home, plan=foreign_plan, by=world.alice, **asked)
    assert StoredReport.objects.filter(plan=foreign_plan).count() == 0
    # A request forged past the use case: the task refuses it and stores nothing of the plan.
    forged = StoredReport.objects.create(municipality=world.home, plan=foreign_plan, **asked)
    making.build_report.enqueue(forged.pk)
    forged.refresh_from_db()
    assert forged.status == StoredReport.Status.FAILED
    assert not forged.document and not forged.pdf
    assert "Iğdır" not in forged.title + str(forged.document)


def test_a_report_build_reads_only_its_own_municipalitys_data(world):
    from esitlik.reports import making

    for municipality, directorate in (
        (world.home, world.social),
        (world.other, world.other_directorate),
    ):
        service_create(
            municipality=municipality, directorate=directorate, name="Sosyal Yardım", by=None
        )
    home_run = _counts(world.home, world.social, "Sosyal Yardım", 40)
    other_run = _counts(world.other, world.other_directorate, "Sosyal Yardım", 7000)
    assert home_run.status == other_run.status == ImportRun.Status.LANDED
    report = making.request_report(
        municipality=world.home,
        kind=StoredReport.Kind.EQUALITY,
        year=2025,
        language="tr",
        audience="internal",
        by=world.alice,
    )
    report.refresh_from_db()
    assert report.status == StoredReport.Status.READY, report.error
    used = {run["id"] for run in report.inputs["runs"]}
    assert home_run.pk in used and other_run.pk not in used
    text = str(report.document)
    assert "7000" not in text and "7.000" not in text and "7001" not in text


def test_an_import_for_one_municipality_never_writes_for_another(world):
    from esitlik.datasets.imports import import_confirm, import_preview, import_upload
    from tests.datasets.helpers import csv_bytes

    service_create(
        municipality=world.other,
        directorate=world.other_directorate,
        name="Yalnızca Iğdır'da",
        by=None,
    )
    data = csv_bytes("Hizmet;Kadın;Erkek;Toplam\nYalnızca Iğdır'da;3;2;5\n")
    # The use case refuses another municipality's directorate before a run exists.
    with pytest.raises(ValidationError) as refused:
        import_upload(
            municipality=world.home,
            kind="service_counts",
            year=2025,
            data=data,
            file_name="x.csv",
            by=world.alice,
            directorate=world.other_directorate,
        )
    assert "directorate" in refused.value.message_dict
    assert not ImportRun.objects.exists()
    # Home's import reads home's catalogue only: a service only the other has is unknown.
    run = import_file_for(world.home, data, directorate=world.social, by=world.alice)
    assert run.status == ImportRun.Status.FAILED and run.rows_stored == 0
    # A run forged to name the other's directorate: the task refuses it, writes nothing.
    service_create(municipality=world.home, directorate=world.social, name="Aşevi", by=None)
    run = import_upload(
        municipality=world.home,
        kind="service_counts",
        year=2025,
        data=csv_bytes("Hizmet;Kadın;Erkek;Toplam\nAşevi;3;2;5\n"),
        file_name="y.csv",
        by=world.alice,
        directorate=world.social,
    )
    ImportRun.objects.filter(pk=run.pk).update(directorate=world.other_directorate)
    run.refresh_from_db()
    import_confirm(run=run, mapping=import_preview(run).mapping, by=world.alice)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED and run.rows_stored == 0
    assert not ImportRun.objects.filter(municipality=world.other).exists(), (
        "nothing is ever recorded for the other municipality"
    )
    assert not ImportRun.objects.filter(status=ImportRun.Status.LANDED).exists()


# Downloads and exports ---------------------------------------------------------------------

FILE_WORDS = ("download", "export", "csv", "xlsx", "pdf", "json", "template", "problems", "svg")


def test_every_download_and_export_address_is_classified_for_tenant_isolation():
    """Each address that hands out a file is either under /m/<slug>/ (walked by
    tests/core/test_tenant_isolation.py with another municipality's admin and ids: 404) or
    listed there with its reason (the portal, the network pages, the API)."""
    from tests.core.test_tenant_isolation import OPEN, PUBLIC, named_patterns, tenant_patterns

    walked = {p.name for p in tenant_patterns()}
    files = sorted(
        {p.name for p in named_patterns() if any(word in p.name.lower() for word in FILE_WORDS)}
    )
    unclassified = [name for name in files if name not in walked | set(OPEN) | set(PUBLIC)]
    assert unclassified == []
    # The walker reaches the members' files; a list that shrank would mean it lost sight.
    assert {
        "report_download",
        "plan_export",
        "plan_pdf",
        "stakeholder_export",
        "attachment_download",
        "evidence_download",
        "dataset_import_problems",
        "dataset_template",
    } <= walked
