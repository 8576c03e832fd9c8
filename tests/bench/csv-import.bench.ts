// CSV import: 1,000,000 monthly output records (long layout: month, site, gender, count) streamed into a fresh
// store in one transaction. Targets: under 10 s, and a peak resident memory under 500 MB (sampled every 50 ms),
// i.e. memory must not grow with the file.
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../electron/backend/store';
import { report } from './measure';

const RECORDS = 1_000_000;
const SITES = [
  'Termini',
  'Tiburtina',
  'Ostiense',
  'Trastevere',
  'San Lorenzo',
  'Pigneto',
  'Testaccio',
  'Prati',
  'Esquilino',
  'Monti',
];
const GENDERS = ['men', 'women'];
const MB = 1024 * 1024;

/** Writes the CSV; returns the sum of its counts. */
function writeCsv(file: string): number {
  const fd = openSync(file, 'w');
  let total = 0;
  try {
    let chunk = 'month,site,gender,count\n';
    for (let i = 0; i < RECORDS; i++) {
      const month = i % 12;
      const year = 2000 + (Math.floor(i / (12 * SITES.length * GENDERS.length)) % 25);
      const count = (i * 7919) % 1000;
      total += count;
      chunk += `${year}-${String(month + 1).padStart(2, '0')},${SITES[Math.floor(i / 12) % SITES.length]},${GENDERS[Math.floor(i / 120) % 2]},${count}\n`;
      if (chunk.length > MB) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  return total;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sroi-bench-csv-'));
  try {
    const csv = join(dir, 'records.csv');
    const expectedTotal = writeCsv(csv);
    const store = await Store.open({ file: join(dir, 'sroi.sqlite'), backupOnStart: false, actor: 'bench' });
    try {
      const projectId = store.projects.create({ name: 'CSV import bench' }).id;
      store.lists.save('stakeholders', projectId, {
        id: 'clients',
        name: 'Clients',
        size: null,
        involvement: '',
        peopleConsulted: null,
      });
      store.lists.save('outputs', projectId, {
        id: 'contacts',
        name: 'Contacts',
        unit: 'people',
        stakeholderId: 'clients',
        notes: '',
      });

      globalThis.gc?.();
      const rssBefore = process.memoryUsage().rss;
      let peak = rssBefore;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 50);
      const start = performance.now();
      let result;
      try {
        result = await store.outputRecords.importCsv(projectId, createReadStream(csv), {
          outputId: 'contacts',
          periodColumn: 'month',
          countColumn: 'count',
          breakdownColumns: [],
          categoryColumns: [
            { column: 'site', dimension: 'site' },
            { column: 'gender', dimension: 'gender' },
          ],
          replaceExisting: false,
        });
      } finally {
        clearInterval(sampler);
      }
      const seconds = (performance.now() - start) / 1000;
      peak = Math.max(peak, process.memoryUsage().rss);

      const check = store.db
        .prepare('SELECT count(*) AS n, sum(CAST(count AS INTEGER)) AS total FROM output_records WHERE project_id = ?')
        .get(projectId) as { n: number; total: number };
      if (result.recordsImported !== RECORDS || check.n !== RECORDS || check.total !== expectedTotal) {
        throw new Error(
          `imported ${result.recordsImported} records (${check.n} stored, total ${check.total}; expected ${RECORDS}, ${expectedTotal})`,
        );
      }
      const fileMb = statSync(csv).size / MB;
      report(`csv import: 1,000,000 records (${fileMb.toFixed(0)} MB file), time`, seconds, 's', 10);
      report('csv import: records per second', RECORDS / seconds, 'records/s');
      report('csv import: peak resident memory (sampled every 50 ms)', peak / MB, 'MB', 500);
      report('csv import: resident memory before the import', rssBefore / MB, 'MB');
    } finally {
      store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
