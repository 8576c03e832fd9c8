/** A wide modal dialog for imports (the native <dialog>: focus trapped, Escape closes it). */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import './exchange.css';

export function ExchangeDialog({
  title,
  onClose,
  children,
  footer,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** The dialog's buttons (a "Close" or "Cancel" among them). */
  footer: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    // jsdom (component tests) has no showModal: the dialog is then simply shown.
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog exchange-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="dialog-actions exchange-actions">{footer}</div>
    </dialog>
  );
}
