export * from './queue.module';
export * from './solve-job';
export * from './solve-queue.producer';
