import { z } from 'zod'
import type { ReferenceLayerInfo, ReferenceLayerShapes } from '../../domain/reference-layer'
import { importFileSchema } from './import-contract'

const id = z.number().int().min(1, 'a reference layer id is a positive whole number')

export const referenceContract = {
  'reference:list': { input: z.undefined() },
  'reference:shapes': { input: z.strictObject({ id }) },
  'reference:import': {
    input: z.strictObject({
      file: importFileSchema,
      crs: z.string().trim().min(1).max(10_000, 'the coordinate system text is longer than 10,000 characters').optional(),
      gpkgLayer: z.string().min(1, 'the GeoPackage layer name must not be empty').max(1000, 'the GeoPackage layer name is longer than 1,000 characters').optional(),
    }),
  },
  'reference:setVisible': { input: z.strictObject({ id, visible: z.boolean() }) },
  'reference:remove': { input: z.strictObject({ id }) },
} as const

export interface ReferenceOutputs {
  'reference:list': ReferenceLayerInfo[]
  'reference:shapes': ReferenceLayerShapes
  'reference:import': { layer: ReferenceLayerInfo; shapes: ReferenceLayerShapes; notices: string[] }
  'reference:setVisible': ReferenceLayerInfo
  'reference:remove': { removed: number }
}
