from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from esitlik.core.forms import AmountField, DirectorateChoiceField
from esitlik.core.i18n_text import BilingualField
from esitlik.core.models import Directorate, Municipality
from esitlik.frameworks.models import Framework
from esitlik.plans.models import ActionPlan

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CommitmentForm(forms.Form):
    charter_signed_on = forms.DateField(label=_("Charter signed on"), required=False, widget=DATE)
    council_decision_no = forms.CharField(
        label=_("Council decision number"),
        max_length=50,
        required=False,
        help_text=_("As written on the decision, e.g. 2021/45."),
    )
    council_decision_date = forms.DateField(
        label=_("Council decision date"), required=False, widget=DATE
    )
    unit_established = forms.BooleanField(label=_("Equality unit established"), required=False)
    unit_since = forms.DateField(label=_("Equality unit since"), required=False, widget=DATE)
    unit_staff = forms.IntegerField(label=_("Unit staff"), required=False, min_value=0)
    commission_exists = forms.BooleanField(label=_("Equality commission exists"), required=False)
    commission_since = forms.DateField(label=_("Commission since"), required=False, widget=DATE)
    commission_women = forms.IntegerField(label=_("Women members"), required=False, min_value=0)
    commission_men = forms.IntegerField(label=_("Men members"), required=False, min_value=0)
    commission_legal_basis = forms.CharField(
        label=_("Legal basis of the commission"),
        max_length=200,
        required=False,
        help_text=_("e.g. Law 5393 art. 24 and the council decision that set it up."),
    )

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["charter_version"] = forms.ModelChoiceField(
            label=_("Charter text followed"),
            queryset=Framework.objects.filter(kind="charter", municipality__isnull=True),
            required=False,
            empty_label=_("— not chosen —"),
        )
        self.fields["unit_directorate"] = DirectorateChoiceField(
            municipality=municipality, label=_("Where the unit sits"), empty_value=None
        )
        self.order_fields(
            [
                "charter_signed_on",
                "charter_version",
                "council_decision_no",
                "council_decision_date",
                "unit_established",
                "unit_since",
                "unit_directorate",
                "unit_staff",
                "commission_exists",
                "commission_since",
                "commission_women",
                "commission_men",
                "commission_legal_basis",
            ]
        )


class PlanForm(forms.Form):
    title = BilingualField(label=_("Title"))
    start_year = forms.IntegerField(label=_("First year"), min_value=2000, max_value=2100)
    end_year = forms.IntegerField(label=_("Last year"), min_value=2000, max_value=2100)

    def __init__(self, *args, municipality: Municipality, new: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["charter_version"] = forms.ModelChoiceField(
            label=_("Charter text followed"),
            queryset=Framework.objects.filter(kind="charter", municipality__isnull=True),
            required=False,
            empty_label=_("— not chosen —"),
        )
        if new:
            self.fields["previous"] = forms.ModelChoiceField(
                label=_("Start from edition"),
                queryset=ActionPlan.objects.filter(municipality=municipality),
                required=False,
                empty_label=_("— a new plan from scratch —"),
                help_text=_("The new edition keeps a link to the one it continues."),
            )
            self.fields["carry_over"] = forms.BooleanField(
                label=_("Carry over unfinished actions and their indicators"),
                required=False,
                help_text=_(
                    "Actions not completed or cancelled move to the new edition with their "
                    "indicators; their history stays linked."
                ),
            )


class TransitionForm(forms.Form):
    """The extra facts some moves need: the council decision, or the final evaluation."""

    expected_status = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, move, **kwargs):
        super().__init__(*args, **kwargs)
        if move.needs_decision:
            self.fields["decision_no"] = forms.CharField(
                label=_("Council decision number"),
                max_length=50,
                help_text=_("As written on the decision, e.g. 2021/45."),
            )
            self.fields["decision_date"] = forms.DateField(
                label=_("Council decision date"), widget=DATE
            )
        if move.needs_evaluation:
            self.fields["final_evaluation"] = forms.CharField(
                label=_("Final evaluation"), widget=forms.Textarea(attrs={"rows": 8})
            )


class DecisionDocumentForm(forms.Form):
    document = forms.FileField(
        label=_("Council decision document"),
        help_text=_("A PDF or a scan (PNG or JPEG) of the signed decision, at most 10 MB."),
        widget=forms.FileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
    )


