import type { FeatureLike } from 'ol/Feature'
import { Circle as CircleStyle, Fill, Stroke, Style, Text } from 'ol/style'
import { ERROR_RED, hatchPattern, WARNING_YELLOW } from './finding-look'

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
  /** The commander profile's own Area Command: its labels go before other areas' ones. */
  ownAreaId: string | null
  /** Neighborhoods changed in this session: their label says so on a second line. */
  edited: Set<string>
}

/**
 * Which label wins where two would overlap (lower first): the selected neighborhood (whose label
 * its own layer draws above all others), then those of the user's own area, then the rest.
 * OpenLayers' decluttering keeps the label drawn first.
 */
export function labelPriority(look: NeighborhoodLook, f: FeatureLike): number {
  if (f.getId() === look.selectedId) return 0
  return look.ownAreaId && f.get('areaId') === look.ownAreaId ? 1 : 2
}

/** Area Command names, in their own color over a white halo; decluttered with the neighborhood labels. */
export function areaLabelStyle(f: FeatureLike): Style {
  const color = (f.get('color') as string) || '#555555'
  const name = f.get('name') as string
  return cached(`al:${color}:${name}`, () =>
    new Style({
      text: new Text({
        text: `${name.toUpperCase()} AREA`,
        font: 'bold 14px system-ui, sans-serif',
        fill: new Fill({ color: darken(color) }),
        stroke: new Stroke({ color: 'rgba(255,255,255,0.95)', width: 4 }),
        overflow: true,
        offsetY: -18,
      }),
    }),
  )
}

/** A darker shade of an area color, so its name stays readable on the light map. */
function darken(hex: string): string {
  const n = parseInt(hex.slice(1), 16)
  const d = (v: number) => Math.round(v * 0.62)
  return `rgb(${d((n >> 16) & 255)}, ${d((n >> 8) & 255)}, ${d(n & 255)})`
}

export function neighborhoodStyle(look: NeighborhoodLook) {
  return (f: FeatureLike): Style[] => {
    const id = f.getId() as string
    const selected = id === look.selectedId
    // A commander's view dims the other areas: still there to check borders against, but quieter.
    const other = !selected && !!look.ownAreaId && f.get('areaId') !== look.ownAreaId
    const unassigned = look.unassigned.has(id) && !other
    const base = cached(`n:${selected}:${unassigned}:${other}`, () =>
      new Style({
        fill: new Fill({ color: selected ? 'rgba(255, 221, 0, 0.35)' : other ? 'rgba(236, 238, 241, 0.7)' : unassigned ? 'rgba(204, 0, 0, 0.10)' : 'rgba(255,255,255,0.01)' }),
        stroke: new Stroke({ color: selected ? '#111' : other ? '#9aa0a8' : unassigned ? '#b00020' : '#444', width: selected ? 3 : other ? 1 : 1.2, lineDash: unassigned && !selected ? [6, 4] : undefined }),
        zIndex: selected ? 2 : 1,
      }),
    )
    return [base]
  }
}

/** The neighborhoods' names but the selected one's (its own layer draws that one above the rest). */
export function neighborhoodLabelStyle(look: NeighborhoodLook) {
  return (f: FeatureLike): Style | undefined => (f.getId() === look.selectedId ? undefined : neighborhoodLabel(look, f))
}

/**
 * A neighborhood's name and officer count. The selected one's is drawn by its own layer above
 * the Area Commands' names (see selectedLabelLayer), so no other label can hide it.
 */
export function neighborhoodLabel(look: NeighborhoodLook, f: FeatureLike): Style | undefined {
  if (!look.showLabels) return undefined
  const selected = f.getId() === look.selectedId
  const other = !selected && !!look.ownAreaId && f.get('areaId') !== look.ownAreaId
  const officers = f.get('officers') as number
  const font = selected ? 'bold 13px system-ui, sans-serif' : '12px system-ui, sans-serif'
  const name = `${f.get('name') as string}${officers > 0 ? ` · ${officers}` : ' · no officer'}`
  return new Style({
    text: new Text({
      // "edited" is part of the label, so it is decluttered with it instead of overlapping other names.
      text: look.edited.has(f.getId() as string) ? [name, font, '\n', '', 'edited', 'italic 11px system-ui, sans-serif'] : name,
      font,
      fill: new Fill({ color: other ? '#6b7280' : '#111' }),
      stroke: new Stroke({ color: 'rgba(255,255,255,0.9)', width: 3 }),
      overflow: true,
    }),
  })
}

/** Only the selected neighborhood's label (for the layer that draws it above all others). */
export function selectedNeighborhoodLabel(look: NeighborhoodLook) {
  return (f: FeatureLike): Style | undefined => (f.getId() === look.selectedId ? neighborhoodLabel(look, f) : undefined)
}

let hatches: { error: CanvasPattern | string; warning: CanvasPattern | string } | null = null

export function findingStyle(f: FeatureLike): Style {
  const focused = f.get('focused') === true
  const error = f.get('severity') === 'error'
  hatches ??= { error: hatchPattern(ERROR_RED, 'rgba(192, 0, 24, 0.12)'), warning: hatchPattern(WARNING_YELLOW, 'rgba(240, 228, 66, 0.3)') }
  return cached(`f:${error}:${focused}`, () =>
    new Style({
      fill: new Fill({ color: error ? hatches!.error : hatches!.warning }),
      stroke: new Stroke({ color: error ? ERROR_RED : WARNING_YELLOW, width: focused ? 4 : 2, lineDash: error ? undefined : [2, 3] }),
      // A finding without ground (a point) still shows where it is.
      image: new CircleStyle({ radius: focused ? 9 : 7, fill: new Fill({ color: error ? hatches!.error : hatches!.warning }), stroke: new Stroke({ color: error ? ERROR_RED : WARNING_YELLOW, width: 2 }) }),
      zIndex: 5,
    }),
  )
}
