import Database from 'better-sqlite3'

/**
 * An MBTiles file as tippecanoe or gdal write it: a metadata table of name/value pairs and a
 * tiles table whose rows count from the south (TMS). Tiles are given in the XYZ grid the map
 * asks in. Test use only.
 */
export function writeMbtiles(path: string, metadata: Record<string, string>, tiles: { z: number; x: number; y: number; data: Uint8Array }[]): string {
  const db = new Database(path)
  try {
    db.exec('CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)')
    const meta = db.prepare('INSERT INTO metadata VALUES (?, ?)')
    const put = db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)')
    db.transaction(() => {
      for (const [k, v] of Object.entries(metadata)) meta.run(k, v)
      for (const t of tiles) put.run(t.z, t.x, 2 ** t.z - 1 - t.y, Buffer.from(t.data))
    })()
  } finally {
    db.close()
  }
  return path
}
