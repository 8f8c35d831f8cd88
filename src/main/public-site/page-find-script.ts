/**
 * The public page's ways to find a place besides clicking the map: the address search over the
 * address points bundled in the page, "use my location", and the optional background map. Runs
 * inside the page script's closure (it uses show, draw, project, unproject, view, k, lon0, W, H,
 * el and ctx from there). Plain ES2018, as the rest of the page script.
 */
export const PAGE_FIND_SCRIPT = String.raw`
  function centerOn(lon, lat) { view.cx = (lon - lon0) * k; view.cy = lat; draw(); }
  // The answer is below the map: bring it into sight after a search from the box above.
  function reveal() { if (result.scrollIntoView) result.scrollIntoView({ block: 'nearest' }); }

  // ---- Address search: words compared without case, accents or punctuation, and street
  // types and directions in one form, so "123 Main Street", "123 main st." and "123 MAIN ST"
  // are the same address.
  var ABBR = {
    street: 'st', str: 'st', avenue: 'ave', av: 'ave', avn: 'ave', road: 'rd', drive: 'dr', drv: 'dr',
    boulevard: 'blvd', boul: 'blvd', lane: 'ln', court: 'ct', place: 'pl', circle: 'cir', parkway: 'pkwy',
    highway: 'hwy', terrace: 'ter', square: 'sq', trail: 'trl', way: 'way', expressway: 'expy', freeway: 'fwy',
    north: 'n', south: 's', east: 'e', west: 'w', northeast: 'ne', northwest: 'nw', southeast: 'se', southwest: 'sw',
    apartment: 'apt', suite: 'ste', mount: 'mt', fort: 'ft'
  };
  var LONG = Object.keys(ABBR).filter(function (w) { return w.length > ABBR[w].length; });
  function words(s) {
    // Plain ASCII (nearly every US address) skips the Unicode work: keys for 500,000 addresses in well under a second.
    var t = /^[\x20-\x7e]*$/.test(s) ? s.toLowerCase().split(/[^a-z0-9]+/) : s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^\p{L}\p{N}]+/u);
    return t.filter(Boolean);
  }
  function canon(w) { return Object.prototype.hasOwnProperty.call(ABBR, w) ? ABBR[w] : w; }

  var addrNode = document.getElementById('addresses-data');
  if (addrNode) (function () {
    var idx = JSON.parse(addrNode.textContent), keys = [];
    // Search keys are made in slices while the page is idle, so a large city's list does not hold
    // up the page; a search before they are all made finishes the rest first.
    function keyOf(r) { return ' ' + words(r[0]).map(canon).join(' ') + ' '; }
    function prepare(until) { for (var n = Math.min(until, idx.rows.length); keys.length < n;) keys.push(keyOf(idx.rows[keys.length])); }
    (function slice() { prepare(keys.length + 20000); if (keys.length < idx.rows.length) setTimeout(slice, 0); })();
    function lonLatOf(i) { var r = idx.rows[i]; return [idx.origin[0] + r[1] / idx.scale, idx.origin[1] + r[2] / idx.scale]; }
    // Whole words typed so far must follow each other in the address; the last word may be
    // cut short ("123 Main Stre" finds "123 Main St"). Addresses that start with the words come first.
    function search(q, max) {
      var ws = words(q);
      if (!ws.length) return [];
      var last = ws.pop(), head = ws.map(canon).join(' '), alts = [last, canon(last)];
      if (last.length >= 2) LONG.forEach(function (w) { if (w.indexOf(last) === 0) alts.push(ABBR[w]); });
      var needles = alts.map(function (a) { return ' ' + (head ? head + ' ' : '') + a; });
      prepare(idx.rows.length);
      var first = [], rest = [], seen = {};
      for (var i = 0; i < keys.length && first.length < max; i++) {
        var at = -1;
        for (var j = 0; j < needles.length; j++) { var p = keys[i].indexOf(needles[j]); if (p >= 0 && (at < 0 || p < at)) at = p; }
        if (at < 0 || seen[idx.rows[i][0]]) continue;
        seen[idx.rows[i][0]] = true;
        if (at === 0) first.push(i); else if (rest.length < max) rest.push(i);
      }
      return first.concat(rest).slice(0, max);
    }

    var input = document.getElementById('address'), list = document.getElementById('address-list');
    var note = document.getElementById('address-note'), found = [], active = -1;
    var partial = idx.total > idx.rows.length
      ? 'This page lists ' + idx.rows.length.toLocaleString('en-US') + ' of the department\'s ' + idx.total.toLocaleString('en-US') + ' addresses; if yours is not found, click your location on the map.'
      : '';
    note.textContent = partial;
    function render() {
      list.textContent = '';
      found.forEach(function (i, n) {
        var li = el('li', idx.rows[i][0]);
        li.id = 'address-option-' + n;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', n === active ? 'true' : 'false');
        // mousedown, not click: the input would lose focus and close the list first.
        li.addEventListener('mousedown', function (e) { e.preventDefault(); choose(i); });
        list.appendChild(li);
      });
      list.hidden = !found.length;
      input.setAttribute('aria-expanded', found.length ? 'true' : 'false');
      if (active >= 0) input.setAttribute('aria-activedescendant', 'address-option-' + active);
      else input.removeAttribute('aria-activedescendant');
    }
    function close() { found = []; active = -1; render(); }
    function choose(i) {
      var ll = lonLatOf(i);
      input.value = idx.rows[i][0];
      close();
      note.textContent = partial;
      centerOn(ll[0], ll[1]);
      show(ll[0], ll[1]);
      reveal();
    }
    function suggest() {
      active = -1;
      if (words(input.value).join('').length < 2) { found = []; note.textContent = partial; render(); return; }
      found = search(input.value, 8);
      note.textContent = found.length ? partial : 'No address in the department\'s list matches \u201c' + input.value.trim().slice(0, 80) + '\u201d. Try the house number and street name, or click your location on the map.';
      render();
    }
    input.addEventListener('input', suggest);
    input.addEventListener('keydown', function (e) {
      if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && found.length) {
        e.preventDefault();
        active = e.key === 'ArrowDown' ? (active + 1) % found.length : (active - 1 + found.length) % found.length;
        render();
      } else if (e.key === 'Escape') close();
    });
    input.addEventListener('blur', close);
    document.getElementById('address-form').addEventListener('submit', function (e) {
      e.preventDefault();
      if (active >= 0 && found[active] !== undefined) return choose(found[active]);
      var hits = search(input.value, 1);
      if (hits.length) choose(hits[0]);
      else suggest();
    });
  })();

  // ---- Use my location, where the browser offers it (it asks the resident first).
  var locate = document.getElementById('locate'), locNote = document.getElementById('locate-note');
  if (navigator.geolocation) {
    locate.hidden = false;
    locate.addEventListener('click', function () {
      locNote.textContent = 'Finding your location\u2026';
      navigator.geolocation.getCurrentPosition(function (pos) {
        locNote.textContent = '';
        centerOn(pos.coords.longitude, pos.coords.latitude);
        show(pos.coords.longitude, pos.coords.latitude);
        reveal();
      }, function (e) {
        locNote.textContent = e.code === 1
          ? 'Your browser did not share your location (permission was refused). Type your address or click your location on the map instead.'
          : 'Your location could not be found' + (e.code === 3 ? ' in time' : '') + '. Type your address or click your location on the map instead.';
      }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 });
    });
  }

  // ---- Background map, only when the department publishes a tile server. Web Mercator tiles
  // are placed by their corners in the page's local projection; over a city the two differ by
  // far less than a pixel within a tile.
  if (meta.tiles) {
    var tileUrl = meta.tiles.url, tileCache = {}, tileCount = 0, credit = document.getElementById('tile-credit');
    if (meta.tiles.attribution) { credit.textContent = meta.tiles.attribution; credit.hidden = false; }
    var tileX = function (lon, n) { return Math.floor((lon + 180) / 360 * n); };
    var tileY = function (lat, n) { var r = lat * Math.PI / 180; return Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n); };
    var lonOfX = function (x, n) { return x / n * 360 - 180; };
    var latOfY = function (y, n) { var m = Math.PI - 2 * Math.PI * y / n; return 180 / Math.PI * Math.atan((Math.exp(m) - Math.exp(-m)) / 2); };
    drawBackground = function () {
      var z = Math.max(0, Math.min(19, Math.round(Math.log(k * view.scale * 360 / 256) / Math.LN2))), n = Math.pow(2, z);
      var tl = unproject(0, 0), br = unproject(W, H);
      var x0 = tileX(tl[0], n), x1 = tileX(br[0], n), y0 = Math.max(0, tileY(tl[1], n)), y1 = Math.min(n - 1, tileY(br[1], n));
      if ((x1 - x0 + 1) * (y1 - y0 + 1) > 200) return;
      if (tileCount > 600) { tileCache = {}; tileCount = 0; }
      for (var x = x0; x <= x1; x++) for (var y = y0; y <= y1; y++) {
        var url = tileUrl.split('{z}').join(String(z)).split('{x}').join(String(((x % n) + n) % n)).split('{y}').join(String(y));
        var img = tileCache[url];
        if (!img) { img = tileCache[url] = new Image(); tileCount++; img.onload = draw; img.src = url; }
        if (img.complete && img.naturalWidth) {
          var a = project(lonOfX(x, n), latOfY(y, n)), b = project(lonOfX(x + 1, n), latOfY(y + 1, n));
          ctx.drawImage(img, a[0], a[1], b[0] - a[0], b[1] - a[1]);
        }
      }
    };
  }
`
