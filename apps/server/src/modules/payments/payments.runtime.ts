// What `npm start` runs for online payments: without PAYMENT_GATEWAY_URL, the bundled payment gateway
// simulator (apps/payment-gateway-sim) on GRIDCARE_DEV_PAYMENT_PORT (3026), and this process pointed at it.
// GRIDCARE_DEV_GATEWAYS=off turns the simulators off.
import { paymentGatewaySettingsFromEnv, usePaymentGatewaySettings } from './gateway/gateway.settings';

export interface PaymentsRuntime {
  banner: string[];
  stop(): Promise<void>;
}

export async function startPaymentGateway(env: NodeJS.ProcessEnv = process.env): Promise<PaymentsRuntime> {
  const settings = paymentGatewaySettingsFromEnv(env);
  if (env.PAYMENT_GATEWAY_URL || env.GRIDCARE_DEV_GATEWAYS === 'off')
    return { banner: [`Payment gateway: ${settings.url}`], stop: async () => undefined };
  const port = Number(env.GRIDCARE_DEV_PAYMENT_PORT ?? 3026);
  try {
    const sim = await import('@gridcare/payment-gateway-sim');
    const gateway = await sim.startPaymentGatewaySimulator({
      port,
      merchants: { [settings.merchantId]: settings.secret },
    });
    usePaymentGatewaySettings({ ...settings, url: gateway.url });
    return {
      banner: [
        `Online payments (local payment gateway simulator): orders and callbacks at ${gateway.url}/orders`,
      ],
      stop: () => gateway.close(),
    };
  } catch (e) {
    return {
      banner: [`Payment gateway simulator could not listen on ${port}: ${(e as Error).message}`],
      stop: async () => undefined,
    };
  }
}