def _tag_choices(municipality: Municipality):
    """Framework items an action can be tagged with, grouped by framework for the select."""
    from django.db.models import Q

    from esitlik.core.i18n_text import localized
    from esitlik.frameworks.models import FrameworkItem

    items = (
        FrameworkItem.objects.filter(
            Q(framework__municipality__isnull=True) | Q(framework__municipality=municipality)
        )
        .exclude(kind="section")
        .exclude(kind="principle")
        .filter(is_active=True)
        .select_related("framework")
        .order_by(
            "framework__municipality_id", "framework__position", "framework__version", "position"
        )
    )
    groups: dict[str, list] = {}
    for item in items:
        groups.setdefault(str(item.framework), []).append(
            (item.pk, f"{item.code} {localized(item.title)}")
        )
    return list(groups.items())


class AimForm(forms.Form):
    title = BilingualField(label=_("Aim"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from esitlik.frameworks.models import FrameworkItem

        self.fields["heading"] = forms.ModelChoiceField(
            label=_("YEEP heading"),
            queryset=FrameworkItem.objects.filter(kind="heading").order_by("position"),
            required=False,
            empty_label=_("— none —"),
        )


class ObjectiveForm(forms.Form):
    title = BilingualField(label=_("Objective"))


class VersionedForm(forms.Form):
    """A form for an object others may change meanwhile: it carries the version it was drawn
    from, and the service refuses to save over a newer one."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class LinesField(forms.CharField):
    """A text box read as one entry per line; blank lines are ignored, nothing else is."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(str(v) for v in value)
        return value

    def to_python(self, value):
        text = super().to_python(value)
        return [line.strip() for line in text.splitlines() if line.strip()]


class ActionForm(VersionedForm):
    title = BilingualField(label=pgettext_lazy("plan", "Action"))
    partners = LinesField(
        label=_("Partners"),
        required=False,
        help_text=_("One organisation per line."),
    )
    start_date = forms.DateField(label=_("Start"), required=False, widget=DATE)
    end_date = forms.DateField(label=_("End"), required=False, widget=DATE)
    budget_planned = AmountField(
        label=_("Planned budget (TRY)"),
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=2,
    )
    target_groups = forms.MultipleChoiceField(
        label=_("Target groups"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[],
    )
    status = forms.ChoiceField(label=_("Status"), choices=[])
    progress = forms.IntegerField(label=_("Progress (%)"), min_value=0, max_value=100, initial=0)
    weight = forms.IntegerField(
        label=_("Weight"),
        required=False,
        min_value=1,
        max_value=100,
        initial=1,
        help_text=_(
            "How much this action counts when progress is added up; 1 unless it is much larger "
            "or smaller than the others."
        ),
    )

    def clean_weight(self):
        return self.cleaned_data["weight"] or 1

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        from esitlik.plans.models import Action

        self.fields["target_groups"].choices = Action.TargetGroup.choices
        self.fields["status"].choices = Action.Status.choices
        self.fields["lead_directorate"] = DirectorateChoiceField(
            municipality=municipality, label=_("Lead directorate"), required=True
        )
        self.fields["supporting_directorates"] = forms.TypedMultipleChoiceField(
            label=_("Supporting directorates"),
            required=False,
            choices=self.fields["lead_directorate"].choices[1:],
            coerce=lambda pk: Directorate.objects.get(pk=pk, municipality=municipality),
            widget=forms.CheckboxSelectMultiple,
        )
        self.fields["tags"] = forms.TypedMultipleChoiceField(
            label=_("Framework tags"),
            required=False,
            choices=_tag_choices(municipality),
            coerce=self._to_item,
            widget=forms.CheckboxSelectMultiple,
            help_text=_("Charter articles, YEEP headings, SDG 5 targets or own tags."),
        )
        self.order_fields(
            [
                "title",
                "lead_directorate",
                "supporting_directorates",
                "partners",
                "start_date",
                "end_date",
                "budget_planned",
                "target_groups",
                "tags",
                "status",
                "progress",
                "weight",
            ]
        )

    @staticmethod
    def _to_item(pk):
        from esitlik.frameworks.models import FrameworkItem

        return FrameworkItem.objects.get(pk=pk)


class ActionReportForm(VersionedForm):
    status = forms.ChoiceField(label=_("Status"), choices=[])
    progress = forms.IntegerField(label=_("Progress (%)"), min_value=0, max_value=100)
    budget_actual = AmountField(
        label=_("Actual spending (TRY)"),
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=2,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from esitlik.plans.models import Action

        self.fields["status"].choices = Action.Status.choices


class WorkbookImportForm(forms.Form):
    file = forms.FileField(
        label=_("Workbook"),
        help_text=_("The Excel file downloaded from this plan, with your changes; at most 5 MB."),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,.xlsm,.ods,application/vnd.openxmlformats-officedocument"
                ".spreadsheetml.sheet"
            }
        ),
    )

    def clean_file(self):
        from esitlik.plans.workbook.read import MAX_BYTES

        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 5 MB; a plan's workbook is smaller.")
            )
        return upload
