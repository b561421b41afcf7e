// 收费与欠费 payments, arrears and disconnection rules (domain.md §10). The date helpers are exported
// under collection-specific names so they cannot clash with other rule folders' helpers.
export {
  shanghaiDate as businessDateShanghai,
  daysBetween as daysBetweenDates,
  addDays as addDaysToDate,
} from './dates';
export * from './late-fee';
export * from './allocation';
export * from './disconnection';
export * from './collection-rate';
