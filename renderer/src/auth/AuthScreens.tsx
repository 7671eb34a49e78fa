import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppErrorValue } from '../../../contract/errors'
import { bridge } from '../bridge'
import type { AuthAction } from './use-auth'

function ErrorLine({ error }: { error: AppErrorValue | null }): React.JSX.Element | null {
  const { i18n } = useTranslation()
  if (!error) return null
  return (
    <p role="alert" className="auth-error" data-testid="auth-error">
      {i18n.language === 'en' ? error.messageEn : error.message}
    </p>
  )
}

function AuthCard(props: { title: string; lead?: string; children: React.ReactNode }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <div className="auth-screen">
      <div className="auth-card">
        <p className="auth-app">{t('app.title')}</p>
        <h1>{props.title}</h1>
        {props.lead && <p className="auth-lead">{props.lead}</p>}
        {props.children}
      </div>
    </div>
  )
}

/** Submits on Enter from any field; the first field has the focus: no mouse needed. */
function useSubmit(action: () => Promise<AppErrorValue | null>): {
  busy: boolean
  error: AppErrorValue | null
  onSubmit: (e: FormEvent) => void
} {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppErrorValue | null>(null)
  return {
    busy,
    error,
    onSubmit: (e) => {
      e.preventDefault()
      setBusy(true)
      void action().then((err) => {
        setError(err)
        setBusy(false)
      })
    }
  }
}

export function SignInScreen({ run }: { run: AuthAction }): React.JSX.Element {
  const { t } = useTranslation()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const { busy, error, onSubmit } = useSubmit(async () => {
    const err = await run(bridge.call('auth:signIn', { username, password }))
    if (err) setPassword('')
    return err
  })
  return (
    <AuthCard title={t('auth.signInTitle')} lead={t('auth.signInLead')}>
      <form onSubmit={onSubmit} className="auth-form">
        <label>
          {t('auth.username')}
          <input
            autoFocus
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          {t('auth.password')}
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <ErrorLine error={error} />
        <button type="submit" className="primary" disabled={busy || !username || !password}>
          {t('auth.signIn')}
        </button>
      </form>
    </AuthCard>
  )
}

export function FirstRunScreen({ run }: { run: AuthAction }): React.JSX.Element {
  const { t } = useTranslation()
  const [f, setF] = useState({ username: '', fullName: '', idNumber: '', password: '', again: '', pin: '' })
  const [mismatch, setMismatch] = useState(false)
  const set = (k: keyof typeof f) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setF({ ...f, [k]: e.target.value })
  const { busy, error, onSubmit } = useSubmit(async () => {
    if (f.password !== f.again) {
      setMismatch(true)
      return null
    }
    setMismatch(false)
    const { again: _again, ...input } = f
    void _again
    return run(bridge.call('auth:setup', input))
  })
  return (
    <AuthCard title={t('auth.firstRunTitle')} lead={t('auth.firstRunLead')}>
      <form onSubmit={onSubmit} className="auth-form">
        <label>
          {t('auth.username')}
          <input autoFocus autoComplete="username" value={f.username} onChange={set('username')} />
        </label>
        <label>
          {t('auth.fullName')}
          <input value={f.fullName} onChange={set('fullName')} />
        </label>
        <label>
          {t('auth.staffIdNumber')}
          <input inputMode="numeric" maxLength={12} value={f.idNumber} onChange={set('idNumber')} />
        </label>
        <label>
          {t('auth.newPassword')}
          <input type="password" autoComplete="new-password" value={f.password} onChange={set('password')} />
        </label>
        <label>
          {t('auth.passwordAgain')}
          <input type="password" autoComplete="new-password" value={f.again} onChange={set('again')} />
        </label>
        <label>
          {t('auth.pin')}
          <input type="password" inputMode="numeric" maxLength={8} value={f.pin} onChange={set('pin')} />
        </label>
        <p className="auth-hint">{t('auth.passwordRule')}</p>
        {mismatch && (
          <p role="alert" className="auth-error">
            {t('auth.passwordMismatch')}
          </p>
        )}
        <ErrorLine error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t('auth.createFirst')}
        </button>
      </form>
    </AuthCard>
  )
}

export function LockScreen(props: { fullName: string; run: AuthAction }): React.JSX.Element {
  const { t } = useTranslation()
  const [secret, setSecret] = useState('')
  const { busy, error, onSubmit } = useSubmit(async () => {
    const err = await props.run(bridge.call('auth:unlock', { secret }))
    setSecret('')
    return err
  })
  return (
    <AuthCard title={t('auth.lockedTitle')} lead={t('auth.lockedLead', { name: props.fullName })}>
      <form onSubmit={onSubmit} className="auth-form">
        <label>
          {t('auth.pinOrPassword')}
          <input
            autoFocus
            type="password"
            autoComplete="current-password"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
          />
        </label>
        <ErrorLine error={error} />
        <div className="auth-actions">
          <button type="submit" className="primary" disabled={busy || !secret}>
            {t('auth.unlock')}
          </button>
          <button type="button" onClick={() => void props.run(bridge.call('auth:signOut', {}))}>
            {t('auth.switchUser')}
          </button>
        </div>
      </form>
    </AuthCard>
  )
}
