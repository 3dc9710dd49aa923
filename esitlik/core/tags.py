"""Free tags typed by users (stakeholder tags, training topics): one of each, Turkish-aware."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from esitlik.core.text import tr_casefold

TAG_MAX = 40
TAGS_MAX = 20


def clean_tags(tags, field: str = "tags") -> list[str]:
    """Tags as typed ("kadın kooperatifi, Engelli ,engelli") → one of each, in typed order.
    Errors name ``field``, the form field the tags came from."""
    if isinstance(tags, str):
        tags = tags.replace(";", ",").split(",")
    seen, result = set(), []
    for raw in tags:
        tag = " ".join(str(raw).split())
        if not tag or tr_casefold(tag) in seen:
            continue
        if len(tag) > TAG_MAX:
            raise ValidationError(
                {
                    field: _("A tag can be at most %(max)d characters: “%(tag)s”.")
                    % {"max": TAG_MAX, "tag": tag[:30] + "…"}
                }
            )
        seen.add(tr_casefold(tag))
        result.append(tag)
    if len(result) > TAGS_MAX:
        raise ValidationError({field: _("At most %(max)d tags.") % {"max": TAGS_MAX}})
    return result
