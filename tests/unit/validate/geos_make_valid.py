"""GEOS (through GDAL's Python bindings) measuring an Area Command with an invalid ring and its
neighborhoods the way the validator must: MakeValid (structure method) on the area, then each
neighborhood minus it, and the area minus all neighborhoods. For chicago-invalid.test.ts.

Usage: /usr/bin/python3 geos_make_valid.py <plan.json>   (plan.json: {"area": geometry, "neighborhoods": {id: geometry}})
Prints one JSON line: {"geos": version, "outside": {id: m2}, "gaps": [m2, ...], "area_m2": m2}.
"""
import json
import math
import sys

from osgeo import ogr, gdal

ogr.UseExceptions()


def scale(lat0):
    # Local metres per degree on the WGS84 ellipsoid at the area's latitude.
    a, e2 = 6378137.0, 0.00669437999014
    p = math.radians(lat0)
    w = 1 - e2 * math.sin(p) ** 2
    return a / math.sqrt(w) * math.cos(p) * math.pi / 180, a * (1 - e2) / (w * math.sqrt(w)) * math.pi / 180


def to_metres(g, kx, ky):
    def walk(c):
        if isinstance(c[0], (int, float)):
            return [c[0] * kx, c[1] * ky]
        return [walk(x) for x in c]
    return ogr.CreateGeometryFromJson(json.dumps({"type": g["type"], "coordinates": walk(g["coordinates"])}))


def main():
    plan = json.load(open(sys.argv[1]))
    area_ll = plan["area"]
    lats = []
    def lat_walk(c):
        if isinstance(c[0], (int, float)):
            lats.append(c[1])
        else:
            for x in c:
                lat_walk(x)
    lat_walk(area_ll["coordinates"])
    kx, ky = scale((min(lats) + max(lats)) / 2)
    area = to_metres(area_ll, kx, ky).MakeValid(["METHOD=STRUCTURE"])
    hoods = {k: to_metres(g, kx, ky) for k, g in plan["neighborhoods"].items()}
    outside = {k: g.Difference(area).GetArea() for k, g in hoods.items()}
    union = ogr.Geometry(ogr.wkbMultiPolygon)
    for g in hoods.values():
        for i in range(g.GetGeometryCount()) if g.GetGeometryType() == ogr.wkbMultiPolygon else [None]:
            union.AddGeometry(g if i is None else g.GetGeometryRef(i))
    rest = area.Difference(union.UnionCascaded())
    parts = [rest.GetGeometryRef(i) for i in range(rest.GetGeometryCount())] if rest.GetGeometryType() in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection) else [rest]
    gaps = sorted(p.GetArea() for p in parts if p.GetGeometryType() == ogr.wkbPolygon and p.GetArea() > 1)
    print(json.dumps({"geos": gdal.VersionInfo("--version") + " / GEOS " + ogr.GetGEOSVersionMajor().__str__() + "." + ogr.GetGEOSVersionMinor().__str__(), "outside": outside, "gaps": gaps, "area_m2": area.GetArea()}))


if __name__ == "__main__":
    main()
