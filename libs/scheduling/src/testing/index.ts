export * from './factories';
export * from './arbitraries';
export * from './planted';
