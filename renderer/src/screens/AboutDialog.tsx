/** About: the version, where the data lives, and the promise that nothing leaves the computer. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { Dialog } from '../components/Dialog';

export function AboutDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [info, setInfo] = useState<{ version: string; dataFile: string } | null>(null);
  useEffect(() => {
    void api.appInfo().then((r) => r.ok && setInfo(r.value));
  }, []);
  return (
    <Dialog title={t('about.title')} onClose={onClose}>
      <p>{t('about.body')}</p>
      {info && (
        <dl className="about">
          <dt>{t('about.version')}</dt>
          <dd>{info.version}</dd>
          <dt>{t('about.dataFile')}</dt>
          <dd>
            <code>{info.dataFile}</code>
          </dd>
        </dl>
      )}
      <p>{t('about.privacy')}</p>
    </Dialog>
  );
}
