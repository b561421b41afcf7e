// The SMS-gateway simulator on its own port in a process of its own, without delivery reports, for the
// delivery benchmark: `node --import tsx bench/src/lib/sms-sim-process.ts <port>`.
import { startSmsGatewaySimulator } from '../../../apps/sms-gateway-sim/src/gateway';
import {
  DEV_SMS_APP_KEY,
  DEV_SMS_APP_SECRET,
} from '../../../apps/server/src/modules/notifications/notifications.config';

const sim = await startSmsGatewaySimulator({
  port: Number(process.argv[2]),
  appKey: DEV_SMS_APP_KEY,
  appSecret: DEV_SMS_APP_SECRET,
  reportUrl: null,
});
console.log(`listening ${sim.url}`);
process.on('SIGTERM', () => {
  void sim.close().then(() => process.exit(0));
});
