/** The whole interface: the projects home or one project's workspace, and the screens that replace both. */
import { useEffect, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { onBackendError } from '../api/errors';
import { FutureSchemaScreen } from '../screens/FutureSchemaScreen';
import { ProjectsHome } from '../screens/ProjectsHome';
import { Workspace } from '../screens/Workspace';
import { listenToDesktopMenu, MENU_EVENT } from './menu-events';
import { navigate, useRoute } from './router';
import { AboutDialog } from '../screens/AboutDialog';
import { BackupsDialog } from '../screens/BackupsDialog';
import { MethodDialog } from '../screens/MethodDialog';
import { LanguagePicker } from '../components/LanguagePicker';

export function App() {
  const route = useRoute();
  const { t } = useTranslation();
  const [futureSchema, setFutureSchema] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'backups' | 'about' | 'method' | null>(null);

  useEffect(() => listenToDesktopMenu(), []);
  useEffect(() => {
    const onMenu = (event: Event) => {
      const command = (event as CustomEvent<string>).detail;
      if (command === 'show-backups') setDialog('backups');
      if (command === 'show-about') setDialog('about');
      if (command === 'show-method') setDialog('method');
      if (command === 'new-project' || command === 'import-project') navigate({ name: 'home' });
    };
    window.addEventListener(MENU_EVENT, onMenu);
    return () => window.removeEventListener(MENU_EVENT, onMenu);
  }, []);

  useEffect(() => {
    const stop = onBackendError((error) => {
      if (error.code === 'FUTURE_SCHEMA') setFutureSchema(error.message);
    });
    void api.appInfo();
    return stop;
  }, []);

  // The routes live in the hash: following "#main" itself would leave a project for the projects home.
  const skipToContent = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById('main');
    if (!main) return;
    event.preventDefault();
    if (!main.hasAttribute('tabindex')) main.setAttribute('tabindex', '-1');
    main.focus();
  };

  if (futureSchema) return <FutureSchemaScreen message={futureSchema} />;
  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={skipToContent}>
        {t('app.skipToContent')}
      </a>
      {route.name === 'home' ? (
        <ProjectsHome />
      ) : (
        <Workspace key={route.projectId} projectId={route.projectId} section={route.section} />
      )}
      <footer className="app-footer">
        <LanguagePicker />
        <button type="button" className="link" onClick={() => setDialog('backups')}>
          {t('backups.title')}
        </button>
        <button type="button" className="link" onClick={() => setDialog('method')}>
          {t('method.title')}
        </button>
        <button type="button" className="link" onClick={() => setDialog('about')}>
          {t('about.title')}
        </button>
      </footer>
      {dialog === 'backups' && <BackupsDialog onClose={() => setDialog(null)} />}
      {dialog === 'about' && <AboutDialog onClose={() => setDialog(null)} />}
      {dialog === 'method' && <MethodDialog onClose={() => setDialog(null)} />}
    </div>
  );
}
