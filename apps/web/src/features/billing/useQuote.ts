import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { QuoteInput, QuoteResult } from './types';

/** POST /api/billing/quote — prices a hypothetical bill; saves nothing. */
export function useQuote() {
  return useMutation({
    mutationFn: (body: QuoteInput) => api<QuoteResult>('/api/billing/quote', { method: 'POST', body }),
  });
}
