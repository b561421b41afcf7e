export * from './dates';
export * from './late-fee';
export * from './allocation';
export * from './disconnection';
export * from './collection-rate';
