// Runs the simulator on its own: `npm start -w @gridcare/payment-gateway-sim`.
// Environment: PAYMENT_SIM_PORT (3026), PAYMENT_MERCHANT_ID, PAYMENT_GATEWAY_SECRET.
import { startPaymentGatewaySimulator } from './gateway';

const sim = await startPaymentGatewaySimulator({
  port: Number(process.env.PAYMENT_SIM_PORT ?? 3026),
  merchants: {
    [process.env.PAYMENT_MERCHANT_ID ?? 'GRIDCARE-DEV']:
      process.env.PAYMENT_GATEWAY_SECRET ?? 'gridcare-dev-payment-secret',
  },
});
console.log(`payment gateway simulator: ${sim.url}  (POST /v1/orders/create, GET /orders)`);
const stop = async () => {
  await sim.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
