import { escapeHtml } from '../../shared/html'
import { checkPublishMeta, COVER_ROLE_WORDS, type PublishMeta } from '../../shared/publish/public-dataset'
import { PAGE_SCRIPT } from './page-script'
import { PAGE_STYLE } from './page-style'
import type { SiteExtras } from './site-extras'

/** The page may load nothing: no tiles, fonts, CDN or fetch. Inline script and style only. */
export const PUBLIC_PAGE_CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'"

/** With a background map, images from that one tile server too, and nothing else. */
export function pageCsp(tiles: SiteExtras['tiles']): string {
  if (!tiles) return PUBLIC_PAGE_CSP
  const origin = new URL(tiles.url.replaceAll('{z}', '0').replaceAll('{x}', '0').replaceAll('{y}', '0')).origin
  return PUBLIC_PAGE_CSP.replace('img-src data:', `img-src data: ${origin}`)
}

/**
 * JSON inside <script type="application/json">: a name containing "</script>" or "<!--"
 * must not end the element, so every < > & becomes a \u escape (still the same JSON).
 * U+2028/2029 are escaped too, for older parsers that treat them as line ends.
 */
export function jsonForScriptTag(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

function checkCollection(text: string, what: string): void {
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch (e) {
    throw new Error(`public site: ${what} is not valid JSON (${(e as Error).message})`)
  }
  const fc = v as { type?: unknown; features?: unknown }
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new Error(`public site: ${what} is not a GeoJSON FeatureCollection`)
  }
}

/** The address search: a combobox whose suggestions are filled by the page script. */
const ADDRESS_FORM = `<form id="address-form" role="search" novalidate>
<label for="address">Your address (house number and street)</label>
<div class="combo">
<input id="address" name="address" type="text" autocomplete="off" spellcheck="false" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="address-list" aria-describedby="address-note">
<ul id="address-list" role="listbox" aria-label="Matching addresses" hidden></ul>
</div>
<button type="submit">Find my officer</button>
<span id="address-note" role="status"></span>
</form>
`

/**
 * A folder a department can put on its website or open from disk: one index.html that
 * carries the data inside it (browsers block fetch on file://), plus the two GeoJSON
 * files beside it for GIS users.
 */
export function buildPublicSite(
  dataset: { neighborhoods: string; areas: string },
  meta: PublishMeta,
  extras: SiteExtras = { addresses: null, tiles: null },
): { 'index.html': string; 'neighborhoods.geojson': string; 'areas.geojson': string } {
  checkPublishMeta(meta)
  checkCollection(dataset.neighborhoods, 'neighborhoods dataset')
  checkCollection(dataset.areas, 'areas dataset')
  const d = meta.department
  const metaJson = JSON.stringify({
    version: meta.version,
    effectiveDate: meta.effectiveDate,
    department: { name: d.name, address: d.address, nonEmergencyPhone: d.nonEmergencyPhone, emergency: d.emergency },
    tiles: extras.tiles,
    coverRoles: COVER_ROLE_WORDS,
  })
  const addresses = extras.addresses
  const title = `${d.name} — find your neighborhood officer`
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${pageCsp(extras.tiles)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
<h1 id="title">${escapeHtml(title)}</h1>
<p class="sub" id="edition"></p>
</header>
<main>
<p class="hint">${addresses ? 'Type your address, click' : 'Click'} your location on the map, or type its coordinates, to see your neighborhood officers and Area Commander. Drag to move the map; use the mouse wheel or the + and − buttons to zoom.</p>
${addresses ? ADDRESS_FORM : ''}<p class="locate"><button type="button" id="locate" hidden>Use my location</button> <span id="locate-note" role="status"></span></p>
<div class="map-wrap">
<canvas id="map" tabindex="0" role="img" aria-label="Map of neighborhoods and Area Commands. Click a location to look it up; arrow keys move the map, plus and minus zoom."></canvas>
<div class="zoom">
<button type="button" id="zoom-in" aria-label="Zoom in">+</button>
<button type="button" id="zoom-out" aria-label="Zoom out">−</button>
<button type="button" id="zoom-fit" aria-label="Show the whole city">⤢</button>
</div>
<p class="credit" id="tile-credit" hidden></p>
</div>
<form id="coords-form" novalidate>
<label for="coords">Coordinates (longitude, latitude)
<input id="coords" name="coords" type="text" inputmode="decimal" autocomplete="off" aria-describedby="coords-error">
</label>
<button type="submit">Find my officer</button>
<span id="coords-error" role="alert"></span>
</form>
<section id="result" aria-live="polite" aria-label="Your neighborhood officers"></section>
<details>
<summary>All neighborhoods and their officers</summary>
<ul id="all-list"></ul>
</details>
</main>
<footer><p id="footer-emergency"></p></footer>
<noscript><p>This map needs JavaScript. The same information is in neighborhoods.geojson beside this page.</p></noscript>
<script type="application/json" id="meta-data">${jsonForScriptTag(metaJson)}</script>
<script type="application/json" id="areas-data">${jsonForScriptTag(dataset.areas.trim())}</script>
<script type="application/json" id="neighborhoods-data">${jsonForScriptTag(dataset.neighborhoods.trim())}</script>
${addresses ? `<script type="application/json" id="addresses-data">${jsonForScriptTag(JSON.stringify(addresses))}</script>\n` : ''}<script>${PAGE_SCRIPT}</script>
</body>
</html>
`
  return { 'index.html': html, 'neighborhoods.geojson': dataset.neighborhoods, 'areas.geojson': dataset.areas }
}
