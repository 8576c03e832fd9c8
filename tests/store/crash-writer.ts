/**
 * The child process of tests/store/crash-safety.test.ts (bundled with esbuild into a .cjs before the test, so
 * the real store code runs under plain Node). It opens the Store on the file given as its argument and writes
 * until it is killed: each iteration creates a project with a stakeholder in one transaction through the
 * services and, once that transaction has committed, prints the project's id on its own line. Every 20
 * iterations it also takes a periodic backup, so kills land in backups too.
 *
 *   node crash-writer.cjs <database file>
 */
import { randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';
import { Store } from '../../electron/backend/store';

/** Unbuffered: the line is in the pipe before the next write starts (process.stdout may buffer). */
function say(line: string): void {
  writeSync(1, `${line}\n`);
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: crash-writer <database file>');
  const store = await Store.open({ file, actor: 'crash-writer' });
  say('ready');
  for (let i = 0; ; i++) {
    const id = store.db.transaction(() => {
      const project = store.projects.create({ name: `Needle and syringe programme ${i}` });
      store.lists.save('stakeholders', project.id, {
        id: randomUUID(),
        name: 'People who inject drugs',
        size: 100 + i,
        involvement: 'peer interviews',
        peopleConsulted: 12,
      });
      return project.id;
    })();
    say(id);
    if (i % 20 === 19) await store.periodicBackup();
  }
}

main().catch((error: unknown) => {
  writeSync(2, `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
