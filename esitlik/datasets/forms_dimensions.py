"""Forms of a municipality's extra dimensions: one dimension, and the confirmation of its
removal. The rules (key, headings already taken, value lists) are the service's
(``datasets/dimensions.py``); these forms only collect what a person typed."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from esitlik.core.i18n_text import BilingualField
from esitlik.datasets.dimensions import NAME_MAX
from esitlik.datasets.models import Dimension


class DimensionForm(forms.Form):
    # The version the form was drawn from: the service refuses to save over a newer one.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    name = BilingualField(
        label=_("Name"),
        max_length=NAME_MAX,
        help_text=_(
            "The column's heading as the directorates' files write it, e.g. “Hane tipi”. "
            "Files find the column by this name or by one of the other headings below."
        ),
    )
    aliases = forms.CharField(
        label=_("Other headings"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Other headings files use for the same column, one per line, e.g. “Aile tipi”. "
            "Case, spacing and Turkish letters do not matter."
        ),
    )
    values = forms.CharField(
        label=_("Values"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "The values a file may hold, one per line, e.g. “Tek ebeveynli”. A value written "
            "in another case or without Turkish letters is taken as the value listed here; "
            "any other value is a problem of its row. Leave empty to accept any text."
        ),
    )

    def __init__(self, *args, dimension: Dimension | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if dimension is None:
            del self.fields["version"]

    @staticmethod
    def initial_for(dimension: Dimension) -> dict:
        return {
            "name": dimension.name,
            "aliases": dimension.aliases,
            "values": dimension.values,
            "version": dimension.version,
        }


class DimensionDeleteForm(forms.Form):
    """Carries the dimension's version back, so the removal acts on the dimension as shown."""

    version = forms.IntegerField(widget=forms.HiddenInput)
