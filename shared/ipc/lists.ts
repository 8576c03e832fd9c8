/** The lists of a project that share the save / delete / reorder channels. */
export const LIST_NAMES = [
  'stakeholders',
  'inputs',
  'outputs',
  'outcomes',
  'evidence',
  'stories',
  'strategies',
  'scenarios',
] as const;
export type ListName = (typeof LIST_NAMES)[number];
