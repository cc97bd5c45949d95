export * from './ids';
export * from './insights';
export * from './model';
