"""A briefing's view: the place it is about (``VEN`` or a state's ISO code), from the path or ``?place=``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from analysis.briefing_figures import COUNTRY, is_briefing_place
from i18n import translator
from views.params import control_params, echo, first_value


@dataclass(frozen=True)
class BriefingView:
    place: str

    SLUG: ClassVar[str] = "briefing"
    CONTROLS: ClassVar[dict[str, tuple[str, str]]] = {}

    DEPENDENT: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def from_params(cls, params: Mapping[str, object], lang: str) -> tuple[BriefingView, list[str]]:
        """Anything but ``VEN`` or a state code falls back to the national briefing, with a notice."""
        raw = first_value(params.get("place"))
        if raw is None or is_briefing_place(raw):
            return cls(raw or COUNTRY), []
        _ = translator(lang)
        return cls(COUNTRY), [_("“{value}” is not a state code; showing Venezuela as a whole.").format(value=echo(raw))]

    @classmethod
    def from_controls(cls, values: Mapping[str, object], lang: str) -> BriefingView:
        return cls.from_params(control_params(values), lang)[0]

    def to_params(self) -> dict[str, str]:
        return {"place": self.place}

    def url(self, lang: str) -> str:
        return f"/{lang}/{self.SLUG}/{self.place}"
