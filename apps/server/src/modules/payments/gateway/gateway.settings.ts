// Where the payment gateway is and who we are to it. Without PAYMENT_GATEWAY_URL, `npm start` runs the
// bundled simulator (apps/payment-gateway-sim) on GRIDCARE_DEV_PAYMENT_PORT (3026) and points here.
export interface PaymentGatewaySettings {
  url: string;
  merchantId: string;
  secret: string;
  /** Where the gateway posts its notifications (our public callback URL). */
  notifyUrl: string;
  /** The public origin of the web app: the gateway sends the customer back here. */
  publicUrl: string;
}

let override: PaymentGatewaySettings | null = null;

export function paymentGatewaySettingsFromEnv(env: NodeJS.ProcessEnv = process.env): PaymentGatewaySettings {
  const port = env.PORT ?? '3000';
  const publicUrl = (env.GRIDCARE_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  return {
    url: (env.PAYMENT_GATEWAY_URL ?? `http://127.0.0.1:${env.GRIDCARE_DEV_PAYMENT_PORT ?? 3026}`).replace(
      /\/$/,
      '',
    ),
    merchantId: env.PAYMENT_MERCHANT_ID ?? 'GRIDCARE-DEV',
    secret: env.PAYMENT_GATEWAY_SECRET ?? 'gridcare-dev-payment-secret',
    notifyUrl: env.PAYMENT_NOTIFY_URL ?? `http://127.0.0.1:${port}/api/payments/gateway/notify`,
    publicUrl,
  };
}

export function paymentGatewaySettings(): PaymentGatewaySettings {
  return override ?? paymentGatewaySettingsFromEnv();
}

/** Points this process at a gateway (the simulator started by `npm start`, or one in a test). */
export function usePaymentGatewaySettings(settings: PaymentGatewaySettings | null): void {
  override = settings;
}
