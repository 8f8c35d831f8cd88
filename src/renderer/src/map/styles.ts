import type { FeatureLike } from 'ol/Feature'
import { Fill, Stroke, Style, Text } from 'ol/style'

/** Okabe–Ito hues stay distinguishable for colour-blind users; areas differ by hue, findings also by dash pattern. */
export function hexToRgba(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16)
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`
}

const cache = new Map<string, Style>()
function cached(key: string, make: () => Style): Style {
  let s = cache.get(key)
  if (!s) cache.set(key, (s = make()))
  return s
}

export const cityStyle = new Style({ stroke: new Stroke({ color: '#222', width: 2.5, lineDash: [8, 4] }) })

export function areaStyle(f: FeatureLike): Style {
  const color = (f.get('color') as string) || '#888888'
  return cached(`area:${color}`, () => new Style({ fill: new Fill({ color: hexToRgba(color, 0.16) }), stroke: new Stroke({ color, width: 4 }) }))
}

export interface NeighborhoodLook {
  selectedId: string | null
  unassigned: Set<string>
  showLabels: boolean
}

export function neighborhoodStyle(look: NeighborhoodLook) {
  return (f: FeatureLike): Style[] => {
    const id = f.getId() as string
    const selected = id === look.selectedId
    const unassigned = look.unassigned.has(id)
    const base = cached(`n:${selected}:${unassigned}`, () =>
      new Style({
        fill: new Fill({ color: selected ? 'rgba(255, 221, 0, 0.35)' : unassigned ? 'rgba(204, 0, 0, 0.10)' : 'rgba(255,255,255,0.01)' }),
        stroke: new Stroke({ color: selected ? '#111' : unassigned ? '#b00020' : '#444', width: selected ? 3 : 1.2, lineDash: unassigned && !selected ? [6, 4] : undefined }),
        zIndex: selected ? 2 : 1,
      }),
    )
    if (!look.showLabels) return [base]
    const label = `${f.get('name') as string}${(f.get('officers') as number) > 0 ? ` · ${f.get('officers') as number}` : ' · no officer'}`
    return [
      base,
      new Style({
        text: new Text({
          text: label,
          font: selected ? 'bold 13px system-ui, sans-serif' : '12px system-ui, sans-serif',
          fill: new Fill({ color: '#111' }),
          stroke: new Stroke({ color: 'rgba(255,255,255,0.9)', width: 3 }),
          overflow: true,
        }),
      }),
    ]
  }
}

export function findingStyle(f: FeatureLike): Style {
  const focused = f.get('focused') === true
  const severity = f.get('severity') as string
  return cached(`f:${severity}:${focused}`, () =>
    new Style({
      fill: new Fill({ color: severity === 'error' ? 'rgba(213, 94, 0, 0.45)' : 'rgba(240, 228, 66, 0.5)' }),
      stroke: new Stroke({ color: severity === 'error' ? '#d55e00' : '#8a7d00', width: focused ? 4 : 2, lineDash: severity === 'error' ? undefined : [2, 3] }),
      zIndex: 5,
    }),
  )
}
