import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { launchCheck, type LaunchProblem } from '../../bridge'

/**
 * Browser mode opened without the launch's `#token`, or with one the server no longer accepts: instead of the
 * app (whose every call would fail), a page that says how to open it properly. Electron never gets here.
 */
export function LaunchGuard({ children }: { children: React.ReactNode }): React.JSX.Element {
  const [problem, setProblem] = useState<LaunchProblem | null>(launchCheck.current())
  useEffect(() => launchCheck.subscribe(setProblem), [])
  if (problem) return <LaunchHelp problem={problem} />
  return <>{children}</>
}

export function LaunchHelp({ problem }: { problem: LaunchProblem }): React.JSX.Element {
  const { t } = useTranslation()
  const origin = window.location.origin
  return (
    <main className="auth-screen launch-help" data-testid="launch-help" role="alert">
      <div className="auth-card">
        <h1>{t(problem === 'no-token' ? 'start.noTokenTitle' : 'start.refusedTitle')}</h1>
        <p>{t(problem === 'no-token' ? 'start.noTokenBody' : 'start.refusedBody')}</p>
        <ol>
          <li>
            {t('start.step1')}
            <pre>bash scripts/app.sh</pre>
            <pre>node out/main/web.js --data-dir …</pre>
          </li>
          <li>
            {t('start.step2')}
            <pre>Open: {origin}/#token=…</pre>
          </li>
          <li>{t('start.step3')}</li>
        </ol>
        <p className="muted">{t('start.noData')}</p>
      </div>
    </main>
  )
}
