// Sub-categories offered per type on the intake form. Complaints follow the routing rules' categories
// (domain.md §4: supply quality → production, capacity → planning, billing → marketing); applications
// start with the meter test (计量装置校验, S003/5), whose sub-category selects the 7-day clock.
import { COMPLAINT_SUBCATEGORIES, METER_TEST_SUBCATEGORY, type WorkOrderType } from '@gridcare/domain';

export const APPLICATION_SUBCATEGORIES = [
  METER_TEST_SUBCATEGORY,
  'tariff_change',
  'capacity_change',
  'name_change',
  'other',
] as const;

export const SUB_CATEGORIES: Partial<Record<WorkOrderType, readonly string[]>> = {
  complaint: COMPLAINT_SUBCATEGORIES,
  application: APPLICATION_SUBCATEGORIES,
};

/** Every known sub-category once (for the configuration screens, which are not tied to one type). */
export const ALL_SUB_CATEGORIES = [...new Set(Object.values(SUB_CATEGORIES).flat())];
