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
            if e.actor and e.actor.get("sectors"):
                extra.append("actor " + e.actor["code"])
            details = f"  [{'; '.join(extra)}]" if extra else ""
            lines.append(f"     {e.name}  ×{len(e.mentions)}{details}")
    names = {e.id: e.name for e in doc.entities}
    if doc.roles:
        lines.append(f"   ROLES ({len(doc.roles)})")
        for role in doc.roles:
            of = f" — {names[role['of']]}" if role.get("of") in names else ""
            status = f" ({role['status']})" if role.get("status") else ""
            lines.append(f"     {names.get(role['person'], '?')}: {role['position']}{of}{status}")
    if doc.times:
        lines.append(f"   TIMES ({len(doc.times)})")
        for time in doc.times:
            value = time["value"] or time.get("pattern") or "?"
            lines.append(f"     {time['text']} → {value} ({time['precision']})")
    return "\n".join(lines)
