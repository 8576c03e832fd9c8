/**
 * The first schema. STRICT tables; CHECK constraints mirror the zod rules of shared/model so that even a bug
 * in the backend cannot store what the model forbids. Decimals are TEXT in canonical form (no money arithmetic
 * in SQL; the GLOB checks only guard the shape). Lists keep the user's order in `position`.
 */
import type { Migration } from './types';

/** A canonical decimal: optional minus, digits, optional fraction; nothing else. */
const decimal = (column: string) =>
  `(${column} GLOB '[0-9]*' OR ${column} GLOB '-[0-9]*') AND ${column} NOT GLOB '*[^0-9.-]*' AND ${column} NOT GLOB '?*-*' AND ${column} NOT GLOB '*.*.*' AND ${column} NOT GLOB '*.'`;
const nonNegative = (column: string) => `${decimal(column)} AND ${column} NOT GLOB '-*'`;
/** 0..1 checked on the text (a REAL cast would let 1.00000000000000000001 through). */
const fraction = (column: string) =>
  `${nonNegative(column)} AND (${column} IN ('0', '1') OR ${column} GLOB '0.*' OR (${column} GLOB '1.*' AND ${column} NOT GLOB '1.*[1-9]*'))`;
const json = (column: string) => `json_valid(${column})`;

