import type { GuardrailCheck, Guardrails, RolloutForecast, VersionFigures } from './contract';

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Compares the new version (canary) with the old one (control) and the forecast. Too few purchases
 * on the canary is no breach: nothing can be said yet.
 * @example evaluateGuardrails({ canary, control, forecast: { pointsPerPurchase: 10 }, guardrails, at }).reasons
 * // ['Points per purchase 50 is 5x the forecast of 10 (limit 1.5x).']
 */
export function evaluateGuardrails(args: {
  canary: VersionFigures;
  control: VersionFigures;
  forecast: RolloutForecast;
  guardrails: Guardrails;
  at: string;
}): GuardrailCheck {
  const { canary, control, forecast, guardrails: g } = args;
  const reasons: string[] = [];
  if (canary.purchases >= g.minPurchases && canary.pointsPerPurchase !== null) {
    const ppp = canary.pointsPerPurchase;
    if (control.pointsPerPurchase && ppp / control.pointsPerPurchase > g.maxPointsPerPurchaseVsControl) {
      reasons.push(
        `Points per purchase ${round(ppp)} is ${round(ppp / control.pointsPerPurchase)}x the old version's ${round(control.pointsPerPurchase)} (limit ${g.maxPointsPerPurchaseVsControl}x).`,
      );
    }
    if (forecast.pointsPerPurchase && ppp / forecast.pointsPerPurchase > g.maxPointsPerPurchaseVsForecast) {
      reasons.push(
        `Points per purchase ${round(ppp)} is ${round(ppp / forecast.pointsPerPurchase)}x the forecast of ${round(forecast.pointsPerPurchase)} (limit ${g.maxPointsPerPurchaseVsForecast}x).`,
      );
    }
  }
  if (canary.purchases + canary.errors >= g.minPurchases) {
    const errorIncrease = canary.errorRate - control.errorRate;
    if (errorIncrease > g.maxErrorRateIncrease) {
      reasons.push(`Error rate ${round(100 * canary.errorRate)} % against ${round(100 * control.errorRate)} % on the old version (limit +${round(100 * g.maxErrorRateIncrease)} points).`);
    }
    const fraudIncrease = canary.fraudFlagsPer1000 - control.fraudFlagsPer1000;
    if (fraudIncrease > g.maxFraudFlagsPer1000Increase) {
      reasons.push(`Fraud flags ${round(canary.fraudFlagsPer1000)} per 1000 events against ${round(control.fraudFlagsPer1000)} on the old version (limit +${g.maxFraudFlagsPer1000Increase}).`);
    }
  }
  return { at: args.at, breached: reasons.length > 0, reasons, canary, control };
}
