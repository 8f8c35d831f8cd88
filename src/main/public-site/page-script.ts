/**
 * The public page's script, inline so the page works from file:// and from any web host
 * with no request at all. Every piece of data reaches the DOM through textContent.
 * Plain ES2018 in a string: it runs in the resident's browser, not through our bundler.
 */
import { PAGE_FIND_SCRIPT } from './page-find-script'

export const PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  function readJson(id) { return JSON.parse(document.getElementById(id).textContent); }
  var nbFc = readJson('neighborhoods-data');
  var areaFc = readJson('areas-data');
  var meta = readJson('meta-data');
  var dep = meta.department;

  function partsOf(g) { return g.type === 'Polygon' ? [g.coordinates] : g.coordinates; }
  function prep(f) {
    var parts = partsOf(f.geometry), b = [Infinity, Infinity, -Infinity, -Infinity];
    parts.forEach(function (p) { p[0].forEach(function (c) {
      if (c[0] < b[0]) b[0] = c[0]; if (c[1] < b[1]) b[1] = c[1];
      if (c[0] > b[2]) b[2] = c[0]; if (c[1] > b[3]) b[3] = c[1];
    }); });
    return { p: f.properties, parts: parts, bbox: b };
  }
  var nbs = nbFc.features.map(prep);
  var areas = areaFc.features.map(prep);
  var areaById = {};
  areas.forEach(function (a, i) { a.index = i; areaById[a.p.id] = a; });

  // Same rule as the app's lookup: crossing number, abscissa from the lower endpoint, so
  // a point on a shared edge belongs to exactly one neighbor (the one east of it).
  function contains(item, x, y) {
    var b = item.bbox;
    if (x < b[0] || x > b[2] || y < b[1] || y > b[3]) return false;
    var inside = false;
    item.parts.forEach(function (poly) { poly.forEach(function (ring) {
      for (var i = 0; i < ring.length - 1; i++) {
        var ax = ring[i][0], ay = ring[i][1], bx = ring[i + 1][0], by = ring[i + 1][1];
        if ((ay > y) === (by > y)) continue;
        var xi = ay < by ? ax + (y - ay) * (bx - ax) / (by - ay) : bx + (y - by) * (ax - bx) / (ay - by);
        if (x < xi) inside = !inside;
      }
    }); });
    return inside;
  }
  // Features are sorted by id in the file, so the first hit is the smallest id.
  function firstHit(list, x, y) { for (var i = 0; i < list.length; i++) if (contains(list[i], x, y)) return list[i]; return null; }

  var all = nbs.concat(areas), B = [Infinity, Infinity, -Infinity, -Infinity];
  all.forEach(function (it) {
    B[0] = Math.min(B[0], it.bbox[0]); B[1] = Math.min(B[1], it.bbox[1]);
    B[2] = Math.max(B[2], it.bbox[2]); B[3] = Math.max(B[3], it.bbox[3]);
  });
  if (!isFinite(B[0])) B = [-1, -1, 1, 1];
  var lat0 = (B[1] + B[3]) / 2, lon0 = (B[0] + B[2]) / 2, k = Math.cos(lat0 * Math.PI / 180);

  var canvas = document.getElementById('map'), ctx = canvas.getContext('2d');
  var view = { cx: 0, cy: lat0, scale: 1 }, W = 0, H = 0, dpr = 1, selected = null, marker = null;
  // Set by the background-map part when the department publishes a tile server.
  var drawBackground = null;
  function project(lon, lat) { return [W / 2 + ((lon - lon0) * k - view.cx) * view.scale, H / 2 - (lat - view.cy) * view.scale]; }
  function unproject(px, py) { return [(view.cx + (px - W / 2) / view.scale) / k + lon0, view.cy - (py - H / 2) / view.scale]; }
  function fit() {
    var w = (B[2] - B[0]) * k || 1e-3, h = (B[3] - B[1]) || 1e-3;
    view.cx = 0; view.cy = lat0; view.scale = 0.92 * Math.min(W / w, H / h);
  }
  function resize() {
    var r = canvas.getBoundingClientRect(), first = W === 0;
    dpr = window.devicePixelRatio || 1; W = r.width; H = r.height;
    canvas.width = Math.round(W * dpr); canvas.height = Math.round(H * dpr);
    if (first) fit();
    draw();
  }
  var palette = ['#4e79a7', '#f28e2b', '#59a14f', '#b07aa1', '#e15759', '#76b7b2', '#edc948', '#9c755f', '#ff9da7', '#bab0ac'];
  function pathOf(item) {
    ctx.beginPath();
    item.parts.forEach(function (poly) { poly.forEach(function (ring) {
      ring.forEach(function (c, i) { var q = project(c[0], c[1]); if (i) ctx.lineTo(q[0], q[1]); else ctx.moveTo(q[0], q[1]); });
      ctx.closePath();
    }); });
  }
  function draw() {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);
    if (drawBackground) drawBackground();
    nbs.forEach(function (n, i) {
      var a = areaById[n.p.areaId];
      pathOf(n);
      ctx.globalAlpha = n === selected ? 0.75 : (i % 2 ? 0.3 : 0.42);
      ctx.fillStyle = palette[(a ? a.index : 0) % palette.length];
      ctx.fill('evenodd');
      ctx.globalAlpha = 1; ctx.lineWidth = 1; ctx.strokeStyle = '#3b4550'; ctx.stroke();
    });
    areas.forEach(function (a) { pathOf(a); ctx.lineWidth = 3.5; ctx.strokeStyle = '#111820'; ctx.stroke(); });
    if (selected) { pathOf(selected); ctx.lineWidth = 3; ctx.strokeStyle = '#1f6feb'; ctx.stroke(); }
    if (marker) {
      var m = project(marker[0], marker[1]);
      ctx.beginPath(); ctx.arc(m[0], m[1], 6, 0, 2 * Math.PI);
      ctx.fillStyle = '#d1242f'; ctx.fill(); ctx.lineWidth = 2; ctx.strokeStyle = '#fff'; ctx.stroke();
    }
  }
  function zoomAt(f, px, py) {
    var before = unproject(px, py);
    view.scale *= f;
    var after = unproject(px, py);
    view.cx -= (after[0] - before[0]) * k; view.cy -= after[1] - before[1];
    draw();
  }
  function pan(dx, dy) { view.cx -= dx / view.scale; view.cy += dy / view.scale; draw(); }

  function el(tag, text, cls) { var e = document.createElement(tag); if (text != null) e.textContent = text; if (cls) e.className = cls; return e; }
  function person(o) {
    var s = el('span'); s.appendChild(document.createTextNode((o.rank ? o.rank + ' ' : '') + o.name));
    var bits = [];
    if (o.email) { var a = el('a', o.email); a.setAttribute('href', 'mailto:' + o.email); bits.push(a); }
    if (o.phone) { var t = el('a', o.phone); t.setAttribute('href', 'tel:' + o.phone.replace(/[^0-9+]/g, '')); bits.push(t); }
    if (bits.length) {
      s.appendChild(document.createTextNode(' ('));
      bits.forEach(function (b, i) { if (i) s.appendChild(document.createTextNode(', ')); s.appendChild(b); });
      s.appendChild(document.createTextNode(')'));
    }
    return s;
  }
  // A neighborhood with no active officer: whoever the department named covers it, never an empty card.
  function coverInto(p, cover) {
    if (cover && cover.role !== 'department') {
      p.setAttribute('data-cover', cover.role);
      p.appendChild(document.createTextNode('No neighborhood officer is assigned at present. Until one is, your contact is ' + (meta.coverRoles[cover.role] || cover.role) + ': '));
      p.appendChild(person(cover));
      p.appendChild(document.createTextNode('.'));
    } else {
      p.setAttribute('data-cover', 'department');
      p.textContent = 'No neighborhood officer is assigned at present; please call the ' + dep.name + ' non-emergency line, ' + dep.nonEmergencyPhone + '.';
    }
  }
  function areaLabel(name) { return /\barea$/i.test(name) ? name : name + ' Area'; }
  function lookup(lon, lat) {
    var n = firstHit(nbs, lon, lat);
    var a = (n && areaById[n.p.areaId]) || firstHit(areas, lon, lat);
    return n || a ? { n: n, a: a } : null;
  }
  var result = document.getElementById('result');
  function show(lon, lat) {
    var hit = lookup(lon, lat);
    marker = [lon, lat]; selected = hit && hit.n; draw();
    result.textContent = '';
    if (!hit) {
      result.appendChild(el('p', 'This location is outside the mapped area.', 'place'));
    } else {
      var place = hit.n ? hit.n.p.name + ' \u2014 ' + areaLabel(hit.a ? hit.a.p.name : hit.n.p.areaName) + '.'
        : areaLabel(hit.a.p.name) + '. No neighborhood is mapped at this point.';
      result.appendChild(el('p', place, 'place'));
      if (hit.n) {
        var offs = hit.n.p.officers, p = el('p');
        if (offs.length) {
          p.appendChild(document.createTextNode(offs.length > 1 ? 'Your neighborhood officers: ' : 'Your neighborhood officer: '));
          offs.forEach(function (o, i) { if (i) p.appendChild(document.createTextNode('; ')); p.appendChild(person(o)); });
          p.appendChild(document.createTextNode('.'));
        } else coverInto(p, hit.n.p.cover);
        result.appendChild(p);
      }
      var c = el('p'), cmd = hit.a ? hit.a.p.commander : (hit.n ? hit.n.p.commander : null);
      c.appendChild(document.createTextNode('Area Commander: '));
      if (cmd) { c.appendChild(person(cmd)); c.appendChild(document.createTextNode('.')); }
      else c.appendChild(document.createTextNode('not assigned at present; please contact the ' + dep.name + ' non-emergency line, ' + dep.nonEmergencyPhone + '.'));
      result.appendChild(c);
    }
    result.appendChild(el('p', 'For emergencies call ' + dep.emergency + '; non-emergency ' + dep.nonEmergencyPhone + '.', 'emergency'));
  }

  var down = null, dragging = false;
  canvas.addEventListener('pointerdown', function (e) { down = [e.clientX, e.clientY]; dragging = false; canvas.setPointerCapture(e.pointerId); });
  canvas.addEventListener('pointermove', function (e) {
    if (!down) return;
    var dx = e.clientX - down[0], dy = e.clientY - down[1];
    if (!dragging && Math.abs(dx) + Math.abs(dy) < 5) return;
    dragging = true; down = [e.clientX, e.clientY]; pan(dx, dy);
  });
  canvas.addEventListener('pointerup', function (e) {
    if (down && !dragging) {
      var r = canvas.getBoundingClientRect(), ll = unproject(e.clientX - r.left, e.clientY - r.top);
      show(ll[0], ll[1]);
    }
    down = null; dragging = false;
  });
  canvas.addEventListener('wheel', function (e) {
    e.preventDefault();
    var r = canvas.getBoundingClientRect();
    zoomAt(e.deltaY < 0 ? 1.25 : 0.8, e.clientX - r.left, e.clientY - r.top);
  }, { passive: false });
  canvas.addEventListener('keydown', function (e) {
    var s = 40, map = { ArrowLeft: [s, 0], ArrowRight: [-s, 0], ArrowUp: [0, s], ArrowDown: [0, -s] };
    if (map[e.key]) { e.preventDefault(); pan(map[e.key][0], map[e.key][1]); }
    else if (e.key === '+' || e.key === '=') zoomAt(1.25, W / 2, H / 2);
    else if (e.key === '-') zoomAt(0.8, W / 2, H / 2);
  });
  document.getElementById('zoom-in').addEventListener('click', function () { zoomAt(1.25, W / 2, H / 2); });
  document.getElementById('zoom-out').addEventListener('click', function () { zoomAt(0.8, W / 2, H / 2); });
  document.getElementById('zoom-fit').addEventListener('click', function () { fit(); draw(); });

  var input = document.getElementById('coords'), err = document.getElementById('coords-error');
  document.getElementById('coords-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var m = /^\s*(-?\d+(?:\.\d+)?)\s*[,\s]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(input.value);
    var lon = m ? +m[1] : NaN, lat = m ? +m[2] : NaN;
    // A pasted "lat, lon" pair is recognisable when only the second number can be a longitude.
    if (m && Math.abs(lon) <= 90 && Math.abs(lat) > 90) { var t = lon; lon = lat; lat = t; }
    if (!m || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      err.textContent = 'Please type longitude and latitude as two numbers, for example ' + lon0.toFixed(4) + ', ' + lat0.toFixed(4) + '.';
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    err.textContent = ''; input.removeAttribute('aria-invalid');
    show(lon, lat);
  });

  document.getElementById('title').textContent = dep.name + ' \u2014 find your neighborhood officer';
  document.getElementById('edition').textContent = 'Plan version ' + meta.version + ', effective ' + meta.effectiveDate + '. ' + dep.name + (dep.address ? ', ' + dep.address : '') + '.';
  document.getElementById('footer-emergency').textContent = 'Area Policing does not replace 911: for emergencies call ' + dep.emergency + '; non-emergency ' + dep.nonEmergencyPhone + '.';
  input.setAttribute('placeholder', lon0.toFixed(4) + ', ' + lat0.toFixed(4));

  // A list of every neighborhood: the same answers for people who cannot use the map.
  var list = document.getElementById('all-list');
  nbs.slice().sort(function (a, b) { return (a.p.areaName + '\u0000' + a.p.name).localeCompare(b.p.areaName + '\u0000' + b.p.name); })
    .forEach(function (n) {
      var li = el('li'), offs = n.p.officers;
      li.appendChild(el('strong', n.p.name + ' \u2014 ' + areaLabel(n.p.areaName) + ': '));
      if (offs.length) offs.forEach(function (o, i) { if (i) li.appendChild(document.createTextNode('; ')); li.appendChild(person(o)); });
      else {
        li.appendChild(document.createTextNode('no officer assigned at present; '));
        var cv = n.p.cover;
        if (cv && cv.role !== 'department') { li.appendChild(document.createTextNode('contact ' + (meta.coverRoles[cv.role] || cv.role) + ', ')); li.appendChild(person(cv)); }
        else li.appendChild(document.createTextNode('call the non-emergency line, ' + dep.nonEmergencyPhone));
      }
      list.appendChild(li);
    });

${PAGE_FIND_SCRIPT}
  // For automated tests: where a lon/lat lands on the canvas, in CSS pixels from its top-left.
  window.__projectToPixel = function (lon, lat) { return project(lon, lat); };
  window.addEventListener('resize', resize);
  resize();
  document.body.setAttribute('data-ready', 'true');
})();
`
