"""Reading a sign-in sheet into a session's attendance, all or nothing.

Each row names a person: by staff number, or by name and directorate. A row is matched to
the staff register first by its staff number; a number nobody has, or no number, leaves the
name (compared the Turkish way, see ``lookups``) and the directorate, which also covers the
branches under it. A name that fits several people with nothing to tell them apart is
ambiguous; a row that fits no one is unmatched. Both are problems: the sheet is not imported
until they are corrected — unless the import may add people not on the staff list, in which
case an unmatched row with a name, a directorate and a sex becomes a new staff person
(``staff_create``). The same person twice in a sheet is a note and counted once; people
already listed as attending are left as they are.

The run is one transaction: new people are created and the attendance is recorded with
``attendance_add`` (audited as ``training.attendance.imported``), and if any row has a
problem, or it is a preview, everything is rolled back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from esitlik.core.tabular import (
    CellError,
    Column,
    ColumnMap,
    Limits,
    TableRefused,
    TableRow,
    cell_line,
    cell_text,
    header_finder,
    is_blank,
    match_columns,
    read_table,
    shown,
)
from esitlik.core.text import tr_casefold
from esitlik.participation.imports.base import Outcome, Problem
from esitlik.training.imports.lookups import (
    Directorates,
    Found,
    RoleCategories,
    Staff,
    directorate_name,
    find_sex,
    loose_name_key,
    names_with_directorates,
    number_key,
    sex_labels,
)
from esitlik.training.models import StaffMember, TrainingSession
from esitlik.training.sessions import attendance_add
from esitlik.training.staff import staff_create

# The headings a sheet may use, in Turkish or English (case, spacing and Turkish letters
# aside). Keep docs/commands.md in step. "İmza" / "Signature", a row number ("Sıra no") and
# any other column are left aside.
COLUMNS = (
    Column(
        "staff_number",
        pgettext_lazy("attendance import", "Staff number"),
        aliases=(
            "Sicil no",
            "Sicil numarası",
            "Sicil",
            "Personel no",
            "Personel numarası",
            "Staff no",
            "Staff number",
            "Employee number",
            "Employee no",
            "Employee ID",
        ),
    ),
    Column(
        "name",
        pgettext_lazy("attendance import", "Name and surname"),
        aliases=(
            "Ad soyad",
            "Adı soyadı",
            "Ad ve soyad",
            "İsim soyisim",
            "İsim soyad",
            "Katılımcı",
            "Katılımcı adı",
            "Personel",
            "Personel adı",
            "Name",
            "Full name",
            "Participant",
        ),
    ),
    Column(
        "first_name",
        pgettext_lazy("attendance import", "First name"),
        aliases=("Ad", "Adı", "İsim", "First name", "Given name"),
    ),
    Column(
        "last_name",
        pgettext_lazy("attendance import", "Surname"),
        aliases=("Soyad", "Soyadı", "Soyisim", "Surname", "Last name", "Family name"),
    ),
    Column(
        "directorate",
        pgettext_lazy("attendance import", "Directorate"),
        aliases=(
            "Müdürlük",
            "Müdürlüğü",
            "Birim",
            "Birimi",
            "Daire",
            "Daire başkanlığı",
            "Çalıştığı birim",
            "Görev yeri",
            "Directorate",
            "Department",
            "Unit",
        ),
    ),
    Column(
        "role",
        pgettext_lazy("attendance import", "Role category"),
        aliases=(
            "Rol kategorisi",
            "Rol",
            "Unvan",
            "Unvanı",
            "Ünvan",
            "Ünvanı",
            "Görev",
            "Görevi",
            "Kadro",
            "Role category",
            "Role",
            "Job title",
            "Title",
            "Position",
        ),
    ),
    Column(
        "sex",
        pgettext_lazy("attendance import", "Sex"),
        aliases=("Cinsiyet", "Cinsiyeti", "K/E", "Sex", "Gender"),
    ),
)
# Headings of the template: the columns above in the usual order, with a signature column.
SIGNATURE = pgettext_lazy("attendance import", "Signature")
# Sign-in sheets are short; the page keeps to what it can check within a request.
PAGE_LIMITS = Limits(max_rows=1000)


@dataclass
class Entry:
    """A person the sheet names: ``row`` is the first row naming them, ``written`` the name
    as written there, ``how`` "number", "name" or "new"."""

    row: int
    written: str
    person: StaffMember
    how: str


@dataclass
class AttendanceOutcome(Outcome):
    """What an import found (and, when ``applied``, did). ``to_add`` are people on the staff
    list not yet attending, ``new`` people added to the staff list, ``already`` people
    attending before the import; ``notes`` do not stop it, ``problems`` do."""

    kind: str = "attendance"
    to_add: list[Entry] = field(default_factory=list)
    new: list[Entry] = field(default_factory=list)
    already: list[Entry] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    blank_rows: int = 0

    @property
    def adding(self) -> int:
        return len(self.to_add) + len(self.new)


def session_refusal(session: TrainingSession) -> str:
    """Why no sheet can be imported into ``session``, or "" when one can."""
    if session.attendance_kind != TrainingSession.AttendanceKind.NAMED:
        return _(
            "This session records its participants as counts by sex and group, not by name, "
            "so a sign-in sheet cannot be imported into it."
        )
    if session.status == TrainingSession.Status.CANCELLED:
        return _("This session was cancelled; no one can be recorded as attending it.")
    if session.status != TrainingSession.Status.HELD:
        return _(
            "This session is not marked as held yet. Mark it as held, then import who attended."
        )
    return ""


class _RollBack(Exception):
    pass


def import_attendance(
    *,
    session: TrainingSession,
    by,
    data: bytes,
    name: str,
    add_new_staff: bool = False,
    commit: bool = True,
    limits: Limits | None = None,
) -> AttendanceOutcome:
    """Read the sign-in sheet ``data`` (an uploaded file called ``name``) into ``session``.
    With ``commit=False`` it is a preview: everything is checked, created and rolled back."""
    outcome = AttendanceOutcome()
    outcome.refusal = session_refusal(session)
    if outcome.refusal:
        return outcome
    try:
        table = read_table(data, name, is_header=header_finder(COLUMNS), limits=limits)
        mapping = match_columns(table, COLUMNS)
        _check_name_columns(mapping)
    except TableRefused as refusal:
        outcome.refusal = str(refusal)
        return outcome
    outcome.table, outcome.mapping = table, mapping
    try:
        with transaction.atomic():
            sheet = _Sheet(session, by, add_new_staff, mapping, outcome)
            for row in table.rows:
                sheet.read(row)
            if not outcome.to_add and not outcome.new and not outcome.already:
                if not outcome.problems:
                    outcome.refusal = _(
                        "The file has its column headings but no names or staff numbers below them."
                    )
                raise _RollBack
            if outcome.problems:
                raise _RollBack
            people = [entry.person for entry in outcome.to_add + outcome.new]
            attendance_add(
                session=session,
                people=people,
                by=by,
                audit_action="training.attendance.imported",
            )
            outcome.created = len(people)
            if not commit:
                raise _RollBack
            outcome.applied = True
    except _RollBack:
        pass
    except ValidationError as error:  # the session changed under the import
        outcome.refusal = " ".join(error.messages)
    return outcome


def _check_name_columns(mapping: ColumnMap) -> None:
    """A sheet must say who attended: a name, a first name and a surname, or a number."""
    if mapping.has("name") or mapping.has("staff_number"):
        return
    if mapping.has("first_name") and mapping.has("last_name"):
        return
    headers = {column.key: column.header() for column in COLUMNS}
    raise TableRefused(
        _(
            "The sheet needs a column “%(name)s” (or “%(first)s” and “%(last)s”) or "
            "“%(number)s” to know who attended."
        )
        % {
            "name": headers["name"],
            "first": headers["first_name"],
            "last": headers["last_name"],
            "number": headers["staff_number"],
        }
    )


class _Sheet:
    """Reads the rows one by one, keeping what they found in the outcome."""

    def __init__(self, session, by, add_new_staff: bool, mapping: ColumnMap, outcome):
        municipality = session.municipality
        self.session, self.by, self.add_new_staff = session, by, add_new_staff
        self.mapping, self.outcome = mapping, outcome
        self.directorates = Directorates(municipality)
        self.categories = RoleCategories(municipality)
        self.staff = Staff(municipality)
        self.present = set(session.attendances.values_list("staff_id", flat=True))
        self.rows_of: dict[int, int] = {}  # person's pk → the first row naming them

    # Cells and messages ------------------------------------------------------------------

    def raw(self, row: TableRow, key: str):
        return self.mapping.value(row, key)

    def name_of(self, row: TableRow) -> tuple[str, str]:
        """The row's name and the key of the column it came from ("first_name" when it
        was put together from a first name and a surname)."""
        name = cell_line(self.raw(row, "name"))
        if name or not (self.mapping.has("first_name") or self.mapping.has("last_name")):
            return name, "name"
        parts = [cell_line(self.raw(row, key)) for key in ("first_name", "last_name")]
        return " ".join(part for part in parts if part), "first_name"

    def where(self, key: str) -> tuple[str, str]:
        """A column's heading and letter as in the file ("Ad + Soyad" for a split name)."""
        if key == "first_name" and self.mapping.has("last_name"):
            keys = [k for k in ("first_name", "last_name") if self.mapping.has(k)]
            return (
                " + ".join(self.mapping.header(k) for k in keys),
                "+".join(self.mapping.letter(k) for k in keys),
            )
        if not self.mapping.has(key):
            return "", ""
        return self.mapping.header(key), self.mapping.letter(key)

    def _message(self, row: TableRow, key: str, message: str, value: str | None) -> Problem:
        column, letter = self.where(key)
        if value is None:
            value = shown(self.raw(row, key)) if self.mapping.has(key) else ""
        return Problem(row.number, column, letter, value, message)

    def problem(self, row: TableRow, key: str, message: str, value: str | None = None) -> None:
        self.outcome.problems.append(self._message(row, key, message, value))

    def note(self, row: TableRow, key: str, message: str, value: str | None = None) -> None:
        self.outcome.notes.append(self._message(row, key, message, value))

    def read_cell(self, row: TableRow, key: str, finder):
        try:
            return finder(self.raw(row, key))
        except CellError as error:
            self.problem(row, key, str(error))
            raise

    # One row -----------------------------------------------------------------------------

    def read(self, row: TableRow) -> None:
        number = "".join(cell_text(self.raw(row, "staff_number")).split())
        name, name_column = self.name_of(row)
        if not number and not name:
            others = ("directorate", "role", "sex")
            if any(not is_blank(self.raw(row, key)) for key in others):
                self.problem(
                    row,
                    name_column if self.mapping.has(name_column) else "staff_number",
                    _("Give the person's name and surname, or their staff number."),
                    "",
                )
            else:
                # A sheet printed with numbered lines keeps the unused ones.
                self.outcome.blank_rows += 1
            return
        person, how = self.by_number(row, number, name, name_column)
        if person is None:
            try:
                person, how = self.by_name(row, number, name, name_column)
            except CellError:
                return
        if person is not None:
            self.keep(row, name or number, name_column if name else "staff_number", person, how)

    def by_number(self, row, number: str, name: str, name_column: str):
        person = self.staff.by_staff_number(number)
        if person is None:
            return None, ""
        if name and tr_casefold(name) != person.name_key:
            if loose_name_key(name) != loose_name_key(person.name):
                self.note(
                    row,
                    name_column,
                    _(
                        "Staff number %(number)s is %(person)s's on the staff list, not "
                        "“%(name)s”; the row is counted as %(person)s's."
                    )
                    % {"number": number, "person": person.name, "name": name},
                    name,
                )
        return person, "number"

    def by_name(self, row, number: str, name: str, name_column: str):
        """The person a row names by name and directorate, a new person, or None with the
        row's problem recorded. Raises CellError when a cell could not be read."""
        directorate = self.read_cell(row, "directorate", self.directorates.find)
        within = self.directorates.within(directorate) if directorate else None
        found = self.staff.named(name, within) if name else Found()
        if found.person is not None:
            other_number = found.person.staff_number
            if number and other_number and number_key(other_number) != number_key(number):
                self.problem(
                    row,
                    "staff_number",
                    _(
                        "No one has staff number %(number)s, and %(person)s (%(directorate)s) "
                        "has %(theirs)s. Correct the number, or leave it out."
                    )
                    % {
                        "number": number,
                        "person": found.person.name,
                        "directorate": directorate_name(found.person.directorate),
                        "theirs": other_number,
                    },
                )
                return None, ""
            return found.person, "name"
        if found.candidates:
            if directorate is None:
                message = _(
                    "Several people on the staff list are called “%(name)s”: %(people)s. Give "
                    "the directorate or the staff number to tell them apart."
                )
            else:
                message = _(
                    "Several people called “%(name)s” work in %(directorate)s: %(people)s. Give "
                    "the staff number to tell them apart."
                )
            self.problem(
                row,
                name_column,
                message
                % {
                    "name": name,
                    "directorate": directorate_name(directorate),
                    "people": names_with_directorates(found.candidates),
                },
                name,
            )
            return None, ""
        if self.add_new_staff:
            return self.create(row, number, name, name_column, directorate, found), "new"
        self.unmatched(row, number, name, name_column, directorate, found)
        return None, ""

    def unmatched(self, row, number, name, name_column, directorate, found: Found) -> None:
        values = {"name": name, "number": number, "directorate": directorate_name(directorate)}
        if found.elsewhere:
            message = _(
                "“%(name)s” is on the staff list in another directorate: %(people)s, not in "
                "%(directorate)s. Correct the directorate, or give the staff number."
            )
            values["people"] = names_with_directorates(found.elsewhere)
        elif name and number:
            message = _(
                "No one on the staff list has staff number %(number)s or is called “%(name)s”."
            )
        elif number:
            message = _("No one on the staff list has staff number %(number)s.")
        elif directorate is not None:
            message = _("No one on the staff list is called “%(name)s” in %(directorate)s.")
        else:
            message = _("No one on the staff list is called “%(name)s”.")
        message = (
            (message % values)
            + " "
            + _(
                "Add the person to the staff list, correct the row, or import with “add people not "
                "on the staff list”."
            )
        )
        if name:
            self.problem(row, name_column, message, name)
        else:
            self.problem(row, "staff_number", message)

    def create(self, row, number, name, name_column, directorate, found: Found):
        """A new staff person from the row, or None with its problems recorded."""
        ok = True
        if not name:
            ok = False
            self.problem(
                row,
                "staff_number",
                _(
                    "No one on the staff list has staff number %(number)s; give the person's "
                    "name to add them."
                )
                % {"number": number},
            )
        if directorate is None:
            ok = False
            self.problem(
                row,
                "directorate",
                _("Give the directorate of a person who is not on the staff list yet."),
            )
        sex = category = None
        sex_read = True
        try:
            sex = self.read_cell(row, "sex", find_sex)
        except CellError:
            ok = sex_read = False
        try:
            category = self.read_cell(row, "role", self.categories.find)
        except CellError:
            ok = False
        if sex is None and sex_read:
            ok = False
            self.problem(
                row,
                "sex",
                _("Give the sex of a person who is not on the staff list yet: %(choices)s.")
                % {"choices": ", ".join(sex_labels())},
            )
        if not ok:
            return None
        try:
            person = staff_create(
                municipality=self.session.municipality,
                by=self.by,
                name=name,
                sex=sex,
                staff_number=number,
                directorate=directorate,
                role_category=category,
            )
        except ValidationError as error:
            columns = {"name": name_column, "staff_number": "staff_number", "sex": "sex"}
            columns.update(directorate="directorate", role_category="role")
            for field_name, messages in error.message_dict.items():
                for message in messages:
                    self.problem(row, columns.get(field_name, name_column), message)
            return None
        if found.elsewhere:
            self.note(
                row,
                name_column,
                _(
                    "“%(name)s” will be added as a new person in %(directorate)s; someone of "
                    "that name is on the staff list elsewhere: %(people)s. If it is them, "
                    "correct the directorate instead."
                )
                % {
                    "name": name,
                    "directorate": directorate_name(directorate),
                    "people": names_with_directorates(found.elsewhere),
                },
                name,
            )
        self.staff.add(person)
        return person

    def keep(self, row: TableRow, written: str, key: str, person: StaffMember, how: str) -> None:
        if person.pk in self.rows_of:
            self.note(
                row,
                key,
                _("%(person)s is also on row %(row)s; counted once.")
                % {"person": person.name, "row": self.rows_of[person.pk]},
                written,
            )
            return
        self.rows_of[person.pk] = row.number
        entry = Entry(row.number, written, person, how)
        if how == "new":
            self.outcome.new.append(entry)
        elif person.pk in self.present:
            self.outcome.already.append(entry)
        else:
            self.outcome.to_add.append(entry)
