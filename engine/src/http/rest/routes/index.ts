import type { RestRoute } from '../route';
import { memberRoutes } from './members';
import { meRoutes } from './me';
import { pointsPaymentRoutes } from './points-payments';
import { purchaseRoutes } from './purchases';
import { redemptionRoutes } from './redemptions';

/** Every REST route below /api/v1, in documentation order. */
export const restRoutes: RestRoute[] = [...memberRoutes, ...purchaseRoutes, ...redemptionRoutes, ...pointsPaymentRoutes, ...meRoutes];
