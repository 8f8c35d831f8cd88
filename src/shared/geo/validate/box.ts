/** An axis-aligned box on the grid: [minX, minY, maxX, maxY]. */
export type Box = [number, number, number, number]
