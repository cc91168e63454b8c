"""Pipeline stages. Each is a module with `run(doc, lang) -> doc`; the order is STAGES.

The language layer (`lang.analyze`) runs first, in batches: segmentation, morphology,
syntax and NER. Then, per document:

- spans          — NER spans trimmed of punctuation and brackets, common nouns dropped
- persons        — person spans without titles, nominative names
- organizations  — full organisation names, known organisations, abbreviations
- places         — COUNTRY / CITY / LOCATION, adjectives of countries
- coref          — mentions grouped into entities
- countries      — ISO country and coordinates of every entity
- roles          — who holds which post of which organisation or country
- actors         — persons and organisations coded: country and CAMEO-style sectors
- times          — temporal expressions resolved against the article's date
- quotes         — direct and indirect speech with its speaker
- events         — who did what to whom, when and where, in CAMEO and PLOVER (`я`, `мы` in a
                   quote are its speaker, so quotes come first)
"""

from . import actors, coref, countries, events, organizations, persons, places, quotes, roles, spans, times

STAGES = (spans, persons, organizations, places, coref, countries, roles, actors, times, quotes, events)
