import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { vi } from './vi'
import { en } from './en'

const LANG_KEY = 'reception.lang'

export function initI18n(): typeof i18next {
  const saved = localStorage.getItem(LANG_KEY)
  void i18next.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: saved === 'en' ? 'en' : 'vi',
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
    initImmediate: false
  } as Parameters<typeof i18next.init>[0])
  return i18next
}

export function setLanguage(lang: 'vi' | 'en'): void {
  localStorage.setItem(LANG_KEY, lang)
  void i18next.changeLanguage(lang)
  document.documentElement.lang = lang
}
