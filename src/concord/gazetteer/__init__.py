"""The gazetteer of UN Member and observer States, and of former Members.

Names in the six official languages (UNTERM, UNSD M49 and curated aliases) resolve to
ISO 3166-1 alpha-3 codes; each State carries its codes, UN membership period, successor
links and regional group.

>>> from concord.gazetteer import default_gazetteer
>>> g = default_gazetteer()
>>> g.resolve("Venezuela (Bolivarian Republic of)"), g.resolve("刚果民主共和国", lang="zh")
('VEN', 'COD')
>>> g.name("KOR", lang="zh"), g.from_alpha2("US"), g.is_member("DEU", on="1972-01-01")
('大韩民国', 'USA', False)
"""

from concord.gazetteer.gazetteer import Gazetteer, default_gazetteer
from concord.gazetteer.normalise import normalise_name
from concord.gazetteer.state import LANGUAGES, REGION_GROUPS, State

__all__ = [
    "LANGUAGES",
    "REGION_GROUPS",
    "Gazetteer",
    "State",
    "default_gazetteer",
    "normalise_name",
]
