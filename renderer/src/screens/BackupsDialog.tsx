/**
 * Backups: the copies SROI Studio makes on start, before upgrades and every few minutes while you work.
 * Restoring one keeps the current data as a backup too, so a restore can always be undone.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../shared/ipc/contract';
import { api } from '../api/client';
import { Dialog } from '../components/Dialog';
import { formatDateTime } from '../format/dates';
import { useLocale } from '../hooks/useLocale';

/** A file size in the user's locale and words ("1,234 kB", "1 234 ko"). */
const kilobytes = (bytes: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(bytes / 1024);

export function BackupsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [backups, setBackups] = useState<BackupInfo[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [undoId, setUndoId] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await api.backups.list();
    if (result.ok) setBackups(result.value);
    else setMessage(result.error.message);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const create = async () => {
    const result = await api.backups.create();
    setMessage(result.ok ? t('backups.created') : result.error.message);
    await load();
  };
  const restore = async (backup: BackupInfo) => {
    if (!window.confirm(t('backups.confirm', { date: formatDateTime(backup.createdAt, locale) }))) return;
    const result = await api.backups.restore(backup.id);
    if (result.ok) {
      setUndoId(result.value.undoId);
      setMessage(t('backups.restored'));
    } else {
      setMessage(result.error.message);
    }
    await load();
  };
  const undo = async () => {
    if (!undoId) return;
    const result = await api.backups.undoRestore(undoId);
    setMessage(result.ok ? t('backups.undone') : result.error.message);
    setUndoId(null);
    await load();
  };

  return (
    <Dialog title={t('backups.title')} onClose={onClose}>
      <p>{t('backups.lead')}</p>
      {message && (
        <div className="notice" role="status">
          {message}
          {undoId && (
            <button type="button" onClick={() => void undo()}>
              {t('backups.undo')}
            </button>
          )}
        </div>
      )}
      <button type="button" onClick={() => void create()}>
        {t('backups.createNow')}
      </button>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('backups.when')}</th>
            <th scope="col">{t('backups.why')}</th>
            <th scope="col" className="number">
              {t('backups.size')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('home.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {backups.map((b) => (
            <tr key={b.id}>
              <td>{formatDateTime(b.createdAt, locale)}</td>
              <td>{t(`backups.reason.${b.reason}`)}</td>
              <td className="number">{kilobytes(b.sizeBytes, locale)}</td>
              <td>
                <button type="button" onClick={() => void restore(b)}>
                  {t('backups.restore')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
