export * from './common';
export * from './messages';
export * from './auth';
export * from './validators';
export * from './customers';
export * from './org';
export * from './account-managers';
export * from './imports';
