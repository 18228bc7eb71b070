"""Which province, city or county a name belongs to, by the national administrative division codes.

A notice whose issuer is not an audited agency binds the agencies of its issuer's own place (checks.catalogue):
保山市人民政府办公室's notice binds 保山市's agencies, not 大竹县's.  The codes are the ``cpca`` package's
``adcodes.csv`` (12 digits; a province is its first 2, a city its first 4, a county its first 6), read without
importing the package.  A name's place is read from the division names it opens with ("保山市隆阳区人民政府" → 保山市,
then 隆阳区 inside it); a name several places share (朝阳区) is settled by the place before it or the province given,
and left unread otherwise.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class Place:
    code: str  # 2 (province), 4 (city) or 6 (county) digits
    name: str

    def contains(self, other: "Place") -> bool:
        return other.code.startswith(self.code)


# names the code list gives to groupings rather than places ("市辖区": a municipality's districts)
_NOT_PLACES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


@lru_cache(maxsize=1)
def _divisions() -> dict[str, tuple[str, ...]]:
    """Division name → its codes, trimmed to the division's level."""
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("缺少 cpca 包（行政区划代码）：请运行 pip install -e .")
    path = Path(list(spec.submodule_search_locations)[0]) / "resources" / "adcodes.csv"
    codes: dict[str, list[str]] = defaultdict(list)
    with path.open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            name, code = row["name"].strip(), row["adcode"].strip()
            if name in _NOT_PLACES or not code.isdigit():
                continue
            level = 2 if code[2:].strip("0") == "" else 4 if code[4:].strip("0") == "" else 6
            codes[name].append(code[:level])
            short = _AUTONOMOUS.match(name)
            if short:  # 凉山彝族自治州 is written 凉山州, 峨山彝族自治县 峨山县
                codes[short.group(1) + short.group(2)[-1]].append(code[:level])
    return {name: tuple(sorted(set(found))) for name, found in codes.items()}


_AUTONOMOUS = re.compile(r"^([\u4e00-\u9fff]{2,4}?)(?:[\u4e00-\u9fff]{1,3}族)+(自治州|自治县|自治旗)$")


@lru_cache(maxsize=1)
def _longest_name() -> int:
    return max(map(len, _divisions()))


@lru_cache(maxsize=1)
def _names_by_code() -> dict[str, str]:
    """Code → the division's official name (凉山彝族自治州, not the 凉山州 added beside it)."""
    names: dict[str, str] = {}
    for name, codes in _divisions().items():
        for code in codes:
            names.setdefault(code, name)
    return names


def full_name(place: Place) -> str:
    """The place with the divisions above it ("云南省保山市隆阳区"), which :func:`place_of` reads back to the same
    place even when its own name is shared (朝阳区)."""
    names = _names_by_code()
    return "".join(names.get(place.code[:length], "") for length in (2, 4, 6) if length <= len(place.code))


def place_in(text: str) -> Place | None:
    """The first place a text names anywhere ("关于印发寿光市2019年…的通知" → 寿光市), read as :func:`place_of` reads a
    name from there; names of two characters (城区, 郊区, 矿区 are also words) count only at the start."""
    text = text or ""
    divisions = _divisions()
    for position in range(len(text)):
        for length in range(min(_longest_name(), len(text) - position), 2 if position else 1, -1):
            if text[position:position + length] in divisions:
                found = place_of(text[position:])
                if found is not None:
                    return found
                break
    return None


@lru_cache(maxsize=8192)
def place_of(name: str, province: str | None = None) -> Place | None:
    """The most specific place a name opens with ("保山市隆阳区人民政府" → 隆阳区, "大竹县民政局" → 大竹县,
    "国务院办公厅" → None); ``province`` (a targets file's province) settles a name several provinces share."""
    divisions = _divisions()
    within = place_of(province) if province and province != name else None
    found: Place | None = None
    position, text = 0, (name or "").strip()
    while position < len(text):
        for length in range(min(_longest_name(), len(text) - position), 1, -1):
            piece = text[position:position + length]
            codes = [code for code in divisions.get(piece, ())
                     if (found is None or code.startswith(found.code) and code != found.code)
                     and (within is None or code.startswith(within.code) or within.code.startswith(code))]
            if codes:
                break
        else:
            return found
        if len(codes) > 1:
            return found  # 朝阳区 of which city: the name does not say
        found = Place(codes[0], piece)
        position += length
    return found


# an issuer whose notices bind every place: the State Council, the Party centre, a ministry, a national bureau
_NATIONAL = re.compile(r"^(?:国务院|中共中央|中央|全国|国家|中华人民共和国)|^[\u4e00-\u9fff]{1,12}(?:部|总署|总局)(?:办公厅)?$")


def is_national(issuer: str) -> bool:
    """Whether a notice's issuer is a national body ("国务院办公厅", "住房和城乡建设部办公厅", "海关总署"): its notices
    have no place of their own."""
    return bool(_NATIONAL.search((issuer or "").strip()))
