import { useCallback, useEffect, useState } from 'react';
import type { CallEventKind, ScreenPop } from '@gridcare/contracts';

export interface ActiveCall {
  pop: ScreenPop;
  /** The latest event of the call: ringing, answered, abandoned or ended. */
  status: CallEventKind;
}

/**
 * 来电弹屏: listens on GET /api/telephony/stream (server-sent events, session cookie). A call ringing at or
 * answered by this agent yields its caller number and matching customers; later events of the same call
 * update its status. EventSource reconnects by itself after a network drop; the stream ends for good when
 * another window of the same agent takes it over, or the session is logged out.
 */
export function useScreenPop(enabled = true) {
  const [call, setCall] = useState<ActiveCall | null>(null);
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/telephony/stream', { withCredentials: true });
    const stop = () => {
      source.close();
      setConnected(false);
    };
    source.addEventListener('ready', () => setConnected(true));
    source.addEventListener('screen-pop', (e) => {
      const pop = JSON.parse((e as MessageEvent<string>).data) as ScreenPop;
      setCall({ pop, status: pop.event });
    });
    source.addEventListener('call-status', (e) => {
      const s = JSON.parse((e as MessageEvent<string>).data) as { callId: string; event: CallEventKind };
      setCall((prev) => (prev && prev.pop.callId === s.callId ? { ...prev, status: s.event } : prev));
    });
    source.addEventListener('replaced', stop);
    source.addEventListener('logout', stop);
    source.onerror = () => setConnected(false);
    return () => source.close();
  }, [enabled]);

  const dismiss = useCallback(() => setCall(null), []);
  return { call, connected, dismiss };
}
