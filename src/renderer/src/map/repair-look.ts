/**
 * How a previewed repair is drawn; the findings panel shows the same legend. Kept free of
 * OpenLayers so a Vue component can read it. Okabe–Ito hues, and the outline before the repair
 * dashed, so the three read apart for colour-blind users too.
 */
export const REPAIR_LOOK = {
  before: { color: '#3d3d3d', dash: [8, 5], label: 'Shape now (dashed)' },
  after: { color: '#0072b2', dash: [] as number[], label: 'Shape after the repair' },
  moved: { color: '#e69f00', dash: [] as number[], label: 'Ground the repair moves, clips or repairs' },
} as const

export type RepairLook = keyof typeof REPAIR_LOOK
