export * from './model';
export * from './time';
export * from './slots';
export * from './problem';
export * from './event-file';
export * from './solver';
export * from './quality';
export * from './checker';
