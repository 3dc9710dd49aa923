"""Forms of the import pages: the list's filters, the upload, the column mapping and the
withdrawal."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esitlik.core.forms import DirectorateChoiceField
from esitlik.core.i18n_text import localized
from esitlik.core.models import Directorate, Municipality
from esitlik.core.tabular import ACCEPT
from esitlik.datasets.forms_catalogue import directorate_field
from esitlik.datasets.kinds import SPECS, Kind, KindSpec
from esitlik.datasets.models import ImportRun

# One line per kind for the chooser: what the file holds, in the words of the people who keep it.
KIND_HELP = {
    Kind.SERVICE_RECORDS: _(
        "One row per person served: service, date, sex, age, neighbourhood… (the most detailed)."
    ),
    Kind.SERVICE_COUNTS: _(
        "Totals of people served: a count per service and sex (and age band, neighbourhood…)."
    ),
    Kind.WORKFORCE: _("Staff numbers by directorate, grade or role and sex."),
    Kind.DECISION_MAKERS: _(
        "Members of the council, committees, directors and muhtars, counted by sex."
    ),
    Kind.POPULATION: _("Residents by neighbourhood, sex and age band (TÜİK's ADNKS figures)."),
    Kind.BUDGET: _("Budget lines with their equality tag and planned and actual amounts."),
}


def max_upload_bytes() -> int:
    return settings.UPLOAD_MAX_MB * 1024 * 1024


def year_choices(around: int | None = None) -> list[tuple[int, int]]:
    this = around or timezone.localdate().year
    return [(year, year) for year in range(this + 1, this - 11, -1)]


class KindRadio(forms.RadioSelect):
    """The kind chooser: each choice with its one-line explanation under it."""

    option_template_name = "datasets/widgets/kind_option.html"
    # kind → address of its template workbook, set by the form.
    template_urls: dict[str, str] = {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option["help"] = KIND_HELP.get(value, "")
        option["help_id"] = f"{option['attrs'].get('id', name)}_help"
        option["attrs"]["aria-describedby"] = option["help_id"]
        option["template_url"] = self.template_urls.get(value, "")
        return option


class ImportFilterForm(forms.Form):
    """The list's filters, sent with GET so a filtered list can be bookmarked."""

    kind = forms.ChoiceField(label=_("Kind of data"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, municipality: Municipality, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All")), *Kind.choices]
        self.fields["year"].choices = [("", _("All")), *((y, y) for y in years)]
        self.fields["status"].choices = [("", _("All")), *ImportRun.Status.choices]
        self.fields["directorate"] = DirectorateChoiceField(
            municipality=municipality, label=_("Directorate"), empty_value=None
        )
        self.fields["directorate"].choices = [
            ("", _("All")),
            *self.fields["directorate"].choices[1:],
        ]


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("What the file holds"), choices=Kind.choices, widget=KindRadio)
    year = forms.TypedChoiceField(
        label=_("Year"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_(
            "The year the figures are about. “From the file” reads it from the file's year "
            "column or dates, which must then all be of one year."
        ),
    )
    mode = forms.ChoiceField(
        label=_("Add or replace"),
        choices=ImportRun.Mode.choices,
        initial=ImportRun.Mode.ADD,
        widget=forms.RadioSelect,
        help_text=_(
            "Replace when this file is a corrected version of one imported before: the earlier "
            "import of the same kind, year and directorate is set aside (and comes back if this "
            "one is withdrawn)."
        ),
    )
    file = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )

    def __init__(
        self, *args, municipality: Municipality, directorates, template_urls=None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.fields["kind"].widget.template_urls = template_urls or {}
        self.fields["year"].choices = [("", _("From the file")), *year_choices()]
        self.fields["year"].initial = timezone.localdate().year - 1
        self.fields["file"].help_text = _(
            "A CSV file or an Excel workbook, at most %(size)s; the first row names the "
            "columns. You choose what each column means on the next page."
        ) % {"size": filesizeformat(max_upload_bytes())}
        if directorates is None:
            self.fields["directorate"] = directorate_field(
                municipality,
                label=_("Directorate that sent the data"),
                empty_value=None,
                help_text=_("Leave empty for data no directorate sent, e.g. TÜİK's population."),
            )
        else:
            # A focal point imports for their own directorate (and its branches) only.
            self.fields["directorate"] = forms.TypedChoiceField(
                label=_("Directorate that sent the data"),
                choices=[(d.pk, localized(d.name)) for d in directorates],
                coerce=lambda pk: Directorate.objects.get(pk=pk, municipality=municipality),
            )
        self.order_fields(["kind", "year", "directorate", "mode", "file"])

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > max_upload_bytes():
            raise forms.ValidationError(
                _(
                    "The file is %(size)s; files up to %(limit)s are accepted here. Split it by "
                    "year or directorate, or import it on the server with the “esitlik import” "
                    "command."
                )
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(max_upload_bytes())}
            )
        return upload


class MappingForm(forms.Form):
    """One select per heading of the file: which field of the kind it is, or "leave out";
    and, for a column that holds names, ID numbers or contact details, whether to drop it."""

    LEAVE_OUT = ""
    # The run's version when the page was drawn: a second confirmation is refused.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self, *args, kind: Kind | KindSpec, headers: list[str], proposed: dict, identifiers, **kw
    ):
        super().__init__(*args, **kw)
        spec = kind if isinstance(kind, KindSpec) else SPECS[Kind(kind)]
        choices = [(self.LEAVE_OUT, _("— leave out —"))] + [
            (field.key, field.column.header()) for field in spec.all_fields()
        ]
        self.headers = headers
        self.identifiers = dict(identifiers)
        self.columns = []
        for index, header in enumerate(headers):
            name = f"col_{index}"
            self.fields[name] = forms.ChoiceField(
                label=header or _("(no heading)"),
                choices=choices,
                required=False,
                initial=proposed.get(header, ""),
            )
            drop = None
            if header in self.identifiers:
                drop = f"drop_{index}"
                self.fields[drop] = forms.BooleanField(
                    label=_("Drop this column: do not import it"),
                    required=False,
                )
            self.columns.append((index, header, name, drop))

    def mapping(self) -> dict[str, str]:
        return {header: self.cleaned_data.get(name) or "" for _i, header, name, _d in self.columns}

    def dropped(self) -> list[str]:
        return [
            header for _i, header, _n, drop in self.columns if drop and self.cleaned_data.get(drop)
        ]

    def clean(self):
        data = super().clean()
        chosen: dict[str, list[tuple[str, str]]] = {}
        for _index, header, name, _drop in self.columns:
            if data.get(name):
                chosen.setdefault(data[name], []).append((header, name))
        for columns in chosen.values():
            for header, name in columns if len(columns) > 1 else ():
                others = [other for other, _name in columns if other != header]
                self.add_error(
                    name,
                    _("Also chosen for “%(others)s”: each field is read from one column only.")
                    % {"others": "”, “".join(others)},
                )
        return data


class WithdrawForm(forms.Form):
    """Carries the run's version back, so a withdrawal acts on the run as it was shown."""

    version = forms.IntegerField(widget=forms.HiddenInput)
