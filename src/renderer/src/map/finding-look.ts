/**
 * Findings are drawn hatched, in a red no Area Command color uses (areas are Okabe–Ito orange,
 * blue and green), so a gap or overlap never reads as part of an area; warnings are hatched in a
 * dark yellow. The legend draws the same hatching with CSS.
 */
export const ERROR_RED = '#c00018'
export const WARNING_YELLOW = '#7a6a00'

export const ERROR_HATCH_CSS = `repeating-linear-gradient(45deg, ${ERROR_RED} 0 2px, rgba(192, 0, 24, 0.12) 2px 6px)`
export const WARNING_HATCH_CSS = `repeating-linear-gradient(45deg, ${WARNING_YELLOW} 0 2px, rgba(240, 228, 66, 0.3) 2px 6px)`

/** A diagonal hatch as a canvas pattern for an OpenLayers fill: stripes of `line` over a wash of `wash`. */
export function hatchPattern(line: string, wash: string): CanvasPattern | string {
  const size = 8
  const c = document.createElement('canvas')
  c.width = c.height = size
  const g = c.getContext('2d')
  if (!g) return wash
  g.fillStyle = wash
  g.fillRect(0, 0, size, size)
  g.strokeStyle = line
  g.lineWidth = 2
  g.beginPath()
  // One stripe corner to corner plus the two halves that wrap, so the tiles join seamlessly.
  g.moveTo(0, size)
  g.lineTo(size, 0)
  g.moveTo(-size / 2, size / 2)
  g.lineTo(size / 2, -size / 2)
  g.moveTo(size / 2, size + size / 2)
  g.lineTo(size + size / 2, size / 2)
  g.stroke()
  return g.createPattern(c, 'repeat') ?? wash
}
