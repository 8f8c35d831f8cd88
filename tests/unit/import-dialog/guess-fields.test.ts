import { describe, expect, it } from 'vitest'
import { guessFields } from '../../../src/shared/import/guess-fields'
import { formatSize } from '../../../src/shared/units/file-size'

describe('the import dialog’s first guess of the field mapping', () => {
  it('takes the district as the parent and the beat number as the id (Chicago beats)', () => {
    expect(guessFields(['the_geom', 'DISTRICT', 'SECTOR', 'BEAT', 'BEAT_NUM'], 'neighborhoods')).toEqual({ idField: 'BEAT_NUM', nameField: '', areaField: 'DISTRICT' })
  })

  it('does not take AREA_NUM as the id of a neighborhood, nor OBJECTID', () => {
    expect(guessFields(['OBJECTID', 'BEAT', 'NAME', 'AREA_NUM'], 'neighborhoods')).toEqual({ idField: 'BEAT', nameField: 'NAME', areaField: 'AREA_NUM' })
  })

  it('reads camelCase and snake_case names', () => {
    expect(guessFields(['fid', 'nbhdId', 'nbhdName', 'parentArea'], 'neighborhoods')).toEqual({ idField: 'nbhdId', nameField: 'nbhdName', areaField: 'parentArea' })
    expect(guessFields(['dist_code', 'dist_label'], 'areas')).toEqual({ idField: 'dist_code', nameField: 'dist_label', areaField: '' })
  })

  it('asks for no id on a city limit and leaves a field nobody would guess empty', () => {
    expect(guessFields(['NAME', 'ID'], 'city')).toEqual({ idField: '', nameField: 'NAME', areaField: '' })
    expect(guessFields(['foo', 'bar'], 'neighborhoods')).toEqual({ idField: '', nameField: '', areaField: '' })
  })

  it('states file sizes the way people read them', () => {
    expect([formatSize(900), formatSize(10_240), formatSize(19_084_083)]).toEqual(['900 B', '10.0 KB', '18.2 MB'])
  })
})
