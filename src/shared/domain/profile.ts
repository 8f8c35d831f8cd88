import type { Profile } from './plan'

/** The key under which a profile's undo history is kept. */
export function profileKey(p: Profile): string {
  return p.role === 'admin' ? 'admin' : `commander:${p.areaId}`
}

export function parseProfileKey(key: string): Profile | null {
  if (key === 'admin') return { role: 'admin' }
  const m = /^commander:(.+)$/.exec(key)
  return m ? { role: 'commander', areaId: m[1] } : null
}
