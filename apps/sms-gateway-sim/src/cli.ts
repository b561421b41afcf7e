// Runs the simulator on its own: `npm start -w @gridcare/sms-gateway-sim`.
// Environment: SMS_SIM_PORT (3025), SMTP_SIM_PORT (2525), SMS_APP_KEY, SMS_APP_SECRET, SMS_REPORT_URL.
import { startMailCatcher } from './mail-catcher';
import { startSmsGatewaySimulator } from './gateway';

const mailCatcher = await startMailCatcher({ port: Number(process.env.SMTP_SIM_PORT ?? 2525) });
const sim = await startSmsGatewaySimulator({
  port: Number(process.env.SMS_SIM_PORT ?? 3025),
  appKey: process.env.SMS_APP_KEY ?? 'gridcare-dev',
  appSecret: process.env.SMS_APP_SECRET ?? 'gridcare-dev-secret',
  reportUrl: process.env.SMS_REPORT_URL ?? 'http://127.0.0.1:3000/api/notifications/sms/reports',
  mailCatcher,
});
console.log(`SMS gateway simulator: ${sim.url}  (POST /v1/sms/send, GET /messages, GET /mails)`);
console.log(`mail catcher: ${mailCatcher.url}`);
const stop = async () => {
  await sim.close();
  await mailCatcher.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
