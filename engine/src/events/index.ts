/**
 * The events room: what happens when a till, web shop or app reports something. Each service is
 * one verb taking `({ ctx, input })`, parses its input with zod and writes in one BEGIN IMMEDIATE
 * transaction (ledger postings, rule awards, tier history and outbox events together).
 * @example
 *   import { processPurchase, processReturn, quoteBasket } from './events';
 *   const p = processPurchase({ ctx: { db }, input: { programId, storeId, receiptNumber: 'R-1', member: { cardNumber }, items } });
 *   processReturn({ ctx: { db }, input: { programId, storeId, returnRef: 'RT-1', purchaseId: p.purchaseId, lines: [{ ref: '1', quantity: 1 }] } });
 */
export { cancelRewardReservation } from './cancel-reward-reservation';
export { commitRewardReservation, ResolveReservationInput } from './commit-reward-reservation';
export { enrolMember, EnrolMemberInput } from './enrol-member';
export { getMemberStatus, GetMemberStatusInput, type MemberStatus } from './get-member-status';
export { EventTime, MemberRef, PaymentMethod, PurchaseChannel, PurchaseLine } from './inputs';
export { listMemberActivity, ListMemberActivityInput, type ActivityItem } from './list-member-activity';
export { listRewards, type RewardOption } from './list-rewards';
export { CustomEventKind, processCustomEvent, ProcessCustomEventInput, type CustomEventResult } from './process-custom-event';
export {
  cancelPointsPayment,
  commitPointsPayment,
  maxPointsPayment,
  PayWithPointsInput,
  payWithPoints,
  releaseLapsedPointsPayments,
  reservePointsPayment,
  ResolvePointsPaymentInput,
  type PointsPaymentView,
} from './points-payments';
export { processPurchase, processPurchases, ProcessPurchaseInput, type EarnedRule, type PurchaseResult } from './process-purchase';
export { processReturn, ProcessReturnInput, ReturnLine, type ReturnResult } from './process-return';
export { activeVersionId, cachedRuntimeCount, runtimeFor, runtimeOfVersion, type ProgramRuntime } from './program-runtime';
export { quoteBasket, QuoteBasketInput, type BasketQuote } from './quote-basket';
export { receiptText, ReceiptTextInput } from './receipt-text';
export { redeemReward } from './redeem-reward';
export { RedeemRewardInput, releaseLapsedRedemptions, type RedemptionView } from './redemption-store';
export { reserveReward } from './reserve-reward';
export { checkReward, rewardValue, type RewardCheck, type RewardRefusal } from './reward-rules';
export { issueMemberToken, IssueMemberTokenInput } from './tokens/issue-member-token';
export { resolveMemberToken, type MemberPrincipal } from './tokens/resolve-member-token';
export { revokeMemberToken, RevokeMemberTokenInput } from './tokens/revoke-member-token';
