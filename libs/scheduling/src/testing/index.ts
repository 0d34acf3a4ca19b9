export * from './factories';
export * from './arbitraries';
