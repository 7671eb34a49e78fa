import { useCallback, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionUser } from '../../../contract/auth'
import { bridge } from '../bridge'
import { FirstRunScreen, LockScreen, SignInScreen } from './AuthScreens'
import { useAuth, useIdleLock } from './use-auth'

export interface DeskSession {
  user: SessionUser
  /** Calls this user may make: the screen shows only what they can use. */
  allowed: ReadonlySet<string>
  lock: () => void
  signOut: () => void
}

/**
 * Nothing with personal data is on screen before sign-in: the first-run, sign-in and lock screens stand in front
 * of the app. A lock keeps the app mounted underneath (the same person unlocks and finds the form as they left
 * it); switching user unmounts it, so the next person starts clean.
 */
export function AuthGate(props: { children: (session: DeskSession) => React.ReactNode }): React.JSX.Element {
  const { state, run } = useAuth()
  const lock = useCallback(() => void run(bridge.call('auth:lock', {})), [run])
  const signOut = useCallback(() => void run(bridge.call('auth:signOut', {})), [run])
  const signedIn = Boolean(state?.user && !state.locked)
  useIdleLock(state?.idleLockMinutes ?? 5, signedIn, lock)
  useEffect(() => {
    if (!signedIn) return
    const onKey = (e: KeyboardEvent): void => {
      if (e.ctrlKey && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'l') {
        e.preventDefault()
        lock()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [signedIn, lock])

  if (!state) return <div className="auth-screen" aria-busy="true" />
  if (state.firstRun) return <FirstRunScreen run={run} />
  if (!state.user) return <SignInScreen run={run} />
  const session: DeskSession = { user: state.user, allowed: new Set(state.allowed), lock, signOut }
  return (
    <>
      <div hidden={state.locked} inert={state.locked} key={state.user.username}>
        {props.children(session)}
      </div>
      {state.locked && <LockScreen fullName={state.user.fullName} run={run} />}
    </>
  )
}

/** Who is at the desk, with lock (Ctrl+L) and switch user, in the app's header. */
export function SessionBar({ session }: { session: DeskSession }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <div className="session-bar" data-testid="session-bar">
      <span title={t(`auth.role.${session.user.role}`)}>
        {session.user.fullName} · {t(`auth.role.${session.user.role}`)}
      </span>
      <button type="button" className="tab" onClick={session.lock} title="Ctrl+L">
        {t('auth.lock')}
      </button>
      <button type="button" className="tab" onClick={session.signOut}>
        {t('auth.switchUser')}
      </button>
    </div>
  )
}
