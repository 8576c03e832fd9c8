/**
 * Shown when the data file was written by a newer SROI Studio. It explains and stops; it never offers to
 * delete, reset or overwrite anything.
 */
import { useTranslation } from 'react-i18next';

export function FutureSchemaScreen({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <main className="fatal" id="main" aria-labelledby="future-title">
      {/* The alert is inside the main landmark: on <main> itself it would replace the landmark. */}
      <div role="alert">
        <h1 id="future-title">{t('futureSchema.title')}</h1>
        <p>{message}</p>
        <p>{t('futureSchema.safe')}</p>
        <p>{t('futureSchema.what')}</p>
      </div>
    </main>
  );
}
