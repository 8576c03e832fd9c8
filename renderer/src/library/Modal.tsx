/**
 * A wide modal on the native <dialog> element (focus trapped, Escape closes). Where showModal is missing
 * (jsdom in component tests) the dialog is simply opened, so the same component is tested as shipped.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function Modal({
  title,
  onClose,
  children,
  className,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog library-dialog ${className ?? ''}`}
      aria-labelledby="library-dialog-title"
      onClose={onClose}
      onCancel={onClose}
    >
      <div className="library-dialog-header">
        <h2 id="library-dialog-title">{title}</h2>
        <button type="button" onClick={onClose}>
          {t('library.close')}
        </button>
      </div>
      {children}
    </dialog>
  );
}
