import { describe, expect, it } from 'vitest'
import { decideLaunch } from '../../../electron/main/launch-policy'
import { buildWindowOptions } from '../../../electron/main/security'

const devEnv = { ELECTRON_RENDERER_URL: 'http://localhost:5173/', NODE_ENV: 'development' }

describe('developer switches on a packaged app', () => {
  it('ELECTRON_RENDERER_URL cannot make the installed app load another page with full IPC', () => {
    const p = decideLaunch({
      packaged: true,
      env: { ELECTRON_RENDERER_URL: 'https://evil.example/' },
      argv: []
    })
    expect(p.rendererUrl).toBeNull()
    expect(p.ignored).toContain('ELECTRON_RENDERER_URL')
  })

  it('NODE_ENV=development does not open DevTools', () => {
    const p = decideLaunch({ packaged: true, env: devEnv, argv: ['reception.exe'] })
    expect(p).toMatchObject({ rendererUrl: null, devTools: false, refused: null })
    expect(p.ignored).toEqual(['ELECTRON_RENDERER_URL', 'NODE_ENV'])
    expect(buildWindowOptions('/p.js', p.devTools).webPreferences?.devTools).toBe(false)
  })

  it.each([
    ['--remote-debugging-port=9222'],
    ['--remote-debugging-port', '9222'],
    ['--inspect=127.0.0.1:9229'],
    ['--inspect-brk'],
    ['--remote-debugging-pipe'],
    ['--js-flags=--allow-natives-syntax']
  ])('%s is refused: the app does not start', (...args) => {
    const p = decideLaunch({ packaged: true, env: {}, argv: ['reception.exe', ...args] })
    expect(p.refused).toBe(args[0]!.split('=')[0])
  })

  it('an ordinary launch of the installed app starts with none of them', () => {
    expect(decideLaunch({ packaged: true, env: {}, argv: ['reception.exe', '--lang=vi'] })).toEqual({
      rendererUrl: null,
      devTools: false,
      refused: null,
      ignored: []
    })
  })
})

describe('developer switches in development', () => {
  it('the loopback dev server and DevTools are used when not packaged', () => {
    const p = decideLaunch({
      packaged: false,
      env: devEnv,
      argv: ['electron', '--remote-debugging-port=9222']
    })
    expect(p).toEqual({ rendererUrl: 'http://localhost:5173/', devTools: true, refused: null, ignored: [] })
  })

  it('even then, only a loopback dev server stands in for the renderer', () => {
    const p = decideLaunch({
      packaged: false,
      env: { ELECTRON_RENDERER_URL: 'http://10.0.0.9:5173/' },
      argv: []
    })
    expect(p.rendererUrl).toBeNull()
  })
})
