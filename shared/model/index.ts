export * from './schema';
export * from './distribution';
export * from './project-file';
export * from './validate';
export * from './primitives';
export * from './cost-effectiveness';
export * from './simulation';
