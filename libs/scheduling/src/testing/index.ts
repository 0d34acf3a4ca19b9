export * from './factories';
export * from './arbitraries';
export * from './planted';
export * from './realistic';
