"""Read the server's refusals that mean our idea of the agent's state is out of date.

The API has no status query, so the bar learns that the server forgot a login (a restart, an
admin action) only when an action is refused. The vendor's texts are Turkish; English
variants are accepted too, since the real server's wording is not documented.
"""

from __future__ import annotations

import re

_NOT_LOGGED_IN = re.compile(
    r"giri[sş] yap(ıl)?mam[ıi][sş]|oturum a[cç]ma|not logged in|logged out|not signed in",
    re.IGNORECASE,
)
_NOT_ON_BREAK = re.compile(r"molada de[gğ]il|not on (a )?break|no active break", re.IGNORECASE)


def says_not_logged_in(message: str) -> bool:
    """The server refused because, as far as it knows, the agent is not logged in."""
    return bool(_NOT_LOGGED_IN.search(message))


def says_not_on_break(message: str) -> bool:
    """The server refused because, as far as it knows, the agent is not on a break."""
    return bool(_NOT_ON_BREAK.search(message))
