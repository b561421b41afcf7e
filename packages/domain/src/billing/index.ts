// Tariff engine (电价电费计算): the public API of packages/domain/src/billing.
export * from './types';
export { BillingInputError } from './errors';
export { priceBill } from './price-bill';
export { DEFAULT_DEMO_TARIFF } from './demo-tariff';
export { validateTariffVersion } from './validate-tariff';
export { settleResidentialCycle, splitIntoTiers } from './residential-tiers';
export type { TierSettlement, TierSettlementInput } from './residential-tiers';
export { powerFactorAdjustmentRate, powerFactorHundredths } from './power-factor';
export { MIN_SUSPENSION_DAYS } from './basic-charge';
export { touPeriodAt, touSeasonFor } from './tou-periods';
