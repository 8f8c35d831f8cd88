import type { ClientBase } from 'pg'
import type { AreaCommand, CityLimit, Neighborhood, Officer } from '../../../shared/domain'

export interface ServerPlanRows {
  city: CityLimit | null
  areas: AreaCommand[]
  neighborhoods: Neighborhood[]
  officers: Officer[]
  /** The log position these rows are the state after. */
  seq: number
}

/** Every plan row and the log position they belong to, read in one snapshot. */
export async function readPlanRows(client: ClientBase): Promise<ServerPlanRows> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
  try {
    const seq = await client.query<{ m: string | null }>('SELECT max(seq) AS m FROM acp.change_log')
    const docs = async <T>(table: string) => (await client.query<{ doc: T }>(`SELECT doc FROM acp.${table} ORDER BY id`)).rows.map((r) => r.doc)
    const city = (await docs<CityLimit>('city'))[0] ?? null
    const rows = { city, areas: await docs<AreaCommand>('areas'), neighborhoods: await docs<Neighborhood>('neighborhoods'), officers: await docs<Officer>('officers'), seq: Number(seq.rows[0].m ?? 0) }
    await client.query('COMMIT')
    return rows
  } catch (e) {
    await client.query('ROLLBACK')
    throw e
  }
}

/** Whether the server plan holds no rows at all (`server push` only fills an empty one). */
export async function planIsEmpty(client: ClientBase): Promise<boolean> {
  const r = await client.query<{ n: string }>(`SELECT (SELECT count(*) FROM acp.city) + (SELECT count(*) FROM acp.areas) + (SELECT count(*) FROM acp.neighborhoods)
    + (SELECT count(*) FROM acp.officers) + (SELECT count(*) FROM acp.change_log) AS n`)
  return Number(r.rows[0].n) === 0
}

/** Which geometries PostGIS holds for a layer (id and its type), to show the spatial columns are real. */
export async function geometryTypes(client: ClientBase, layer: 'areas' | 'neighborhoods'): Promise<{ id: string; type: string; srid: number }[]> {
  const r = await client.query<{ id: string; type: string; srid: number }>(`SELECT id, GeometryType(geom) AS type, ST_SRID(geom) AS srid FROM acp.${layer} ORDER BY id`)
  return r.rows
}
