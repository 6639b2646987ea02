"""A group of radio buttons that the keyboard treats as one control.

Why: ``dbc.RadioItems`` gives its inputs no shared ``name``, so the browser makes every option its own Tab stop
(the map's controls took 10 Tab presses). With one name per group, Tab reaches the chosen option and the arrow
keys move between options, as in any form.
"""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc


def radio_group(id: str, **kwargs: Any) -> dbc.RadioItems:
    return dbc.RadioItems(id=id, name=id, **kwargs)
