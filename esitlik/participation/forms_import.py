"""Forms of the import page: the upload with its options, and the confirmation of a preview."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esitlik.core.models import Municipality
from esitlik.core.tabular import ACCEPT, Limits
from esitlik.participation.models import Event


class EventChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Event) -> str:
        return f"{obj.title} ({timezone.localtime(obj.starts_at):%d.%m.%Y})"


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What the file holds"),
        choices=[
            ("inputs", _("Inputs: problems, needs and proposals")),
            ("stakeholders", _("Stakeholders: the organisations of the registry")),
        ],
        initial="inputs",
        widget=forms.RadioSelect,
    )
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "A CSV file or an Excel workbook, at most 5 MB and 1,000 rows; the first row names "
            "the columns. Larger files go in with the import_participation command."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )
    event = EventChoiceField(
        label=_("Event of every input"),
        queryset=Event.objects.none(),
        required=False,
        empty_label=_("— as the file says —"),
        help_text=_(
            "For inputs only: choose the workshop or meeting they were raised at, and every row "
            "is recorded for it. Otherwise an “Etkinlik” column names each row's event."
        ),
    )
    update_existing = forms.BooleanField(
        label=_("Update stakeholders already in the registry"),
        required=False,
        help_text=_(
            "For stakeholders only: a row whose name is already in the registry changes that "
            "stakeholder (filled cells only) instead of being refused."
        ),
    )
    add_neighbourhoods = forms.BooleanField(
        label=_("Add missing neighbourhoods"),
        required=False,
        help_text=_(
            "A neighbourhood the list does not have is added to it instead of being refused. "
            "Check the spellings in the preview first."
        ),
    )

    def __init__(self, *args, municipality: Municipality, may_add_neighbourhoods: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = (
            Event.objects.filter(municipality=municipality)
            .exclude(status=Event.Status.CANCELLED)
            .order_by("-starts_at", "-id")
        )
        if not may_add_neighbourhoods:
            del self.fields["add_neighbourhoods"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > Limits().max_bytes:
            raise forms.ValidationError(_("The file is larger than 5 MB; split it into parts."))
        return upload

    def clean(self):
        data = super().clean()
        # Options that do not apply to what is imported are dropped, not refused.
        if data.get("kind") == "stakeholders":
            data["event"] = None
        else:
            data["update_existing"] = False
        data.setdefault("add_neighbourhoods", False)
        return data


class ConfirmForm(forms.Form):
    """Carries the preview's token back, so a confirmation only ever imports the file that
    was previewed in this session."""

    token = forms.CharField(widget=forms.HiddenInput, max_length=100)
