// Asks the simulator directly, as Ozon's API would be asked, for a test's ground truth.
import type { Simulator } from '../../simulator';

export function callSim(sim: Simulator, path: string, body?: unknown) {
  const r = sim.handle({
    method: body === undefined ? 'GET' : 'POST',
    url: `https://api-seller.ozon.ru${path}`,
    headers: { 'Client-Id': sim.credentials.clientId, 'Api-Key': sim.credentials.apiKey },
    payload: body === undefined ? '' : JSON.stringify(body),
  });
  return JSON.parse(String(r.body));
}
