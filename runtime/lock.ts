// LockService: one document lock, one script lock and one user lock. Executions run one at a time
// here, so contention comes from `rt.lock.holdDocumentLock()` (another execution holding it).
import { expose } from './bridge';
import type { Engine } from './execution';

type Owner = number | 'other' | null;

export class LockState {
  owners: Record<'document' | 'script' | 'user', Owner> = { document: null, script: null, user: null };
  /** How many outside holds per lock (rt.lock.hold*). */
  outside: Record<'document' | 'script' | 'user', number> = { document: 0, script: 0, user: 0 };

  hold(kind: 'document' | 'script' | 'user'): () => void {
    this.outside[kind]++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.outside[kind]--;
    };
  }
}

export function lockService(engine: Engine, state: LockState) {
  const make = (kind: 'document' | 'script' | 'user') => {
    const mine = () => engine.current !== null && state.owners[kind] === engine.current.id;
    const free = () => state.outside[kind] === 0 && (state.owners[kind] === null || mine());
    const acquire = (): boolean => {
      const ex = engine.current;
      if (!free()) return false;
      if (ex && state.owners[kind] !== ex.id) {
        state.owners[kind] = ex.id;
        ex.onEnd.push(() => {
          if (state.owners[kind] === ex.id) state.owners[kind] = null;
        });
      }
      return true;
    };
    const timeout = (ms: unknown) => {
      const n = Number(ms);
      if (!Number.isFinite(n) || n < 0) throw new Error('Invalid argument: timeoutInMillis');
      return Math.min(n, 300_000);
    };
    return expose(
      engine,
      {
        tryLock(ms: number) {
          engine.call('lock');
          const wait = timeout(ms);
          if (acquire()) return true;
          engine.spend(wait);
          return false;
        },
        waitLock(ms: number) {
          engine.call('lock');
          const wait = timeout(ms);
          if (acquire()) return;
          engine.spend(wait);
          throw new Error('Lock timeout: another process was holding the lock for too long.');
        },
        releaseLock() {
          engine.call('lock');
          if (mine()) state.owners[kind] = null;
        },
        hasLock() {
          return mine();
        },
      },
      'Lock',
    );
  };
  return expose(
    engine,
    {
      getDocumentLock: () => (engine.lacks('documentLock') ? null : make('document')),
      getScriptLock: () => make('script'),
      getUserLock: () => make('user'),
    },
    'LockService',
  );
}
