import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PatientRecord } from '../../contract/patient'
import { ReceptionForm } from './components/ReceptionForm'
import { PatientSearch } from './components/PatientSearch'
import { QueueView } from './components/QueueView'
import { ReportView } from './components/ReportView'
import { StatusBar } from './components/StatusBar'
import { useAppStatus } from './use-status'
import { setLanguage } from './i18n'
import { useIntake } from './intake/use-intake'
import { AuthGate, SessionBar, type DeskSession } from './auth/AuthGate'
import { ConsentBar } from './auth/ConsentBar'
import { LaunchGuard } from './components/start/LaunchGuard'
import { StartPrompt, useStartPromptVisible } from './components/start/StartPrompt'
import { VisitHistory } from './components/records/VisitHistory'
import { useProvideOpenRecord } from './components/records/open-record'

type Tab = 'reception' | 'search' | 'queue' | 'report'
/** The call each tab needs: a role without it does not see the tab (the core refuses the call anyway). */
const tabCall: Record<Tab, string> = {
  reception: 'patients:register',
  search: 'patients:search',
  queue: 'queue:list',
  report: 'report:quality'
}

export function App(): React.JSX.Element {
  return (
    <LaunchGuard>
      <AuthGate>{(session) => <Desk session={session} />}</AuthGate>
    </LaunchGuard>
  )
}

function Desk({ session }: { session: DeskSession }): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const tabs = (['reception', 'search', 'queue', 'report'] as const).filter((n) =>
    session.allowed.has(tabCall[n])
  )
  const [tab, setTab] = useState<Tab>(tabs[0] ?? 'queue')
  const [opened, setOpened] = useState<{ record: PatientRecord; correcting: boolean } | null>(null)
  const { status, refresh } = useAppStatus()
  const startPrompt = useStartPromptVisible()
  const openRecord = useCallback((record: PatientRecord) => {
    setOpened({ record, correcting: false })
    setTab('reception')
  }, [])
  useProvideOpenRecord(openRecord)
  useIntake()

  return (
    <div className="app">
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <nav role="tablist">
          {tabs.map((name) => (
            <button
              key={name}
              role="tab"
              aria-selected={tab === name}
              className={tab === name ? 'tab active' : 'tab'}
              onClick={() => setTab(name)}
            >
              {t(`nav.${name}`)}
            </button>
          ))}
        </nav>
        <label className="lang">
          {t('app.language')}{' '}
          <select value={i18n.language} onChange={(e) => setLanguage(e.target.value === 'en' ? 'en' : 'vi')}>
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
        </label>
        <SessionBar session={session} />
      </header>
      {session.allowed.has('consent:chip') && <ConsentBar />}
      <main className="app-main">
        {/* Form and search stay mounted so switching tabs never loses what the clerk typed or found. */}
        {tabs.includes('reception') && (
          <div hidden={tab !== 'reception'}>
            {!opened && startPrompt.visible && <StartPrompt status={status} />}
            {opened && session.allowed.has('patients:visits') && (
              <VisitHistory patientId={opened.record.id} />
            )}
            <ReceptionForm
              key={opened ? `${opened.record.id}:${opened.correcting ? 'fix' : 'open'}` : 'new'}
              opened={opened?.record ?? null}
              correcting={opened?.correcting ?? false}
              onSaved={() => {
                refresh()
                startPrompt.reset()
              }}
              onClearOpened={() => {
                setOpened(null)
                startPrompt.reset()
              }}
            />
          </div>
        )}
        {tabs.includes('search') && (
          <div hidden={tab !== 'search'}>
            <PatientSearch
              onOpen={(record) => {
                setOpened({ record, correcting: false })
                setTab('reception')
              }}
            />
          </div>
        )}
        {tab === 'queue' && (
          <QueueView
            status={status?.queue ?? null}
            onChanged={refresh}
            onCorrect={(record) => {
              setOpened({ record, correcting: true })
              setTab('reception')
            }}
          />
        )}
        {tab === 'report' && <ReportView canMerge={session.allowed.has('patients:merge')} />}
      </main>
      <StatusBar status={status} />
    </div>
  )
}
