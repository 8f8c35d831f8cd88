import { EditError } from '../../../src/shared/domain'

/** "code: message" of the EditError a gesture throws, or 'no error'. */
export function refusal(f: () => unknown): string {
  try {
    f()
  } catch (e) {
    if (e instanceof EditError) return `${e.code}: ${e.message}`
    throw e
  }
  return 'no error'
}
