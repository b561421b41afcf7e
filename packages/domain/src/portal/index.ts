export * from './portal-login';
export * from './portal-masking';
