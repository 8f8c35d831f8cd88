/** The server refused a change set because a row it changes is no longer as the change expected. */
export class ServerConflictError extends Error {
  constructor(
    message: string,
    /** Who last changed the row, from the server's change log (null when the log does not name one). */
    public readonly detail: { entity: string; id: string; login: string | null; at: string | null; label: string | null; seq: number | null },
  ) {
    super(message)
    this.name = 'ServerConflictError'
  }
}

/** PostgreSQL refused the write for this login (row-level security or grants). */
export class ServerForbiddenError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ServerForbiddenError'
  }
}

interface PgError { code?: string; message: string; detail?: string }

/** Turns PostgreSQL's refusal of a change set into the error the app names to the user; other errors pass through. */
export function changeSetRefusal(e: unknown, label: string): unknown {
  const pg = e as PgError
  if (pg?.code === 'P0409') {
    let detail: ServerConflictError['detail'] = { entity: '', id: '', login: null, at: null, label: null, seq: null }
    try {
      detail = JSON.parse(pg.detail ?? '{}')
    } catch {
      /* the message alone still says what happened */
    }
    return new ServerConflictError(`"${label}" was not stored: ${pg.message}. The map shows the stored state; redo your change on top of it.`, detail)
  }
  if (pg?.code === '42501') return new ServerForbiddenError(`"${label}" was not stored: PostgreSQL refused it: ${pg.message}`)
  return e
}
