import { z } from 'zod'
import { pathSchema } from './publish-contract'

/**
 * What the path is for: it decides the dialog (a folder, a file to open, a file to save), its
 * title and its button. One entry per place in the app that asks for a path.
 */
export const PATH_PURPOSES = ['publish-folder', 'background-file'] as const
export type PathPurpose = (typeof PATH_PURPOSES)[number]

export const choosePathInputSchema = z.strictObject({
  purpose: z.enum(PATH_PURPOSES),
  /** Where the dialog opens: the path typed or chosen before, if any. */
  defaultPath: pathSchema.optional(),
})
export type ChoosePathRequest = z.infer<typeof choosePathInputSchema>

export const dialogContract = {
  'dialog:choosePath': { input: choosePathInputSchema },
} as const

export interface DialogOutputs {
  /** null when the user cancelled the dialog. */
  'dialog:choosePath': { path: string | null }
}
