import { z } from 'zod'
import { showValue } from '../text/bounded'
import { wellFormed } from '../text/safe-text'
import { areaSchema, citySchema, idSchema, neighborhoodSchema, officerSchema } from './entity-schemas'

/** Ids quoted in messages are cut short and escaped: a hostile caller's megabyte-long id must not come back whole. */
const short = (id: string) => showValue(id, 60)

const op = <E extends string, S extends z.ZodType>(entity: E, row: S) =>
  z.strictObject({ entity: z.literal(entity), id: idSchema, before: row.nullable(), after: row.nullable() })

export const changeOpSchema = z
  .discriminatedUnion('entity', [
    op('neighborhood', neighborhoodSchema),
    op('area', areaSchema),
    op('officer', officerSchema),
    z.strictObject({ entity: z.literal('city'), id: z.literal('city'), before: citySchema.nullable(), after: citySchema.nullable() }),
  ])
  .superRefine((o, ctx) => {
    if (!o.before && !o.after) ctx.addIssue({ code: 'custom', message: `change of ${o.entity} ${short(o.id)} has neither a before nor an after row` })
    for (const row of [o.before, o.after]) {
      if (row && 'id' in row && row.id !== o.id) ctx.addIssue({ code: 'custom', message: `change of ${o.entity} ${short(o.id)} carries a row with id ${short(row.id)}` })
    }
  })

export const changeSetSchema = z.strictObject({
  label: z.string().trim().min(1, 'a change needs a label').max(200).refine(wellFormed, 'the label contains a broken Unicode character'),
  ops: z.array(changeOpSchema).min(1, 'a change set needs at least one change').max(20_000, 'a change set is limited to 20,000 changes'),
})
