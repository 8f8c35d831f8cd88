/** Reference layers (streets, parcels) drawn under the plan and snapped to. */
export const REFERENCE_CHANNELS = {
  'reference:list': 'listReferenceLayers',
  'reference:shapes': 'getReferenceShapes',
  'reference:import': 'importReferenceLayer',
  'reference:setVisible': 'setReferenceLayerVisible',
  'reference:remove': 'removeReferenceLayer',
} as const
