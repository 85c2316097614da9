/**
 * The OKR quality coach: pure, explainable rules that review a draft
 * objective as it is typed (browser) and before it is published (server).
 * See docs/quality-rules.md for the catalogue as users see it.
 */
export * from './types.js';
export { QUALITY_RULES, isRuleId, ruleById } from './catalogue.js';
export { QUALITY_PENALTIES, checkQuality, qualityScore, teamQualityScore, type QualityReport } from './check-quality.js';
export { RULE_SETTINGS, changedRules, resolvePrinciples, ruleSetting, validatePrinciples } from './principles.js';
export { describePrinciples } from './describe-principles.js';
export { keyResultSubject } from './subject.js';
