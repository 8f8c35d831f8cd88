import { normalizeHeader } from '../../shared/staffing/csv-rows'

/** One roster row as the CSV sees it: an Officer with its area and neighborhood written by name. */
export interface FlatOfficer {
  displayName: string
  rank: string
  email: string
  deskPhone: string
  employeeId: string
  badge: string
  personalPhone: string
  personalEmail: string
  homeAddress: string
  notes: string
  shift: string
  status: string
  area: string
  neighborhood: string
}

export const ROSTER_FIELDS: readonly (keyof FlatOfficer)[] = [
  'displayName',
  'rank',
  'email',
  'deskPhone',
  'employeeId',
  'badge',
  'personalPhone',
  'personalEmail',
  'homeAddress',
  'notes',
  'shift',
  'status',
  'area',
  'neighborhood',
] as const

/** Header written by the export; also recognised on import. */
export const ROSTER_HEADERS: Record<keyof FlatOfficer, string> = {
  displayName: 'Name',
  rank: 'Rank',
  email: 'Email',
  deskPhone: 'Desk phone',
  employeeId: 'Employee ID',
  badge: 'Badge',
  personalPhone: 'Personal phone',
  personalEmail: 'Personal email',
  homeAddress: 'Home address',
  notes: 'Notes',
  shift: 'Shift',
  status: 'Status',
  area: 'Area',
  neighborhood: 'Neighborhood',
}

/** Spellings seen in department exports, compared after normalizeHeader (lowercase, alphanumerics only, # -> number). */
const SYNONYMS: Record<keyof FlatOfficer, string[]> = {
  displayName: ['name', 'displayname', 'officer', 'officername', 'fullname', 'officerfullname'],
  rank: ['rank', 'title', 'grade'],
  email: ['email', 'workemail', 'officialemail', 'emailaddress', 'officeemail', 'mail'],
  deskPhone: ['deskphone', 'phone', 'workphone', 'officephone', 'officialphone', 'telephone', 'tel'],
  employeeId: ['employeeid', 'empid', 'employeenumber', 'empnumber', 'empno', 'employeeno', 'staffid', 'id', 'personnelnumber', 'payroll', 'payrollnumber'],
  badge: ['badge', 'badgenumber', 'badgeno', 'shield', 'shieldnumber', 'star', 'starnumber'],
  personalPhone: ['personalphone', 'mobile', 'cell', 'cellphone', 'mobilephone', 'homephone', 'privatephone'],
  personalEmail: ['personalemail', 'privateemail', 'homeemail'],
  homeAddress: ['homeaddress', 'address', 'residence', 'streetaddress'],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks'],
  shift: ['shift', 'watch', 'platoon', 'tour'],
  status: ['status', 'dutystatus', 'state'],
  area: ['area', 'areacommand', 'areaid', 'areaname', 'command', 'district'],
  neighborhood: ['neighborhood', 'neighbourhood', 'neighborhoodid', 'neighborhoodname', 'beat', 'adoptedneighborhood', 'zone'],
}

export interface ColumnMapping {
  [field: string]: string | undefined
}

/** Maps each app field to the first header that is one of its synonyms; each header is used once. */
export function guessRosterMapping(headers: string[]): ColumnMapping {
  const mapping: ColumnMapping = {}
  const used = new Set<string>()
  const byNorm = new Map<string, string>()
  for (const h of headers) {
    const n = normalizeHeader(h)
    if (n && !byNorm.has(n)) byNorm.set(n, h)
  }
  for (const field of ROSTER_FIELDS) {
    for (const syn of SYNONYMS[field]) {
      const h = byNorm.get(syn)
      if (h !== undefined && !used.has(h)) {
        mapping[field] = h
        used.add(h)
        break
      }
    }
  }
  return mapping
}
