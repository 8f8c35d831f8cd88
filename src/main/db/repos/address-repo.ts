import type { Db } from '../connection'

export interface AddressPoint {
  address: string
  lon: number
  lat: number
}

/** Address points for lookup by address: replaced whole by each import. */
export class AddressRepo {
  private readonly insertStmt
  private readonly clearStmt
  private readonly countStmt
  private readonly prefixStmt
  private readonly containsStmt
  private readonly firstStmt
  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare('INSERT INTO address_points (address, address_key, lon, lat) VALUES (?, ?, ?, ?)')
    this.clearStmt = db.prepare('DELETE FROM address_points')
    this.countStmt = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM address_points')
    // A range on the key uses the index, where LIKE would not (it is case-insensitive by default).
    this.prefixStmt = db.prepare<[string, string, number], AddressPoint>(
      'SELECT address, lon, lat FROM address_points WHERE address_key >= ? AND address_key < ? ORDER BY address_key, id LIMIT ?',
    )
    this.containsStmt = db.prepare<[string, number], AddressPoint>(
      'SELECT address, lon, lat FROM address_points WHERE instr(address_key, ?) > 0 ORDER BY address_key, id LIMIT ?',
    )
    this.firstStmt = db.prepare<[number], AddressPoint>('SELECT address, lon, lat FROM address_points ORDER BY address_key, id LIMIT ?')
  }

  /** The first `limit` address points in address order: what the public page bundles. */
  first(limit: number): AddressPoint[] {
    return this.firstStmt.all(limit)
  }

  /** Replaces every stored address point in one transaction. */
  replaceAll(points: { address: string; key: string; lon: number; lat: number }[]): void {
    this.db.transaction(() => {
      this.clearStmt.run()
      for (const p of points) this.insertStmt.run(p.address, p.key, p.lon, p.lat)
    })()
  }

  count(): number {
    return this.countStmt.get()?.n ?? 0
  }

  /** Addresses whose key starts with `key`, then (to fill up to `limit`) those that contain it. */
  search(key: string, limit: number): AddressPoint[] {
    const first = this.prefixStmt.all(key, `${key}\u{10FFFF}`, limit)
    if (first.length >= limit) return first
    const seen = new Set(first.map((p) => `${p.address}|${p.lon}|${p.lat}`))
    const more = this.containsStmt.all(key, limit * 2).filter((p) => !seen.has(`${p.address}|${p.lon}|${p.lat}`))
    return [...first, ...more].slice(0, limit)
  }
}
