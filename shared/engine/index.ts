export * from './figure';
export * from './sroi';
export * from './switching';
export * from './warnings';
export { computeInvestment, inputAmount, type InvestmentResult, type InputResult, type Share } from './investment';
export { DiscountFactors } from './discount';
export { effectiveProxyValue } from './proxy';
export { impactOf, lastYearOf, valueStream } from './value-stream';
