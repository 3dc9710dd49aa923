from django.db import models


class Edition(models.Model):
    """The number of the public content's edition: one row, raised after every change to
    anything the portal could show (``portal.edition``). Cached public pages carry the number
    they were made at, so a change anywhere retires them in every server worker at once."""

    number = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"edition {self.number}"
