import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/i18n/languages';
import { sameTask, useNavigation, type Place } from './navigation';
import type { RegistryForm } from './registryForms';

function NavButton({ place, label, badge }: { place: Place; label: string; badge?: number }) {
  const { place: current, go } = useNavigation();
  const here = sameTask(current, place);
  return (
    <li>
      <button type="button" className={here ? 'side-nav__item side-nav__item--current' : 'side-nav__item'} aria-current={here ? 'page' : undefined} onClick={() => go(place)}>
        {label}
        {badge ? <span className="side-nav__badge">{badge}</span> : null}
      </button>
    </li>
  );
}

/** Navigation by task: due work, the registry's lists, statistics, exchange, the account. */
export function SideNav({ forms, language, due }: { forms: RegistryForm[]; language: Language; due: number }) {
  const { t } = useTranslation();
  return (
    <nav className="side-nav" aria-label={t('workspace.nav')}>
      <ul>
        <NavButton place={{ kind: 'dashboard' }} label={t('workspace.dashboard')} badge={due} />
      </ul>
      {forms.length > 0 ? (
        <>
          <p className="side-nav__group">{t('workspace.registry')}</p>
          <ul>
            {forms.map(({ form }) => (
              <NavButton key={form.id} place={{ kind: 'list', formId: form.id }} label={form.title[language]} />
            ))}
          </ul>
          <ul>
            <NavButton place={{ kind: 'stats' }} label={t('reports.title')} />
          </ul>
        </>
      ) : null}
      <ul>
        <NavButton place={{ kind: 'exchange' }} label={t('workspace.exchange')} />
        <NavButton place={{ kind: 'account' }} label={t('workspace.account')} />
      </ul>
    </nav>
  );
}
