export * from './registers';
export * from './reading-validation';
export * from './estimation';
export * from './unread';
