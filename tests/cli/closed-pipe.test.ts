import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { REPO } from './spawn-cli'

describe('output piped into a reader that stops early (| head)', () => {
  it('ends the command quietly with its own exit code, not a crash on EPIPE', () => {
    // 2 MB of output through the command line's own writer, read 10 bytes of.
    const script = "const { PROCESS_IO } = require('./src/main/cli/installed'); for (let i = 0; i < 20000; i++) PROCESS_IO.out('x'.repeat(99)); process.exitCode = 1"
    const r = spawnSync('bash', ['-c', `"${process.execPath}" --import tsx -e "${script}" | head -c 10 > /dev/null; echo "status=\${PIPESTATUS[0]}" >&2`], { cwd: REPO, encoding: 'utf8', timeout: 60_000 })
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled/)
    expect(r.stderr.trim()).toBe('status=1')
  })
})
