// "Test connection" in Settings: asks Ozon which roles the saved key has. Never returns the key.
import { AppError } from '../core/errors';
import { createOzonClient } from './client';
import type { ClockPort, HttpPort } from './ports';
import type { Credentials } from './transport';

export interface ConnectionReport {
  roles: string[];
  methodsCount: number;
  expiresAt: string | null;
  clientId: string;
}

export function testOzonConnection(
  credentials: Credentials | null,
  http: HttpPort,
  clock: ClockPort,
  deadline?: number,
): ConnectionReport {
  if (!credentials) throw new AppError('credentials.missing', 'error.credentials.missing');
  const client = createOzonClient({ credentials, http, clock, deadline, maxTries: 3 });
  const { roles, expiresAt } = client.roles();
  const methods = new Set(roles.flatMap((r) => r.methods));
  return {
    roles: roles.map((r) => r.name),
    methodsCount: methods.size,
    expiresAt: expiresAt ?? null,
    clientId: credentials.clientId,
  };
}
