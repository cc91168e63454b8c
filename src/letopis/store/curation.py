"""A user's corrections of the actor registry, kept in a YAML file.

    rename:                      # an actor's name as the chronicle should show it
      "Ильхам Гейдар оглы Алиев": "Ильхам Алиев"
    merge:                       # names of one actor: the others join the first
      - ["Закир Гасанов", "Закир Гасанов Наджаф оглы"]
    aliases:                     # more names an actor is known by
      "Организация Договора о коллективной безопасности": ["ОДКБ", "CSTO"]
    split:                       # mentions of an actor in these documents belong to another one
      - actor: "Алиев"
        documents: ["3f2a9c0d1e2b4a5c"]
        into: "Эльчин Алиев"

At ingest, renames, merges and splits are applied to every name before the registry matches it;
`letopis curate FILE` applies the whole file to a store already filled.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


class CurationError(Exception):
    """A curation file that cannot be used: one line naming the file and the problem."""


def _fold(text: str) -> str:
    return " ".join(str(text).lower().replace("ё", "е").split())


@dataclass
class Split:
    actor: str
    documents: list[str]
    into: str


@dataclass
class Curation:
    renames: dict[str, str] = field(default_factory=dict)  # folded old name → new name
    merges: list[list[str]] = field(default_factory=list)
    aliases: dict[str, list[str]] = field(default_factory=dict)  # folded name → aliases
    splits: list[Split] = field(default_factory=list)
    _canonical: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for names in self.merges:
            for name in names[1:]:
                self._canonical[_fold(name)] = names[0]
        for old, new in self.renames.items():
            self._canonical[old] = new

    def canonical(self, name: str) -> str:
        """The name an actor called `name` is stored under."""
        seen = set()
        while (folded := _fold(name)) in self._canonical and folded not in seen:
            seen.add(folded)
            name = self._canonical[folded]
        return name

    def split_into(self, name: str, doc_id: str | None) -> str:
        """The actor `name` in this document is another one when a split says so."""
        folded = _fold(name)
        return next((s.into for s in self.splits if _fold(s.actor) == folded and doc_id in s.documents), name)

    def aliases_of(self, name: str) -> list[str]:
        return self.aliases.get(_fold(name), [])

    @classmethod
    def load(cls, path: Path | None) -> Curation:
        if path is None:
            return cls()
        import yaml

        try:
            data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        except OSError as error:
            raise CurationError(f"{path}: cannot read the curation file ({error.strerror or error})") from None
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f" at line {mark.line + 1}" if mark else ""
            raise CurationError(f"{path}: invalid YAML{where}") from None
        if not isinstance(data, dict):
            raise CurationError(f"{path}: expected a mapping with rename, merge, aliases, split")
        unknown = set(data) - {"rename", "merge", "aliases", "split"}
        if unknown:
            raise CurationError(f"{path}: unknown section {sorted(unknown)[0]!r} (known: rename, merge, aliases, split)")
        problem = _shape_problem(data)
        if problem:
            raise CurationError(f"{path}: {problem}")
        try:
            renames = {_fold(old): str(new) for old, new in (data.get("rename") or {}).items()}
            merges = [[str(n) for n in names] for names in (data.get("merge") or [])]
            aliases = {_fold(name): [str(a) for a in values] for name, values in (data.get("aliases") or {}).items()}
            splits = [Split(str(s["actor"]), [str(d) for d in s["documents"]], str(s["into"])) for s in (data.get("split") or [])]
        except (AttributeError, KeyError, TypeError) as error:
            raise CurationError(f"{path}: malformed entry ({type(error).__name__}: {error})") from None
        if any(len(names) < 2 for names in merges):
            raise CurationError(f"{path}: a merge lists at least two names")
        return cls(renames, merges, aliases, splits)


def _shape_problem(data: dict) -> str | None:
    """The first entry of the wrong shape (a flat list where a list of lists is due, a string for a list)."""
    def names(value) -> bool:
        return isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value)

    if not isinstance(data.get("rename") or {}, dict):
        return "rename: expected a mapping old name: new name"
    if not isinstance(data.get("merge") or [], list) or not all(names(m) for m in data.get("merge") or []):
        return "merge: expected a list of lists of names ([[kept, other, ...], ...])"
    if not isinstance(data.get("aliases") or {}, dict) or not all(names(v) for v in (data.get("aliases") or {}).values()):
        return "aliases: expected a mapping name: [alias, ...]"
    for split in data.get("split") or []:
        if not isinstance(split, dict) or not names(split.get("documents")) or not split.get("actor") or not split.get("into"):
            return "split: expected entries with actor, documents: [id, ...] and into"
    return None
