"""GEOS (shapely) doing the validator's geometric work on Chicago, for bench/validate/run.ts.

Usage: <python with shapely> geos_peer.py <chicago-dir> <full|simplified> <runs>
Prints one JSON line: median seconds of wall and of CPU time, each run's CPU seconds in order (this process, measured here so the
interpreter's start and the file reading do not count) and the figures found (pieces > 1 m2).
"""
import json
import math
import statistics
import sys
import time
import warnings

warnings.filterwarnings("ignore")

import shapely
from shapely.geometry import shape
from shapely.ops import transform, unary_union
from shapely.strtree import STRtree


def norm(v):
    s = str(v).strip().lower()
    return s.lstrip("0") or "0" if s.isdigit() else s


def load(path, id_field, parent_field=None):
    feats = json.load(open(path))["features"]
    groups = {}
    for f in feats:
        key = str(f["properties"][id_field]).strip()
        g = shape(f["geometry"])
        parent = norm(f["properties"][parent_field]) if parent_field else None
        if key in groups:
            groups[key] = (groups[key][0].union(g), parent)
        else:
            groups[key] = (g, parent)
    return groups


def to_metres(geoms):
    # Local projection with WGS84 radii at Chicago's latitude, as the validator measures.
    lat0 = math.radians(41.84)
    a, e2 = 6378137.0, 0.00669437999014
    w = 1 - e2 * math.sin(lat0) ** 2
    kx = a / math.sqrt(w) * math.cos(lat0) * math.pi / 180
    ky = a * (1 - e2) / (w * math.sqrt(w)) * math.pi / 180
    return [transform(lambda x, y, z=None: (x * kx, y * ky), g) for g in geoms]


def query(tree, g, items):
    # Shapely 2 returns indices; 1.x returns geometries.
    hits = tree.query(g)
    if len(hits) and not isinstance(hits[0], (int,)) and hasattr(hits[0], "geom_type"):
        ids = {id(x): i for i, x in enumerate(items)}
        hits = [ids[id(h)] for h in hits]
    return [int(j) for j in hits if g.intersects(items[int(j)])]


def parts(g):
    if g.is_empty:
        return []
    return [p for p in getattr(g, "geoms", [g]) if p.geom_type == "Polygon" and p.area > 1]


def run(beats, dists, beat_parent, dist_ids):
    t, c = time.perf_counter(), time.process_time()
    # Gaps: district ground not covered by any beat.
    gaps = parts(unary_union(dists).difference(unary_union(beats)))
    # Overlaps: STRtree-indexed pairwise intersection.
    tree = STRtree(beats)
    overlaps = []
    for i, b in enumerate(beats):
        for j in query(tree, b, beats):
            if j <= i:
                continue
            a = b.intersection(beats[j]).area
            if a > 1:
                overlaps.append(a)
    dtree = STRtree(dists)
    doverlaps = 0
    for i, d in enumerate(dists):
        for j in query(dtree, d, dists):
            if j > i and d.intersection(dists[j]).area > 1:
                doverlaps += 1
    # Outside-area: each beat minus its own district.
    outside = []
    for b, p in zip(beats, beat_parent):
        d = dists[dist_ids.index(p)] if p in dist_ids else None
        a = b.area if d is None else b.difference(d).area
        if a > 1:
            outside.append(a)
    return time.perf_counter() - t, time.process_time() - c, {
        "gaps": len(gaps), "gap_m2": round(sum(g.area for g in gaps), 1),
        "overlaps": len(overlaps), "overlap_m2": round(sum(overlaps), 1),
        "area_overlaps": doverlaps, "outside": len(outside), "outside_m2": round(sum(outside), 1),
    }


def main():
    folder, variant, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    suffix = "" if variant == "full" else "-simplified"
    b = load(f"{folder}/beats{suffix}.geojson", "BEAT_NUM", "DISTRICT")
    d = load(f"{folder}/districts{suffix}.geojson", "DIST_NUM")
    beats = to_metres([v[0] for v in b.values()])
    beat_parent = [v[1] for v in b.values()]
    dist_ids = [norm(k) for k in d.keys()]
    dists = to_metres([v[0] for v in d.values()])
    times, cpu, figures = [], [], None
    for _ in range(runs):
        s, c, figures = run(beats, dists, beat_parent, dist_ids)
        times.append(s)
        cpu.append(c)
    print(json.dumps({"median_s": statistics.median(times), "median_cpu_s": statistics.median(cpu), "cpu_runs_s": cpu, "shapely": shapely.__version__, "geos": ".".join(map(str, shapely.geos_version)), "figures": figures}))


if __name__ == "__main__":
    main()
