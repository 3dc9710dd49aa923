"""Forms of the staff register, its role categories and the typed-in workforce figures. They
forgive what people type in a Turkish office: stray spaces, "Kadın" for a sex, "1.234" for a
count."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from esitlik.core.forms import DirectorateChoiceField
from esitlik.core.i18n_text import BilingualField, localized
from esitlik.core.models import Municipality
from esitlik.core.sex import Sex, sex_from_text
from esitlik.participation.forms_fields import CountField
from esitlik.plans.forms import VersionedForm
from esitlik.training.models import RoleCategory, StaffMember

YES_NO = (("yes", _("Yes")), ("no", _("No")))


class SexField(forms.ChoiceField):
    """One of the four values, also when typed or pasted as "Kadın", "E" or "Female"."""

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", Sex.choices)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value and value not in Sex.values:
            value = sex_from_text(value) or value
        return str(value) if value else value


class RoleCategoryField(forms.ModelChoiceField):
    """The municipality's categories in use, plus ``keep`` (one a record already names that
    has since been taken out of use), in their order; ``every``: those out of use too."""

    def __init__(
        self,
        *,
        municipality: Municipality,
        keep: RoleCategory | None = None,
        every: bool = False,
        **kwargs,
    ):
        rows = RoleCategory.objects.filter(municipality=municipality)
        if not every:
            rows = rows.filter(Q(is_active=True) | Q(pk=keep.pk if keep else None))
        super().__init__(queryset=rows.order_by("position", "id"), **kwargs)

    def label_from_instance(self, obj):
        return localized(obj.name)


class StaffForm(VersionedForm):
    name = forms.CharField(label=_("Name and surname"), max_length=150)
    staff_number = forms.CharField(
        label=_("Staff number"),
        max_length=30,
        required=False,
        help_text=_("The municipality's registration number (sicil no), if known."),
    )
    sex = SexField(label=_("Sex"), widget=forms.RadioSelect, initial=Sex.NOT_STATED)
    is_active = forms.BooleanField(
        label=_("Still works here"),
        required=False,
        help_text=_("Untick when the person leaves; their training stays on record."),
    )

    def __init__(self, *args, municipality: Municipality, staff: StaffMember | None = None, **kw):
        super().__init__(*args, **kw)
        directorate = DirectorateChoiceField(
            municipality=municipality, label=_("Directorate"), empty_value=None
        )
        if staff is not None and staff.directorate_id:
            # A directorate since closed stays selectable for the people recorded in it.
            known = {str(value) for value, _label in directorate.choices}
            if str(staff.directorate_id) not in known:
                directorate.choices = [
                    *directorate.choices,
                    (staff.directorate_id, localized(staff.directorate.name)),
                ]
        self.fields["directorate"] = directorate
        self.fields["role_category"] = RoleCategoryField(
            municipality=municipality,
            keep=staff.role_category if staff else None,
            label=_("Role category"),
            required=False,
            empty_label=_("— not known —"),
            help_text=_("The rung training figures count this person under."),
        )
        if staff is None:
            del self.fields["is_active"]  # a new person works here
            del self.fields["version"]
        self.order_fields(
            ["name", "staff_number", "directorate", "role_category", "sex", "is_active"]
        )

    @staticmethod
    def initial_for(staff: StaffMember) -> dict:
        return {
            "name": staff.name,
            "staff_number": staff.staff_number,
            "directorate": staff.directorate_id,
            "role_category": staff.role_category_id,
            "sex": staff.sex,
            "is_active": staff.is_active,
            "version": staff.version,
        }


class StaffFilterForm(forms.Form):
    """The register's filters, sent with GET so a filtered list can be bookmarked."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
        help_text=_("Name or staff number."),
    )
    sex = forms.ChoiceField(label=_("Sex"), required=False)
    trained = forms.ChoiceField(
        label=_("Trained"),
        required=False,
        choices=[("", _("All")), ("yes", _("Attended a training")), ("no", _("Not yet trained"))],
    )
    active = forms.ChoiceField(
        label=_("Still works here"),
        required=False,
        choices=[("", _("All")), *YES_NO],
    )

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sex"].choices = [("", _("All")), *Sex.choices]
        directorate = DirectorateChoiceField(
            municipality=municipality, label=_("Directorate"), empty_value=None
        )
        directorate.choices = [("", _("All directorates")), *directorate.choices[1:]]
        self.fields["directorate"] = directorate
        self.fields["role_category"] = RoleCategoryField(
            municipality=municipality,
            every=True,  # retired categories too: people may still be filed under them
            label=_("Role category"),
            required=False,
            empty_label=_("All categories"),
        )
        self.order_fields(["q", "directorate", "role_category", "sex", "trained", "active"])


class RoleCategoryForm(forms.Form):
    name = BilingualField(label=_("Name"), max_length=120)


class RoleCategoryEditForm(RoleCategoryForm):
    position = forms.IntegerField(
        label=_("Order"),
        min_value=0,
        max_value=999,
        help_text=_("Categories are listed in this order in forms, tables and figures."),
    )
    is_active = forms.BooleanField(
        label=_("In use"),
        required=False,
        help_text=_(
            "A category taken out of use is no longer offered for new staff; the people and "
            "figures filed under it keep it."
        ),
    )


def tr_count(value: int) -> str:
    """A count as the page's language writes it, "1.234" in Turkish: CountField reads it
    back."""
    return number_format(value, force_grouping=True)


COLUMNS = (
    ("women", pgettext_lazy("sex", "Women")),
    ("men", pgettext_lazy("sex", "Men")),
    ("other", pgettext_lazy("workforce", "Other or not stated")),
)


class WorkforceForm(forms.Form):
    """One year's workforce: a count per role category and column. Each cell's label names
    both, so an error in the summary says which cell to fix."""

    def __init__(self, *args, categories, figures: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.categories = list(categories)
        self.saved = figures
        for category in self.categories:
            figure = figures.get(category.pk)
            for column, label in COLUMNS:
                name = self.cell_name(category, column)
                self.fields[name] = CountField(
                    label=_("%(category)s, %(column)s")
                    % {"category": localized(category.name), "column": label},
                    initial=tr_count(getattr(figure, column)) if figure else None,
                    max_value=10_000_000,
                    error_messages={"min_value": _("A count cannot be below 0.")},
                )

    @staticmethod
    def cell_name(category: RoleCategory, column: str) -> str:
        return f"c{category.pk}_{column}"

    def rows(self):
        """For the template: each category, its three bound cells and its saved figure."""
        for category in self.categories:
            cells = [self[self.cell_name(category, column)] for column, _label in COLUMNS]
            yield category, cells, self.saved.get(category.pk)

    def figures(self) -> dict:
        """The cleaned grid as workforce_set takes it: {category: (women, men, other)}."""
        data = self.cleaned_data
        return {
            category: tuple(
                data.get(self.cell_name(category, column)) or 0 for column, _label in COLUMNS
            )
            for category in self.categories
        }


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
