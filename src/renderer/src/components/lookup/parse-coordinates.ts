/**
 * "lon, lat" as typed by a person. Someone pasting "lat, lon" from a phone map gets it read the
 * right way round when only one order makes sense (|first| ≤ 90 < |second|).
 */
export function parseCoordinates(text: string): [number, number] | null {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*[,;\s]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text)
  if (!m) return null
  let lon = Number(m[1])
  let lat = Number(m[2])
  if (Math.abs(lat) > 90 && Math.abs(lon) <= 90) [lon, lat] = [lat, lon]
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return null
  return [lon, lat]
}
