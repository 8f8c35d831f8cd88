import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tileTemplateProblem, tileUrlFor } from '../../../src/shared/map/tile-template'
import { openServices } from '../../helpers/services-per-test'
import { dumpTables } from '../../helpers/table-dump'

// A 1x1 PNG: what a tile server sends.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64')

let server: Server
let base: string
const asked: string[] = []
beforeAll(async () => {
  server = createServer((req, res) => {
    asked.push(req.url!)
    if (req.url!.startsWith('/missing/')) return res.writeHead(404, 'Not Found').end()
    if (req.url!.startsWith('/html/')) return res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>login</html>')
    if (req.url!.startsWith('/slow/')) return setTimeout(() => res.writeHead(200, { 'Content-Type': 'image/png' }).end(PNG), 2000)
    res.writeHead(200, { 'Content-Type': 'image/png' }).end(PNG)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))

describe('background-map tile URL', () => {
  it('accepts https and a tile server on this computer, with {z}, {x} and {y}', () => {
    expect(tileTemplateProblem('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBeNull()
    expect(tileTemplateProblem('http://localhost:8080/styles/basic/{z}/{x}/{y}.png')).toBeNull()
    expect(tileTemplateProblem('http://127.0.0.1/{z}/{y}/{x}')).toBeNull()
    expect(tileUrlFor('https://t.example/{z}/{x}/{y}.png?k={z}', 3, 5, 2)).toBe('https://t.example/3/5/2.png?k=3')
  })

  it('says what is wrong with a template it refuses', () => {
    expect(tileTemplateProblem('http://tiles.example.org/{z}/{x}/{y}.png')).toMatch(/must start with https:\/\//)
    expect(tileTemplateProblem('http://localhost.evil.example/{z}/{x}/{y}.png')).toMatch(/must start with https:\/\//)
    expect(tileTemplateProblem('https://tiles.example.org/{z}/{x}.png')).toBe('the tile URL must contain {y} where the zoom, column and row go')
    expect(tileTemplateProblem('https://tiles.example.org/{z}/{x}/{y}.png" onerror="x')).toMatch(/quote/)
    expect(tileTemplateProblem('javascript:alert(1)//{z}{x}{y}')).toMatch(/must start with https/)
  })
})

describe('tiles for the background map', () => {
  it('are fetched by the main process from the configured server and kept for panning back', async () => {
    const { dispatch } = openServices()
    expect(await dispatch('settings:set', { tileUrl: `${base}/ok/{z}/{x}/{y}.png`, tileAttribution: '© Test tiles' })).toMatchObject({ ok: true, value: { settings: { tileAttribution: '© Test tiles' } } })
    asked.length = 0
    const r = (await dispatch('tiles:get', { z: 12, x: 656, y: 1582 })) as { ok: true; value: { bytes: Uint8Array; contentType: string } }
    expect(r.ok).toBe(true)
    expect(r.value.contentType).toBe('image/png')
    expect(Buffer.from(r.value.bytes).equals(PNG)).toBe(true)
    await dispatch('tiles:get', { z: 12, x: 656, y: 1582 })
    expect(asked).toEqual(['/ok/12/656/1582.png'])
  })

  it('are refused with the reason when none is set, the server says no, sends a web page or cannot be reached', async () => {
    const { s, dispatch } = openServices()
    expect(await dispatch('tiles:get', { z: 1, x: 0, y: 0 })).toMatchObject({ ok: false, error: { code: 'no-tile-url', message: expect.stringContaining('under Settings.') } })
    s.settings.set({ tileUrl: `${base}/missing/{z}/{x}/{y}.png` })
    expect(await dispatch('tiles:get', { z: 1, x: 0, y: 1 })).toMatchObject({ ok: false, error: { code: 'tile-refused', message: expect.stringMatching(/tile 1\/0\/1 from 127\.0\.0\.1:\d+: the server answered 404 Not Found/) } })
    s.settings.set({ tileUrl: `${base}/html/{z}/{x}/{y}.png` })
    expect(await dispatch('tiles:get', { z: 1, x: 0, y: 1 })).toMatchObject({ ok: false, error: { code: 'tile-not-image', message: expect.stringContaining('sent text/html, not an image') } })
    s.settings.set({ tileUrl: 'http://127.0.0.1:9/{z}/{x}/{y}.png' })
    expect(await dispatch('tiles:get', { z: 1, x: 0, y: 1 })).toMatchObject({ ok: false, error: { code: 'tile-unreachable', message: expect.stringContaining('shown without a background map') } })
  })

  it('give up on a server that does not answer in time', async () => {
    const { s } = openServices()
    s.settings.set({ tileUrl: `${base}/slow/{z}/{x}/{y}.png` })
    const { TileService } = await import('../../../src/main/services/tile-service')
    const quick = new TileService(s.settings, undefined, { timeoutMs: 200 })
    await expect(quick.get(2, 1, 1)).rejects.toMatchObject({ code: 'tile-unreachable', message: expect.stringContaining('no answer within 0.2 s') })
  })

  it('outside the tile grid, or asked by a renderer naming its own address, are refused before any request', async () => {
    const { dispatch } = openServices()
    await dispatch('settings:set', { tileUrl: `${base}/ok/{z}/{x}/{y}.png` })
    asked.length = 0
    expect(await dispatch('tiles:get', { z: 2, x: 4, y: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('inside the tile grid') } })
    expect(await dispatch('tiles:get', { z: 2, x: 0, y: 0, url: 'file:///etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(asked).toEqual([])
  })

  it('settings refuse a bad tile URL with the reason and keep the stored one', async () => {
    const { s, dispatch } = openServices()
    await dispatch('settings:set', { tileUrl: `${base}/ok/{z}/{x}/{y}.png` })
    const r = await dispatch('settings:set', { tileUrl: 'http://tiles.example.org/{z}/{x}/{y}.png' })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('tileUrl: the tile URL must start with https://') } })
    expect(s.settings.get().tileUrl).toBe(`${base}/ok/{z}/{x}/{y}.png`)
  })

  it('settings refuse an over-long map credit, naming the field, and keep the stored one', async () => {
    const { s, dispatch } = openServices()
    await dispatch('settings:set', { tileUrl: `${base}/ok/{z}/{x}/{y}.png`, tileAttribution: '© City GIS' })
    const before = dumpTables(s.repos.db)
    const r = await dispatch('settings:set', { tileAttribution: 'x'.repeat(201) })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('tileAttribution: the attribution is longer than 200 characters') } })
    expect(dumpTables(s.repos.db)).toEqual(before)
    expect(s.settings.get().tileAttribution).toBe('© City GIS')
  })
})
