/**
 * Starter projects for harm-reduction services, and the W2 worked example of METHOD.md as a demo. Each
 * template is a model file (valid against ProjectFile) with stakeholders, typical inputs and outputs, and
 * outcomes with indicators; quantities, proxies and adjustments are the user's to set. Each outcome's notes
 * give guidance, and `suggestions` lists the library entries the proxy browser shows first for it.
 */
import demoW2 from './demo-w2-street-outreach.sroi.json';
import dropIn from './drop-in-centre.sroi.json';
import housingFirst from './housing-first.sroi.json';
import naloxoneOutreach from './naloxone-outreach.sroi.json';
import nsp from './needle-syringe-programme.sroi.json';
import oat from './opioid-agonist-treatment.sroi.json';

export interface TemplateInfo {
  /** Stable id, also the key of its title and description in the interface text (library.templates.items). */
  id: string;
  kind: 'template' | 'demo';
  /** The model file, as JSON (validated by the backend when a project is created from it). */
  file: unknown;
}

export const TEMPLATES: readonly TemplateInfo[] = [
  { id: 'needle-syringe-programme', kind: 'template', file: nsp },
  { id: 'opioid-agonist-treatment', kind: 'template', file: oat },
  { id: 'naloxone-outreach', kind: 'template', file: naloxoneOutreach },
  { id: 'drop-in-centre', kind: 'template', file: dropIn },
  { id: 'housing-first', kind: 'template', file: housingFirst },
  { id: 'demo-w2-street-outreach', kind: 'demo', file: demoW2 },
];

/** Library entries suggested for each template outcome (by outcome id, unique across the templates). */
export const SUGGESTED_PROXIES: Readonly<Record<string, readonly string[]>> = {
  'nsp-hiv': ['hiv_averted_net_saving_us', 'hiv_lifetime_cost_uk', 'hiv_lifetime_cost_us'],
  'nsp-hcv': ['hcv_lifetime_cost_us', 'hcv_lifetime_cost_au_pwid'],
  'nsp-infections': ['endocarditis_idu_au'],
  'oat-qaly': ['qaly_value_uk'],
  'oat-overdose': ['vsl_eu27_heat', 'vpf_uk', 'vsl_us_epa'],
  'oat-crime': ['crime_untreated_user_uk', 'police_response_violent_us'],
  'oat-prison': ['prison_year_ew'],
  'thn-deaths': ['vsl_eu27_heat', 'vpf_uk', 'vsl_us_epa'],
  'thn-nonfatal': ['nonfatal_od_30d_cost_us'],
  'thn-ambulance': ['ambulance_callout_uk'],
  'thn-ed': ['ed_attendance_uk'],
  'dic-ed': ['ed_attendance_uk'],
  'dic-infections': ['endocarditis_idu_au'],
  'dic-qaly': ['qaly_value_uk'],
  'hf-homelessness': ['homeless_services_brussels', 'homeless_public_cost_uk'],
  'hf-offset': ['housing_first_offset_seattle'],
  'hf-shelter': ['shelter_night_us'],
  'hf-prison': ['prison_year_ew'],
  'hf-ed': ['ed_attendance_uk'],
};

export function suggestionsFor(outcomeId: string): readonly string[] {
  return SUGGESTED_PROXIES[outcomeId] ?? [];
}

/** A template's file ready to import as a new project: a fresh id, so every use makes a separate project. */
export function templateForImport(template: TemplateInfo, newId: string): unknown {
  const file = template.file as { project: Record<string, unknown> };
  return { ...file, project: { ...file.project, id: newId } };
}
