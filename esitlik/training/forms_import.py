"""The form of the attendance import page: the sign-in sheet and whether people missing from
the staff list may be added. The confirmation reuses participation's ``ConfirmForm``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from esitlik.core.tabular import ACCEPT, Limits


class AttendanceImportForm(forms.Form):
    file = forms.FileField(
        label=_("Sign-in sheet"),
        help_text=_(
            "A CSV file or an Excel workbook, at most 5 MB and 1,000 rows, with a row of column "
            "headings such as “Sicil no”, “Ad soyad”, “Müdürlük”. Larger files go in with the "
            "import_attendance command."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )
    add_new_staff = forms.BooleanField(
        label=_("Add people not on the staff list"),
        required=False,
        help_text=_(
            "A row that matches no one on the staff list adds a new staff person, when it gives "
            "a name, a directorate and a sex (and a role category, if known). Otherwise such "
            "rows are reported and nothing is imported."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > Limits().max_bytes:
            raise forms.ValidationError(_("The file is larger than 5 MB; split it into parts."))
        return upload
