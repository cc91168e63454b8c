"""Documents as readable text, for the terminal."""

from __future__ import annotations

from .document import ENTITY_TYPES, Document


def describe(doc: Document, width: int = 100) -> str:
    headline = doc.title or doc.text.strip().split("\n", 1)[0]
    lines = [f"── {doc.doc_id}  {doc.doc_date or 'no date'}  {doc.source or ''}", f"   {headline[:width]}"]
    for kind in ENTITY_TYPES:
        entities = [e for e in doc.entities if e.type == kind]
        if not entities:
            continue
        lines.append(f"   {kind} ({len(entities)})")
        for e in entities:
            extra = [f"country {e.country}"] if e.country else []
            if e.geo:
                extra.append(f"{e.geo['lat']:.2f}, {e.geo['lon']:.2f}")
            if e.titles:
                extra.append("titles: " + ", ".join(e.titles))
            if e.aliases:
                extra.append("also: " + ", ".join(e.aliases[:3]))
            details = f"  [{'; '.join(extra)}]" if extra else ""
            lines.append(f"     {e.name}  ×{len(e.mentions)}{details}")
    return "\n".join(lines)
