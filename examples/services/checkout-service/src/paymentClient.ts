import CircuitBreaker from 'opossum';
import pRetry from 'p-retry';

/** Calls the payment gateway with retries inside a circuit breaker. */
export function createPaymentClient(baseUrl: string) {
  const authorize = async (orderId: string, amountCents: number) => {
    const response = await fetch(`${baseUrl}/authorizations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ orderId, amountCents }),
    });
    if (!response.ok) throw new Error(`payment gateway answered ${response.status}`);
    return (await response.json()) as { authorizationId: string };
  };
  const breaker = new CircuitBreaker(
    (orderId: string, amountCents: number) =>
      pRetry(() => authorize(orderId, amountCents), { retries: 3, minTimeout: 200 }),
    { errorThresholdPercentage: 50, resetTimeout: 30_000 },
  );
  return { authorize: (orderId: string, amountCents: number) => breaker.fire(orderId, amountCents) };
}
