export * from './work-order-model';
export * from './work-order-state';
export * from './working-calendar';
export * from './deadlines';
export * from './return-visit';
export * from './time-limits';
export * from './routing';
export * from './clock-thresholds';
