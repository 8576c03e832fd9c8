/**
 * The exchange components mounted on the running app's page, for tests/e2e/exchange.test.ts: until they are
 * placed in the screens, this is how a real browser drives them against the real backend (browser mode's
 * /rpc, the same transport the app uses). Bundled by esbuild in the test (bundleHarness below) and evaluated in
 * the page through the debugging protocol; it shows one component at a time in a panel over the app.
 */
import { useEffect, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import i18next from '../../renderer/src/i18n';
import { createTransport } from '../../renderer/src/api/transport';
import { AllChartsZipButton } from '../../renderer/src/exchange/AllChartsZipButton';
import { DownloadExcelButton } from '../../renderer/src/exchange/DownloadExcelButton';
import { InputsImportButton } from '../../renderer/src/exchange/InputsImport';
import { TableCsvButton } from '../../renderer/src/exchange/TableCsvButton';
import { ValueMapImportButton } from '../../renderer/src/exchange/ValueMapImport';
import type { Project } from '../../shared/model';

type Mount =
  | { kind: 'inputs'; projectId: string }
  | { kind: 'excel'; projectId: string; projectName: string }
  | { kind: 'charts'; projectName: string }
  | { kind: 'valueMap' }
  | { kind: 'csv' };

function InputsPanel({ projectId }: { projectId: string }) {
  const [project, setProject] = useState<Project | null>(null);
  const [imports, setImports] = useState(0);
  useEffect(() => {
    void createTransport()('projects/get', { id: projectId }).then((r) => r.ok && setProject(r.value as Project));
  }, [projectId, imports]);
  if (!project) return <p>Loading…</p>;
  return (
    <>
      <p data-testid="harness-inputs-count">{project.inputs.length} cost lines</p>
      <InputsImportButton project={project} onImported={() => setImports((n) => n + 1)} />
    </>
  );
}

function Panel({ mount }: { mount: Mount }) {
  switch (mount.kind) {
    case 'inputs':
      return <InputsPanel projectId={mount.projectId} />;
    case 'excel':
      return <DownloadExcelButton projectId={mount.projectId} projectName={mount.projectName} />;
    case 'charts':
      return (
        <AllChartsZipButton projectName={mount.projectName} scope={() => document.querySelector('.results-charts')} />
      );
    case 'valueMap':
      return (
        <ValueMapImportButton
          onOpenProject={(id) => {
            window.location.hash = `#/projects/${id}/outcomes`;
          }}
        />
      );
    case 'csv':
      return (
        <TableCsvButton
          title="Cost lines"
          fileName="W2 cost lines"
          table={{
            columns: ['Description', 'Funder', 'Amount (EUR)'],
            rows: [
              ['Municipal grant', 'Municipality', { decimal: '80000' }],
              ['Donated van, “as new”', 'Local business', { decimal: '12000' }],
            ],
          }}
        />
      );
  }
}

let root: Root | null = null;

function mountExchange(mount: Mount): void {
  let host = document.getElementById('exchange-harness');
  if (!host) {
    host = document.createElement('section');
    host.id = 'exchange-harness';
    host.setAttribute('aria-label', 'Exchange harness');
    host.style.cssText =
      'position:fixed;right:16px;bottom:16px;z-index:10;background:#fff;border:2px solid #2b5fab;border-radius:8px;padding:12px 16px;max-width:560px;box-shadow:0 4px 16px rgba(0,0,0,.2)';
    document.body.appendChild(host);
    root = createRoot(host);
  }
  root?.render(<Panel mount={mount} />);
}

void i18next;
(window as unknown as { mountExchange: typeof mountExchange }).mountExchange = mountExchange;
