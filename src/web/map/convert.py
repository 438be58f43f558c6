#!/usr/bin/env python3
"""Converts Natural Earth country outlines (TopoJSON from the npm package world-atlas, which
redistributes Natural Earth's public-domain data) into the compact text file the map module
compiles in. Run once when updating the outlines:

    npm pack world-atlas@2 && tar xzf world-atlas-2.0.2.tgz
    pip install pycountry
    python3 src/web/map/convert.py package/countries-50m.json > src/web/map/countries-50m.txt
    python3 src/web/map/convert.py package/countries-110m.json > src/web/map/countries-110m.txt

Output: one line per country, tab-separated: ISO 3166-1 alpha-2 code (lower case, or `-` where
Natural Earth has no ISO code), English name, and its rings separated by `;`, each ring a list of
`lon,lat` points with two decimals (about 1 km), separated by spaces.
"""
import json
import sys

import pycountry


def decode(topo):
    scale = topo["transform"]["scale"]
    translate = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(pts)
    return arcs


def ring(arcs, indexes):
    pts = []
    for i in indexes:
        a = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        pts.extend(a if not pts else a[1:])
    out = []
    for lon, lat in pts:
        p = (round(lon, 2), round(lat, 2))
        if not out or out[-1] != p:
            out.append(p)
    return out


def main(path):
    topo = json.load(open(path))
    arcs = decode(topo)
    for geom in topo["objects"]["countries"]["geometries"]:
        polys = []
        if geom["type"] == "Polygon":
            polys = [geom["arcs"]]
        elif geom["type"] == "MultiPolygon":
            polys = geom["arcs"]
        rings = [ring(arcs, r) for poly in polys for r in poly]
        rings = [r for r in rings if len(r) >= 4]
        if not rings:
            continue
        num = geom.get("id")
        country = pycountry.countries.get(numeric=num) if num else None
        code = country.alpha_2.lower() if country else "-"
        name = geom.get("properties", {}).get("name", "")
        text = ";".join(" ".join(f"{lon:g},{lat:g}" for lon, lat in r) for r in rings)
        print(f"{code}\t{name}\t{text}")


if __name__ == "__main__":
    main(sys.argv[1])
