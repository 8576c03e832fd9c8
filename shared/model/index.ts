export * from './schema';
export * from './distribution';
export * from './project-file';
export * from './validate';
export * from './primitives';
