export * from './access';
export * from './errors';
export * from './pagination';
export * from './loaders';
export * from './id.pipe';
export * from './transaction';
export * from './logger';
export * from './validation.pipe';
