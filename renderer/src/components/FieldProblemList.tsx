/** The problems a backend refusal lists, one per line ("line 14, column "total": … is not a number"). */
import type { FieldProblem } from '../../../shared/ipc/result';

export function FieldProblemList({ fields }: { fields: readonly FieldProblem[] | undefined }) {
  if (!fields || fields.length === 0) return null;
  return (
    <ul className="problem-list">
      {fields.map((f, i) => (
        <li key={i}>
          <strong>{f.where}</strong>: {f.message}
        </li>
      ))}
    </ul>
  );
}
