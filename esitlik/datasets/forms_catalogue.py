"""Forms of the service catalogue: one service, the list's search, and a list of services
pasted or uploaded at once."""

from __future__ import annotations

from pathlib import PurePath

from django import forms
from django.utils.translation import gettext_lazy as _

from esitlik.core.forms import DirectorateChoiceField
from esitlik.core.i18n_text import BilingualField, localized
from esitlik.core.models import Directorate, Municipality
from esitlik.core.tabular import ACCEPT
from esitlik.datasets.catalogue import NAME_MAX
from esitlik.datasets.models import Service


def directorate_field(municipality: Municipality, *, keep: Directorate | None = None, **kwargs):
    """The municipality's directorates as a tree; ``keep`` stays selectable after it was
    closed, so editing an old record does not silently move it elsewhere."""
    field = DirectorateChoiceField(municipality=municipality, **kwargs)
    if keep is not None and str(keep.pk) not in {str(value) for value, _label in field.choices}:
        field.choices = [*field.choices, (keep.pk, localized(keep.name))]
    return field


class ServiceForm(forms.Form):
    # The version the form was drawn from: the service refuses to save over a newer one.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    name = BilingualField(
        label=_("Name"),
        max_length=NAME_MAX,
        help_text=_("As the directorate's spreadsheets write it; files find the service by it."),
    )
    code = forms.CharField(
        label=_("Code"),
        max_length=30,
        required=False,
        help_text=_("Optional: the code the directorate uses for it, e.g. SH-04."),
    )
    sensitive = forms.BooleanField(
        label=_("Sensitive service"),
        required=False,
        help_text=Service._meta.get_field("sensitive").help_text,
    )
    single_sex = forms.ChoiceField(
        label=_("Open to"),
        required=False,
        choices=Service._meta.get_field("single_sex").choices,
        widget=forms.RadioSelect,
        help_text=Service._meta.get_field("single_sex").help_text,
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    is_active = forms.BooleanField(
        label=_("In use"),
        required=False,
        help_text=_("Untick when the service is no longer provided; its data stays on record."),
    )

    def __init__(self, *args, municipality: Municipality, service: Service | None = None, **kw):
        super().__init__(*args, **kw)
        self.fields["directorate"] = directorate_field(
            municipality,
            keep=service.directorate if service else None,
            required=True,
            label=_("Directorate"),
            help_text=_("The directorate that provides the service and sends its data."),
        )
        self.order_fields(["name", "directorate", "code", "sensitive", "single_sex", "description"])
        if service is None:
            del self.fields["is_active"]  # a new service is in use
            del self.fields["version"]

    @staticmethod
    def initial_for(service: Service) -> dict:
        return {
            "name": service.name,
            "directorate": service.directorate_id,
            "code": service.code,
            "sensitive": service.sensitive,
            "single_sex": service.single_sex,
            "description": service.description,
            "is_active": service.is_active,
            "version": service.version,
        }


class ServiceFilterForm(forms.Form):
    """The list's search, sent with GET so a filtered list can be bookmarked."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
    )
    in_use = forms.ChoiceField(
        label=_("In use"),
        required=False,
        choices=[("", _("All")), ("yes", _("In use")), ("no", _("No longer in use"))],
    )
    sensitive = forms.ChoiceField(
        label=_("Sensitive"),
        required=False,
        choices=[("", _("All")), ("yes", _("Sensitive only")), ("no", _("Not sensitive"))],
    )

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["directorate"] = directorate_field(
            municipality, label=_("Directorate"), empty_value=None
        )
        self.fields["directorate"].choices = [
            ("", _("All")),
            *self.fields["directorate"].choices[1:],
        ]
        self.order_fields(["q", "directorate", "in_use", "sensitive"])


class ServiceSheetForm(forms.Form):
    """Many services at once: a table pasted from Excel, or a file."""

    text = forms.CharField(
        label=_("Paste the table"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Copy the columns from Excel with their headings and paste them here: name, "
            "directorate, code (optional), sensitive (optional, yes or no)."
        ),
    )
    file = forms.FileField(
        label=_("Or upload a file"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
        help_text=_("A CSV file or an Excel workbook with the same columns, at most 5 MB."),
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 5 MB; split it into parts."))
        return upload

    def clean(self):
        data = super().clean()
        if not (data.get("text") or "").strip() and not data.get("file"):
            raise forms.ValidationError(_("Paste the table or choose a file."))
        return data

    def content(self) -> tuple[bytes, str]:
        """The table's bytes and a file name that says how to read them: a file as uploaded,
        a pasted table as tab-separated text (Excel copies cells separated by tabs)."""
        upload = self.cleaned_data.get("file")
        if upload:
            return upload.read(), PurePath(upload.name or "").name
        return self.cleaned_data["text"].encode("utf-8"), "yapistirilan.tsv"


class ServiceSheetConfirmForm(forms.Form):
    """Carries the checked rows back as text, so exactly what was previewed is added."""

    confirmed = forms.CharField(widget=forms.HiddenInput, max_length=1_000_000)
