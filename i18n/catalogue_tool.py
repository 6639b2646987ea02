"""Keep the gettext catalogues in step with the code: ``python -m i18n.catalogue_tool``.

It extracts every ``_()``/``N_()`` string from the project, adds new ones to both catalogues and
marks vanished ones obsolete. English is the source language, so an empty English entry is filled
with its source text; Spanish entries are written by a person and the tool only lists the missing.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from i18n import LANGUAGES, catalogue_path

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ("app.py", "pages", "components", "views", "analysis", "web", "data", "geo", "i18n")
KEYWORDS = {"_": None, "N_": None, "gettext": (2,)}


def extract_messages() -> Catalog:
    """Every translatable string in the code, with where it appears."""
    template = Catalog(project="vzla-violence-dashboard", charset="utf-8")
    for entry in SCANNED:
        path = ROOT / entry
        if path.is_file():
            found = _extract_file(path)
        elif path.is_dir():
            found = (
                (str(path.relative_to(ROOT) / name), lineno, msg, comments)
                for name, lineno, msg, comments, _ctx in extract_from_dir(
                    path, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
                )
            )
        else:
            continue
        for filename, lineno, message, comments in found:
            if isinstance(message, str) and message:
                template.add(message, locations=[(filename, lineno)], auto_comments=comments)
    return template


def _extract_file(path: Path):
    from babel.messages.extract import extract

    with path.open("rb") as handle:
        for lineno, _funcname, message, comments in extract(
            "python", handle, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
        ):
            yield path.name, lineno, message, comments


def load(lang: str) -> Catalog:
    path = catalogue_path(lang)
    if not path.exists():
        return Catalog(locale=lang, charset="utf-8")
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


def update() -> dict[str, list[str]]:
    """Bring both catalogues up to date; return the untranslated ids per language."""
    template = extract_messages()
    missing: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        catalogue = load(lang)
        catalogue.update(template, no_fuzzy_matching=True)
        catalogue.obsolete.clear()
        for message in catalogue:
            if not message.id:
                continue
            if lang == "en" and not message.string:
                message.string = message.id
        missing[lang] = [str(m.id) for m in catalogue if m.id and not m.string]
        path = catalogue_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            write_po(handle, catalogue, width=100, sort_output=True)
    return missing


def apply_translations(lang: str, translations: dict[str, str]) -> int:
    """Write translations (source text -> translated text) into a catalogue; return how many."""
    catalogue = load(lang)
    applied = 0
    for message in catalogue:
        if translations.get(message.id):
            message.string = translations[message.id]
            message.flags.discard("fuzzy")
            applied += 1
    with catalogue_path(lang).open("wb") as handle:
        write_po(handle, catalogue, width=100, sort_output=True)
    return applied


def main(argv: list[str]) -> int:
    """``python -m i18n.catalogue_tool`` updates; ``--apply LANG FILE.json`` merges translations."""
    if argv[:1] == ["--apply"] and len(argv) == 3:
        import json

        mapping = json.loads(Path(argv[2]).read_text(encoding="utf-8"))
        print(f"{argv[1]}: {apply_translations(argv[1], mapping)} translations applied")
    result = update()
    for lang, ids in result.items():
        print(f"{lang}: {len(ids)} untranslated")
        for msgid in ids:
            print(f"  {msgid}")
    return 1 if any(result.values()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