export const initialSchema: Migration = {
  version: 1,
  name: 'initial schema: projects and their aggregates, audit log',
  up(db) {
    db.exec(`
      CREATE TABLE projects (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
        organisation TEXT NOT NULL DEFAULT '' CHECK (length(organisation) <= 200),
        programme TEXT NOT NULL DEFAULT '' CHECK (length(programme) <= 4000),
        analysis_type TEXT NOT NULL CHECK (analysis_type IN ('forecast', 'evaluative')),
        period_start TEXT NOT NULL CHECK (date(period_start) IS period_start),
        period_end TEXT NOT NULL CHECK (date(period_end) IS period_end AND period_end >= period_start),
        price_year INTEGER NOT NULL CHECK (price_year BETWEEN 1900 AND 2200),
        currency TEXT NOT NULL CHECK (length(currency) = 3 AND upper(currency) = currency),
        discount_rate TEXT NOT NULL CHECK (${nonNegative('discount_rate')}),
        year_one_convention TEXT NOT NULL CHECK (year_one_convention IN ('guide', 'year0')),
        effect_unit TEXT NOT NULL DEFAULT '' CHECK (length(effect_unit) <= 100),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        archived_at TEXT,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX projects_by_updated ON projects (deleted_at, updated_at DESC);

      CREATE TABLE stakeholders (
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
        size INTEGER CHECK (size IS NULL OR size >= 0),
        involvement TEXT NOT NULL DEFAULT '',
        people_consulted INTEGER CHECK (people_consulted IS NULL OR people_consulted >= 0),
        PRIMARY KEY (project_id, id)
      ) STRICT;

      CREATE TABLE inputs (
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        stakeholder_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('cash', 'in-kind', 'volunteer')),
        description TEXT NOT NULL CHECK (length(trim(description)) BETWEEN 1 AND 300),
        category TEXT NOT NULL CHECK (length(trim(category)) BETWEEN 1 AND 100),
        funder TEXT NOT NULL DEFAULT '',
        year INTEGER NOT NULL CHECK (year BETWEEN 1 AND 100),
        notes TEXT NOT NULL DEFAULT '',
        amount TEXT CHECK (amount IS NULL OR (${nonNegative('amount')})),
        valuation_source TEXT NOT NULL DEFAULT '',
        hours TEXT CHECK (hours IS NULL OR (${nonNegative('hours')})),
        hourly_rate TEXT CHECK (hourly_rate IS NULL OR (${nonNegative('hourly_rate')})),
        rate_source TEXT NOT NULL DEFAULT '',
        CHECK (CASE kind
          WHEN 'volunteer' THEN hours IS NOT NULL AND hourly_rate IS NOT NULL AND amount IS NULL
          ELSE amount IS NOT NULL AND hours IS NULL AND hourly_rate IS NULL END),
        PRIMARY KEY (project_id, id),
        FOREIGN KEY (project_id, stakeholder_id) REFERENCES stakeholders (project_id, id)
      ) STRICT;

      CREATE TABLE outputs (
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
        unit TEXT NOT NULL DEFAULT '',
        stakeholder_id TEXT,
        notes TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (project_id, id),
        FOREIGN KEY (project_id, stakeholder_id) REFERENCES stakeholders (project_id, id)
      ) STRICT;

      -- Records are additive: several rows for one month (per site, per worker) add up.
      CREATE TABLE output_records (
        seq INTEGER PRIMARY KEY,
        project_id TEXT NOT NULL,
        output_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        period TEXT NOT NULL CHECK (
          (period GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' AND substr(period, 6, 2) BETWEEN '01' AND '12')
          OR period GLOB '[0-9][0-9][0-9][0-9]'
          OR period GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]/[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
        ),
        count TEXT NOT NULL CHECK (${nonNegative('count')}),
        breakdown TEXT NOT NULL DEFAULT '[]' CHECK (${json('breakdown')}),
        FOREIGN KEY (project_id, output_id) REFERENCES outputs (project_id, id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX output_records_by_output ON output_records (project_id, output_id, position);

      CREATE TABLE outcomes (
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        stakeholder_id TEXT NOT NULL,
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 300),
        indicator TEXT NOT NULL DEFAULT '',
        evidence_source TEXT NOT NULL DEFAULT '',
        quantity TEXT NOT NULL CHECK (${nonNegative('quantity')}),
        proxy_description TEXT NOT NULL CHECK (length(trim(proxy_description)) BETWEEN 1 AND 300),
        proxy_value TEXT NOT NULL CHECK (${decimal('proxy_value')}),
        proxy_currency TEXT NOT NULL CHECK (length(proxy_currency) = 3 AND upper(proxy_currency) = proxy_currency),
        proxy_price_year INTEGER NOT NULL CHECK (proxy_price_year BETWEEN 1900 AND 2200),
        proxy_source TEXT NOT NULL DEFAULT '',
        proxy_source_url TEXT NOT NULL DEFAULT '',
        proxy_library_id TEXT,
        proxy_price_index TEXT CHECK (proxy_price_index IS NULL OR ${json('proxy_price_index')}),
        proxy_exchange_rate TEXT CHECK (proxy_exchange_rate IS NULL OR ${json('proxy_exchange_rate')}),
        duration INTEGER NOT NULL CHECK (duration BETWEEN 0 AND 100),
        start TEXT NOT NULL CHECK (start IN ('during', 'after')),
        deadweight TEXT NOT NULL CHECK (${fraction('deadweight')}),
        displacement TEXT NOT NULL CHECK (${fraction('displacement')}),
        attribution TEXT NOT NULL CHECK (${fraction('attribution')}),
        drop_off TEXT NOT NULL CHECK (${fraction('drop_off')}),
        attribution_shares TEXT NOT NULL DEFAULT '[]' CHECK (${json('attribution_shares')}),
        intended INTEGER NOT NULL CHECK (intended IN (0, 1)),
        notes TEXT NOT NULL DEFAULT '',
        uncertainty TEXT NOT NULL DEFAULT '{}' CHECK (${json('uncertainty')}),
        PRIMARY KEY (project_id, id),
        FOREIGN KEY (project_id, stakeholder_id) REFERENCES stakeholders (project_id, id)
      ) STRICT;

      CREATE TABLE evidence (
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        outcome_id TEXT,
        title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 300),
        kind TEXT NOT NULL CHECK (kind IN ('survey', 'interviews', 'administrative data', 'literature', 'other')),
        citation TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (project_id, id),
        FOREIGN KEY (project_id, outcome_id) REFERENCES outcomes (project_id, id)
      ) STRICT;

      CREATE TABLE stories (
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        outcome_id TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('quote', 'case')),
        text TEXT NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 10000),
        consent INTEGER NOT NULL CHECK (consent IN (0, 1)),
        anonymised INTEGER NOT NULL CHECK (anonymised IN (0, 1)),
        attributed_to TEXT NOT NULL DEFAULT '',
        date TEXT CHECK (date IS NULL OR date(date) IS date),
        PRIMARY KEY (project_id, id),
        FOREIGN KEY (project_id, outcome_id) REFERENCES outcomes (project_id, id)
      ) STRICT;

      CREATE TABLE strategies (
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
        cost TEXT NOT NULL CHECK (${decimal('cost')}),
        effect TEXT NOT NULL CHECK (${decimal('effect')}),
        notes TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (project_id, id)
      ) STRICT;

      CREATE TABLE scenarios (
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
        description TEXT NOT NULL DEFAULT '',
        overrides TEXT NOT NULL DEFAULT '[]' CHECK (${json('overrides')}),
        PRIMARY KEY (project_id, id)
      ) STRICT;

      -- Who changed what, when: one row per changed field, shown as the project's history.
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        project_id TEXT NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore', 'import')),
        field TEXT,
        old_value TEXT,
        new_value TEXT
      ) STRICT;
      CREATE INDEX audit_log_by_project ON audit_log (project_id, seq DESC);
    `);
  },
};
