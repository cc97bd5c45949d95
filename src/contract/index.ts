export * from './api';
export * from './export-document';
export * from './export-pages';
export * from './ids';
export * from './insights';
export * from './model';
export * from './result';
export * from './views';
